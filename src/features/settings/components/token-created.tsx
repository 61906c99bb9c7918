import { Alert, Button, Code, CopyButton, Group, Stack, Text } from '@mantine/core';

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
        <Code block aria-label="New API token">
          {accessToken}
        </Code>
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
