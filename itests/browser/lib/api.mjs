// REST calls of the test set-up: as the platform administrator (HTTP Basic), or as a staff
// member with a session cookie and its CSRF token (to change a one-time password).

export class Api {
  constructor(baseUrl, authorization) {
    this.baseUrl = baseUrl;
    this.authorization = authorization;
  }

  static admin(baseUrl, password) {
    return new Api(baseUrl, `Basic ${Buffer.from(`admin:${password}`).toString('base64')}`);
  }

  /** The answer as { status, headers, body } (body parsed when JSON); never throws on a status. */
  async call(method, path, { body, headers = {}, contentType } = {}) {
    const init = { method, headers: { Accept: 'application/json', ...headers } };
    if (this.authorization) init.headers.Authorization = this.authorization;
    if (body !== undefined) {
      if (typeof body === 'string' || body instanceof Uint8Array) {
        init.body = body;
        init.headers['Content-Type'] = contentType ?? 'text/plain';
      } else {
        init.body = JSON.stringify(body);
        init.headers['Content-Type'] = 'application/json';
      }
    }
    const response = await fetch(this.baseUrl + path, { ...init, signal: AbortSignal.timeout(60_000) });
    const text = await response.text();
    let parsed = text;
    if (/json/.test(response.headers.get('content-type') ?? '') && text !== '') parsed = JSON.parse(text);
    return { status: response.status, headers: response.headers, body: parsed };
  }

  /** Like call, but the status must be one of `expected`. */
  async expect(expected, method, path, options) {
    const answer = await this.call(method, path, options);
    const allowed = Array.isArray(expected) ? expected : [expected];
    if (!allowed.includes(answer.status)) {
      const detail = typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body);
      throw new Error(`${method} ${path} answered ${answer.status}, expected ${allowed.join(' or ')}: ${detail.slice(0, 600)}`);
    }
    return answer.body;
  }

  get(path) {
    return this.expect(200, 'GET', path);
  }

  /** Issues an account and takes its one-time password (once). */
  async issueAccount(login, displayName, grants) {
    await this.expect(201, 'POST', '/api/v1/accounts', { body: { login, displayName, grants } });
    const credentials = await this.expect(200, 'POST', `/api/v1/accounts/${encodeURIComponent(login)}/credentials`);
    return credentials.oneTimePassword;
  }

  /** The id of the exam day on an ISO date. */
  async examDayId(date) {
    const days = await this.get('/api/v1/exam-days');
    const day = (days.items ?? days).find((d) => d.date === date);
    if (!day) throw new Error(`no exam day on ${date}: ${JSON.stringify(days)}`);
    return day.id;
  }
}

export const REGION = { level: 'REGION', code: null };

/**
 * Signs in as a staff member with the one-time password and sets a chosen one, the way the UI
 * does it (session cookie plus X-CSRF-Token), so the scenarios can sign in with it directly.
 */
export async function setOwnPassword(baseUrl, login, oneTimePassword, newPassword) {
  const headers = { 'Content-Type': 'application/json', Accept: 'application/json', 'X-Requested-With': 'XMLHttpRequest' };
  const login1 = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ login, password: oneTimePassword }),
  });
  if (login1.status !== 200) throw new Error(`login of ${login} with its one-time password: ${login1.status} ${await login1.text()}`);
  const session = await login1.json();
  const cookie = (login1.headers.get('set-cookie') ?? '').split(';')[0];
  const change = await fetch(`${baseUrl}/api/v1/auth/password`, {
    method: 'POST',
    headers: { ...headers, Cookie: cookie, 'X-CSRF-Token': session.csrfToken },
    body: JSON.stringify({ currentPassword: oneTimePassword, newPassword }),
  });
  if (change.status !== 204) throw new Error(`password change of ${login}: ${change.status} ${await change.text()}`);
  await fetch(`${baseUrl}/api/v1/auth/logout`, {
    method: 'POST',
    headers: { ...headers, Cookie: cookie, 'X-CSRF-Token': session.csrfToken },
  });
}

/** A valid СНИЛС from a number (nine digits and their checksum), as 123-456-789 01 (see itests TestData). */
export function snils(number) {
  const digits = String(100_000_000 + number).padStart(9, '0');
  let sum = 0;
  for (let i = 0; i < 9; i += 1) sum += Number(digits[i]) * (9 - i);
  const checksum = sum < 100 ? sum : sum % 101 === 100 ? 0 : sum % 101;
  return `${digits.slice(0, 3)}-${digits.slice(3, 6)}-${digits.slice(6, 9)} ${String(checksum).padStart(2, '0')}`;
}

export const CSV_HEADER = 'Фамилия;Имя;Отчество;Дата рождения;Пол;Тип документа;Серия;Номер;СНИЛС;Код ОО;Класс;ОВЗ';

/** A participant file row as regional databases export it; `n` makes the document and СНИЛС unique. */
export function csvRow(schoolCode, n, surname, name, sex = 'М') {
  return [surname, name, sex === 'М' ? 'Петрович' : 'Петровна', '15.03.2010', sex, '1', `61${10 + (n % 90)}`,
    String(100_000 + n).padStart(6, '0'), snils(n), schoolCode, '9А', 'нет'].join(';');
}

/** A participant draft for POST /api/v1/participants (valid document, СНИЛС and school). */
export function participantDraft(n, { surname, name = 'Иван', patronymic = 'Петрович', schoolCode = '001001' }) {
  return {
    surname,
    name,
    patronymic,
    birthDate: '2010-03-15',
    sex: 'MALE',
    document: { type: 'PASSPORT_RF', series: `61${10 + (n % 90)}`, number: String(100_000 + n).padStart(6, '0') },
    snils: snils(n),
    schoolCode,
    className: '9А',
    category: 'STUDENT',
    specialNeeds: false,
    extraMinutes: null,
    consentDate: '2026-01-15',
  };
}
