import { Alert, Button, Code, CopyButton, Group, Stack, Text, TextInput } from '@mantine/core';
import classes from './token-created.module.css';

interface TokenCreatedProps {
  name: string;
  accessToken: string;
  onDismiss: () => void;
}

/** The one time the secret is on screen: the server keeps only its hash. */
export function TokenCreated({ name, accessToken, onDismiss }: TokenCreatedProps) {
  return (
    <Alert color="green" variant="light" title={`Token ${name} created`}>
      <Stack gap="sm">
        <Text size="sm" fw={500}>
          Copy it now: it will not be shown again.
        </Text>
        <TextInput
          label="New API token"
          value={accessToken}
          readOnly
          onFocus={(event) => event.currentTarget.select()}
          classNames={{ input: classes.secret }}
        />
        <Text size="sm">
          Send it as <Code>Authorization: Bearer &lt;token&gt;</Code> to <Code>/api/v4/*</Code>.
        </Text>
        <Group gap="sm">
          <CopyButton value={accessToken}>
            {({ copied, copy }) => (
              <Button size="xs" color={copied ? 'teal' : undefined} onClick={copy}>
                {copied ? 'Copied' : 'Copy token'}
              </Button>
            )}
          </CopyButton>
          <Button size="xs" variant="default" onClick={onDismiss}>
            Done
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}
