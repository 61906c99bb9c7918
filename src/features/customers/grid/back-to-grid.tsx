import { Box, Breadcrumbs, Text } from '@mantine/core';
import { Link } from '../../../components/link';
import { lastGridSearch } from '../model/grid-return';

/** "Customers › {here}": back to the grid as the user left it (page, sort, filters). */
export function BackToGrid({ current }: { current: string }) {
  return (
    <Box component="nav" aria-label="Breadcrumb">
      <Breadcrumbs separatorMargin={6}>
        <Link to="/customers" search={lastGridSearch()} size="sm">
          Customers
        </Link>
        <Text size="sm" c="dimmed" aria-current="page" truncate maw="40ch">
          {current}
        </Text>
      </Breadcrumbs>
    </Box>
  );
}
