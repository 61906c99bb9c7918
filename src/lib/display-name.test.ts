import { describe, expect, it } from 'vitest';
import { contactDisplayName, customerDisplayName } from './display-name';

describe('display names', () => {
  it('keeps a real name as typed', () => {
    expect(customerDisplayName({ id: 7, name: '  Ada  ' })).toBe('  Ada  ');
    expect(contactDisplayName({ id: 7, name: 'Bob' })).toBe('Bob');
  });
  it('names an empty or blank name by its id', () => {
    expect(customerDisplayName({ id: 2001, name: '' })).toBe('Customer #2001');
    expect(customerDisplayName({ id: 3, name: '   ' })).toBe('Customer #3');
    expect(contactDisplayName({ id: 9, name: '' })).toBe('Contact #9');
  });
});
