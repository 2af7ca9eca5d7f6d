/**
 * Errors of the REST API: application/problem+json (RFC 9457) bodies, turned into one
 * ApiError the pages can show. The server's `detail` is already in Russian and is shown as is.
 */
import { has, t } from '../i18n';

export interface RowError {
  line?: number;
  column?: string | number;
  message: string;
}

export class ApiError extends Error {
  /** HTTP status; 0 when the server could not be reached. */
  readonly status: number;
  readonly type?: string;
  readonly title?: string;
  readonly detail?: string;
  readonly errors: RowError[];
  /** Seconds to wait before trying again (from Retry-After), when the server said so. */
  readonly retryAfterSeconds?: number;

  constructor(init: {
    status: number;
    type?: string;
    title?: string;
    detail?: string;
    errors?: RowError[];
    retryAfterSeconds?: number;
  }) {
    super(init.detail || init.title || `HTTP ${init.status}`);
    this.name = 'ApiError';
    this.status = init.status;
    this.type = init.type;
    this.title = init.title;
    this.detail = init.detail;
    this.errors = init.errors ?? [];
    this.retryAfterSeconds = init.retryAfterSeconds;
  }
}

/**
 * Retry-After as whole seconds from now: either delta-seconds ("120") or an HTTP date.
 * Undefined when absent or unreadable; never negative.
 */
export function parseRetryAfter(value: string | null | undefined, now: number = Date.now()): number | undefined {
  if (value == null) return undefined;
  const text = value.trim();
  if (text === '') return undefined;
  if (/^\d+$/.test(text)) return Number.parseInt(text, 10);
  // An HTTP date names its weekday and month ("Mon, 23 Nov 2026 10:05:00 GMT").
  if (!/[A-Za-z]{3}/.test(text)) return undefined;
  const date = Date.parse(text);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, Math.ceil((date - now) / 1000));
}

function stringOrUndefined(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

function rowErrors(value: unknown): RowError[] {
  if (!Array.isArray(value)) return [];
  return value
    .filter((e): e is Record<string, unknown> => typeof e === 'object' && e !== null)
    .map((e) => ({
      line: typeof e.line === 'number' ? e.line : undefined,
      column: typeof e.column === 'string' || typeof e.column === 'number' ? e.column : undefined,
      message: typeof e.message === 'string' ? e.message : '',
    }))
    .filter((e) => e.message !== '');
}

/**
 * The ApiError for a failed response. Reads a problem+json (or plain JSON) body when there is
 * one; anything else (an HTML error page from a proxy, an empty body) leaves only the status.
 */
export function parseProblem(
  status: number,
  contentType: string | null,
  body: string,
  retryAfter: string | null,
  now: number = Date.now(),
): ApiError {
  let problem: Record<string, unknown> = {};
  if (contentType && /\bjson\b/i.test(contentType) && body.trim() !== '') {
    try {
      const parsed: unknown = JSON.parse(body);
      if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) {
        problem = parsed as Record<string, unknown>;
      }
    } catch {
      // not JSON after all: keep the status only
    }
  }
  return new ApiError({
    status,
    type: stringOrUndefined(problem.type),
    title: stringOrUndefined(problem.title),
    detail: stringOrUndefined(problem.detail),
    errors: rowErrors(problem.errors),
    retryAfterSeconds: parseRetryAfter(retryAfter, now),
  });
}

/** The message to show a person for any error: the server's detail first. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.detail) return error.detail;
    if (error.status === 0) return t('errors.network');
    const key = `errors.status.${error.status}`;
    if (has(key)) return t(key);
    if (error.title) return error.title;
  }
  return t('errors.unexpected');
}

/** One line per row-level error (imports and validations). */
export function rowErrorLines(error: ApiError): string[] {
  return error.errors.map((e) =>
    e.line === undefined
      ? e.message
      : e.column === undefined || e.column === ''
        ? t('errors.rowNoColumn', { line: e.line, message: e.message })
        : t('errors.row', { line: e.line, column: e.column, message: e.message }),
  );
}
