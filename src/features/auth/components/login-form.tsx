import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, PasswordInput, Stack, TextInput } from '@mantine/core';
import { useForm } from 'react-hook-form';
import { loginBodySchema, type LoginBody, type Me } from '../../../contracts/auth';
import { isApiError } from '../../../lib/api-error';
import { applyServerErrors } from '../../../lib/form-errors';
import { useLogin } from '../api/auth-mutations';
import { DemoUsers } from './demo-users';

interface LoginFormProps {
  onSignedIn: (me: Me) => void;
}

const FIELDS = ['email', 'password'] as const;

export function LoginForm({ onSignedIn }: LoginFormProps) {
  const login = useLogin();
  const {
    register,
    handleSubmit,
    setError,
    setValue,
    formState: { errors },
  } = useForm<LoginBody>({
    resolver: zodResolver(loginBodySchema),
    defaultValues: { email: '', password: '' },
  });

  const onSubmit = handleSubmit((values) => {
    login.mutate(values, {
      onSuccess: (me) => {
        onSignedIn(me);
      },
      onError: (error) => {
        // 401 carries the server's own wording ("wrong email or password"), shown as is.
        if (isApiError(error) && error.status !== 400) {
          setError('root.server', {
            type: String(error.status),
            message: error.detail || error.title,
          });
          return;
        }
        if (!applyServerErrors(error, setError, FIELDS)) {
          setError('root.server', { type: 'unknown', message: 'Sign-in failed. Try again.' });
        }
      },
    });
  });

  const serverError = errors.root?.server?.message;

  return (
    <Stack gap="md">
      <form onSubmit={(event) => void onSubmit(event)} noValidate>
        <Stack gap="sm">
          {serverError && (
            <Alert color="red" variant="light" role="alert">
              {serverError}
            </Alert>
          )}
          <TextInput
            label="Email"
            type="email"
            autoComplete="username"
            autoFocus
            error={errors.email?.message}
            {...register('email')}
          />
          <PasswordInput
            label="Password"
            autoComplete="current-password"
            error={errors.password?.message}
            {...register('password')}
          />
          <Button type="submit" loading={login.isPending} fullWidth mt="xs">
            Sign in
          </Button>
        </Stack>
      </form>
      <DemoUsers
        onPick={({ email, password }) => {
          setValue('email', email, { shouldValidate: true });
          setValue('password', password, { shouldValidate: true });
        }}
      />
    </Stack>
  );
}
