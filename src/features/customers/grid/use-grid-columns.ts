import { useQuery } from '@tanstack/react-query';
import { useDeferredValue, useMemo } from 'react';
import { referenceQueries } from '../../../api/reference';
import type { Account } from '../../../contracts/account';
import type { User } from '../../../contracts/user';
import { buildGridColumns } from './customers-columns';
import { canListUsers, type GridMode } from './grid-capabilities';
import { createGridFormat } from './grid-format';

/**
 * Every column the grid can show, labelled with the account's reference data. Cells render ids
 * until the names arrive, so the first rows never wait for reference lists.
 */
export function useGridColumns(account: Account, me: Pick<User, 'rights'>, mode: GridMode) {
  const users = useQuery({ ...referenceQueries.users(), enabled: canListUsers(account, me) });
  const segments = useQuery({ ...referenceQueries.segments(), enabled: mode === 'segments' });
  const statuses = useQuery({ ...referenceQueries.statuses(), enabled: mode === 'periodicity' });
  const customFields = useQuery(referenceQueries.customFields());

  // Names arriving re-render every cell: at low priority, so they never hold up the first rows'
  // paint or a click.
  const userList = useDeferredValue(users.data);
  const segmentList = useDeferredValue(segments.data);
  const statusList = useDeferredValue(statuses.data);
  const fieldList = useDeferredValue(customFields.data);

  const format = useMemo(() => createGridFormat(account.currency), [account.currency]);
  const columns = useMemo(
    () =>
      buildGridColumns({
        mode,
        format,
        users: new Map((userList ?? []).map((user) => [user.id, user.name])),
        segments: new Map((segmentList ?? []).map((segment) => [segment.id, segment])),
        statuses: new Map((statusList ?? []).map((status) => [status.id, status])),
        customFields: fieldList ?? [],
      }),
    [mode, format, userList, segmentList, statusList, fieldList],
  );
  return {
    columns,
    /** Until custom fields load, a `cf_…` column in the URL cannot be judged stale. */
    customFieldsSettled: !customFields.isPending,
    users: users.data ?? [],
    segments: segments.data ?? [],
  };
}
