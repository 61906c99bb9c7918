import { List, Text } from '@mantine/core';
import { Link } from '../../../../components/link';
import type { CreatedRow } from './use-batch-submit';
import { customerDisplayName } from '../../../../lib/display-name';

const SHOWN = 5;

/** The body of the "created" notification: links to the new customers (the first few). */
export function CreatedNotice({ created }: { created: CreatedRow[] }) {
  const shown = created.slice(0, SHOWN);
  return (
    <>
      <List size="sm">
        {shown.map((row) => (
          <List.Item key={row.id}>
            <Link to="/customers/$customerId" params={{ customerId: String(row.id) }}>
              {customerDisplayName(row)}
            </Link>
          </List.Item>
        ))}
      </List>
      {created.length > SHOWN && (
        <Text size="sm" c="dimmed">
          and {created.length - SHOWN} more
        </Text>
      )}
    </>
  );
}
