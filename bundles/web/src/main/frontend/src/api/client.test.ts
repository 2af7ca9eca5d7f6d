import { describe, expect, it } from 'vitest';
import { asPage, buildUrl } from './client';

describe('buildUrl', () => {
  it('puts the path under /api/v1 and leaves out empty parameters', () => {
    expect(buildUrl('/participants', { q: ' Иван ', school: '', municipality: null, page: 0, size: 50 })).toBe(
      '/api/v1/participants?q=%D0%98%D0%B2%D0%B0%D0%BD&page=0&size=50',
    );
    expect(buildUrl('/auth/session')).toBe('/api/v1/auth/session');
  });

  it('encodes what a person typed', () => {
    expect(buildUrl('/schools', { q: 'a&b=c' })).toBe('/api/v1/schools?q=a%26b%3Dc');
  });
});

describe('asPage', () => {
  it('accepts a page or a bare array', () => {
    expect(asPage({ items: [1, 2], total: 7 })).toEqual({ items: [1, 2], total: 7 });
    expect(asPage([1, 2, 3])).toEqual({ items: [1, 2, 3], total: 3 });
    expect(asPage(null)).toEqual({ items: [], total: 0 });
  });
});
