/**
 * Calendar days as the URL carries them (`YYYY-MM-DD`, the user's local days), turned into the unix
 * seconds the API filters take. Date's own constructor, not dayjs: the route search schemas that
 * use this are in the initial bundle, and a real day and its bounds are all they need.
 */

/** `YYYY-MM-DD` as a local calendar day; `null` unless it is a real day (no 2025-02-30). */
export function localDay(value: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(year, month - 1, day);
  const real =
    date.getFullYear() === year && date.getMonth() === month - 1 && date.getDate() === day;
  return real ? date : null;
}

export function isCalendarDay(value: string): boolean {
  return localDay(value) !== null;
}

/**
 * Whole local days, in unix seconds: "to 2024-05-31" includes the evening of the 31st. A bound
 * that is absent or not a real day is left out.
 */
export function dayRange(
  from: string | undefined,
  to: string | undefined,
): { from?: number; to?: number } {
  const range: { from?: number; to?: number } = {};
  const start = from === undefined ? null : localDay(from);
  const end = to === undefined ? null : localDay(to);
  if (start) range.from = Math.floor(start.getTime() / 1000);
  if (end) {
    // The next local midnight minus a second: right on days when the clocks change, too.
    const next = new Date(end.getFullYear(), end.getMonth(), end.getDate() + 1);
    range.to = Math.floor(next.getTime() / 1000) - 1;
  }
  return range;
}
