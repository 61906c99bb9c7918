import { TextInput, type TextInputProps } from '@mantine/core';
import { Controller, type Control, type FieldPath, type FieldValues } from 'react-hook-form';

export interface TextFieldProps<T extends FieldValues> extends Omit<
  TextInputProps,
  'value' | 'defaultValue' | 'onChange' | 'name' | 'error'
> {
  control: Control<T>;
  name: FieldPath<T>;
}

/** A one-line text input bound to react-hook-form, its error on the field. */
export function TextField<T extends FieldValues>({ control, name, ...props }: TextFieldProps<T>) {
  return (
    <Controller
      control={control}
      name={name}
      render={({ field, fieldState }) => (
        <TextInput
          {...props}
          ref={field.ref}
          name={field.name}
          value={typeof field.value === 'string' ? field.value : ''}
          onChange={(event) => field.onChange(event.currentTarget.value)}
          onBlur={field.onBlur}
          error={fieldState.error?.message}
        />
      )}
    />
  );
}
