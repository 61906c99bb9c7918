import { Badge, Button, Group, List, Modal, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useSuspenseQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { referenceQueries } from '../../../api/reference';
import type { User } from '../../../contracts/user';
import { rightsSummary } from '../rights-words';
import { UserRightsEditor } from './user-rights-editor';

interface UsersListProps {
  /** The signed-in user's id, marked "(you)" in the list. */
  currentUserId: number;
}

/** The account's users with their customers rights in words, and an editor per user. */
export function UsersList({ currentUserId }: UsersListProps) {
  const { data: users } = useSuspenseQuery(referenceQueries.users());
  const [editing, setEditing] = useState<User | null>(null);

  return (
    <Stack gap="md" component="section" aria-labelledby="users-title">
      <Title order={2} id="users-title">
        Users
      </Title>
      <Table.ScrollContainer minWidth={640}>
        <Table verticalSpacing="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Name</Table.Th>
              <Table.Th>Email</Table.Th>
              <Table.Th>Customers rights</Table.Th>
              <Table.Th>Actions</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {users.map((user) => (
              <Table.Tr key={user.id}>
                <Table.Td>
                  <Group gap="xs" wrap="nowrap">
                    <Text size="sm" fw={500}>
                      {user.name}
                    </Text>
                    {user.rights.is_admin && (
                      <Badge size="sm" variant="light">
                        Admin
                      </Badge>
                    )}
                    {user.id === currentUserId && (
                      <Text size="xs" c="dimmed">
                        (you)
                      </Text>
                    )}
                  </Group>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{user.email}</Text>
                </Table.Td>
                <Table.Td>
                  <List size="sm" listStyleType="none" spacing={0}>
                    {rightsSummary(user.rights.customers).map((words) => (
                      <List.Item key={words}>{words}</List.Item>
                    ))}
                  </List>
                </Table.Td>
                <Table.Td>
                  <Button
                    variant="default"
                    size="xs"
                    onClick={() => setEditing(user)}
                    aria-label={`Edit rights of ${user.name}`}
                  >
                    Edit rights
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Modal
        closeButtonProps={{ 'aria-label': 'Close' }}
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={editing ? `Rights of ${editing.name}` : 'Rights'}
        centered
        size="lg"
      >
        {editing && (
          <UserRightsEditor
            user={editing}
            isSelf={editing.id === currentUserId}
            onDone={() => setEditing(null)}
            onSaved={() => {
              notifications.show({ color: 'green', message: `Rights of ${editing.name} saved` });
              setEditing(null);
            }}
          />
        )}
      </Modal>
    </Stack>
  );
}
