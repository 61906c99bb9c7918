import { describe, expect, it } from 'vitest';
import { dayRange, isCalendarDay } from './calendar-day';

const seconds = (date: Date) => Math.floor(date.getTime() / 1000);

describe('calendar days in the URL', () => {
  it('accepts real days only', () => {
    expect(isCalendarDay('2024-02-29')).toBe(true);
    expect(isCalendarDay('2025-02-29')).toBe(false);
    expect(isCalendarDay('2025-13-01')).toBe(false);
    expect(isCalendarDay('2025-1-5')).toBe(false);
    expect(isCalendarDay('yesterday')).toBe(false);
  });

  it('turns a range of days into whole local days in unix seconds', () => {
    expect(dayRange('2025-01-05', '2025-01-06')).toEqual({
      from: seconds(new Date(2025, 0, 5)),
      to: seconds(new Date(2025, 0, 7)) - 1,
    });
    expect(dayRange(undefined, '2025-03-31')).toEqual({ to: seconds(new Date(2025, 3, 1)) - 1 });
    expect(dayRange('2025-02-30', undefined)).toEqual({});
  });
});
