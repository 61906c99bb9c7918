import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { settingsErrorMessage } from '../api-problem';

interface ProblemAlertProps {
  error: unknown;
  /** Offered only when trying again could help (not for 400/402/403). */
  onRetry?: () => void;
}

export function ProblemAlert({ error, onRetry }: ProblemAlertProps) {
  const { title, detail, retry } = settingsErrorMessage(error);
  return (
    <Alert color="red" variant="light" title={title} role="alert">
      <Stack gap="xs">
        {detail && <Text size="sm">{detail}</Text>}
        {retry && onRetry && (
          <Group>
            <Button variant="default" size="xs" onClick={onRetry}>
              Try again
            </Button>
          </Group>
        )}
      </Stack>
    </Alert>
  );
}
