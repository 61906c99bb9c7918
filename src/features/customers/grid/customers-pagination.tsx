import { Button, Group, NativeSelect, Text } from '@mantine/core';
import { PAGE_SIZES, type PageSize } from './search';

interface CustomersPaginationProps {
  page: number;
  pageSize: PageSize;
  /** The API has no total count: `_links.next` says whether another page exists. */
  hasNext: boolean;
  onPage: (page: number) => void;
  onPageSize: (size: PageSize) => void;
}

const SIZE_OPTIONS = PAGE_SIZES.map((size) => String(size));

function toPageSize(value: string): PageSize | undefined {
  return PAGE_SIZES.find((size) => String(size) === value);
}

export function CustomersPagination({
  page,
  pageSize,
  hasNext,
  onPage,
  onPageSize,
}: CustomersPaginationProps) {
  return (
    <Group justify="space-between" align="flex-end" gap="sm" component="nav" aria-label="Pages">
      <NativeSelect
        label="Rows per page"
        size="xs"
        w={120}
        data={SIZE_OPTIONS}
        value={String(pageSize)}
        onChange={(event) => {
          const size = toPageSize(event.currentTarget.value);
          if (size !== undefined) onPageSize(size);
        }}
      />
      <Group gap="xs" align="center">
        <Button variant="default" size="xs" disabled={page <= 1} onClick={() => onPage(page - 1)}>
          Previous
        </Button>
        <Text size="sm" aria-live="polite" aria-atomic>
          Page {page}
        </Text>
        <Button variant="default" size="xs" disabled={!hasNext} onClick={() => onPage(page + 1)}>
          Next
        </Button>
      </Group>
    </Group>
  );
}
