/** Roles and scopes for issuing accounts. */
import type { RoleGrant, ScopeLevel, StaffAccount } from '../api/types';

export const ROLES = [
  'REGION_ADMINISTRATOR',
  'REGION_OPERATOR',
  'MUNICIPAL_SPECIALIST',
  'SCHOOL_HEAD',
  'RESPONSIBLE_ORGANIZER',
  'TECHNICAL_SPECIALIST',
  'EXPERT',
] as const;
export type Role = (typeof ROLES)[number];

/** The roles a bulk issue creates: one account per municipality or per school. */
export const BULK_ROLES: readonly Role[] = ['MUNICIPAL_SPECIALIST', 'SCHOOL_HEAD', 'RESPONSIBLE_ORGANIZER', 'TECHNICAL_SPECIALIST'];

const LEVELS: Record<Role, readonly ScopeLevel[]> = {
  REGION_ADMINISTRATOR: ['REGION'],
  REGION_OPERATOR: ['REGION'],
  MUNICIPAL_SPECIALIST: ['MUNICIPALITY'],
  SCHOOL_HEAD: ['SCHOOL'],
  RESPONSIBLE_ORGANIZER: ['SCHOOL'],
  TECHNICAL_SPECIALIST: ['SCHOOL'],
  EXPERT: ['SCHOOL', 'MUNICIPALITY', 'REGION'],
};

/** The scope levels a role may be bound to (as the server's Role enum says). */
export function scopeLevels(role: string): readonly ScopeLevel[] {
  return (LEVELS as Record<string, readonly ScopeLevel[]>)[role] ?? ['REGION'];
}

/** The grant to send; the level falls back to the role's first when it does not fit the role. */
export function grantFor(role: string, level: ScopeLevel, code: string): RoleGrant {
  const levels = scopeLevels(role);
  const l = levels.includes(level) ? level : levels[0];
  return { role, scope: { level: l, code: l === 'REGION' ? null : code.trim() } };
}

export type AccountStatus = 'disabled' | 'locked' | 'pending' | 'mustChange' | 'active';

/** The one state a list shows first: disabled, locked out, password not handed over, not yet changed, working. */
export function accountStatus(a: Pick<StaffAccount, 'state' | 'lockedUntil' | 'credentialsPending' | 'passwordChangeRequired'>, now: number = Date.now()): AccountStatus {
  if (a.state === 'DISABLED') return 'disabled';
  if (a.lockedUntil && Date.parse(a.lockedUntil) > now) return 'locked';
  if (a.credentialsPending) return 'pending';
  if (a.passwordChangeRequired) return 'mustChange';
  return 'active';
}

/** Login rules of the server: 3–64 latin letters, digits, ".", "-", "_", starting with a letter or digit. */
export function validLogin(login: string): boolean {
  return /^[a-z0-9][a-z0-9._-]{2,63}$/i.test(login.trim());
}

/**
 * The scope levels an issuer may hand out: the region only from a region grant; a
 * municipality's specialist issues for the municipality and its schools; a school's own
 * staff only for the school. The server checks again (and refuses roles wider than the issuer's).
 */
export function issuableLevels(grants: readonly RoleGrant[]): ScopeLevel[] {
  const levels = new Set(grants.map((g) => g.scope.level));
  if (levels.has('REGION')) return ['REGION', 'MUNICIPALITY', 'SCHOOL'];
  if (levels.has('MUNICIPALITY')) return ['MUNICIPALITY', 'SCHOOL'];
  return levels.has('SCHOOL') ? ['SCHOOL'] : [];
}

/** The roles an issuer may choose from: those that can be bound to a level the issuer may hand out. */
export function issuableRoles(grants: readonly RoleGrant[]): Role[] {
  const levels = issuableLevels(grants);
  return ROLES.filter((r) => scopeLevels(r).some((l) => levels.includes(l)));
}
