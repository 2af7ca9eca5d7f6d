import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/problem';
import { atRegion, byCode, codeProblem, registryFieldErrors } from './registryForm';

const ALIASES = { code: ['Код ОО'], name: ['Наименование'], municipalityCode: ['Код МОУО'] };

describe('codeProblem', () => {
  it('accepts digits, Latin letters, dash and underscore up to 20', () => {
    expect(codeProblem('001001')).toBeNull();
    expect(codeProblem(' mo-01_A ')).toBeNull();
    expect(codeProblem('a'.repeat(20))).toBeNull();
  });
  it('names what is wrong', () => {
    expect(codeProblem('   ')).toBe('required');
    expect(codeProblem('a'.repeat(21))).toBe('code');
    expect(codeProblem('код1')).toBe('code');
    expect(codeProblem('01 02')).toBe('code');
  });
});

describe('registryFieldErrors', () => {
  it('puts a duplicate code on the code field', () => {
    const e = new ApiError({ status: 409, type: 'urn:attesta:problem:duplicate-code', detail: 'ОО с кодом 001001 уже есть' });
    expect(registryFieldErrors(e, ALIASES)).toEqual({ fields: { code: ['ОО с кодом 001001 уже есть'] }, other: [] });
  });
  it('puts a duplicate exam day on the date field, when the form has one', () => {
    const e = new ApiError({ status: 409, type: 'urn:attesta:problem:duplicate-exam-day', detail: 'День проведения 2026-02-11 уже есть' });
    expect(registryFieldErrors(e, { date: [], kind: [] }).fields).toEqual({ date: ['День проведения 2026-02-11 уже есть'] });
    expect(registryFieldErrors(e, ALIASES)).toEqual({ fields: {}, other: ['День проведения 2026-02-11 уже есть'] });
  });
  it('sorts validation errors onto fields by property or header', () => {
    const e = new ApiError({
      status: 400,
      detail: 'Данные не прошли проверку',
      errors: [
        { column: 'municipalityCode', message: 'МОУО с кодом «99» нет в реестре' },
        { column: 'Наименование', message: 'Не заполнено' },
      ],
    });
    expect(registryFieldErrors(e, ALIASES).fields).toEqual({
      municipalityCode: ['МОУО с кодом «99» нет в реестре'],
      name: ['Не заполнено'],
    });
  });
  it('keeps other failures above the form', () => {
    const e = new ApiError({ status: 403, type: 'urn:attesta:problem:forbidden', detail: 'Нет прав' });
    expect(registryFieldErrors(e, ALIASES)).toEqual({ fields: {}, other: ['Нет прав'] });
  });
});

describe('atRegion and byCode', () => {
  it('tells a region grant', () => {
    expect(atRegion({ grants: [{ role: 'REGION_ADMINISTRATOR', scope: { level: 'REGION', code: null } }] })).toBe(true);
    expect(atRegion({ grants: [{ role: 'MUNICIPAL_SPECIALIST', scope: { level: 'MUNICIPALITY', code: '01' } }] })).toBe(false);
  });
  it('sorts codes numerically', () => {
    expect(byCode([{ code: '10' }, { code: '2' }, { code: '01' }]).map((m) => m.code)).toEqual(['01', '2', '10']);
  });
});
