import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, Group, Radio, Stack, Switch, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useSuspenseQuery } from '@tanstack/react-query';
import { Controller, useForm, useWatch } from 'react-hook-form';
import { accountQueries } from '../../../api/account-queries';
import { useUpdateCustomersMode } from '../../../api/customers-mode';
import type { Account } from '../../../contracts/account';
import { CUSTOMERS_MODES } from '../../../contracts/customer';
import { isApiError } from '../../../lib/api-error';
import {
  customersModeFormSchema,
  describeModeChange,
  formValuesFor,
  hasModeChanged,
  MODE_DESCRIPTIONS,
  MODE_LABELS,
  type CustomersModeForm,
} from '../customers-mode';
import { ConfirmDialog } from './confirm-dialog';
import { ProblemAlert } from './problem-alert';

/** Turns customers on or off and switches segments / periodicity for the whole account. */
export function CustomersModePanel() {
  const { data: account } = useSuspenseQuery(accountQueries.detail());
  const current = account.customers_mode;

  if (current === 'unavailable') {
    return (
      <Stack gap="md">
        <Title order={2}>Customers mode</Title>
        <Alert color="yellow" variant="light" title="Your tariff does not include customers">
          Customers are not part of this account&apos;s subscription, so there is nothing to switch
          here. Upgrade the tariff in amoCRM to use them.
        </Alert>
      </Stack>
    );
  }
  // Remounts with fresh defaults whenever the server's mode changes.
  return <CustomersModeForm key={current} current={current} />;
}

function CustomersModeForm({
  current,
}: {
  current: Exclude<Account['customers_mode'], 'unavailable'>;
}) {
  const [confirmOpened, confirm] = useDisclosure(false);
  const mutation = useUpdateCustomersMode();
  const { control, handleSubmit } = useForm<CustomersModeForm>({
    resolver: zodResolver(customersModeFormSchema),
    defaultValues: formValuesFor(current),
  });
  const values = useWatch({ control });
  const next: CustomersModeForm = {
    is_enabled: values.is_enabled ?? false,
    mode: values.mode ?? 'segments',
  };
  const changed = hasModeChanged(current, next);
  // Repeating a 402 cannot succeed: Save stays off until the page is reloaded.
  const blockedByTariff = isApiError(mutation.error) && mutation.error.status === 402;

  const save = () => {
    mutation.mutate(next, {
      onSuccess: () => {
        confirm.close();
        notifications.show({ color: 'green', message: 'Customers mode saved' });
      },
      onError: () => confirm.close(),
    });
  };

  return (
    <Stack gap="md" component="section" aria-labelledby="customers-mode-title">
      <Title order={2} id="customers-mode-title">
        Customers mode
      </Title>
      <form
        noValidate
        onSubmit={(event) => {
          void handleSubmit(() => {
            mutation.reset();
            confirm.open();
          })(event);
        }}
      >
        <Stack gap="lg" maw={640}>
          <Controller
            control={control}
            name="is_enabled"
            render={({ field }) => (
              <Switch
                label="Customers enabled"
                description="Off hides the customers section from everyone; the data is kept."
                checked={field.value}
                onChange={(event) => field.onChange(event.currentTarget.checked)}
                onBlur={field.onBlur}
                name={field.name}
                ref={field.ref}
              />
            )}
          />
          <Controller
            control={control}
            name="mode"
            render={({ field }) => (
              <Radio.Group
                label="Mode"
                description={next.is_enabled ? undefined : 'Turn customers on to choose a mode.'}
                value={field.value}
                onChange={(value) => field.onChange(value)}
                name={field.name}
                disabled={!next.is_enabled}
              >
                <Stack gap="sm" mt="xs">
                  {CUSTOMERS_MODES.map((mode) => (
                    <Radio
                      key={mode}
                      value={mode}
                      label={MODE_LABELS[mode]}
                      description={MODE_DESCRIPTIONS[mode]}
                    />
                  ))}
                </Stack>
              </Radio.Group>
            )}
          />
          {mutation.isError && <ProblemAlert error={mutation.error} onRetry={save} />}
          <Group>
            <Button type="submit" disabled={!changed || blockedByTariff}>
              Save
            </Button>
            {!changed && (
              <Text size="sm" c="dimmed">
                No changes to save.
              </Text>
            )}
          </Group>
        </Stack>
      </form>
      <ConfirmDialog
        opened={confirmOpened}
        title="Change the customers mode for everyone?"
        confirmLabel={confirmLabel(current, next)}
        danger={!next.is_enabled}
        pending={mutation.isPending}
        onConfirm={save}
        onClose={confirm.close}
      >
        <Text size="sm">{describeModeChange(current, next)}</Text>
        <Text size="sm" c="dimmed">
          Every user of the account sees the change at once.
        </Text>
      </ConfirmDialog>
    </Stack>
  );
}

function confirmLabel(current: Account['customers_mode'], next: CustomersModeForm): string {
  if (!next.is_enabled) return 'Turn customers off';
  return current === 'disabled' ? 'Turn customers on' : 'Change mode';
}
