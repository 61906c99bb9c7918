import { Alert } from '@mantine/core';
import { useEffect, useMemo } from 'react';
import type { CustomersSearch } from './search';
import {
  dismissSearchProblems,
  flagSearchProblems,
  useFlaggedSearchProblems,
} from './search-notice-store';
import { searchProblems, withoutProblems, type SearchContext } from './search-problems';
import { tidy, useGridSearch } from './use-grid-search';

export const SEARCH_NOTICE_TEXT = 'Some settings in the link were not understood and were reset';

/**
 * A hand-edited or stale link: values that do not parse were dropped by the route's validation;
 * here the grid also drops what this account cannot use (a sort it cannot do, columns that no
 * longer exist), rewrites the URL to what it shows (same history entry) and says so.
 */
export function useSearchNotice(search: CustomersSearch, context: SearchContext) {
  const { navigate } = useGridSearch();
  const flagged = useFlaggedSearchProblems();
  const problems = useMemo(() => searchProblems(search, context), [search, context]);
  const problemKey = problems.join(',');

  useEffect(() => {
    if (problemKey === '') return;
    flagSearchProblems(problems);
    void navigate({ search: tidy(withoutProblems(search, problems, context)), replace: true });
    // Only a new set of problems needs a correction; `search` follows from the same URL.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [problemKey]);

  // Leaving the grid forgets the notice: it belongs to the link that was opened.
  useEffect(() => dismissSearchProblems, []);

  return { open: flagged.length > 0, dismiss: dismissSearchProblems };
}

export function SearchNotice({ onClose }: { onClose: () => void }) {
  return (
    <Alert
      color="yellow"
      variant="light"
      title={SEARCH_NOTICE_TEXT}
      withCloseButton
      closeButtonLabel="Dismiss notice"
      onClose={onClose}
    >
      The grid shows its defaults for them instead.
    </Alert>
  );
}
