import {
  MultiSelect,
  Select,
  TagsInput,
  type MultiSelectProps,
  type SelectProps,
  type TagsInputProps,
} from '@mantine/core';
import { Controller, type Control, type FieldPath, type FieldValues } from 'react-hook-form';

type Bound<T extends FieldValues, P> = Omit<
  P,
  'value' | 'defaultValue' | 'onChange' | 'name' | 'error'
> & {
  control: Control<T>;
  name: FieldPath<T>;
};

/** One choice (a string id, or null for none) bound to react-hook-form. */
export function SelectField<T extends FieldValues>({
  control,
  name,
  ...props
}: Bound<T, SelectProps>) {
  return (
    <Controller
      control={control}
      name={name}
      render={({ field, fieldState }) => (
        <Select
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

function asList(value: unknown): string[] {
  return Array.isArray(value)
    ? value.filter((item): item is string => typeof item === 'string')
    : [];
}

/** Several choices (string ids) bound to react-hook-form. */
export function MultiSelectField<T extends FieldValues>({
  control,
  name,
  ...props
}: Bound<T, MultiSelectProps>) {
  return (
    <Controller
      control={control}
      name={name}
      render={({ field, fieldState }) => (
        <MultiSelect
          {...props}
          ref={field.ref}
          value={asList(field.value)}
          onChange={(value) => field.onChange(value)}
          onBlur={field.onBlur}
          error={fieldState.error?.message}
        />
      )}
    />
  );
}

/** Free-text tags (names) bound to react-hook-form. */
export function TagsField<T extends FieldValues>({
  control,
  name,
  ...props
}: Bound<T, TagsInputProps>) {
  return (
    <Controller
      control={control}
      name={name}
      render={({ field, fieldState }) => (
        <TagsInput
          {...props}
          ref={field.ref}
          value={asList(field.value)}
          onChange={(value) => field.onChange(value)}
          onBlur={field.onBlur}
          error={fieldState.error?.message}
        />
      )}
    />
  );
}
