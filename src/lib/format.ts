import dayjs from 'dayjs';

const moneyFormats = new Map<string, Intl.NumberFormat>();

/** Whole currency units in the account's currency; an unknown code falls back to a plain number. */
export function formatMoney(value: number, currency: string): string {
  let format = moneyFormats.get(currency);
  if (!format) {
    try {
      format = new Intl.NumberFormat(undefined, {
        style: 'currency',
        currency,
        maximumFractionDigits: 0,
      });
    } catch {
      format = new Intl.NumberFormat(undefined, { maximumFractionDigits: 0 });
    }
    moneyFormats.set(currency, format);
  }
  return format.format(value);
}

/** A unix time (seconds) as a date, e.g. "12 Mar 2025". */
export function formatDate(unix: number): string {
  return dayjs.unix(unix).format('D MMM YYYY');
}

export function formatDateTime(unix: number): string {
  return dayjs.unix(unix).format('D MMM YYYY, HH:mm');
}
