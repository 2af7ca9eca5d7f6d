/** Progress of a file upload and of the import that follows. */
import type { ImportJob } from '../api/types';

/** Whole percent of done in total, 0 to 100; 0 when the total is not known yet. */
export function percent(done: number, total: number): number {
  if (!(total > 0) || !(done > 0)) return 0;
  if (done >= total) return 100;
  return Math.min(99, Math.floor((done / total) * 100));
}

/** A size for people: "512 байт", "1,5 КБ", "12,3 МБ" (Russian units, decimal comma). */
export function formatBytes(bytes: number, locale = 'ru-RU'): string {
  const units = ['байт', 'КБ', 'МБ', 'ГБ'];
  let value = Math.max(0, bytes);
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  const digits = unit === 0 || value >= 100 ? 0 : 1;
  const text = new Intl.NumberFormat(locale, { maximumFractionDigits: digits, minimumFractionDigits: 0 }).format(value);
  return `${text} ${units[unit]}`;
}

/** Whether the job has finished, one way or another (polling stops then). */
export function jobFinished(job: Pick<ImportJob, 'state'>): boolean {
  return job.state === 'DONE' || job.state === 'REJECTED' || job.state === 'FAILED';
}

/**
 * The percent to show for a job: the bytes the server has read of the file; a finished job
 * is at 100 whatever it counted.
 */
export function jobPercent(job: Pick<ImportJob, 'state' | 'bytesRead' | 'totalBytes'>): number {
  return jobFinished(job) ? 100 : percent(job.bytesRead, job.totalBytes);
}

/** How long to wait before asking about a job again: quickly at first, then every 2 s. */
export function pollDelay(attempt: number): number {
  return Math.min(2000, 250 * 2 ** Math.max(0, attempt));
}
