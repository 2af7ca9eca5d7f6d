import { describe, expect, it } from 'vitest';
import { importMediaType, toHex } from './importFile';

describe('importMediaType', () => {
  it('sends CSV as text/csv whatever the browser calls it', () => {
    expect(importMediaType('участники.csv', 'text/csv')).toBe('text/csv');
    expect(importMediaType('участники.CSV', 'application/vnd.ms-excel')).toBe('text/csv');
    expect(importMediaType('export', '')).toBe('text/csv');
    expect(importMediaType('list.txt', 'text/plain')).toBe('text/csv');
  });

  it('keeps the type of another format a region reads', () => {
    expect(importMediaType('region.xml', 'application/xml')).toBe('application/xml');
  });
});

describe('toHex', () => {
  it('writes bytes as lower-case hex', () => {
    expect(toHex(new Uint8Array([0, 15, 16, 255]))).toBe('000f10ff');
    expect(toHex(new Uint8Array([]).buffer)).toBe('');
  });
});
