import { Stack, Text, Title } from '@mantine/core';
import type { ErrorComponentProps } from '@tanstack/react-router';
import { Link } from '../../../components/link';
import { RouteErrorComponent } from '../../../components/error-state';
import { isApiError } from '../../../lib/api-error';

/** A 204 (or an id that cannot be one): a page of its own with a way back, not an error. */
export function CustomerNotFound() {
  return (
    <Stack gap="sm" py="xl" align="flex-start">
      <Title order={1}>Customer not found</Title>
      <Text c="dimmed">It may have been deleted, or the link is mistyped.</Text>
      <Link to="/customers">Back to customers</Link>
    </Stack>
  );
}

export function CustomerNoAccess() {
  return (
    <Stack gap="sm" py="xl" align="flex-start">
      <Title order={1}>No access</Title>
      <Text>You have no access to this customer.</Text>
      <Link to="/customers">Back to customers</Link>
    </Stack>
  );
}

/** The route's errorComponent: 403 is a plain statement, anything else the usual error with Retry. */
export function CustomerErrorComponent(props: ErrorComponentProps) {
  if (isApiError(props.error) && props.error.status === 403) return <CustomerNoAccess />;
  return <RouteErrorComponent {...props} />;
}
