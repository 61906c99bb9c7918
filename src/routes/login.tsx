import { Center, Paper, Stack, Text, Title } from '@mantine/core';
import { createFileRoute, useRouter } from '@tanstack/react-router';
import { RouteErrorComponent } from '../components/error-state';
import { LoginForm } from '../features/auth/components/login-form';
import { DEFAULT_AFTER_LOGIN, loginSearchSchema } from '../features/auth/login-search';

export const Route = createFileRoute('/login')({
  validateSearch: loginSearchSchema,
  errorComponent: RouteErrorComponent,
  component: LoginPage,
});

function LoginPage() {
  const { redirect } = Route.useSearch();
  const router = useRouter();

  return (
    <Center mih="100dvh" p="md" component="main">
      <Stack w="100%" maw={400} gap="lg">
        <div>
          <Title order={1} size="h2">
            Sign in
          </Title>
          <Text c="dimmed" size="sm">
            Customers Console
          </Text>
        </div>
        <Paper withBorder p="lg" radius="md">
          <LoginForm
            onSignedIn={() => {
              // `redirect` passed the same-origin check in loginSearchSchema.
              void router.navigate({ href: redirect ?? DEFAULT_AFTER_LOGIN, replace: true });
            }}
          />
        </Paper>
      </Stack>
    </Center>
  );
}
