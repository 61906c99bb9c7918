import { Stack, Text, Title } from '@mantine/core';
import { Link } from './link';

export function NotFound() {
  return (
    <Stack gap="sm" py="xl" align="flex-start">
      <Title order={1}>Page not found</Title>
      <Text c="dimmed">The address may be mistyped, or the page has moved.</Text>
      <Link to="/customers">Go to customers</Link>
    </Stack>
  );
}
