import { describe, expect, it } from 'vitest';
import type { RoleGrant } from '../api/types';
import { accountStatus, grantFor, issuableLevels, issuableRoles, scopeLevels, validLogin } from './accountForm';

const region: RoleGrant = { role: 'REGION_ADMINISTRATOR', scope: { level: 'REGION', code: null } };
const municipal: RoleGrant = { role: 'MUNICIPAL_SPECIALIST', scope: { level: 'MUNICIPALITY', code: '001' } };

describe('roles and scopes', () => {
  it('binds each role to the levels the server allows', () => {
    expect(scopeLevels('REGION_OPERATOR')).toEqual(['REGION']);
    expect(scopeLevels('TECHNICAL_SPECIALIST')).toEqual(['SCHOOL']);
    expect(scopeLevels('EXPERT')).toEqual(['SCHOOL', 'MUNICIPALITY', 'REGION']);
  });

  it('builds the grant to send, with no code for the region', () => {
    expect(grantFor('RESPONSIBLE_ORGANIZER', 'SCHOOL', ' 001001 ')).toEqual({
      role: 'RESPONSIBLE_ORGANIZER',
      scope: { level: 'SCHOOL', code: '001001' },
    });
    expect(grantFor('REGION_OPERATOR', 'SCHOOL', '001001')).toEqual({ role: 'REGION_OPERATOR', scope: { level: 'REGION', code: null } });
    expect(grantFor('EXPERT', 'MUNICIPALITY', '002')).toEqual({ role: 'EXPERT', scope: { level: 'MUNICIPALITY', code: '002' } });
  });

  it('offers an issuer only the levels and roles of its territory', () => {
    expect(issuableLevels([region])).toEqual(['REGION', 'MUNICIPALITY', 'SCHOOL']);
    expect(issuableLevels([municipal])).toEqual(['MUNICIPALITY', 'SCHOOL']);
    expect(issuableLevels([])).toEqual([]);
    expect(issuableRoles([municipal])).toEqual([
      'MUNICIPAL_SPECIALIST',
      'SCHOOL_HEAD',
      'RESPONSIBLE_ORGANIZER',
      'TECHNICAL_SPECIALIST',
      'EXPERT',
    ]);
    expect(issuableRoles([region])).toHaveLength(7);
  });
});

describe('accountStatus', () => {
  const base = { state: 'ACTIVE' as const, lockedUntil: null, credentialsPending: false, passwordChangeRequired: false };
  const now = Date.parse('2026-11-23T12:00:00Z');

  it('shows the one state that matters most', () => {
    expect(accountStatus({ ...base, state: 'DISABLED', credentialsPending: true }, now)).toBe('disabled');
    expect(accountStatus({ ...base, lockedUntil: '2026-11-23T12:10:00Z', credentialsPending: true }, now)).toBe('locked');
    expect(accountStatus({ ...base, lockedUntil: '2026-11-23T11:00:00Z' }, now)).toBe('active');
    expect(accountStatus({ ...base, credentialsPending: true, passwordChangeRequired: true }, now)).toBe('pending');
    expect(accountStatus({ ...base, passwordChangeRequired: true }, now)).toBe('mustChange');
    expect(accountStatus(base, now)).toBe('active');
  });
});

describe('validLogin', () => {
  it('follows the server rule', () => {
    expect(validLogin('oo-001001-org')).toBe(true);
    expect(validLogin('Ivanova.A')).toBe(true);
    expect(validLogin('ab')).toBe(false);
    expect(validLogin('-abc')).toBe(false);
    expect(validLogin('иванова')).toBe(false);
    expect(validLogin('a'.repeat(65))).toBe(false);
  });
});
