import dayjs from 'dayjs';
import relativeTime from 'dayjs/plugin/relativeTime';

dayjs.extend(relativeTime);

/** "3 days ago" / "in 2 months". */
export function formatRelative(unix: number, now: number = Date.now()): string {
  return dayjs.unix(unix).from(dayjs(now));
}

export function isOverdue(unix: number, now: number = Date.now()): boolean {
  // A purchase due today is not overdue yet.
  return dayjs.unix(unix).isBefore(dayjs(now), 'day');
}
