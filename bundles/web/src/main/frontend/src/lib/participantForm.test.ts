import { describe, expect, it } from 'vitest';
import type { Participant } from '../api/types';
import {
  emptyParticipantForm,
  isMasked,
  participantDraft,
  participantForm,
  participantFormProblems,
} from './participantForm';

const record: Participant = {
  id: 1,
  surname: 'Горшкова',
  name: 'Елена',
  patronymic: null,
  birthDate: '2011-01-22',
  sex: 'FEMALE',
  document: { type: 'PASSPORT_RF', series: '6125', number: '992950' },
  snils: null,
  schoolCode: '001001',
  className: '9А',
  category: 'STUDENT',
  specialNeeds: true,
  extraMinutes: 30,
  consentDate: '2026-01-23',
};

describe('participant form', () => {
  it('round-trips a record into a draft', () => {
    const draft = participantDraft(participantForm(record));
    expect(draft).toEqual({
      surname: 'Горшкова',
      name: 'Елена',
      patronymic: null,
      birthDate: '2011-01-22',
      sex: 'FEMALE',
      document: { type: 'PASSPORT_RF', series: '6125', number: '992950' },
      snils: null,
      schoolCode: '001001',
      className: '9А',
      category: 'STUDENT',
      specialNeeds: true,
      extraMinutes: 30,
      consentDate: '2026-01-23',
    });
  });

  it('trims, sends blanks as null and leaves the extra time to the server when empty', () => {
    const form = { ...emptyParticipantForm('001001'), surname: ' Иванов ', name: 'Пётр', documentSeries: '  ', extraMinutes: ' ' };
    const draft = participantDraft(form);
    expect(draft.surname).toBe('Иванов');
    expect(draft.document.series).toBeNull();
    expect(draft.extraMinutes).toBeNull();
    expect(draft.sex).toBeNull();
    expect(draft.schoolCode).toBe('001001');
  });

  it('shows no extra time for a participant without special needs', () => {
    expect(participantForm({ ...record, specialNeeds: false, extraMinutes: 0 }).extraMinutes).toBe('');
  });

  it('finds missing required fields and a non-number extra time before asking the server', () => {
    expect(participantFormProblems(emptyParticipantForm())).toEqual({
      surname: 'required',
      name: 'required',
      birthDate: 'required',
      sex: 'required',
      documentNumber: 'required',
      schoolCode: 'required',
      className: 'required',
    });
    expect(participantFormProblems({ ...participantForm(record), extraMinutes: '-5' })).toEqual({ extraMinutes: 'wholeNumber' });
    expect(participantFormProblems(participantForm(record))).toEqual({});
  });

  it('knows a record the server masked', () => {
    expect(isMasked(record)).toBe(false);
    expect(isMasked({ document: { type: 'PASSPORT_RF', series: '••••', number: '••••60' }, snils: '•••-•••-••• 25' })).toBe(true);
    expect(isMasked({ document: null, snils: '•••-•••-••• 25' })).toBe(true);
    expect(isMasked({ document: null, snils: null })).toBe(false);
  });
});
