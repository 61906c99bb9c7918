import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, Group, Select, Stack, TextInput } from '@mantine/core';
import { Controller, useForm } from 'react-hook-form';
import { z } from '../../../contracts/zod';
import { tokenCreateSchema } from '../../../contracts/auth';
import type { User } from '../../../contracts/user';
import { applyServerErrors } from '../../../lib/form-errors';

/** The owner is a Select's string; the contract wants a number (or nothing: yourself). */
const tokenFormSchema = z.extend(z.pick(tokenCreateSchema, { name: true }), { owner: z.string() });
type TokenFormValues = z.infer<typeof tokenFormSchema>;

interface TokenCreateFormProps {
  currentUserId: number;
  /** Administrators may create a token for someone else; others get no owner field. */
  users: readonly User[] | null;
  onCreate: (input: { name: string; user_id?: number }) => Promise<unknown>;
}

export function TokenCreateForm({ currentUserId, users, onCreate }: TokenCreateFormProps) {
  const {
    control,
    register,
    handleSubmit,
    setError,
    reset,
    formState: { errors, isSubmitting },
  } = useForm<TokenFormValues>({
    resolver: zodResolver(tokenFormSchema),
    defaultValues: { name: '', owner: String(currentUserId) },
  });

  return (
    <form
      noValidate
      aria-label="New API token"
      onSubmit={(event) => {
        void handleSubmit(async ({ name, owner }) => {
          const userId = Number(owner);
          try {
            await onCreate(userId === currentUserId ? { name } : { name, user_id: userId });
            reset({ name: '', owner: String(currentUserId) });
          } catch (error) {
            if (!applyServerErrors(error, setError, ['name'])) {
              setError('root.server', {
                message: error instanceof Error ? error.message : 'Something went wrong',
              });
            }
          }
        })(event);
      }}
    >
      <Stack gap="sm" maw={640}>
        <Group align="flex-start" gap="sm" grow>
          <TextInput
            label="Token name"
            description="What the token is for, e.g. the integration using it."
            required
            error={errors.name?.message}
            {...register('name')}
          />
          {users && (
            <Controller
              control={control}
              name="owner"
              render={({ field }) => (
                <Select
                  label="Owner"
                  description="The token acts with this user's rights."
                  data={users.map((user) => ({ value: String(user.id), label: user.name }))}
                  value={field.value}
                  onChange={(value) => field.onChange(value ?? String(currentUserId))}
                  onBlur={field.onBlur}
                  allowDeselect={false}
                />
              )}
            />
          )}
        </Group>
        {errors.root?.server && (
          <Alert color="red" variant="light" role="alert" title="The token was not created">
            {errors.root.server.message}
          </Alert>
        )}
        <Group>
          <Button type="submit" loading={isSubmitting}>
            Create token
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
