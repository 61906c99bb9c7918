import { Alert, SimpleGrid } from '@mantine/core';
import type { Control, FieldPath, FieldValues } from 'react-hook-form';
import { CustomFieldInput } from '../../../../components/form/custom-field-input';
import { DateField } from '../../../../components/form/date-field';
import { MoneyField, NumberField } from '../../../../components/form/number-field';
import { MultiSelectField, SelectField, TagsField } from '../../../../components/form/select-field';
import { TextField } from '../../../../components/form/text-field';
import type { CustomersMode } from '../../../../contracts/customer';
import { customKey, type FieldDefinition } from '../../model/customer-fields';

export interface CustomerInputOptions {
  users: Array<{ value: string; label: string }>;
  tags: string[];
  segments: Array<{ value: string; label: string }>;
}

interface CustomerInputsProps<T extends FieldValues> {
  control: Control<T>;
  /** Where the customer's values sit in the form: '' (the edit form) or `rows.2.` (create). */
  prefix: string;
  mode: CustomersMode;
  options: CustomerInputOptions;
  fields: readonly FieldDefinition[];
  currency: string;
  /** Several customers side by side: three columns, shorter hints. */
  compact?: boolean;
  /** A message about the customer as a whole (an API path the form has no input for). */
  message?: string;
}

/**
 * The inputs of one customer (the model's `CustomerFieldsValues`), the same for a new customer
 * and an edited one. In periodicity mode segments are hidden; in segments mode, periodicity.
 */
export function CustomerInputs<T extends FieldValues>({
  control,
  prefix,
  mode,
  options,
  fields,
  currency,
  compact = false,
  message,
}: CustomerInputsProps<T>) {
  const path = (name: string) => `${prefix}${name}` as FieldPath<T>;
  const periodicity = mode === 'periodicity';

  return (
    <>
      {message && (
        <Alert color="red" variant="light" role="alert" mb="sm">
          {message}
        </Alert>
      )}
      <SimpleGrid cols={{ base: 1, sm: 2, lg: compact ? 3 : 2 }} spacing="sm" verticalSpacing="xs">
        <TextField control={control} name={path('name')} label="Name" withAsterisk />
        <MoneyField
          control={control}
          name={path('next_price')}
          label="Next price"
          currency={currency}
        />
        <DateField
          control={control}
          name={path('next_date')}
          label="Next purchase date"
          withAsterisk={periodicity}
        />
        {periodicity && (
          <NumberField
            control={control}
            name={path('periodicity')}
            label="Periodicity (days)"
            withAsterisk
          />
        )}
        <SelectField
          control={control}
          name={path('responsible_user_id')}
          label="Responsible user"
          data={options.users}
          searchable
        />
        <TagsField
          control={control}
          name={path('tags')}
          label="Tags"
          description={compact ? undefined : 'Pick a tag or type a new one and press Enter'}
          data={options.tags}
          clearable
        />
        {!periodicity && (
          <MultiSelectField
            control={control}
            name={path('segments')}
            label="Segments"
            data={options.segments}
            searchable
            clearable
          />
        )}
        {fields.map((field) => (
          <CustomFieldInput
            key={field.id}
            control={control}
            name={path(`custom.${customKey(field.id)}`)}
            field={field}
          />
        ))}
      </SimpleGrid>
    </>
  );
}
