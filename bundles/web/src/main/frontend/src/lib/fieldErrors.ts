/**
 * Server validation errors (problem+json `errors[{column, message}]`) sorted onto the fields
 * of a form. The server names a column by the import's Russian header ("Фамилия"), its
 * English header ("birth_date") or the JSON property ("schoolCode"), depending on which rule
 * failed; each form lists the names that mean each of its fields.
 */
import { ApiError, errorMessage } from '../api/problem';

export interface FieldErrors {
  /** Messages per form field. */
  fields: Record<string, string[]>;
  /** Messages that belong to no field of the form (shown above it). */
  other: string[];
}

export const NO_ERRORS: FieldErrors = { fields: {}, other: [] };

function normalise(name: string): string {
  return name.trim().toLowerCase().replace(/[\s_.-]+/g, '');
}

/** A lookup from every alias (case, spaces, dots, dashes and underscores ignored) to its field. */
export function aliasIndex(aliases: Record<string, readonly string[]>): Map<string, string> {
  const index = new Map<string, string>();
  for (const [field, names] of Object.entries(aliases)) {
    index.set(normalise(field), field);
    for (const name of names) index.set(normalise(name), field);
  }
  return index;
}

export function fieldErrors(error: unknown, aliases: Record<string, readonly string[]>): FieldErrors {
  if (!(error instanceof ApiError) || error.errors.length === 0) return { fields: {}, other: [errorMessage(error)] };
  const index = aliasIndex(aliases);
  const fields: Record<string, string[]> = {};
  const other: string[] = [];
  for (const e of error.errors) {
    const field = e.column === undefined ? undefined : index.get(normalise(String(e.column)));
    if (field) (fields[field] ??= []).push(e.message);
    else other.push(e.message);
  }
  return { fields, other };
}

/** Whether there is anything to show. */
export function hasErrors(errors: FieldErrors): boolean {
  return errors.other.length > 0 || Object.keys(errors.fields).length > 0;
}
