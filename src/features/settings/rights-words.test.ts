import { describe, expect, it } from 'vitest';
import { rightsSummary, rightWords } from './rights-words';

describe('rights in words', () => {
  it('says what each value lets the user do', () => {
    expect(rightWords('view', 'A')).toBe('sees all');
    expect(rightWords('view', 'G')).toBe('sees group');
    expect(rightWords('view', 'M')).toBe('sees own');
    expect(rightWords('view', 'D')).toBe('sees none');
    expect(rightWords('edit', 'M')).toBe('edits own');
  });

  it("summarises the sales user's customers rights", () => {
    expect(rightsSummary({ view: 'A', edit: 'M', add: 'A', delete: 'D', export: 'A' })).toEqual([
      'sees all',
      'edits own',
      'adds all',
      'deletes none',
      'exports all',
    ]);
  });
});
