import { describe, expect, it } from 'vitest';
import { z } from '../../contracts/zod';
import { money } from '../../contracts/common';
import { humanIssueMessage } from './messages';

function messageFor(schema: z.ZodMiniType, value: unknown): string {
  const result = schema.safeParse(value);
  if (result.success) throw new Error('expected a failure');
  const [issue] = result.error.issues;
  if (!issue) throw new Error('no issue');
  return humanIssueMessage(issue);
}

describe('humanIssueMessage', () => {
  it('says bounds in words with grouped digits', () => {
    expect(messageFor(money, 2_000_000_001)).toBe('At most 2,000,000,000');
    expect(messageFor(money, -1)).toBe('At least 0');
    expect(messageFor(z.int().check(z.maximum(3650)), 99_999_999_999)).toBe('At most 3,650');
  });
  it('speaks of characters for text and of whole numbers for fractions', () => {
    expect(messageFor(z.string().check(z.maxLength(255)), 'x'.repeat(256))).toBe(
      'At most 255 characters',
    );
    expect(messageFor(money, 1.5)).toBe('Enter a whole number');
    expect(messageFor(money, 'abc')).toBe('Enter a whole number');
  });
  it('keeps a message the contract wrote for people', () => {
    const schema = z.string().check(z.refine(() => false, 'Enter a date'));
    expect(messageFor(schema, 'x')).toBe('Enter a date');
  });
  it('never shows zod’s developer wording', () => {
    for (const [schema, value] of [
      [money, 1e20],
      [money, null],
      [z.string().check(z.minLength(1)), ''],
    ] as const) {
      expect(messageFor(schema, value)).not.toMatch(/expected|Too big|Too small|Invalid/);
    }
  });
});
