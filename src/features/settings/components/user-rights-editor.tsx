import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, Group, Select, SimpleGrid, Stack, Switch } from '@mantine/core';
import { Controller, useForm } from 'react-hook-form';
import { useUpdateUserRights } from '../../../api/users-mutations';
import { rightValueSchema, type User } from '../../../contracts/user';
import { applyServerErrors } from '../../../lib/form-errors';
import { ACTION_LABELS, RIGHT_ACTIONS, rightWords, VALUES_FOR } from '../rights-words';
import { userRightsFormSchema, type UserRightsForm } from '../user-rights.schema';

interface UserRightsEditorProps {
  user: User;
  /** The server refuses to let administrators remove their own rights: the switch says so. */
  isSelf: boolean;
  onDone: () => void;
  onSaved: () => void;
}

const FIELDS = ['is_admin', ...RIGHT_ACTIONS.map((action) => `customers.${action}`)] as const;

export function UserRightsEditor({ user, isSelf, onDone, onSaved }: UserRightsEditorProps) {
  const mutation = useUpdateUserRights();
  const {
    control,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting, isDirty },
  } = useForm<UserRightsForm>({
    resolver: zodResolver(userRightsFormSchema),
    defaultValues: { customers: user.rights.customers, is_admin: user.rights.is_admin },
  });

  return (
    <form
      noValidate
      onSubmit={(event) => {
        void handleSubmit(async (rights) => {
          try {
            await mutation.mutateAsync({ id: user.id, patch: { rights } });
            onSaved();
          } catch (error) {
            if (!applyServerErrors(error, setError, FIELDS, { pathPrefix: 'rights' })) {
              setError('root.server', {
                message: error instanceof Error ? error.message : 'Something went wrong',
              });
            }
          }
        })(event);
      }}
    >
      <Stack gap="md">
        <Controller
          control={control}
          name="is_admin"
          render={({ field }) => (
            <Switch
              label="Administrator"
              description={
                isSelf && user.rights.is_admin
                  ? 'You cannot remove your own administrator rights.'
                  : 'Administrators see and change everything, including these settings.'
              }
              disabled={isSelf && user.rights.is_admin}
              checked={field.value}
              onChange={(event) => field.onChange(event.currentTarget.checked)}
              onBlur={field.onBlur}
              name={field.name}
              ref={field.ref}
            />
          )}
        />
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
          {RIGHT_ACTIONS.map((action) => (
            <Controller
              key={action}
              control={control}
              name={`customers.${action}`}
              render={({ field, fieldState }) => (
                <Select
                  label={`${ACTION_LABELS[action]} customers`}
                  data={VALUES_FOR[action].map((value) => ({
                    value,
                    label: rightWords(action, value),
                  }))}
                  value={field.value}
                  onChange={(value) => {
                    const parsed = rightValueSchema.safeParse(value);
                    if (parsed.success) field.onChange(parsed.data);
                  }}
                  onBlur={field.onBlur}
                  allowDeselect={false}
                  error={fieldState.error?.message}
                />
              )}
            />
          ))}
        </SimpleGrid>
        {errors.root?.server && (
          <Alert color="red" variant="light" role="alert" title="The rights were not saved">
            {errors.root.server.message}
          </Alert>
        )}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onDone} disabled={isSubmitting}>
            Cancel
          </Button>
          <Button type="submit" loading={isSubmitting} disabled={!isDirty}>
            Save rights
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
