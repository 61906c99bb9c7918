import { Alert, Drawer, Group, Loader, Text } from '@mantine/core';
import { useQueries, useSuspenseQuery } from '@tanstack/react-query';
import { lazy, Suspense } from 'react';
import { accountQueries } from '../../../api/account-queries';
import { referenceQueries } from '../../../api/reference';
import { describeError } from '../../../components/error-state';
import type { Customer, CustomersMode } from '../../../contracts/customer';
import { PagePending } from '../../../components/page-pending';

// The form brings the date picker (and its CSS): loaded when the drawer first opens.
const CustomerEditForm = lazy(() =>
  import('./customer-edit-form').then((module) => ({ default: module.CustomerEditForm })),
);

interface CustomerEditDrawerProps {
  customer: Customer;
  mode: CustomersMode;
  opened: boolean;
  onClose: () => void;
}

/** The edit form in a drawer; the form mounts only once its reference data is there. */
export function CustomerEditDrawer({ customer, mode, opened, onClose }: CustomerEditDrawerProps) {
  const { data: account } = useSuspenseQuery(accountQueries.detail());
  const [fields, users, tags, segments] = useQueries({
    queries: [
      referenceQueries.customFields(),
      referenceQueries.users(),
      referenceQueries.tags(),
      { ...referenceQueries.segments(), enabled: opened && mode === 'segments' },
    ],
  });
  const segmentsPending = mode === 'segments' && segments.isPending;

  let content;
  if (fields.isPending || users.isPending || tags.isPending || segmentsPending) {
    content = (
      <Group gap="xs" role="status">
        <Loader size="xs" />
        <Text size="sm">Loading the form…</Text>
      </Group>
    );
  } else if (fields.isError || users.isError || tags.isError || segments.isError) {
    content = (
      <Alert color="red" role="alert" title="The form could not be loaded">
        {describeError(fields.error ?? users.error ?? tags.error ?? segments.error).detail}
      </Alert>
    );
  } else {
    content = (
      <Suspense fallback={<PagePending />}>
        <CustomerEditForm
          customer={customer}
          customFields={fields.data}
          users={users.data}
          tagNames={tags.data.map((tag) => tag.name)}
          segments={segments.data ?? []}
          currency={account.currency}
          mode={mode}
          onSaved={onClose}
          onCancel={onClose}
        />
      </Suspense>
    );
  }

  return (
    <Drawer opened={opened} onClose={onClose} title="Edit customer" position="right" size="lg">
      {content}
    </Drawer>
  );
}
