import { Alert, Stack, Text } from '@mantine/core';
import { Link } from '../../../components/link';

/** What a non-administrator sees on an admin-only settings page (the server refuses them anyway). */
export function AdminsOnly() {
  return (
    <Stack gap="md" maw={640}>
      <Alert color="yellow" variant="light" title="Administrators only">
        <Stack gap="xs">
          <Text size="sm">
            Only an administrator of the account can change the customers mode, segments and user
            rights. Ask an administrator if something here needs to change.
          </Text>
          <Text size="sm">
            You can still manage <Link to="/settings/tokens">your own API tokens</Link> or go back
            to <Link to="/customers">customers</Link>.
          </Text>
        </Stack>
      </Alert>
    </Stack>
  );
}
