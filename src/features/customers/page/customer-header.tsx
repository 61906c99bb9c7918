import { Badge, Group, Stack, Text, Title, Tooltip } from '@mantine/core';
import type { ReactNode } from 'react';
import type { Customer } from '../../../contracts/customer';
import type { User } from '../../../contracts/user';
import { customerDisplayName } from '../../../lib/display-name';
import { formatDateTime } from '../../../lib/format';
import { formatRelative } from './format';
import classes from './customer-page.module.css';

interface CustomerHeaderProps {
  customer: Customer;
  users: ReadonlyArray<Pick<User, 'id' | 'name'>>;
  /** The Edit button, when the user may edit. */
  actions?: ReactNode;
}

function userName(users: CustomerHeaderProps['users'], id: number): string {
  if (id === 0) return 'the API';
  return users.find((user) => user.id === id)?.name ?? `user #${String(id)}`;
}

function WhoWhen({
  label,
  userId,
  at,
  users,
}: {
  label: string;
  userId: number;
  at: number;
  users: CustomerHeaderProps['users'];
}) {
  return (
    <Text size="sm" c="dimmed">
      {label} by {userName(users, userId)},{' '}
      <Tooltip label={formatDateTime(at)}>
        <time dateTime={new Date(at * 1000).toISOString()} tabIndex={0}>
          {formatRelative(at)}
        </time>
      </Tooltip>
    </Text>
  );
}

export function CustomerHeader({ customer, users, actions }: CustomerHeaderProps) {
  const tags = customer._embedded.tags;
  return (
    <Stack gap="xs">
      <Group justify="space-between" align="flex-start" wrap="nowrap" gap="md">
        <Stack gap={4} miw={0}>
          <Group gap="sm" align="center" wrap="wrap">
            <Title order={1} className={classes.wrap}>
              {customerDisplayName(customer)}
            </Title>
            {customer.is_deleted && (
              <Badge color="red" variant="filled">
                Deleted
              </Badge>
            )}
          </Group>
          <Text size="sm">
            Responsible: <strong>{userName(users, customer.responsible_user_id)}</strong>
          </Text>
        </Stack>
        {actions}
      </Group>
      {tags.length > 0 && (
        <Group gap={6} aria-label="Tags" role="list">
          {tags.map((tag) => (
            <Badge
              key={tag.id}
              variant="light"
              color="gray"
              role="listitem"
              className={classes.badge}
            >
              {tag.name}
            </Badge>
          ))}
        </Group>
      )}
      <Group gap="lg">
        <WhoWhen
          label="Created"
          userId={customer.created_by}
          at={customer.created_at}
          users={users}
        />
        <WhoWhen
          label="Updated"
          userId={customer.updated_by}
          at={customer.updated_at}
          users={users}
        />
      </Group>
    </Stack>
  );
}
