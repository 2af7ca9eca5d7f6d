/** The participant form: its values as typed, to and from the REST shapes. */
import type { DocumentType, Participant, ParticipantCategory, ParticipantDraft, Sex } from '../api/types';

export interface ParticipantForm {
  surname: string;
  name: string;
  patronymic: string;
  birthDate: string;
  sex: '' | Sex;
  documentType: '' | DocumentType;
  documentSeries: string;
  documentNumber: string;
  snils: string;
  schoolCode: string;
  className: string;
  category: ParticipantCategory;
  specialNeeds: boolean;
  /** Empty: the server's default for special needs. */
  extraMinutes: string;
  consentDate: string;
}

/** Form fields and the names the server may give them in `errors[].column`. */
export const PARTICIPANT_FIELD_ALIASES: Record<keyof ParticipantForm, readonly string[]> = {
  surname: ['Фамилия'],
  name: ['Имя'],
  patronymic: ['Отчество'],
  birthDate: ['Дата рождения', 'birth_date'],
  sex: ['Пол'],
  documentType: ['Тип документа', 'document_type', 'document.type', 'document'],
  documentSeries: ['Серия', 'document_series', 'document.series'],
  documentNumber: ['Номер', 'document_number', 'document.number'],
  snils: ['СНИЛС'],
  schoolCode: ['Код ОО', 'school_code', 'school'],
  className: ['Класс', 'class'],
  category: ['Категория'],
  specialNeeds: ['ОВЗ', 'special_needs'],
  extraMinutes: ['Дополнительное время', 'extra_minutes'],
  consentDate: ['Дата согласия', 'consent_date'],
};

export function emptyParticipantForm(schoolCode = ''): ParticipantForm {
  return {
    surname: '',
    name: '',
    patronymic: '',
    birthDate: '',
    sex: '',
    documentType: 'PASSPORT_RF',
    documentSeries: '',
    documentNumber: '',
    snils: '',
    schoolCode,
    className: '',
    category: 'STUDENT',
    specialNeeds: false,
    extraMinutes: '',
    consentDate: '',
  };
}

export function participantForm(p: Participant): ParticipantForm {
  return {
    surname: p.surname ?? '',
    name: p.name ?? '',
    patronymic: p.patronymic ?? '',
    birthDate: p.birthDate ?? '',
    sex: p.sex === 'MALE' || p.sex === 'FEMALE' ? p.sex : '',
    documentType: (p.document?.type as DocumentType | null) ?? '',
    documentSeries: p.document?.series ?? '',
    documentNumber: p.document?.number ?? '',
    snils: p.snils ?? '',
    schoolCode: p.schoolCode ?? '',
    className: p.className ?? '',
    category: p.category === 'EXTERNAL' ? 'EXTERNAL' : 'STUDENT',
    specialNeeds: p.specialNeeds,
    extraMinutes: p.specialNeeds || p.extraMinutes ? String(p.extraMinutes) : '',
    consentDate: p.consentDate ?? '',
  };
}

const orNull = (value: string): string | null => (value.trim() === '' ? null : value.trim());

/** The draft to send: trimmed, blanks as null; the server checks everything else. */
export function participantDraft(f: ParticipantForm): ParticipantDraft {
  const minutes = f.extraMinutes.trim();
  return {
    surname: f.surname.trim(),
    name: f.name.trim(),
    patronymic: orNull(f.patronymic),
    birthDate: orNull(f.birthDate),
    sex: f.sex === '' ? null : f.sex,
    document: { type: f.documentType === '' ? null : f.documentType, series: orNull(f.documentSeries), number: orNull(f.documentNumber) },
    snils: orNull(f.snils),
    schoolCode: f.schoolCode.trim(),
    className: orNull(f.className),
    category: f.category,
    specialNeeds: f.specialNeeds,
    extraMinutes: minutes === '' || !/^\d{1,4}$/.test(minutes) ? null : Number.parseInt(minutes, 10),
    consentDate: orNull(f.consentDate),
  };
}

/** Problems the form can tell before asking the server (which checks everything again). */
export function participantFormProblems(f: ParticipantForm): Partial<Record<keyof ParticipantForm, 'required' | 'wholeNumber'>> {
  const problems: Partial<Record<keyof ParticipantForm, 'required' | 'wholeNumber'>> = {};
  for (const key of ['surname', 'name', 'birthDate', 'sex', 'documentType', 'documentNumber', 'schoolCode', 'className'] as const) {
    if (String(f[key]).trim() === '') problems[key] = 'required';
  }
  if (f.extraMinutes.trim() !== '' && !/^\d{1,4}$/.test(f.extraMinutes.trim())) problems.extraMinutes = 'wholeNumber';
  return problems;
}

/** The server hides document numbers and СНИЛС with "•" from roles without personal data access. */
export const MASK = '•';

export function isMasked(p: Pick<Participant, 'document' | 'snils'>): boolean {
  return [p.document?.series, p.document?.number, p.snils].some((v) => typeof v === 'string' && v.includes(MASK));
}
