import { Alert, Drawer, Group, Loader, Text } from '@mantine/core';
import { useQueries } from '@tanstack/react-query';
import { referenceQueries } from '../../../api/reference';
import { describeError } from '../../../components/error-state';
import type { Customer, CustomersMode } from '../../../contracts/customer';
import { CustomerEditForm } from './customer-edit-form';

interface CustomerEditDrawerProps {
  customer: Customer;
  mode: CustomersMode;
  opened: boolean;
  onClose: () => void;
}

/** The edit form in a drawer; the form mounts only once its reference data is there. */
export function CustomerEditDrawer({ customer, mode, opened, onClose }: CustomerEditDrawerProps) {
  const [fields, users, tags] = useQueries({
    queries: [referenceQueries.customFields(), referenceQueries.users(), referenceQueries.tags()],
  });

  let content;
  if (fields.isPending || users.isPending || tags.isPending) {
    content = (
      <Group gap="xs" role="status">
        <Loader size="xs" />
        <Text size="sm">Loading the form…</Text>
      </Group>
    );
  } else if (fields.isError || users.isError || tags.isError) {
    content = (
      <Alert color="red" role="alert" title="The form could not be loaded">
        {describeError(fields.error ?? users.error ?? tags.error).detail}
      </Alert>
    );
  } else {
    content = (
      <CustomerEditForm
        customer={customer}
        customFields={fields.data}
        users={users.data}
        tagNames={tags.data.map((tag) => tag.name)}
        mode={mode}
        onSaved={onClose}
        onCancel={onClose}
      />
    );
  }

  return (
    <Drawer opened={opened} onClose={onClose} title="Edit customer" position="right" size="lg">
      {content}
    </Drawer>
  );
}
