import { Button, List, Paper, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { authQueries } from '../../../api/auth-queries';

interface DemoUsersProps {
  onPick: (credentials: { email: string; password: string }) => void;
}

/** Says which demo users exist; renders nothing on an account without the demo seed. */
export function DemoUsers({ onPick }: DemoUsersProps) {
  // Not a suspense query: the form must be usable before (or without) this answer.
  const { data } = useQuery(authQueries.demoUsers());
  const users = data?.users ?? [];
  if (users.length === 0) return null;

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="demo-users-heading">
      <Text id="demo-users-heading" fw={600} size="sm" mb="xs">
        Demo users
      </Text>
      <List spacing="xs" size="sm" listStyleType="none">
        {users.map((user) => (
          <List.Item key={user.email}>
            <Text span size="sm">
              {user.email} ({user.role}), password{' '}
              <Text span ff="monospace">
                {user.password}
              </Text>
            </Text>{' '}
            <Button
              variant="subtle"
              size="compact-xs"
              onClick={() => {
                onPick({ email: user.email, password: user.password });
              }}
              aria-label={`Fill in ${user.email}`}
            >
              Use
            </Button>
          </List.Item>
        ))}
      </List>
    </Paper>
  );
}
