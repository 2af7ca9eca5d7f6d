/** The sections of the UI, their addresses and who may see them. */
export const BASE = import.meta.env?.BASE_URL?.replace(/\/$/, '') || '/ui';

/** The address of a section: href('participants') is "/ui/participants"; href('') is "/ui/". */
export function href(section: string): string {
  return `${BASE}/${section}`;
}

/** The path the router sees for a section (no trailing slash). */
export function routePath(section: string): string {
  return section === '' ? BASE : `${BASE}/${section}`;
}

export interface Section {
  id: string;
  /** Under the base path; '' is the home page. */
  section: string;
  labelKey: string;
  /** Needed to see the section; none: every signed-in person. */
  permission?: string;
}

/** Menu order. A section without its permission is neither shown nor routable. */
export const SECTIONS: readonly Section[] = [
  { id: 'home', section: '', labelKey: 'nav.home' },
  { id: 'participants', section: 'participants', labelKey: 'nav.participants', permission: 'PARTICIPANTS_READ' },
  { id: 'import', section: 'import', labelKey: 'nav.import', permission: 'PARTICIPANTS_IMPORT' },
  { id: 'municipalities', section: 'municipalities', labelKey: 'nav.municipalities', permission: 'REGISTRY_READ' },
  { id: 'schools', section: 'schools', labelKey: 'nav.schools', permission: 'REGISTRY_READ' },
  { id: 'venues', section: 'venues', labelKey: 'nav.venues', permission: 'REGISTRY_READ' },
  { id: 'examDays', section: 'exam-days', labelKey: 'nav.examDays', permission: 'REGISTRY_READ' },
  { id: 'accounts', section: 'accounts', labelKey: 'nav.accounts', permission: 'ACCOUNTS_READ' },
  { id: 'audit', section: 'audit', labelKey: 'nav.audit', permission: 'AUDIT_READ' },
];

/**
 * Pages under a section that the menu does not list (a card, a form, a printout); the menu
 * marks their section as current. Matched before the sections, in this order.
 */
export const SUBPAGES: readonly Section[] = [
  { id: 'participantNew', section: 'participants/new', labelKey: 'nav.participants', permission: 'PARTICIPANTS_EDIT' },
  { id: 'participant', section: 'participants/:id', labelKey: 'nav.participants', permission: 'PARTICIPANTS_READ' },
  { id: 'school', section: 'schools/:code', labelKey: 'nav.schools', permission: 'REGISTRY_READ' },
  { id: 'venue', section: 'venues/:id', labelKey: 'nav.venues', permission: 'REGISTRY_READ' },
  { id: 'seating', section: 'exam-days/:id', labelKey: 'nav.examDays', permission: 'REGISTRY_READ' },
  { id: 'credentials', section: 'accounts/credentials', labelKey: 'nav.accounts', permission: 'ACCOUNTS_MANAGE' },
];

export function allowed(section: Section, permissions: readonly string[]): boolean {
  return section.permission === undefined || permissions.includes(section.permission);
}

export function visibleSections(permissions: readonly string[], sections: readonly Section[] = SECTIONS): Section[] {
  return sections.filter((s) => allowed(s, permissions));
}

/** The section whose page the path shows (for aria-current), or undefined. */
export function currentSection(path: string, sections: readonly Section[] = SECTIONS): Section | undefined {
  const clean = path.replace(/\/+$/, '') || '/';
  return sections.find((s) => {
    const p = routePath(s.section);
    return s.section === '' ? clean === p : clean === p || clean.startsWith(`${p}/`);
  });
}
