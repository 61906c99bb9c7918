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

/**
 * Black or white, whichever reads better on a segment colour (hex without '#', as the API gives
 * it). WCAG's contrast ratio, not Mantine's autoContrast threshold: small badge text needs 4.5:1,
 * and the better of black and white always reaches it.
 */
export function readableOn(hex: string): 'black' | 'white' {
  if (!/^[0-9a-f]{6}$/i.test(hex)) return 'black';
  const channel = (offset: number) => {
    const value = parseInt(hex.slice(offset, offset + 2), 16) / 255;
    return value <= 0.03928 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
  };
  const luminance = 0.2126 * channel(0) + 0.7152 * channel(2) + 0.0722 * channel(4);
  const onWhite = 1.05 / (luminance + 0.05);
  const onBlack = (luminance + 0.05) / 0.05;
  return onBlack >= onWhite ? 'black' : 'white';
}
