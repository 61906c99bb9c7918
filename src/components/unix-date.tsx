import { formatDate, formatDateTime } from '../lib/format';

/** A unix time (seconds) shown as its date; the time is in the tooltip and `dateTime`. */
export function UnixDate({ seconds }: { seconds: number }) {
  return (
    <time dateTime={new Date(seconds * 1000).toISOString()} title={formatDateTime(seconds)}>
      {formatDate(seconds)}
    </time>
  );
}
