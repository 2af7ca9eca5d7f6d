/**
 * File uploads with progress. fetch() cannot report how much of a request body has been
 * sent, so this one request goes through XMLHttpRequest, with the same headers, cookies and
 * problem+json handling as `request`.
 */
import { buildUrl, currentCsrfToken, notifyUnauthorized, type Query } from './client';
import { ApiError, parseProblem } from './problem';

export interface UploadOptions {
  query?: Query;
  contentType: string;
  body: Blob;
  /** Bytes of the body sent so far, of total. */
  onProgress?: (loaded: number, total: number) => void;
  signal?: AbortSignal;
}

export interface UploadResult<T> {
  status: number;
  body: T;
}

export function upload<T>(path: string, options: UploadOptions): Promise<UploadResult<T>> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', buildUrl(path, options.query));
    xhr.withCredentials = false; // same origin: cookies go anyway
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.setRequestHeader('X-Requested-With', 'XMLHttpRequest');
    xhr.setRequestHeader('Content-Type', options.contentType);
    const token = currentCsrfToken();
    if (token) xhr.setRequestHeader('X-CSRF-Token', token);
    if (options.onProgress) {
      const report = options.onProgress;
      xhr.upload.onprogress = (e) => report(e.loaded, e.lengthComputable ? e.total : options.body.size);
    }
    const abort = () => xhr.abort();
    options.signal?.addEventListener('abort', abort, { once: true });
    xhr.onabort = () => reject(new DOMException('Aborted', 'AbortError'));
    xhr.onerror = () => reject(new ApiError({ status: 0 }));
    xhr.onload = () => {
      options.signal?.removeEventListener('abort', abort);
      const text = xhr.responseText;
      if (xhr.status >= 200 && xhr.status < 300) {
        try {
          resolve({ status: xhr.status, body: (text === '' ? undefined : JSON.parse(text)) as T });
        } catch {
          reject(new ApiError({ status: xhr.status }));
        }
        return;
      }
      const error = parseProblem(xhr.status, xhr.getResponseHeader('Content-Type'), text, xhr.getResponseHeader('Retry-After'));
      if (xhr.status === 401) notifyUnauthorized();
      reject(error);
    };
    xhr.send(options.body);
  });
}
