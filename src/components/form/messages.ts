import type { z } from '../../contracts/zod';

const wholeNumber = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

function bound(value: unknown): string {
  return typeof value === 'number' || typeof value === 'bigint'
    ? wholeNumber.format(value)
    : String(value);
}

/**
 * A contract issue in words for the person at the form ("At most 2,000,000,000"), not zod's
 * developer text ("Too big: expected number to be <=2000000000"). Messages the contracts wrote
 * for people (custom ones) pass through.
 */
export function humanIssueMessage(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'too_big':
      if (issue.origin === 'string') return `At most ${bound(issue.maximum)} characters`;
      if (issue.origin === 'array') return `At most ${bound(issue.maximum)} items`;
      return `At most ${bound(issue.maximum)}`;
    case 'too_small':
      if (issue.origin === 'string') {
        return issue.minimum === 1
          ? 'Enter a value'
          : `At least ${bound(issue.minimum)} characters`;
      }
      if (issue.origin === 'array') return `Choose at least ${bound(issue.minimum)}`;
      return `At least ${bound(issue.minimum)}`;
    case 'invalid_type':
      if (issue.expected === 'number' || issue.expected === 'int') return 'Enter a whole number';
      return 'Enter a value';
    case 'invalid_format':
      return 'Check the format';
    default:
      return issue.message;
  }
}
