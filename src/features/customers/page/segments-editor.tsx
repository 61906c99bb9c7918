import { Alert, Button, Group, MultiSelect, Stack } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useUpdateCustomer } from '../../../api/customers';
import { referenceQueries } from '../../../api/reference';
import { describeError } from '../../../components/error-state';
import type { Customer } from '../../../contracts/customer';

/**
 * Changing a customer's segments where they are shown, without opening the whole edit form.
 * Only the segments are sent; the grid and the segment counts refresh from the answer.
 */
export function SegmentsEditor({ customer }: { customer: Pick<Customer, 'id' | '_embedded'> }) {
  const [editing, setEditing] = useState(false);
  const current = customer._embedded.segments.map((ref) => String(ref.id));
  const [chosen, setChosen] = useState<string[]>(current);
  const segments = useQuery({ ...referenceQueries.segments(), enabled: editing });
  const update = useUpdateCustomer(customer.id);

  if (!editing) {
    return (
      <Group>
        <Button
          variant="subtle"
          size="xs"
          onClick={() => {
            setChosen(current);
            setEditing(true);
          }}
        >
          Change segments
        </Button>
      </Group>
    );
  }

  const save = () =>
    update.mutate(
      { _embedded: { segments: chosen.map((id) => ({ id: Number(id) })) } },
      {
        onSuccess: () => {
          notifications.show({ message: 'Segments saved' });
          setEditing(false);
        },
      },
    );

  return (
    <Stack gap="xs" maw={480}>
      {update.isError && (
        <Alert color="red" role="alert" title="The segments were not saved">
          {describeError(update.error).detail}
        </Alert>
      )}
      <MultiSelect
        label="Segments of this customer"
        data={(segments.data ?? []).map((segment) => ({
          value: String(segment.id),
          label: segment.name,
        }))}
        value={chosen}
        onChange={setChosen}
        searchable
        clearable
        disabled={segments.isPending}
        error={segments.isError ? describeError(segments.error).detail : undefined}
      />
      <Group gap="xs">
        <Button size="xs" onClick={save} loading={update.isPending}>
          Save segments
        </Button>
        <Button
          size="xs"
          variant="default"
          onClick={() => setEditing(false)}
          disabled={update.isPending}
        >
          Cancel
        </Button>
      </Group>
    </Stack>
  );
}
