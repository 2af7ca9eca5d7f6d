/** The shapes of the REST API /api/v1 as the UI reads them. */

export type ScopeLevel = 'REGION' | 'MUNICIPALITY' | 'SCHOOL';

export interface Scope {
  level: ScopeLevel;
  code: string | null;
}

export interface RoleGrant {
  role: string;
  scope: Scope;
}

export interface Account {
  login: string;
  displayName: string;
  grants: RoleGrant[];
  passwordChangeRequired: boolean;
  permissions: string[];
}

export interface SessionInfo {
  csrfToken: string;
  expiresAt: string;
  account: Account;
}

export interface Page<T> {
  items: T[];
  total: number;
}

export interface IdentityDocument {
  type: string | null;
  series: string | null;
  number: string | null;
}

export interface Participant {
  id: number;
  surname: string;
  name: string;
  patronymic: string | null;
  birthDate: string | null;
  sex: string | null;
  document: IdentityDocument | null;
  snils: string | null;
  schoolCode: string;
  className: string | null;
  category: string | null;
  specialNeeds: boolean;
  extraMinutes: number;
  consentDate: string | null;
}

export interface School {
  id: number;
  code: string;
  name: string;
  shortName: string | null;
  municipalityCode: string;
  address: string | null;
}

export interface Municipality {
  id: number;
  code: string;
  name: string;
}

export interface ExamDay {
  id: number;
  date: string;
  kind: string;
  schoolYear: string;
}

export type Sex = 'MALE' | 'FEMALE';
export type DocumentType = 'PASSPORT_RF' | 'BIRTH_CERTIFICATE' | 'FOREIGN_PASSPORT' | 'RESIDENCE_PERMIT' | 'OTHER';
export type ParticipantCategory = 'STUDENT' | 'EXTERNAL';

export const DOCUMENT_TYPES: readonly DocumentType[] = [
  'PASSPORT_RF',
  'BIRTH_CERTIFICATE',
  'FOREIGN_PASSPORT',
  'RESIDENCE_PERMIT',
  'OTHER',
];
export const PARTICIPANT_CATEGORIES: readonly ParticipantCategory[] = ['STUDENT', 'EXTERNAL'];

/** PUT /participants/{id} and POST /participants. */
export interface ParticipantDraft {
  surname: string;
  name: string;
  patronymic: string | null;
  birthDate: string | null;
  sex: Sex | null;
  document: { type: DocumentType | null; series: string | null; number: string | null };
  snils: string | null;
  schoolCode: string;
  className: string | null;
  category: ParticipantCategory | null;
  specialNeeds: boolean;
  /** null: the configured default for special needs (0 without them). */
  extraMinutes: number | null;
  consentDate: string | null;
}

export interface ImportRowProblem {
  line: number;
  column: string | null;
  message: string;
}

export interface ImportReport {
  format: string;
  rows: number;
  created: number;
  unchanged: number;
  rejected: number;
  stored: boolean;
  errors: ImportRowProblem[];
}

export type ImportJobState = 'QUEUED' | 'RUNNING' | 'DONE' | 'REJECTED' | 'FAILED';

export interface ImportJob {
  id: string;
  state: ImportJobState;
  source: string | null;
  mediaType: string;
  storeValidRows: boolean;
  sha256: string | null;
  rowsRead: number;
  bytesRead: number;
  totalBytes: number;
  submitted: string;
  finished: string | null;
  report: ImportReport | null;
  failureType: string | null;
  failureMessage: string | null;
}

export interface Venue {
  id: number;
  code: string;
  name: string;
  address: string | null;
  schoolCode: string | null;
}

export type AuditoriumRole = 'INTERVIEW' | 'WAITING';

export interface Auditorium {
  id: number;
  venueId: number;
  number: string;
  capacity: number;
  role: AuditoriumRole;
}

export interface Seat {
  participantId: number;
  participantName: string;
  specialNeeds: boolean;
  auditoriumId: number;
  auditoriumNumber: string;
  /** Local time "HH:MM" (maybe with seconds). */
  start: string;
  end: string;
  manual: boolean;
}

export interface Assignment {
  examDayId: number;
  participantId: number;
  participantName: string;
  schoolCode: string;
}

export interface Seating {
  examDayId: number;
  schoolCode: string;
  seats: Seat[];
  unseated: Assignment[];
}

export type AccountState = 'ACTIVE' | 'DISABLED';

/** A staff account as GET /accounts lists it (never a password). */
export interface StaffAccount {
  id: number;
  login: string;
  displayName: string;
  grants: RoleGrant[];
  state: AccountState;
  passwordChangeRequired: boolean;
  credentialsPending: boolean;
  createdAt: string | null;
  lastLoginAt: string | null;
  lockedUntil: string | null;
}

/** A login and its one-time password, handed out once. */
export interface IssuedCredentials {
  login: string;
  displayName: string;
  grants: RoleGrant[];
  oneTimePassword: string;
}

export interface BulkIssueResult {
  issued: number;
  existing: number;
}

export type AuditOutcome = 'SUCCESS' | 'DENIED' | 'FAILED';

export interface AuditEntry {
  sequence: number;
  at: string;
  actor: string | null;
  actorKind: string | null;
  address: string | null;
  action: string;
  outcome: AuditOutcome;
  objectType: string | null;
  objectId: string | null;
  before: Record<string, string>;
  after: Record<string, string>;
  hash: string;
}

export interface ChainVerification {
  entries: number;
  firstBroken: number;
  reason: string | null;
  /** Anchor lines checked, genuine or not. */
  anchors: number;
  /** The last entry a genuine signed anchor vouches for, or 0. */
  anchoredSequence: number;
  anchoredAt: string | null;
}
