import { zodResolver } from '@hookform/resolvers/zod';
import {
  Alert,
  Button,
  Checkbox,
  Group,
  MultiSelect,
  NumberInput,
  Select,
  Stack,
  TagsInput,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMemo } from 'react';
import { Controller, useForm, type Control } from 'react-hook-form';
import { useUpdateCustomer } from '../../../api/customers';
import type { CustomField } from '../../../contracts/custom-field';
import type { Customer, CustomersMode } from '../../../contracts/customer';
import type { User } from '../../../contracts/user';
import { ApiError, isApiError } from '../../../lib/api-error';
import { applyServerErrors } from '../../../lib/form-errors';
import {
  customerEditSchema,
  editableFields,
  fieldKey,
  formPathOf,
  toCustomerPatch,
  toFormValues,
  type CustomerEditValues,
} from '../model/customer-edit-form.schema';

interface CustomerEditFormProps {
  customer: Customer;
  customFields: readonly CustomField[];
  users: ReadonlyArray<Pick<User, 'id' | 'name'>>;
  tagNames: readonly string[];
  mode: CustomersMode;
  onSaved: () => void;
  onCancel: () => void;
}

const BASE_FIELDS = [
  'name',
  'next_price',
  'next_date',
  'responsible_user_id',
  'periodicity',
  'tags',
];

function CustomFieldInput({
  field,
  control,
}: {
  field: CustomField;
  control: Control<CustomerEditValues>;
}) {
  const name = `fields.${fieldKey(field.id)}` as const;
  const options = (field.enums ?? [])
    .slice()
    .sort((a, b) => a.sort - b.sort)
    .map((item) => ({ value: String(item.id), label: item.value }));
  return (
    <Controller
      control={control}
      name={name}
      render={({ field: input, fieldState }) => {
        const error = fieldState.error?.message;
        const common = { label: field.name, error, onBlur: input.onBlur, ref: input.ref };
        switch (field.type) {
          case 'checkbox':
            return (
              <Checkbox
                {...common}
                checked={input.value === true}
                onChange={(event) => input.onChange(event.currentTarget.checked)}
              />
            );
          case 'multiselect':
            return (
              <MultiSelect
                {...common}
                data={options}
                value={Array.isArray(input.value) ? input.value : []}
                onChange={input.onChange}
                clearable
              />
            );
          case 'select':
            return (
              <Select
                {...common}
                data={options}
                value={typeof input.value === 'string' && input.value !== '' ? input.value : null}
                onChange={(value) => input.onChange(value ?? '')}
                clearable
              />
            );
          case 'textarea':
            return (
              <Textarea
                {...common}
                autosize
                minRows={2}
                value={typeof input.value === 'string' ? input.value : ''}
                onChange={(event) => input.onChange(event.currentTarget.value)}
              />
            );
          default:
            return (
              <TextInput
                {...common}
                type={field.type === 'date' ? 'date' : field.type === 'url' ? 'url' : 'text'}
                inputMode={field.type === 'numeric' ? 'decimal' : undefined}
                value={typeof input.value === 'string' ? input.value : ''}
                onChange={(event) => input.onChange(event.currentTarget.value)}
              />
            );
        }
      }}
    />
  );
}

/** Server paths such as `custom_fields_values.3.values.0.value` renamed to the form's own. */
function toFormError(error: ApiError, fields: readonly CustomField[]): ApiError {
  return new ApiError({
    kind: error.kind,
    status: error.status,
    title: error.title,
    detail: error.detail,
    type: error.type,
    retryAfter: error.retryAfter,
    requestId: error.requestId,
    validationErrors: error.validationErrors.map((item) => ({
      ...item,
      errors: item.errors.map((issue) => ({
        ...issue,
        path: formPathOf(issue.path, fields) ?? issue.path,
      })),
    })),
  });
}

/** Edit in place: mounted once the customer and the reference data exist, which are its defaults. */
export function CustomerEditForm({
  customer,
  customFields,
  users,
  tagNames,
  mode,
  onSaved,
  onCancel,
}: CustomerEditFormProps) {
  const fields = useMemo(() => editableFields(customFields), [customFields]);
  const schema = useMemo(() => customerEditSchema(mode, fields), [mode, fields]);
  const form = useForm<CustomerEditValues>({
    resolver: zodResolver(schema),
    defaultValues: toFormValues(customer, fields),
  });
  const update = useUpdateCustomer(customer.id);
  const { control, register, handleSubmit, formState, setError } = form;
  const periodicityMode = mode === 'periodicity';

  const onSubmit = handleSubmit((values) => {
    update.mutate(toCustomerPatch(values, fields, mode), {
      onSuccess: () => {
        notifications.show({ message: 'Customer saved' });
        onSaved();
      },
      onError: (error) => {
        const known = [...BASE_FIELDS, ...fields.map((field) => `fields.${fieldKey(field.id)}`)];
        applyServerErrors(isApiError(error) ? toFormError(error, fields) : error, setError, known);
        if (!isApiError(error)) setError('root.server', { message: 'The customer was not saved' });
      },
    });
  });

  const userOptions = users.map((user) => ({ value: String(user.id), label: user.name }));

  return (
    <form onSubmit={(event) => void onSubmit(event)} noValidate aria-label="Edit customer">
      <Stack gap="sm">
        {formState.errors.root?.server && (
          <Alert color="red" role="alert" title="The customer was not saved">
            {formState.errors.root.server.message}
          </Alert>
        )}
        <TextInput
          label="Name"
          withAsterisk={periodicityMode}
          {...register('name')}
          error={formState.errors.name?.message}
        />
        <Controller
          control={control}
          name="next_price"
          render={({ field, fieldState }) => (
            <NumberInput
              label="Next price"
              min={0}
              allowDecimal={false}
              allowNegative={false}
              thousandSeparator=" "
              value={field.value}
              onChange={(value) => field.onChange(typeof value === 'number' ? value : 0)}
              onBlur={field.onBlur}
              ref={field.ref}
              error={fieldState.error?.message}
            />
          )}
        />
        <TextInput
          label="Next purchase date"
          type="date"
          withAsterisk={periodicityMode}
          {...register('next_date')}
          error={formState.errors.next_date?.message}
        />
        {periodicityMode && (
          <Controller
            control={control}
            name="periodicity"
            render={({ field, fieldState }) => (
              <NumberInput
                label="Periodicity (days)"
                withAsterisk
                min={0}
                max={3650}
                allowDecimal={false}
                allowNegative={false}
                value={field.value}
                onChange={(value) => field.onChange(typeof value === 'number' ? value : 0)}
                onBlur={field.onBlur}
                ref={field.ref}
                error={fieldState.error?.message}
              />
            )}
          />
        )}
        <Controller
          control={control}
          name="responsible_user_id"
          render={({ field, fieldState }) => (
            <Select
              label="Responsible user"
              data={userOptions}
              searchable
              value={field.value}
              onChange={(value) => field.onChange(value ?? '')}
              onBlur={field.onBlur}
              ref={field.ref}
              error={fieldState.error?.message}
            />
          )}
        />
        <Controller
          control={control}
          name="tags"
          render={({ field, fieldState }) => (
            <TagsInput
              label="Tags"
              description="Pick existing tags or type a new one and press Enter"
              data={[...tagNames]}
              value={field.value}
              onChange={field.onChange}
              onBlur={field.onBlur}
              ref={field.ref}
              error={fieldState.error?.message}
              clearable
            />
          )}
        />
        {fields.length > 0 && (
          <>
            <Title order={3} size="h5" mt="sm">
              Custom fields
            </Title>
            {fields.map((field) => (
              <CustomFieldInput key={field.id} field={field} control={control} />
            ))}
          </>
        )}
        <Group justify="flex-end" mt="md">
          <Button variant="default" onClick={onCancel} disabled={update.isPending}>
            Cancel
          </Button>
          <Button type="submit" loading={update.isPending}>
            Save
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
