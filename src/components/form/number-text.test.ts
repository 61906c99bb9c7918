import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { textFromWholeNumber, wholeNumberFromText } from './number-text';

describe('wholeNumberFromText', () => {
  it('reads what was typed, sign and all', () => {
    expect(wholeNumberFromText('11950')).toBe(11950);
    expect(wholeNumberFromText(' 11 950 ')).toBe(11950);
    expect(wholeNumberFromText('11,950')).toBe(11950);
    expect(wholeNumberFromText('-5')).toBe(-5);
    expect(wholeNumberFromText('0')).toBe(0);
  });
  it('treats a blank as no value', () => {
    expect(wholeNumberFromText('')).toBeUndefined();
    expect(wholeNumberFromText('   ')).toBeUndefined();
  });
  it('hands anything else on unchanged, for the contract to refuse', () => {
    for (const text of ['12.5', '1,5', 'abc', '1e3', '--1', '1-', '\u0000', '12,34']) {
      expect(wholeNumberFromText(text)).toBe(text);
    }
  });
  it('never turns an overflowing paste into a small number', () => {
    expect(wholeNumberFromText('99999999999999999999')).toBe(Number.MAX_SAFE_INTEGER);
    expect(wholeNumberFromText('-99999999999999999999')).toBe(-Number.MAX_SAFE_INTEGER);
  });
  it('round-trips every safe integer through its text', () => {
    fc.assert(
      fc.property(fc.maxSafeInteger(), (n) => {
        expect(wholeNumberFromText(textFromWholeNumber(n))).toBe(n === 0 ? 0 : n);
      }),
    );
  });
  it('gives a number only for digit strings, and then the same magnitude order', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const result = wholeNumberFromText(text);
        if (typeof result === 'number') {
          expect(/^-?[\d\s\u00a0\u202f_,]+$/.test(text.trim())).toBe(true);
        }
      }),
    );
  });
});
