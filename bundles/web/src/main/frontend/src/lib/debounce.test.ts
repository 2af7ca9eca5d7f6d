import { afterEach, describe, expect, it, vi } from 'vitest';
import { debounce } from './debounce';

afterEach(() => vi.useRealTimers());

describe('debounce', () => {
  it('calls once with the last arguments after the pause', () => {
    vi.useFakeTimers();
    const calls: string[] = [];
    const d = debounce((s: string) => calls.push(s), 300);
    d('И');
    vi.advanceTimersByTime(200);
    d('Ив');
    vi.advanceTimersByTime(299);
    expect(calls).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(calls).toEqual(['Ив']);
  });

  it('can be cancelled', () => {
    vi.useFakeTimers();
    const calls: string[] = [];
    const d = debounce((s: string) => calls.push(s), 300);
    d('x');
    d.cancel();
    vi.advanceTimersByTime(1000);
    expect(calls).toEqual([]);
  });
});
