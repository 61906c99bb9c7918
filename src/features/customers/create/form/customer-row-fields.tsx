import {
  Alert,
  MultiSelect,
  NumberInput,
  Select,
  SimpleGrid,
  TagsInput,
  TextInput,
} from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { Controller, useFormState, type Control, type UseFormRegister } from 'react-hook-form';
import type { CustomField } from '../../../../contracts/custom-field';
import type { CustomersMode } from '../../../../contracts/customer';
import type { CustomersFormValues } from '../../model/customer-form.schema';
import { CustomFieldInput } from './custom-field-input';

export interface RowOptions {
  users: Array<{ value: string; label: string }>;
  tags: string[];
  segments: Array<{ value: string; label: string }>;
}

interface CustomerRowFieldsProps {
  control: Control<CustomersFormValues>;
  register: UseFormRegister<CustomersFormValues>;
  index: number;
  mode: CustomersMode;
  options: RowOptions;
  fields: ReadonlyArray<Pick<CustomField, 'id' | 'name' | 'type' | 'enums'>>;
  /** Several rows: three columns instead of two. */
  compact: boolean;
}

/** The inputs of one customer; the same set for the single form and for each row of a batch. */
export function CustomerRowFields({
  control,
  register,
  index,
  mode,
  options,
  fields,
  compact,
}: CustomerRowFieldsProps) {
  const row = `rows.${String(index)}` as `rows.${number}`;
  const { errors } = useFormState({ control, name: row });
  const rowErrors = errors.rows?.[index];
  const periodicity = mode === 'periodicity';
  const rowMessage = rowErrors?.key?.message;

  return (
    <>
      {rowMessage && (
        <Alert color="red" variant="light" role="alert" mb="sm">
          {rowMessage}
        </Alert>
      )}
      <SimpleGrid cols={{ base: 1, sm: 2, lg: compact ? 3 : 2 }} spacing="sm" verticalSpacing="xs">
        <TextInput
          label="Name"
          withAsterisk={periodicity}
          error={rowErrors?.name?.message}
          {...register(`${row}.name`)}
        />
        <Controller
          control={control}
          name={`${row}.next_price`}
          render={({ field, fieldState }) => (
            <NumberInput
              label="Next price"
              min={0}
              allowDecimal={false}
              allowNegative={false}
              thousandSeparator=" "
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
          name={`${row}.next_date`}
          render={({ field, fieldState }) => (
            <DateInput
              label="Next purchase date"
              withAsterisk={periodicity}
              clearable
              valueFormat="YYYY-MM-DD"
              error={fieldState.error?.message}
              ref={field.ref}
              value={field.value}
              onChange={field.onChange}
              onBlur={field.onBlur}
            />
          )}
        />
        <Controller
          control={control}
          name={`${row}.periodicity`}
          render={({ field, fieldState }) => (
            <NumberInput
              label="Periodicity (days)"
              withAsterisk={periodicity}
              min={0}
              max={3650}
              allowDecimal={false}
              allowNegative={false}
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
          name={`${row}.responsible_user_id`}
          render={({ field, fieldState }) => (
            <Select
              label="Responsible user"
              data={options.users}
              searchable
              error={fieldState.error?.message}
              ref={field.ref}
              value={field.value}
              onChange={field.onChange}
              onBlur={field.onBlur}
            />
          )}
        />
        <Controller
          control={control}
          name={`${row}.tags`}
          render={({ field, fieldState }) => (
            <TagsInput
              label="Tags"
              description={compact ? undefined : 'Pick a tag or type a new one and press Enter'}
              data={options.tags}
              clearable
              error={fieldState.error?.message}
              ref={field.ref}
              value={field.value}
              onChange={field.onChange}
              onBlur={field.onBlur}
            />
          )}
        />
        {mode === 'segments' && (
          <Controller
            control={control}
            name={`${row}.segments`}
            render={({ field, fieldState }) => (
              <MultiSelect
                label="Segments"
                data={options.segments}
                searchable
                clearable
                error={fieldState.error?.message}
                ref={field.ref}
                value={field.value}
                onChange={field.onChange}
                onBlur={field.onBlur}
              />
            )}
          />
        )}
        {fields.map((customField) => (
          <CustomFieldInput
            key={customField.id}
            control={control}
            rowIndex={index}
            field={customField}
          />
        ))}
      </SimpleGrid>
    </>
  );
}
