import { Button, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQuery, useSuspenseQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { referenceQueries } from '../../../api/reference';
import { tokenQueries, useCreateToken, useRevokeToken } from '../../../api/tokens';
import { EmptyState } from '../../../components/empty-state';
import type { ApiToken } from '../../../contracts/auth';
import { ConfirmDialog } from './confirm-dialog';
import { ProblemAlert } from './problem-alert';
import { TokenCreated } from './token-created';
import { TokenCreateForm } from './token-create-form';

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const formatTime = (seconds: number | null) =>
  seconds === null ? 'Never' : dateTime.format(new Date(seconds * 1000));

interface TokensManagerProps {
  currentUserId: number;
  isAdmin: boolean;
}

/** Long-lived API tokens: your own; an administrator sees and revokes everyone's. */
export function TokensManager({ currentUserId, isAdmin }: TokensManagerProps) {
  const { data: tokens } = useSuspenseQuery(tokenQueries.list());
  // Owners' names, for administrators (who see everyone's tokens).
  const users = useQuery({ ...referenceQueries.users(), enabled: isAdmin });
  const create = useCreateToken();
  const revoke = useRevokeToken();
  const [created, setCreated] = useState<{ name: string; accessToken: string } | null>(null);
  const [revoking, setRevoking] = useState<ApiToken | null>(null);

  const ownerName = (userId: number) =>
    userId === currentUserId
      ? 'You'
      : (users.data?.find((user) => user.id === userId)?.name ?? `User ${String(userId)}`);

  return (
    <Stack gap="lg" component="section" aria-labelledby="tokens-title">
      <Stack gap={4}>
        <Title order={2} id="tokens-title">
          API tokens
        </Title>
        <Text size="sm" c="dimmed" maw={640}>
          Long-lived tokens let scripts and integrations call the API. A token acts with its
          owner&apos;s rights and stops working the moment it is revoked.
        </Text>
      </Stack>

      {created ? (
        <TokenCreated
          name={created.name}
          accessToken={created.accessToken}
          onDismiss={() => setCreated(null)}
        />
      ) : (
        <TokenCreateForm
          currentUserId={currentUserId}
          users={isAdmin ? (users.data ?? null) : null}
          onCreate={(input) =>
            create.mutateAsync(input).then((token) => {
              setCreated({ name: token.name, accessToken: token.access_token });
            })
          }
        />
      )}

      {revoke.isError && <ProblemAlert error={revoke.error} />}

      {tokens.length === 0 ? (
        <EmptyState title="No API tokens" description="Tokens you create are listed here." />
      ) : (
        <Table.ScrollContainer minWidth={560}>
          <Table verticalSpacing="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Name</Table.Th>
                {isAdmin && <Table.Th>Owner</Table.Th>}
                <Table.Th>Created</Table.Th>
                <Table.Th>Last used</Table.Th>
                <Table.Th>Actions</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {tokens.map((token) => (
                <Table.Tr key={token.id}>
                  <Table.Td>{token.name}</Table.Td>
                  {isAdmin && <Table.Td>{ownerName(token.user_id)}</Table.Td>}
                  <Table.Td>{formatTime(token.created_at)}</Table.Td>
                  <Table.Td>{formatTime(token.last_used_at)}</Table.Td>
                  <Table.Td>
                    <Button
                      variant="subtle"
                      color="red"
                      size="xs"
                      aria-label={`Revoke ${token.name}`}
                      onClick={() => {
                        revoke.reset();
                        setRevoking(token);
                      }}
                    >
                      Revoke
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}

      <ConfirmDialog
        opened={revoking !== null}
        title={revoking ? `Revoke token ${revoking.name}?` : 'Revoke token?'}
        confirmLabel="Revoke token"
        danger
        pending={revoke.isPending}
        onClose={() => setRevoking(null)}
        onConfirm={() => {
          if (!revoking) return;
          revoke.mutate(revoking.id, {
            onSuccess: () => {
              notifications.show({ color: 'green', message: `Token ${revoking.name} revoked` });
            },
            onSettled: () => setRevoking(null),
          });
        }}
      >
        <Text size="sm">
          Anything using this token is refused from now on. This cannot be undone.
        </Text>
      </ConfirmDialog>
    </Stack>
  );
}
