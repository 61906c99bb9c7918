import { Checkbox, MultiSelect, Select, TextInput, Textarea } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { Controller, type Control } from 'react-hook-form';
import type { CustomField } from '../../../../contracts/custom-field';
import { customKey, type CustomersFormValues } from '../../model/customer-form.schema';

interface CustomFieldInputProps {
  control: Control<CustomersFormValues>;
  rowIndex: number;
  field: Pick<CustomField, 'id' | 'name' | 'type' | 'enums'>;
}

/** One input for one of the account's custom fields, chosen by the field's type. */
export function CustomFieldInput({ control, rowIndex, field }: CustomFieldInputProps) {
  const name = `rows.${String(rowIndex)}.custom.${customKey(field.id)}` as const;
  const options = (field.enums ?? [])
    .toSorted((a, b) => a.sort - b.sort)
    .map((item) => ({ value: String(item.id), label: item.value }));

  return (
    <Controller
      control={control}
      // The custom record is keyed by field, which the path type cannot list.
      name={name as `rows.${number}.custom.${string}`}
      render={({ field: input, fieldState }) => {
        const common = {
          label: field.name,
          error: fieldState.error?.message,
          onBlur: input.onBlur,
        };
        const text = typeof input.value === 'string' ? input.value : '';
        switch (field.type) {
          case 'textarea':
            return (
              <Textarea
                {...common}
                ref={input.ref}
                rows={2}
                value={text}
                onChange={(event) => input.onChange(event.currentTarget.value)}
              />
            );
          case 'select':
            return (
              <Select
                {...common}
                ref={input.ref}
                data={options}
                clearable
                value={text || null}
                onChange={(value) => input.onChange(value)}
              />
            );
          case 'multiselect':
            return (
              <MultiSelect
                {...common}
                ref={input.ref}
                data={options}
                clearable
                value={Array.isArray(input.value) ? input.value : []}
                onChange={(value) => input.onChange(value)}
              />
            );
          case 'date':
            return (
              <DateInput
                {...common}
                ref={input.ref}
                clearable
                valueFormat="YYYY-MM-DD"
                value={text || null}
                onChange={(value) => input.onChange(value)}
              />
            );
          case 'checkbox':
            return (
              <Checkbox
                {...common}
                ref={input.ref}
                mt="lg"
                checked={input.value === true}
                onChange={(event) => input.onChange(event.currentTarget.checked)}
              />
            );
          default:
            return (
              <TextInput
                {...common}
                ref={input.ref}
                type={field.type === 'url' ? 'url' : 'text'}
                inputMode={field.type === 'numeric' ? 'decimal' : undefined}
                placeholder={field.type === 'url' ? 'https://' : undefined}
                value={text}
                onChange={(event) => input.onChange(event.currentTarget.value)}
              />
            );
        }
      }}
    />
  );
}
