import '@mantine/dates/styles.css';
import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, Group, NumberInput, Stack, Textarea } from '@mantine/core';
import { DateInput, DateTimePicker } from '@mantine/dates';
import { useMemo } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useAddTransactions } from '../../../api/transactions';
import { isApiError } from '../../../lib/api-error';
import {
  addTransactionSchemaFor,
  DATE_TIME_FORMAT,
  defaultTransactionValues,
  fieldForTransactionPath,
  toTransactionPayload,
  type AddTransactionValues,
} from './add-transaction-schema';
import { AddTransactionCatalog } from './add-transaction-catalog';

interface AddTransactionFormProps {
  customerId: number;
  mode: 'segments' | 'periodicity';
  onSaved: () => void;
  onCancel: () => void;
}

/** Price, date, comment, products; in periodicity mode the next purchase too. */
export function AddTransactionForm({
  customerId,
  mode,
  onSaved,
  onCancel,
}: AddTransactionFormProps) {
  const periodicity = mode === 'periodicity';
  const add = useAddTransactions(customerId);
  const resolver = useMemo(() => zodResolver(addTransactionSchemaFor(periodicity)), [periodicity]);
  const form = useForm<AddTransactionValues>({
    resolver,
    defaultValues: defaultTransactionValues(),
  });
  const { control, register, handleSubmit, setError, formState } = form;

  const onSubmit = handleSubmit((values) => {
    if (add.isPending) return;
    add.mutate([toTransactionPayload(values, periodicity)], {
      onSuccess: onSaved,
      onError: (error) => {
        if (isApiError(error) && error.status === 400 && error.validationErrors.length > 0) {
          const rest: string[] = [];
          for (const item of error.validationErrors) {
            for (const issue of item.errors) {
              const field = fieldForTransactionPath(issue.path, values);
              if (field)
                setError(field as keyof AddTransactionValues, {
                  type: 'server',
                  message: issue.detail,
                });
              else rest.push(issue.path ? `${issue.path}: ${issue.detail}` : issue.detail);
            }
          }
          if (rest.length > 0) setError('root.server', { type: '400', message: rest.join('\n') });
          return;
        }
        const message = isApiError(error)
          ? error.kind === 'network'
            ? 'The server could not be reached. Check the transactions list before saving again: the purchase may have been stored.'
            : `${error.title}${error.detail ? `: ${error.detail}` : ''}`
          : 'Something went wrong. Try again.';
        setError('root.server', { type: 'failure', message });
      },
    });
  });

  const rootError = formState.errors.root?.server?.message ?? formState.errors.root?.message;

  return (
    <form onSubmit={(event) => void onSubmit(event)} noValidate aria-label="Add transaction">
      <Stack gap="sm">
        {rootError && (
          <Alert color="red" variant="light" role="alert" title="Not saved">
            {rootError}
          </Alert>
        )}
        <Controller
          control={control}
          name="price"
          render={({ field, fieldState }) => (
            <NumberInput
              label="Price"
              withAsterisk
              min={1}
              allowDecimal={false}
              allowNegative={false}
              thousandSeparator=" "
              data-autofocus
              error={fieldState.error?.message}
              ref={field.ref}
              name={field.name}
              value={field.value}
              onChange={field.onChange}
              onBlur={field.onBlur}
            />
          )}
        />
        <Controller
          control={control}
          name="completed_at"
          render={({ field, fieldState }) => (
            <DateTimePicker
              label="Completed"
              valueFormat={DATE_TIME_FORMAT}
              withSeconds={false}
              error={fieldState.error?.message}
              value={field.value}
              onChange={field.onChange}
              onBlur={field.onBlur}
            />
          )}
        />
        <Textarea
          label="Comment"
          rows={3}
          error={formState.errors.comment?.message}
          {...register('comment')}
        />
        {periodicity && (
          <Group grow align="flex-start">
            <Controller
              control={control}
              name="next_price"
              render={({ field, fieldState }) => (
                <NumberInput
                  label="Next price"
                  min={0}
                  allowDecimal={false}
                  allowNegative={false}
                  error={fieldState.error?.message}
                  value={field.value}
                  onChange={field.onChange}
                  onBlur={field.onBlur}
                />
              )}
            />
            <Controller
              control={control}
              name="next_date"
              render={({ field, fieldState }) => (
                <DateInput
                  label="Next purchase date"
                  clearable
                  valueFormat="YYYY-MM-DD"
                  error={fieldState.error?.message}
                  value={field.value}
                  onChange={field.onChange}
                  onBlur={field.onBlur}
                />
              )}
            />
          </Group>
        )}
        <AddTransactionCatalog control={control} />
        <Group justify="flex-end" mt="sm">
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
          <Button type="submit" loading={add.isPending}>
            Save transaction
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
