import { describe, expect, it } from 'vitest';
import { formatBytes, jobFinished, jobPercent, percent, pollDelay } from './progress';

describe('percent', () => {
  it('gives whole percents, never 100 before the end', () => {
    expect(percent(0, 1000)).toBe(0);
    expect(percent(1, 1000)).toBe(0);
    expect(percent(455, 1000)).toBe(45);
    expect(percent(999, 1000)).toBe(99);
    expect(percent(1000, 1000)).toBe(100);
    expect(percent(1200, 1000)).toBe(100);
  });

  it('is 0 while the total is unknown', () => {
    expect(percent(10, 0)).toBe(0);
    expect(percent(10, -1)).toBe(0);
    expect(percent(Number.NaN, 10)).toBe(0);
  });
});

describe('jobPercent', () => {
  it('follows the bytes read and is 100 once finished', () => {
    expect(jobPercent({ state: 'QUEUED', bytesRead: 0, totalBytes: 302 })).toBe(0);
    expect(jobPercent({ state: 'RUNNING', bytesRead: 151, totalBytes: 302 })).toBe(50);
    expect(jobPercent({ state: 'DONE', bytesRead: 0, totalBytes: 0 })).toBe(100);
    expect(jobPercent({ state: 'FAILED', bytesRead: 10, totalBytes: 302 })).toBe(100);
  });

  it('knows which states are final', () => {
    expect(['QUEUED', 'RUNNING', 'DONE', 'REJECTED', 'FAILED'].map((state) => jobFinished({ state: state as never }))).toEqual([
      false,
      false,
      true,
      true,
      true,
    ]);
  });
});

describe('formatBytes', () => {
  it('uses Russian units with a decimal comma', () => {
    expect(formatBytes(302)).toBe('302 байт');
    expect(formatBytes(1536)).toBe('1,5 КБ');
    expect(formatBytes(12.3 * 1024 * 1024)).toBe('12,3 МБ');
    expect(formatBytes(300 * 1024 * 1024)).toBe('300 МБ');
    expect(formatBytes(-5)).toBe('0 байт');
  });
});

describe('pollDelay', () => {
  it('asks quickly at first, then every two seconds', () => {
    expect([0, 1, 2, 3, 10].map(pollDelay)).toEqual([250, 500, 1000, 2000, 2000]);
  });
});
