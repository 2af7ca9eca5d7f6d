/** The audit log search: dates to instants, and the before/after of an entry. */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The start of a calendar day in the browser's time zone, as an ISO instant; null when not a date. */
export function dayStart(date: string): string | null {
  const m = ISO_DATE.exec(date.trim());
  if (!m) return null;
  return new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3])).toISOString();
}

/** The start of the next day (the search's `to` is exclusive, so "to 11.02" takes all of 11.02). */
export function dayAfter(date: string): string | null {
  const m = ISO_DATE.exec(date.trim());
  if (!m) return null;
  return new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]) + 1).toISOString();
}

export interface ChangeRow {
  field: string;
  before?: string;
  after?: string;
  changed: boolean;
}

/** Every field of before and after, in name order, marking those that differ. */
export function changeRows(before: Record<string, string> | null | undefined, after: Record<string, string> | null | undefined): ChangeRow[] {
  const b = before ?? {};
  const a = after ?? {};
  const fields = [...new Set([...Object.keys(b), ...Object.keys(a)])].sort();
  return fields.map((field) => {
    const was = Object.prototype.hasOwnProperty.call(b, field) ? b[field] : undefined;
    const now = Object.prototype.hasOwnProperty.call(a, field) ? a[field] : undefined;
    return { field, before: was, after: now, changed: was !== now };
  });
}

/** Known actions, for the search field's suggestions (the server accepts any, and "account." for all account actions). */
export const AUDIT_ACTIONS: readonly string[] = [
  'auth.',
  'auth.login',
  'auth.logout',
  'auth.password-changed',
  'auth.session-rejected',
  'auth.csrf-rejected',
  'access.denied',
  'account.',
  'account.issued',
  'account.bulk-issued',
  'account.reset',
  'account.disabled',
  'account.enabled',
  'account.credentials-viewed',
  'personal-data.viewed',
  'personal-data.exported',
  'created',
  'updated',
  'deleted',
  'imported',
  'audit.verified',
];
