import { Button, Drawer } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { lazy, Suspense } from 'react';
import { PagePending } from '../../../components/page-pending';

// The form brings @mantine/dates: loaded when the drawer first opens, not with the page.
const AddTransactionForm = lazy(() =>
  import('./add-transaction-form').then((module) => ({ default: module.AddTransactionForm })),
);

/** "Add transaction" on the customer page: a drawer with the purchase form. */
export function AddTransactionButton({
  customerId,
  mode,
}: {
  customerId: number;
  mode: 'segments' | 'periodicity';
}) {
  const [opened, { open, close }] = useDisclosure(false);
  return (
    <>
      <Button onClick={open}>Add transaction</Button>
      <Drawer opened={opened} onClose={close} title="Add transaction" position="right" size="md">
        {opened && (
          <Suspense fallback={<PagePending />}>
            <AddTransactionForm
              customerId={customerId}
              mode={mode}
              onCancel={close}
              onSaved={() => {
                close();
                notifications.show({
                  color: 'green',
                  title: 'Transaction saved',
                  message: 'The customer’s figures are updated.',
                });
              }}
            />
          </Suspense>
        )}
      </Drawer>
    </>
  );
}
