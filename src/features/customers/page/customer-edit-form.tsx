import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, Group, Stack } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMemo } from 'react';
import { useForm } from 'react-hook-form';
import { useUpdateCustomer } from '../../../api/customers';
import type { CustomField } from '../../../contracts/custom-field';
import type { Customer, CustomersMode } from '../../../contracts/customer';
import type { Segment } from '../../../contracts/segment';
import type { User } from '../../../contracts/user';
import { ApiError, isApiError } from '../../../lib/api-error';
import { applyServerErrors } from '../../../lib/form-errors';
import { CustomerInputs } from '../create/form/customer-inputs';
import { CUSTOMER_INPUTS, customKey } from '../model/customer-fields';
import {
  customerEditSchema,
  editableFields,
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
  segments: ReadonlyArray<Pick<Segment, 'id' | 'name'>>;
  currency: string;
  mode: CustomersMode;
  onSaved: () => void;
  onCancel: () => void;
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
  segments,
  currency,
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
  const { control, handleSubmit, formState, setError } = form;
  const options = useMemo(
    () => ({
      users: users.map((user) => ({ value: String(user.id), label: user.name })),
      tags: [...tagNames],
      segments: segments.map((segment) => ({ value: String(segment.id), label: segment.name })),
    }),
    [users, tagNames, segments],
  );

  const onSubmit = handleSubmit((values) => {
    update.mutate(toCustomerPatch(values, fields, mode), {
      onSuccess: () => {
        notifications.show({ message: 'Customer saved' });
        onSaved();
      },
      onError: (error) => {
        const known = [
          ...CUSTOMER_INPUTS,
          ...fields.map((field) => `custom.${customKey(field.id)}`),
        ];
        applyServerErrors(isApiError(error) ? toFormError(error, fields) : error, setError, known);
        if (!isApiError(error)) setError('root.server', { message: 'The customer was not saved' });
      },
    });
  });

  return (
    <form onSubmit={(event) => void onSubmit(event)} noValidate aria-label="Edit customer">
      <Stack gap="sm">
        {formState.errors.root?.server && (
          <Alert color="red" role="alert" title="The customer was not saved">
            {formState.errors.root.server.message}
          </Alert>
        )}
        <CustomerInputs
          control={control}
          prefix=""
          mode={mode}
          options={options}
          fields={fields}
          currency={currency}
        />
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
