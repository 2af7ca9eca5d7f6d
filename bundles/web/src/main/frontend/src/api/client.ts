/**
 * The one way the UI talks to the server: same origin, cookies sent by the browser
 * (the session cookie is HttpOnly; the UI never sees it), the CSRF token from the session
 * on every request that changes something, JSON in and out, problem+json errors as ApiError.
 */
import { ApiError, parseProblem } from './problem';
import type { Page } from './types';

export const API_BASE = '/api/v1';

export type Query = Record<string, string | number | null | undefined>;

let csrfToken: string | null = null;
let unauthorizedHandler: (() => void) | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** The CSRF token of the session, for requests made without `request` (file uploads). */
export function currentCsrfToken(): string | null {
  return csrfToken;
}

/** Tells the app that the session has ended (a 401 seen outside `request`). */
export function notifyUnauthorized(): void {
  unauthorizedHandler?.();
}

/** Called when a request of a signed-in page answers 401: the session has ended. */
export function onUnauthorized(handler: (() => void) | null): void {
  unauthorizedHandler = handler;
}

/** API path plus query; empty and null parameters are left out. */
export function buildUrl(path: string, query?: Query): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value === null || value === undefined) continue;
    const text = String(value).trim();
    if (text !== '') params.set(key, text);
  }
  const search = params.toString();
  return API_BASE + path + (search ? `?${search}` : '');
}

export interface RequestOptions {
  query?: Query;
  body?: unknown;
  signal?: AbortSignal;
  /** A 401 is an answer of this call (wrong password), not the end of the session. */
  unauthorizedIsAnswer?: boolean;
}

export async function request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  // X-Requested-With marks a script's request: the server should then answer 401 without a
  // `WWW-Authenticate: Basic` challenge, which would make the browser show its own login dialog.
  const headers: Record<string, string> = { Accept: 'application/json', 'X-Requested-With': 'XMLHttpRequest' };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && method !== 'HEAD' && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  let response: Response;
  try {
    response = await fetch(buildUrl(path, options.query), {
      method,
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      credentials: 'same-origin',
      cache: 'no-store',
      signal: options.signal,
    });
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e;
    throw new ApiError({ status: 0 });
  }
  if (!response.ok) {
    const error = parseProblem(
      response.status,
      response.headers.get('Content-Type'),
      await response.text().catch(() => ''),
      response.headers.get('Retry-After'),
    );
    if (response.status === 401 && !options.unauthorizedIsAnswer && unauthorizedHandler) unauthorizedHandler();
    throw error;
  }
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  return (text === '' ? undefined : JSON.parse(text)) as T;
}

export const get = <T>(path: string, options?: RequestOptions) => request<T>('GET', path, options);
export const post = <T>(path: string, body?: unknown, options?: RequestOptions) =>
  request<T>('POST', path, { ...options, body });
export const put = <T>(path: string, body?: unknown, options?: RequestOptions) =>
  request<T>('PUT', path, { ...options, body });
export const del = <T = void>(path: string, options?: RequestOptions) => request<T>('DELETE', path, options);

/** A list answer as items and total, whether the server sent a page or a bare array. */
export function asPage<T>(value: Page<T> | T[] | null | undefined): Page<T> {
  if (Array.isArray(value)) return { items: value, total: value.length };
  if (value && Array.isArray(value.items)) return { items: value.items, total: Number(value.total) || value.items.length };
  return { items: [], total: 0 };
}
