/**
 * What a person typed into a whole-number input, as the API item takes it. Nothing is rounded,
 * clamped or re-signed here: digits become that number (with its sign), a blank is "no value",
 * and anything else is handed on unchanged so the contract refuses it with a message on the field.
 * Group separators people type ("11 950", "11,950") are read as such.
 */
export function wholeNumberFromText(text: string | number): number | string | undefined {
  if (typeof text === 'number') return text;
  const compact = text.trim().replace(/[\s\u00a0\u202f_]/g, '');
  if (compact === '') return undefined;
  const digits = /^-?\d{1,3}(,\d{3})+$/.test(compact) ? compact.replaceAll(',', '') : compact;
  if (!/^-?\d+$/.test(digits)) return text;
  const value = Number(digits);
  // Beyond 2^53 a number is no longer exact (and zod calls it "not an integer"). Every bound the
  // API has is far below that, so the largest exact one stands in: the contract's maximum then
  // refuses it with its own words ("At most 2,000,000,000"), and nothing approximate is saved.
  return Number.isSafeInteger(value) ? value : Math.sign(value) * Number.MAX_SAFE_INTEGER;
}

/** A stored number as its input shows it (the form holds the text, not a number). */
export function textFromWholeNumber(value: number | null | undefined): string {
  return value === null || value === undefined ? '' : String(value);
}
