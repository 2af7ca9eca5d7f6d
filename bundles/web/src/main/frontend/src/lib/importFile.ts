/** What to send for an import file. */

/**
 * The Content-Type of an import file. Browsers call a .csv "application/vnd.ms-excel" (Windows
 * with Excel) or nothing at all; the server reads CSV as text/csv. Other formats a region adds
 * are sent with the type the browser knows.
 */
export function importMediaType(name: string, type: string): string {
  const lower = name.toLowerCase();
  const t = type.trim().toLowerCase();
  if (lower.endsWith('.csv') || lower.endsWith('.txt') || t === '' || t === 'application/vnd.ms-excel' || t === 'text/plain') {
    return 'text/csv';
  }
  return t;
}

/** Bytes as lower-case hex (a SHA-256 for ?sha256=). */
export function toHex(bytes: ArrayBuffer | Uint8Array): string {
  const view = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  let out = '';
  for (const b of view) out += b.toString(16).padStart(2, '0');
  return out;
}

/** Files up to this size get a SHA-256 computed in the browser (it reads the whole file into memory). */
export const DIGEST_LIMIT_BYTES = 64 * 1024 * 1024;
