/**
 * Forms of the registry (municipalities, schools, exam days): the code rule the server applies,
 * and server errors put on fields, including a 409 conflict that belongs to one field (a code
 * or a date already taken).
 */
import { ApiError } from '../api/problem';
import type { Account } from '../api/types';
import { fieldErrors, type FieldErrors } from './fieldErrors';

/** Codes of municipalities and schools: digits, Latin letters, "-" and "_", 1 to 20 of them. */
export const CODE_PATTERN = /^[0-9A-Za-z_-]{1,20}$/;

export type CodeProblem = 'required' | 'code';

/** What is wrong with a code as typed (surrounding spaces ignored), or null. */
export function codeProblem(code: string): CodeProblem | null {
  const text = code.trim();
  if (text === '') return 'required';
  return CODE_PATTERN.test(text) ? null : 'code';
}

/** The field a conflict concerns, by the last part of its problem type (`urn:attesta:problem:duplicate-code`). */
const CONFLICT_FIELDS: Record<string, string> = {
  'duplicate-code': 'code',
  'duplicate-exam-day': 'date',
};

/**
 * Server errors on the fields of a form; a 409 whose problem type names a field the form has
 * (`…:duplicate-code` → code, `…:duplicate-exam-day` → date) goes on that field too.
 */
export function registryFieldErrors(error: unknown, aliases: Record<string, readonly string[]>): FieldErrors {
  if (error instanceof ApiError && error.status === 409 && error.errors.length === 0 && error.type) {
    const kind = error.type.split(/[:/]/).pop() ?? '';
    const field = Object.hasOwn(CONFLICT_FIELDS, kind) ? CONFLICT_FIELDS[kind] : undefined;
    if (field && field in aliases) {
      return { fields: { [field]: [error.detail || error.title || error.message] }, other: [] };
    }
  }
  return fieldErrors(error, aliases);
}

/** Whether the account holds a grant for the whole region (municipalities and exam days are edited there). */
export function atRegion(account: Pick<Account, 'grants'>): boolean {
  return account.grants.some((g) => g.scope.level === 'REGION');
}

/** Entries sorted by code as people read codes (numbers by value). */
export function byCode<T extends { code: string }>(items: readonly T[]): T[] {
  const collator = new Intl.Collator('ru', { numeric: true });
  return [...items].sort((a, b) => collator.compare(a.code, b.code));
}
