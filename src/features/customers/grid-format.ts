/** Formatters for the grid's cells and its CSV, built once per currency/locale. */
export interface GridFormat {
  money: (value: number) => string;
  date: (unixSeconds: number | null) => string;
  dateTime: (unixSeconds: number | null) => string;
  number: (value: number) => string;
}

function moneyFormatter(currency: string): Intl.NumberFormat {
  try {
    return new Intl.NumberFormat(undefined, {
      style: 'currency',
      currency,
      maximumFractionDigits: 0,
    });
  } catch {
    // A live account may report a code Intl does not know: show the plain number.
    return new Intl.NumberFormat(undefined, { maximumFractionDigits: 0 });
  }
}

export function createGridFormat(currency: string): GridFormat {
  const money = moneyFormatter(currency);
  const number = new Intl.NumberFormat();
  const date = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });
  const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
  return {
    money: (value) => money.format(value),
    number: (value) => number.format(value),
    date: (seconds) => (seconds === null ? '' : date.format(seconds * 1000)),
    dateTime: (seconds) => (seconds === null ? '' : dateTime.format(seconds * 1000)),
  };
}

/** `2024-05-31T10:00:00.000Z` for `<time dateTime>`. */
export function isoFromUnix(seconds: number): string {
  return new Date(seconds * 1000).toISOString();
}
