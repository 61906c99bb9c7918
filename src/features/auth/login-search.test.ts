import { describe, expect, it } from 'vitest';
import { isSafeRedirect, loginSearchSchema } from './login-search';

describe('login redirect', () => {
  it.each(['/customers', '/customers?filter%5Bid%5D%5B%5D=1&page=2', '/settings#tokens'])(
    'accepts the same-origin path %s',
    (value) => {
      expect(isSafeRedirect(value)).toBe(true);
    },
  );

  it.each([
    'https://evil.example/',
    '//evil.example/x',
    '/\\evil.example',
    'javascript:alert(1)',
    'customers',
    '/login?redirect=/x',
  ])('rejects %s', (value) => {
    expect(isSafeRedirect(value)).toBe(false);
  });

  it('drops an unsafe value instead of failing', () => {
    expect(loginSearchSchema.parse({ redirect: '//evil.example' })).toEqual({
      redirect: undefined,
    });
    expect(loginSearchSchema.parse({ redirect: 42 })).toEqual({ redirect: undefined });
    expect(loginSearchSchema.parse({})).toEqual({});
  });
});
