import { Button } from '@mantine/core';
import { EmptyState } from '../../../components/empty-state';
import { ErrorState } from '../../../components/error-state';
import { hasActiveFilters, type CustomersSearch } from './search';

interface EmptyProps {
  search: CustomersSearch;
  page: number;
  onClearFilters: () => void;
  onFirstPage: () => void;
}

/** No rows: past the last page, nothing matching the filters, or no customers at all. */
function Empty({ search, page, onClearFilters, onFirstPage }: EmptyProps) {
  if (page > 1) {
    return (
      <EmptyState
        title="This page is past the end"
        description="There are fewer customers than this page needs."
        action={
          <Button variant="default" size="xs" onClick={onFirstPage}>
            Go to the first page
          </Button>
        }
      />
    );
  }
  if (hasActiveFilters(search)) {
    return (
      <EmptyState
        title="No customers match"
        description="Try fewer filters or a shorter search."
        action={
          <Button variant="default" size="xs" onClick={onClearFilters}>
            Clear filters
          </Button>
        }
      />
    );
  }
  return (
    <EmptyState title="No customers yet" description="Customers you add will be listed here." />
  );
}

function GridError({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  return <ErrorState error={error} onRetry={onRetry} />;
}

export const CustomersGridStates = { Empty, Error: GridError };
