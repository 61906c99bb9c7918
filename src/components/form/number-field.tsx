import { Text, TextInput, type TextInputProps } from '@mantine/core';
import { Controller, type Control, type FieldPath, type FieldValues } from 'react-hook-form';

export interface NumberFieldProps<T extends FieldValues> extends Omit<
  TextInputProps,
  'value' | 'defaultValue' | 'onChange' | 'name' | 'error'
> {
  control: Control<T>;
  name: FieldPath<T>;
}

/**
 * A whole-number input bound to react-hook-form. It holds exactly the text typed — no clamping on
 * blur, no "0" left behind when cleared, no dropped minus sign, no rounding of a long paste — and
 * the form's schema accepts it or puts a message on this field.
 */
export function NumberField<T extends FieldValues>({
  control,
  name,
  ...props
}: NumberFieldProps<T>) {
  return (
    <Controller
      control={control}
      name={name}
      render={({ field, fieldState }) => (
        <TextInput
          {...props}
          inputMode="numeric"
          autoComplete="off"
          ref={field.ref}
          name={field.name}
          value={
            typeof field.value === 'number' || typeof field.value === 'string'
              ? String(field.value)
              : ''
          }
          onChange={(event) => field.onChange(event.currentTarget.value)}
          onBlur={field.onBlur}
          error={fieldState.error?.message}
        />
      )}
    />
  );
}

/** A NumberField for an amount in the account's currency (whole units, as amoCRM stores them). */
export function MoneyField<T extends FieldValues>({
  currency,
  ...props
}: NumberFieldProps<T> & { currency: string }) {
  return (
    <NumberField
      {...props}
      rightSection={
        <Text size="xs" c="dimmed" aria-hidden>
          {currency}
        </Text>
      }
      rightSectionPointerEvents="none"
    />
  );
}
