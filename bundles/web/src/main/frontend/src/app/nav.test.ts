import { describe, expect, it } from 'vitest';
import { SUBPAGES, currentSection, href, routePath, visibleSections } from './nav';

describe('sections', () => {
  it('offers only what the permissions allow', () => {
    expect(visibleSections([]).map((s) => s.id)).toEqual(['home']);
    expect(visibleSections(['REGISTRY_READ']).map((s) => s.id)).toEqual(['home', 'municipalities', 'schools', 'venues', 'examDays']);
    expect(visibleSections(['REGISTRY_READ', 'PARTICIPANTS_READ']).map((s) => s.id)).toEqual([
      'home',
      'participants',
      'municipalities',
      'schools',
      'venues',
      'examDays',
    ]);
    expect(visibleSections(['PARTICIPANTS_IMPORT', 'ACCOUNTS_READ', 'AUDIT_READ']).map((s) => s.id)).toEqual([
      'home',
      'import',
      'accounts',
      'audit',
    ]);
  });

  it('routes the pages under a section, the specific ones first', () => {
    expect(SUBPAGES.map((s) => s.section)).toEqual([
      'participants/new',
      'participants/:id',
      'schools/:code',
      'venues/:id',
      'exam-days/:id',
      'accounts/credentials',
    ]);
    expect(SUBPAGES.every((s) => s.permission)).toBe(true);
    expect(currentSection('/ui/accounts/credentials')?.id).toBe('accounts');
    expect(currentSection('/ui/exam-days/1')?.id).toBe('examDays');
    expect(currentSection('/ui/import')?.id).toBe('import');
    expect(currentSection('/ui/schools/001001')?.id).toBe('schools');
    expect(currentSection('/ui/municipalities')?.id).toBe('municipalities');
  });

  it('builds addresses under /ui/', () => {
    expect(href('')).toBe('/ui/');
    expect(href('schools')).toBe('/ui/schools');
    expect(routePath('')).toBe('/ui');
  });

  it('marks the current section', () => {
    expect(currentSection('/ui')?.id).toBe('home');
    expect(currentSection('/ui/')?.id).toBe('home');
    expect(currentSection('/ui/participants')?.id).toBe('participants');
    expect(currentSection('/ui/participants/42')?.id).toBe('participants');
    expect(currentSection('/ui/password')).toBeUndefined();
  });
});
