import { Stack, Text, Title } from '@mantine/core';
import { Link } from '../../../components/link';

/** What a non-administrator sees on an admin-only settings page (the server refuses them anyway). */
export function AdminsOnly() {
  return (
    <Stack gap="sm" maw={640} component="section" aria-labelledby="admins-only-title">
      <Title order={2} id="admins-only-title">
        Administrators only
      </Title>
      <Text>
        Only an administrator of the account can change the customers mode, segments and user
        rights. Ask an administrator if something here needs to change.
      </Text>
      <Text>
        You can still manage <Link to="/settings/tokens">your own API tokens</Link>, or go back to{' '}
        <Link to="/customers">customers</Link>.
      </Text>
    </Stack>
  );
}
