import { Alert, Button, ColorSwatch, Group, Modal, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useSuspenseQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { accountQueries } from '../../../api/account-queries';
import { referenceQueries } from '../../../api/reference';
import {
  useCreateSegment,
  useDeleteSegment,
  useUpdateSegment,
} from '../../../api/segments-mutations';
import { EmptyState } from '../../../components/empty-state';
import { Link } from '../../../components/link';
import { SEGMENT_COLORS, type Segment } from '../../../contracts/segment';
import { isSegmentColor } from '../segment-form.schema';
import { ConfirmDialog } from './confirm-dialog';
import { ProblemAlert } from './problem-alert';
import { SegmentForm } from './segment-form';

const customersCount = new Intl.NumberFormat();

function customersLabel(count: number): string {
  return `${customersCount.format(count)} ${count === 1 ? 'customer' : 'customers'}`;
}

type Editing = { kind: 'create' } | { kind: 'edit'; segment: Segment } | null;

/** Segments mode: create, rename, recolour and delete segments. */
export function SegmentsManager() {
  const { data: account } = useSuspenseQuery(accountQueries.detail());
  if (account.customers_mode !== 'segments' && account.customers_mode !== 'dynamic') {
    return (
      <Stack gap="md">
        <Title order={2}>Segments</Title>
        <Alert color="blue" variant="light" title="Segments belong to segments mode">
          The account is not in segments mode, so segments are not used.
        </Alert>
        <Text size="sm">
          Switch the mode in <Link to="/settings">Customers mode</Link> to manage segments.
        </Text>
      </Stack>
    );
  }
  return <SegmentsList />;
}

function SegmentsList() {
  const { data: segments } = useSuspenseQuery(referenceQueries.segments());
  const [editing, setEditing] = useState<Editing>(null);
  const [deleting, setDeleting] = useState<Segment | null>(null);
  const create = useCreateSegment();
  const update = useUpdateSegment();
  const remove = useDeleteSegment();
  const close = () => setEditing(null);

  return (
    <Stack gap="md" component="section" aria-labelledby="segments-title">
      <Group justify="space-between">
        <Title order={2} id="segments-title">
          Segments
        </Title>
        <Button onClick={() => setEditing({ kind: 'create' })}>Add segment</Button>
      </Group>

      {remove.isError && <ProblemAlert error={remove.error} />}

      {segments.length === 0 ? (
        <EmptyState
          title="No segments yet"
          description="Segments group customers, for example by what they buy. Add the first one."
        />
      ) : (
        <Table.ScrollContainer minWidth={520}>
          <Table verticalSpacing="sm" highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Segment</Table.Th>
                <Table.Th>Customers</Table.Th>
                <Table.Th>Actions</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {segments.map((segment) => (
                <Table.Tr key={segment.id}>
                  <Table.Td>
                    <Group gap="sm" wrap="nowrap">
                      <ColorSwatch color={`#${segment.color}`} size={18} aria-hidden />
                      <Text size="sm" fw={500}>
                        {segment.name}
                      </Text>
                    </Group>
                  </Table.Td>
                  <Table.Td>
                    <Link
                      to="/customers"
                      search={{ segment: [segment.id] }}
                      aria-label={`${customersLabel(segment.customers_count)} in ${segment.name}`}
                    >
                      {customersLabel(segment.customers_count)}
                    </Link>
                  </Table.Td>
                  <Table.Td>
                    <Group gap="xs" wrap="nowrap">
                      <Button
                        variant="default"
                        size="xs"
                        onClick={() => setEditing({ kind: 'edit', segment })}
                        aria-label={`Edit ${segment.name}`}
                      >
                        Edit
                      </Button>
                      <Button
                        variant="subtle"
                        color="red"
                        size="xs"
                        onClick={() => {
                          remove.reset();
                          setDeleting(segment);
                        }}
                        aria-label={`Delete ${segment.name}`}
                      >
                        Delete
                      </Button>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}

      <Modal
        closeButtonProps={{ 'aria-label': 'Close' }}
        opened={editing !== null}
        onClose={close}
        title={editing?.kind === 'edit' ? `Edit segment ${editing.segment.name}` : 'Add segment'}
        centered
      >
        {editing?.kind === 'create' && (
          <SegmentForm
            defaultValues={{ name: '', color: SEGMENT_COLORS[0] }}
            submitLabel="Add segment"
            serverPathPrefix="0"
            onCancel={close}
            onSubmit={(values) =>
              create.mutateAsync(values).then(() => {
                notifications.show({ color: 'green', message: `Segment ${values.name} added` });
                close();
              })
            }
          />
        )}
        {editing?.kind === 'edit' && (
          <SegmentForm
            defaultValues={{
              name: editing.segment.name,
              color: isSegmentColor(editing.segment.color)
                ? editing.segment.color
                : SEGMENT_COLORS[0],
            }}
            submitLabel="Save segment"
            onCancel={close}
            onSubmit={(values) =>
              update.mutateAsync({ id: editing.segment.id, patch: values }).then(() => {
                notifications.show({ color: 'green', message: `Segment ${values.name} saved` });
                close();
              })
            }
          />
        )}
      </Modal>

      <ConfirmDialog
        opened={deleting !== null}
        title={deleting ? `Delete segment ${deleting.name}?` : 'Delete segment?'}
        confirmLabel="Delete segment"
        danger
        pending={remove.isPending}
        onClose={() => setDeleting(null)}
        onConfirm={() => {
          if (!deleting) return;
          remove.mutate(deleting.id, {
            onSuccess: () => {
              notifications.show({ color: 'green', message: `Segment ${deleting.name} deleted` });
            },
            onSettled: () => setDeleting(null),
          });
        }}
      >
        <Text size="sm">
          {deleting && deleting.customers_count > 0
            ? `It is on ${customersLabel(deleting.customers_count)}; they stay, without this segment.`
            : 'No customers are in it.'}{' '}
          This cannot be undone.
        </Text>
      </ConfirmDialog>
    </Stack>
  );
}
