import '@mantine/dates/styles.css';
import { DateInput, type DateInputProps } from '@mantine/dates';
import { Controller, type Control, type FieldPath, type FieldValues } from 'react-hook-form';

export interface DateFieldProps<T extends FieldValues> extends Omit<
  DateInputProps,
  'value' | 'defaultValue' | 'onChange' | 'name' | 'error'
> {
  control: Control<T>;
  name: FieldPath<T>;
}

/** A calendar day (`YYYY-MM-DD`, or null for none) bound to react-hook-form. */
export function DateField<T extends FieldValues>({ control, name, ...props }: DateFieldProps<T>) {
  return (
    <Controller
      control={control}
      name={name}
      render={({ field, fieldState }) => (
        <DateInput
          clearable
          valueFormat="YYYY-MM-DD"
          {...props}
          ref={field.ref}
          value={typeof field.value === 'string' && field.value !== '' ? field.value : null}
          onChange={(value) => field.onChange(value)}
          onBlur={field.onBlur}
          error={fieldState.error?.message}
        />
      )}
    />
  );
}
