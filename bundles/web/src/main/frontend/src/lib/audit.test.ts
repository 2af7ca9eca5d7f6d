import { describe, expect, it } from 'vitest';
import { changeRows, dayAfter, dayStart } from './audit';

describe('dates of the search', () => {
  it('turns a calendar day into the instants of its local start and the next day', () => {
    expect(dayStart('2026-02-11')).toBe(new Date(2026, 1, 11).toISOString());
    expect(dayAfter('2026-02-11')).toBe(new Date(2026, 1, 12).toISOString());
    expect(dayAfter('2026-12-31')).toBe(new Date(2027, 0, 1).toISOString());
  });

  it('ignores what is not a date', () => {
    expect(dayStart('')).toBeNull();
    expect(dayAfter('11.02.2026')).toBeNull();
  });
});

describe('changeRows', () => {
  it('lists every field once, marking what changed', () => {
    expect(changeRows({ className: '9А', surname: 'Иванов' }, { className: '9Б', surname: 'Иванов', snils: '•••-•••-••• 25' })).toEqual([
      { field: 'className', before: '9А', after: '9Б', changed: true },
      { field: 'snils', before: undefined, after: '•••-•••-••• 25', changed: true },
      { field: 'surname', before: 'Иванов', after: 'Иванов', changed: false },
    ]);
  });

  it('accepts empty or missing maps', () => {
    expect(changeRows({}, {})).toEqual([]);
    expect(changeRows(null, { via: 'basic' })).toEqual([{ field: 'via', before: undefined, after: 'basic', changed: true }]);
  });

  it('does not take inherited names for fields', () => {
    expect(changeRows({ toString: 'x' }, {})).toEqual([{ field: 'toString', before: 'x', after: undefined, changed: true }]);
  });
});
