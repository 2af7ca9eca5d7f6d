import { describe, expect, it } from 'vitest';
import { ApiError, errorMessage, parseProblem, parseRetryAfter, rowErrorLines } from './problem';

const NOW = Date.parse('2026-11-23T10:00:00Z');

describe('parseRetryAfter', () => {
  it('reads delta seconds', () => {
    expect(parseRetryAfter('120', NOW)).toBe(120);
    expect(parseRetryAfter(' 0 ', NOW)).toBe(0);
  });

  it('reads an HTTP date relative to now, never negative', () => {
    expect(parseRetryAfter('Mon, 23 Nov 2026 10:05:00 GMT', NOW)).toBe(300);
    expect(parseRetryAfter('Mon, 23 Nov 2026 09:00:00 GMT', NOW)).toBe(0);
  });

  it('ignores absent or unreadable values', () => {
    expect(parseRetryAfter(null, NOW)).toBeUndefined();
    expect(parseRetryAfter('', NOW)).toBeUndefined();
    expect(parseRetryAfter('soon', NOW)).toBeUndefined();
    expect(parseRetryAfter('-5', NOW)).toBeUndefined();
  });
});

describe('parseProblem', () => {
  it('reads a problem+json body', () => {
    const body = JSON.stringify({
      type: 'urn:attesta:problem:weak-password',
      title: 'Слабый пароль',
      status: 422,
      detail: 'Пароль должен быть не короче 12 символов',
    });
    const e = parseProblem(422, 'application/problem+json', body, null, NOW);
    expect(e).toBeInstanceOf(ApiError);
    expect(e.status).toBe(422);
    expect(e.type).toBe('urn:attesta:problem:weak-password');
    expect(e.title).toBe('Слабый пароль');
    expect(e.detail).toBe('Пароль должен быть не короче 12 символов');
    expect(e.errors).toEqual([]);
    expect(e.retryAfterSeconds).toBeUndefined();
    expect(errorMessage(e)).toBe('Пароль должен быть не короче 12 символов');
  });

  it('carries Retry-After of a lockout', () => {
    const body = JSON.stringify({ status: 429, title: 'Too Many Requests', detail: 'Слишком много попыток входа' });
    const e = parseProblem(429, 'application/problem+json; charset=utf-8', body, '900', NOW);
    expect(e.retryAfterSeconds).toBe(900);
    expect(e.detail).toBe('Слишком много попыток входа');
  });

  it('reads row errors and drops malformed ones', () => {
    const body = JSON.stringify({
      status: 422,
      detail: 'В файле 2 ошибки',
      errors: [
        { line: 3, column: 'snils', message: 'Неверный СНИЛС' },
        { line: 7, message: 'Нет фамилии' },
        { line: 8 },
        'junk',
      ],
    });
    const e = parseProblem(422, 'application/problem+json', body, null, NOW);
    expect(e.errors).toEqual([
      { line: 3, column: 'snils', message: 'Неверный СНИЛС' },
      { line: 7, column: undefined, message: 'Нет фамилии' },
    ]);
    expect(rowErrorLines(e)).toEqual(['Строка 3, столбец snils: Неверный СНИЛС', 'Строка 7: Нет фамилии']);
  });

  it('keeps only the status for a body that is not JSON', () => {
    const e = parseProblem(502, 'text/html', '<html>Bad gateway</html>', null, NOW);
    expect(e.detail).toBeUndefined();
    expect(errorMessage(e)).toBe('Произошла ошибка. Повторите попытку позже.');
    const broken = parseProblem(500, 'application/json', '{not json', null, NOW);
    expect(errorMessage(broken)).toBe('Внутренняя ошибка сервера. Повторите попытку позже.');
  });

  it('falls back to a text per status, then the title', () => {
    expect(errorMessage(parseProblem(403, null, '', null, NOW))).toBe('Недостаточно прав для этого действия.');
    expect(errorMessage(parseProblem(418, 'application/json', '{"title":"Чайник"}', null, NOW))).toBe('Чайник');
  });
});

describe('errorMessage', () => {
  it('explains an unreachable server and unknown errors', () => {
    expect(errorMessage(new ApiError({ status: 0 }))).toBe('Сервер недоступен. Проверьте подключение и повторите попытку.');
    expect(errorMessage(new TypeError('x'))).toBe('Произошла ошибка. Повторите попытку позже.');
  });
});
