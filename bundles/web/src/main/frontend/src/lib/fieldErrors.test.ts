import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/problem';
import { fieldErrors, hasErrors } from './fieldErrors';
import { PARTICIPANT_FIELD_ALIASES } from './participantForm';

describe('fieldErrors', () => {
  it('puts server errors on the fields they name, by Russian header, English header or property', () => {
    const error = new ApiError({
      status: 400,
      detail: 'Данные участника не прошли проверку',
      errors: [
        { line: 0, column: 'Фамилия', message: 'Не заполнено обязательное поле «Фамилия»' },
        { line: 0, column: 'Серия', message: 'Серия паспорта «61» должна состоять из 4 цифр' },
        { line: 0, column: 'birth_date', message: 'Неверная дата' },
        { line: 0, column: 'extraMinutes', message: 'От 0 до 240' },
        { line: 0, column: 'schoolCode', message: 'ОО с кодом «009999» нет в реестре' },
        { line: 0, column: 'body', message: 'Нужно тело запроса' },
      ],
    });
    const result = fieldErrors(error, PARTICIPANT_FIELD_ALIASES);
    expect(result.fields).toEqual({
      surname: ['Не заполнено обязательное поле «Фамилия»'],
      documentSeries: ['Серия паспорта «61» должна состоять из 4 цифр'],
      birthDate: ['Неверная дата'],
      extraMinutes: ['От 0 до 240'],
      schoolCode: ['ОО с кодом «009999» нет в реестре'],
    });
    expect(result.other).toEqual(['Нужно тело запроса']);
    expect(hasErrors(result)).toBe(true);
  });

  it('keeps two messages of one field', () => {
    const error = new ApiError({ status: 400, errors: [{ column: 'СНИЛС', message: 'a' }, { column: 'snils', message: 'b' }] });
    expect(fieldErrors(error, PARTICIPANT_FIELD_ALIASES).fields).toEqual({ snils: ['a', 'b'] });
  });

  it('shows an error without a list (a conflict, a network failure) above the form', () => {
    const conflict = new ApiError({ status: 409, detail: 'Участник с таким документом уже есть в реестре (id 5)' });
    expect(fieldErrors(conflict, PARTICIPANT_FIELD_ALIASES)).toEqual({
      fields: {},
      other: ['Участник с таким документом уже есть в реестре (id 5)'],
    });
    expect(fieldErrors(new ApiError({ status: 0 }), {}).other).toEqual([
      'Сервер недоступен. Проверьте подключение и повторите попытку.',
    ]);
  });
});
