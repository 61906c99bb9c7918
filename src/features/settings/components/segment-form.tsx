import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, Group, Stack, TextInput } from '@mantine/core';
import { Controller, useForm } from 'react-hook-form';
import { applyServerErrors } from '../../../lib/form-errors';
import {
  segmentFormSchema,
  type SegmentFormInput,
  type SegmentFormValues,
} from '../segment-form.schema';
import { SegmentColorPicker } from './segment-color-picker';

interface SegmentFormProps {
  defaultValues: SegmentFormInput;
  submitLabel: string;
  /** Resolves when the server said yes; rejects with its error otherwise. */
  onSubmit: (values: SegmentFormValues) => Promise<unknown>;
  onCancel: () => void;
  /** `0` for the batch POST, whose errors name `0.name`. */
  serverPathPrefix?: string;
}

const FIELDS = ['name', 'color'] as const;

export function SegmentForm({
  defaultValues,
  submitLabel,
  onSubmit,
  onCancel,
  serverPathPrefix,
}: SegmentFormProps) {
  const {
    control,
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<SegmentFormInput, unknown, SegmentFormValues>({
    resolver: zodResolver(segmentFormSchema),
    defaultValues,
  });

  return (
    <form
      noValidate
      onSubmit={(event) => {
        void handleSubmit(async (values) => {
          try {
            await onSubmit(values);
          } catch (error) {
            const shown = applyServerErrors(error, setError, FIELDS, {
              pathPrefix: serverPathPrefix,
            });
            if (!shown) {
              setError('root.server', {
                message: error instanceof Error ? error.message : 'Something went wrong',
              });
            }
          }
        })(event);
      }}
    >
      <Stack gap="md">
        <TextInput
          label="Name"
          required
          data-autofocus
          error={errors.name?.message}
          {...register('name')}
        />
        <Controller
          control={control}
          name="color"
          render={({ field, fieldState }) => (
            <SegmentColorPicker
              value={field.value}
              onChange={field.onChange}
              onBlur={field.onBlur}
              name={field.name}
              error={fieldState.error?.message}
            />
          )}
        />
        {errors.root?.server && (
          <Alert color="red" variant="light" role="alert" title="The segment was not saved">
            {errors.root.server.message}
          </Alert>
        )}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onCancel} disabled={isSubmitting}>
            Cancel
          </Button>
          <Button type="submit" loading={isSubmitting}>
            {submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
