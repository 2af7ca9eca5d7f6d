import { describe, expect, it } from 'vitest';
import { listAddress, pageNumber } from './listQuery';

describe('listAddress', () => {
  it('keeps only what narrows the list', () => {
    expect(listAddress('/ui/participants', { q: '', page: 0 })).toBe('/ui/participants');
    expect(listAddress('/ui/participants', { q: ' Иванов ', page: 2 })).toBe(
      '/ui/participants?q=%D0%98%D0%B2%D0%B0%D0%BD%D0%BE%D0%B2&page=2',
    );
    expect(listAddress('/ui/schools', { q: null, municipality: '02' })).toBe('/ui/schools?municipality=02');
  });
});

describe('pageNumber', () => {
  it('reads whole numbers from 0 and nothing else', () => {
    expect(pageNumber('3')).toBe(3);
    expect(pageNumber(undefined)).toBe(0);
    expect(pageNumber('-1')).toBe(0);
    expect(pageNumber('1e3')).toBe(0);
    expect(pageNumber('abc')).toBe(0);
  });
});
