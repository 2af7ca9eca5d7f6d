import { describe, expect, it } from 'vitest';
import type { IssuedCredentials } from '../api/types';
import { credentialSheet, readablePassword } from './credentials';

const issued = (login: string, role: string, level: 'REGION' | 'MUNICIPALITY' | 'SCHOOL', code: string | null, password = 'aaaaa-bbbbb-ccccc'): IssuedCredentials => ({
  login,
  displayName: `Владелец ${login}`,
  grants: [{ role, scope: { level, code } }],
  oneTimePassword: password,
});

describe('credentialSheet', () => {
  it('orders slips by territory (a municipality before its schools), then login', () => {
    const sheet = credentialSheet([
      issued('oo-001002-org', 'RESPONSIBLE_ORGANIZER', 'SCHOOL', '001002'),
      issued('oo-001001-tech', 'TECHNICAL_SPECIALIST', 'SCHOOL', '001001'),
      issued('mo-002', 'MUNICIPAL_SPECIALIST', 'MUNICIPALITY', '002'),
      issued('oo-001001-org', 'RESPONSIBLE_ORGANIZER', 'SCHOOL', '001001'),
      issued('mo-001', 'MUNICIPAL_SPECIALIST', 'MUNICIPALITY', '001'),
      issued('rcoi', 'REGION_ADMINISTRATOR', 'REGION', null),
    ]);
    expect(sheet.map((e) => e.login)).toEqual(['rcoi', 'mo-001', 'oo-001001-org', 'oo-001001-tech', 'oo-001002-org', 'mo-002']);
  });

  it('names owner, roles and password for each slip', () => {
    const [entry] = credentialSheet([issued('oo-001001-org', 'RESPONSIBLE_ORGANIZER', 'SCHOOL', '001001', 'jFbHx-qAnGz-NStxx')]);
    expect(entry).toEqual({
      login: 'oo-001001-org',
      owner: 'Владелец oo-001001-org',
      roles: ['Ответственный организатор ОО — ОО 001001'],
      password: 'jFbHx-qAnGz-NStxx',
      territory: '001001',
    });
  });

  it('is empty for nothing pending', () => {
    expect(credentialSheet([])).toEqual([]);
  });
});

describe('readablePassword', () => {
  it('keeps passwords that have their own separators', () => {
    expect(readablePassword('jFbHx-qAnGz-NStxx')).toBe('jFbHx-qAnGz-NStxx');
  });

  it('groups a long password by four', () => {
    expect(readablePassword('abcdefghijkl')).toBe('abcd efgh ijkl');
    expect(readablePassword('short')).toBe('short');
  });
});
