import { describe, expect, it } from 'vitest';
import { describeModeChange, formValuesFor, hasModeChanged } from './customers-mode';

describe('customers mode form', () => {
  it('maps the account mode to the form', () => {
    expect(formValuesFor('periodicity')).toEqual({ is_enabled: true, mode: 'periodicity' });
    expect(formValuesFor('dynamic')).toEqual({ is_enabled: true, mode: 'segments' });
    expect(formValuesFor('disabled').is_enabled).toBe(false);
  });

  it('ignores the mode while customers stay off', () => {
    expect(hasModeChanged('disabled', { is_enabled: false, mode: 'periodicity' })).toBe(false);
    expect(hasModeChanged('disabled', { is_enabled: true, mode: 'segments' })).toBe(true);
    expect(hasModeChanged('segments', { is_enabled: true, mode: 'periodicity' })).toBe(true);
  });

  it('tells everyone what changes', () => {
    expect(describeModeChange('segments', { is_enabled: false, mode: 'segments' })).toBe(
      'The customers section will be turned off for everyone.',
    );
    expect(describeModeChange('disabled', { is_enabled: true, mode: 'periodicity' })).toMatch(
      /^The customers section will be turned on for everyone in periodicity mode\. Periodicity mode makes Next purchase date/,
    );
  });
});
