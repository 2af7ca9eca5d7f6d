/** The printed handover sheet of one-time passwords. */
import type { IssuedCredentials, RoleGrant } from '../api/types';
import { grantLabel } from './format';

export interface SheetEntry {
  login: string;
  owner: string;
  roles: string[];
  password: string;
  /** The territory the entry is filed under on the sheet: municipality or school code, '' for the region. */
  territory: string;
}

function territoryOf(grants: readonly RoleGrant[]): string {
  const codes = grants.map((g) => g.scope.code ?? '').sort();
  return codes[0] ?? '';
}

const collator = new Intl.Collator('ru', { numeric: true });

/**
 * The entries of the sheet, in the order the envelopes are handed out: by territory code
 * (codes compared as text, so a municipality "001" comes right before its schools "001001"
 * and "002" after them), then login.
 */
export function credentialSheet(list: readonly IssuedCredentials[]): SheetEntry[] {
  return list
    .map((c) => ({
      login: c.login,
      owner: c.displayName,
      roles: c.grants.map(grantLabel),
      password: c.oneTimePassword,
      territory: territoryOf(c.grants),
    }))
    .sort((a, b) => (a.territory < b.territory ? -1 : a.territory > b.territory ? 1 : 0) || collator.compare(a.login, b.login));
}

/**
 * A password split into groups of four for reading aloud or copying from paper, unless it
 * already has its own separators ("jFbHx-qAnGz-NStxx").
 */
export function readablePassword(password: string): string {
  if (/[-\s]/.test(password) || password.length <= 8) return password;
  return password.match(/.{1,4}/g)!.join(' ');
}
