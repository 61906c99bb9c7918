import { Checkbox, Textarea, TextInput } from '@mantine/core';
import { Controller, type Control, type FieldPath, type FieldValues } from 'react-hook-form';
import type { CustomField } from '../../contracts/custom-field';
import { DateField } from './date-field';
import { MultiSelectField, SelectField } from './select-field';

/** What a custom-field input holds: text, enum id(s) as strings, a day `YYYY-MM-DD`, or a tick. */
export type CustomFieldInputValue = string | string[] | boolean | null;

interface CustomFieldInputProps<T extends FieldValues> {
  control: Control<T>;
  /** The form path of this field's value (e.g. `custom.f12` or `rows.0.custom.f12`). */
  name: FieldPath<T>;
  field: Pick<CustomField, 'id' | 'name' | 'type' | 'enums'>;
}

/** One input for one of the account's custom fields, chosen by the field's type. */
export function CustomFieldInput<T extends FieldValues>({
  control,
  name,
  field,
}: CustomFieldInputProps<T>) {
  const options = (field.enums ?? [])
    .toSorted((a, b) => a.sort - b.sort)
    .map((item) => ({ value: String(item.id), label: item.value }));
  switch (field.type) {
    case 'select':
      return (
        <SelectField control={control} name={name} label={field.name} data={options} clearable />
      );
    case 'multiselect':
      return (
        <MultiSelectField
          control={control}
          name={name}
          label={field.name}
          data={options}
          clearable
        />
      );
    case 'date':
      return <DateField control={control} name={name} label={field.name} />;
    default:
      return (
        <Controller
          control={control}
          name={name}
          render={({ field: input, fieldState }) => {
            const common = {
              label: field.name,
              error: fieldState.error?.message,
              onBlur: input.onBlur,
              ref: input.ref,
            };
            const text = typeof input.value === 'string' ? input.value : '';
            if (field.type === 'checkbox') {
              return (
                <Checkbox
                  {...common}
                  mt="lg"
                  checked={input.value === true}
                  onChange={(event) => input.onChange(event.currentTarget.checked)}
                />
              );
            }
            if (field.type === 'textarea') {
              return (
                <Textarea
                  {...common}
                  autosize
                  minRows={2}
                  value={text}
                  onChange={(event) => input.onChange(event.currentTarget.value)}
                />
              );
            }
            return (
              <TextInput
                {...common}
                type={field.type === 'url' ? 'url' : 'text'}
                inputMode={field.type === 'numeric' ? 'decimal' : undefined}
                placeholder={field.type === 'url' ? 'https://' : undefined}
                value={text}
                onChange={(event) => input.onChange(event.currentTarget.value)}
              />
            );
          }}
        />
      );
  }
}
