// The browser scenarios, run by run.mjs against a started distribution (see its header).
// One headless Chromium for all, a fresh browser context per scenario. No sleeps: every wait is
// on page state (locators, responses, polling of what the page shows).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { Api, CSV_HEADER, csvRow, participantDraft } from '../lib/api.mjs';
import { esc, t as ui, tre } from '../lib/i18n.mjs';
import {
  MissingPage,
  checkAccessibility,
  describeViolations,
  expectText,
  expectVisible,
  fetchInPage,
  heading,
  launchBrowser,
  openScenario,
  gotoPage,
  openSection,
  poll,
  signIn,
  submitLogin,
} from '../lib/ui.mjs';

const ctx = JSON.parse(readFileSync(process.env.ATTESTA_BROWSER_CONTEXT, 'utf8'));
const api = Api.admin(ctx.baseUrl, ctx.adminPassword);
const { firstLogin, lockout, regionAdmin, markup, handover } = ctx.accounts;
const EXAM_DATE = '2026-02-11';
const SCHOOL = '001001';

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

/** Runs `body` in a fresh context; a screenshot of the last state on failure; fails on dialogs, page errors, CSP violations. */
async function inContext(name, body) {
  const s = await openScenario(browser, ctx.baseUrl, name);
  try {
    await body(s);
    s.assertClean();
  } catch (e) {
    if (!(e instanceof MissingPage)) await s.shot('failure').catch(() => {});
    throw e;
  } finally {
    await s.close();
  }
}

/** Waits until nothing on the page is loading (aria-busy regions, "Загрузка…" status lines). */
async function settled(page) {
  const loading = [ui('app.loading'), ui('list.loading')];
  await poll(
    () =>
      page.evaluate(
        (texts) =>
          document.querySelectorAll('[aria-busy="true"]').length === 0 &&
          ![...document.querySelectorAll('[role=status]')].some((e) => texts.includes((e.textContent ?? '').trim())),
        loading,
      ),
    { message: 'the page did not finish loading' },
  );
}

const alert = (page) => page.getByRole('alert').filter({ hasText: /\S/ });
const loginHeading = (page) => page.getByRole('heading', { name: ui('login.title') });
const mainMenu = (page) => page.getByRole('navigation', { name: ui('nav.label') });
const userMenu = (page) => page.getByRole('region', { name: ui('user.menu') });

// ---------------------------------------------------------------------------------------------
test('a. sign-in: one-time password, forced password change, wrong password, lockout', async (t) => {
  await t.test('a wrong password shows an error and does not sign in', () =>
    inContext('a1-wrong-password', async ({ page, shot }) => {
      await page.goto('/');
      await poll(() => new URL(page.url()).pathname === '/ui/', { message: `/ did not lead to /ui/ (at ${page.url()})` });
      await expectVisible(loginHeading(page), 'the login page');
      await shot('login-page');
      const response = await submitLogin(page, firstLogin.login, 'Совсем-не-тот-пароль-1');
      assert.equal(response.status(), 401, 'POST /auth/login with a wrong password');
      await expectText(alert(page), /Неверное имя пользователя или пароль/, { what: 'the login error' });
      await expectVisible(loginHeading(page), 'the login page after the wrong password');
      assert.equal(await page.getByRole('button', { name: ui('user.logout') }).count(), 0, 'no signed-in frame');
      assert.equal(await page.getByLabel(ui('login.password'), { exact: true }).inputValue(), '', 'the password field is cleared');
      const session = await fetchInPage(page, '/api/v1/auth/session');
      assert.equal(session.status, 401, `GET /auth/session after a failed sign-in: ${session.body}`);
      await shot('wrong-password-error');
    }));

  await t.test('one-time password: forced change (short, server-refused, then good) and the home page', () =>
    inContext('a2-first-login', async ({ page, shot }) => {
      await signIn(page, firstLogin.login, firstLogin.password);
      await expectVisible(page.getByRole('heading', { name: ui('password.title') }), 'the forced password change');
      await expectVisible(page.getByText(ui('password.forcedIntro')));
      assert.equal(await mainMenu(page).count(), 0, 'no sections menu before the password is changed');
      await shot('forced-change');

      const current = page.getByLabel(ui('password.current'), { exact: true });
      const next = page.getByLabel(ui('password.new'), { exact: true });
      const repeat = page.getByLabel(ui('password.repeat'), { exact: true });
      const submit = page.getByRole('button', { name: ui('password.submit'), exact: true });
      const answers = [];
      page.on('response', (r) => r.url().endsWith('/api/v1/auth/password') && answers.push(r));
      const attempt = async (password) => {
        const sent = answers.length;
        await current.fill(firstLogin.password);
        await next.fill(password);
        await repeat.fill(password);
        await submit.click();
        return sent;
      };

      // Too short: the form's own check; nothing goes to the server.
      let sent = await attempt('Коротк1');
      await expectText(alert(page), new RegExp(esc(ui('password.problems.tooShort', { min: 12 }))), { what: 'the too-short error' });
      assert.equal(answers.length, sent, 'a too-short password is not sent');
      await shot('too-short');

      // Containing the login: the form knows this rule now; the server has it too.
      sent = await attempt(`${firstLogin.login}-Надёжный-2026`);
      await expectText(alert(page), new RegExp(`${esc(ui('password.problems.sameAsLogin'))}|не должен содержать имя пользователя`), { what: 'the contains-login error' });
      t.diagnostic(`password containing the login: ${answers.length > sent ? `server answered ${answers.at(-1).status()}` : 'refused by the form'}`);
      await shot('contains-login');

      // Long enough but too simple (3 different characters): only the server has this rule.
      sent = await attempt('абвабвабвабв');
      await expectText(alert(page), /Пароль слишком простой/, { what: "the server's too-simple error" });
      assert.equal(answers.length, sent + 1, 'the too-simple password went to the server');
      assert.ok([400, 422].includes(answers.at(-1).status()), `the server refused it: ${answers.at(-1).status()}`);
      await expectVisible(page.getByRole('heading', { name: ui('password.title') }), 'still on the password change');
      await shot('server-refused');

      const good = 'Зелёный-клён-у-реки-2026';
      const [changed] = await Promise.all([
        page.waitForResponse((r) => r.url().endsWith('/api/v1/auth/password')),
        attempt(good),
      ]);
      assert.equal(changed.status(), 204, 'the good password is taken');

      await expectText(heading(page), new RegExp(esc(ui('home.greeting', { name: firstLogin.displayName }))), { what: 'the home greeting' });
      await expectText(userMenu(page), new RegExp(esc(ui('user.signedInAs', { name: firstLogin.displayName }))), { what: 'the user menu' });
      const grant = ui('scope.grant', { role: ui('roles.REGION_ADMINISTRATOR'), scope: ui('scope.REGION') });
      await expectText(page.getByRole('region', { name: ui('home.rolesTitle') }), new RegExp(esc(grant)), { what: 'the roles' });
      await expectVisible(mainMenu(page).getByRole('link', { name: ui('nav.participants') }), 'the sections menu');
      await shot('home');

      // The new password signs in; the one-time password no longer does.
      const ok = await api.call('POST', '/api/v1/auth/tokens', { body: { login: firstLogin.login, password: good } });
      assert.equal(ok.status, 200, 'sign-in with the new password');
      const old = await api.call('POST', '/api/v1/auth/tokens', { body: { login: firstLogin.login, password: firstLogin.password } });
      assert.equal(old.status, 401, 'the one-time password after the change');
    }));

  await t.test('five wrong passwords lock the login', () =>
    inContext('a3-lockout', async ({ page, shot }) => {
      await page.goto('/ui/');
      await expectVisible(loginHeading(page), 'the login page');
      const statuses = [];
      for (let attempt = 1; attempt <= 5; attempt += 1) {
        const response = await submitLogin(page, lockout.login, `Неверный-пароль-${attempt}`);
        statuses.push(response.status());
        if (attempt < 5) await expectText(alert(page), /Неверное имя пользователя или пароль/, { what: `error after attempt ${attempt}` });
      }
      assert.deepEqual(statuses, [401, 401, 401, 401, 429], 'answers to the five wrong passwords');
      await expectText(alert(page), /Слишком много неудачных попыток входа/, { what: "the server's lockout message" });
      await expectText(alert(page), tre('login.lockedOut'), {
        what: 'the lockout message with the wait',
      });
      assert.ok(await page.getByRole('button', { name: ui('login.submit') }).isDisabled(), 'the sign-in button is disabled while locked');
      await shot('locked-out');
      // Locked means locked: the right password is refused too.
      const right = await api.call('POST', '/api/v1/auth/tokens', { body: { login: lockout.login, password: lockout.password } });
      assert.equal(right.status, 429, 'the right password while locked');
      const account = await api.get(`/api/v1/accounts/${lockout.login}`);
      assert.ok(account.lockedUntil, 'the account shows lockedUntil');
    }));
});

// ---------------------------------------------------------------------------------------------
test('b. participants: search, paging, markup shown as text', async (t) => {
  await t.test('search by surname prefix and paging', () =>
    inContext('b1-participants', async ({ page, shot }) => {
      await signIn(page, regionAdmin.login, regionAdmin.password);
      await mainMenu(page).getByRole('link', { name: ui('nav.participants') }).click();
      await expectVisible(page.getByRole('heading', { name: ui('participants.title'), level: 1 }));
      const all = await api.get('/api/v1/participants?size=50');
      const status = page.getByRole('status').filter({ hasText: /\S/ });
      const summary = (total, from, to) =>
        new RegExp(esc(`${ui('list.found', { count: total })}${from ? ` ${ui('list.range', { from, to, total })}` : ''}`));
      await expectText(status, summary(all.total, 1, 50), { what: 'the list summary' });
      await shot('list');

      const prefix = 'Абр';
      const found = await api.get(`/api/v1/participants?q=${encodeURIComponent(prefix)}&size=50`);
      assert.ok(found.total > 0 && found.total < all.total, `REST finds ${found.total} for ${prefix}`);
      const box = page.getByRole('searchbox', { name: ui('participants.search') });
      const [answer] = await Promise.all([
        page.waitForResponse((r) => r.url().includes('/api/v1/participants?') && new URL(r.url()).searchParams.get('q') === prefix),
        box.pressSequentially(prefix),
      ]);
      assert.equal(answer.status(), 200);
      await expectText(status, summary(found.total, 1, found.items.length), { what: 'the summary after the search' });
      const names = page.getByRole('table').getByRole('rowheader');
      await poll(async () => (await names.count()) === found.items.length, { message: `${found.items.length} rows` });
      for (const name of await names.allTextContents()) assert.match(name, /^Абр/, 'every row starts with the prefix');
      assert.equal(new URL(page.url()).searchParams.get('q'), prefix, 'the search is in the address');
      await shot('search');

      // Page 2 of the whole list.
      await box.fill('');
      await expectText(status, summary(all.total, 1, 50), { what: 'the summary after clearing the search' });
      const pager = page.getByRole('navigation', { name: ui('list.pages') });
      const pages = Math.ceil(all.total / 50);
      await expectText(pager, new RegExp(esc(ui('list.pageOf', { page: 1, pages }))), { what: 'the pager' });
      const page2 = await api.get('/api/v1/participants?size=50&page=1');
      await Promise.all([
        page.waitForResponse((r) => r.url().includes('/api/v1/participants?') && new URL(r.url()).searchParams.get('page') === '1'),
        pager.getByRole('button', { name: ui('list.next') }).click(),
      ]);
      await expectText(pager, new RegExp(esc(ui('list.pageOf', { page: 2, pages }))), { what: 'the pager on page 2' });
      await expectText(status, summary(all.total, 51, 100), { what: 'the range on page 2' });
      const first = page2.items[0];
      await expectText(names.first(), new RegExp(`^${first.surname} ${first.name}`), { what: 'the first row of page 2' });
      assert.equal(new URL(page.url()).searchParams.get('page'), '1', 'the page is in the address');
      assert.ok(await pager.getByRole('button', { name: ui('list.previous') }).isEnabled());
      await shot('page-2');
    }));

  await t.test('<script>alert(1)</script> in names and in the search is shown as text', () =>
    inContext('b2-markup', async ({ page, shot, dialogs }) => {
      const payload = '<script>alert(1)</script>';
      // The participant as asked: the registry may refuse such a surname (it allows letters only).
      const created = await api.call('POST', '/api/v1/participants', {
        body: participantDraft(800_001, { surname: `Скриптов${payload}` }),
      });
      t.diagnostic(`POST /participants with surname "Скриптов${payload}": ${created.status} ${created.body?.detail ?? ''}`);
      assert.ok([201, 400, 422].includes(created.status), `unexpected answer ${created.status}`);

      await signIn(page, regionAdmin.login, regionAdmin.password);
      await mainMenu(page).getByRole('link', { name: ui('nav.participants') }).click();
      const box = page.getByRole('searchbox', { name: ui('participants.search') });
      if (created.status === 201) {
        await box.fill('Скриптов');
        await expectText(page.getByRole('table').getByRole('rowheader').first(), /Скриптов<script>alert\(1\)<\/script>/, {
          what: 'the surname with markup',
        });
      }
      // The payload typed into the search: stays text in the box, finds nothing, runs nothing.
      await box.fill(payload);
      await expectVisible(page.getByText(ui('participants.empty')), 'the empty result');
      assert.equal(await box.inputValue(), payload);
      // ...and as a deep link.
      await page.goto(`/ui/participants?q=${encodeURIComponent('<img src=x onerror=alert(2)>')}`);
      await expectVisible(page.getByText(ui('participants.empty')), 'the empty result of the deep link');
      assert.equal(await page.getByRole('searchbox', { name: ui('participants.search') }).inputValue(), '<img src=x onerror=alert(2)>');
      assert.equal(await page.locator('main img, main script').count(), 0, 'no element made from the search text');
      await shot('search-payload');
    }));

  await t.test('an account named with <script>alert(1)</script> sees its name as text', () =>
    inContext('b3-markup-name', async ({ page, shot, dialogs }) => {
      await signIn(page, markup.login, markup.password);
      assert.match(markup.displayName, /<script>alert\(1\)<\/script>/);
      await expectText(heading(page), new RegExp(`^${esc(ui('home.greeting', { name: markup.displayName }))}$`), { what: 'the greeting' });
      await expectText(userMenu(page), new RegExp(esc(ui('user.signedInAs', { name: markup.displayName }))), { what: 'the user menu' });
      assert.equal(await page.locator('body script').count(), 0, 'no script element in the body');
      await settled(page);
      assert.deepEqual(dialogs, [], 'no dialog opened');
      await shot('home');
    }));
});

// ---------------------------------------------------------------------------------------------
test('c. participant import with an unknown school: the rejected row with its line and reason', (t) =>
  inContext('c-import', async ({ page, shot }) => {
    const count = async () => (await api.get(`/api/v1/participants?q=${encodeURIComponent('Импортов')}&size=1`)).total;
    const before = await count();
    const csv = [
      CSV_HEADER,
      csvRow(SCHOOL, 810_001, 'Импортов', 'Иван'),
      csvRow(SCHOOL, 810_002, 'Импортова', 'Мария', 'Ж'),
      csvRow('999999', 810_003, 'Неизвестнов', 'Пётр'),
      '',
    ].join('\r\n');
    await signIn(page, regionAdmin.login, regionAdmin.password);
    await openSection(t, page, { menu: ui('nav.import'), path: '/ui/import', what: 'participant import' });
    await page.getByLabel(ui('import.file')).setInputFiles({ name: 'participants.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
    assert.equal(await page.getByLabel(ui('import.storeValid')).isChecked(), false, 'all-or-nothing by default');
    await shot('file-chosen');
    const isImport = (r) => r.url().includes('/api/v1/participants/import') && r.request().method() === 'POST';
    const [answer] = await Promise.all([page.waitForResponse(isImport), page.getByRole('button', { name: ui('import.submit'), exact: true }).click()]);
    assert.ok([200, 202].includes(answer.status()), `POST import: ${answer.status()} ${await answer.text()}`);

    // The rejected row: line 4 of the file (the header is line 1), the column and the reason.
    const errors = page.getByRole('table', { name: ui('import.errorsCaption', { count: 1 }) });
    await expectVisible(errors, 'the table of rejected rows', 60_000);
    const rows = await errors.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.cells].map((c) => c.textContent.trim())));
    assert.equal(rows.length, 1, `one rejected row: ${JSON.stringify(rows)}`);
    assert.equal(rows[0][0], '4', 'line number');
    assert.equal(rows[0][1], 'Код ОО', 'column');
    assert.match(rows[0][2], /ОО с кодом «999999» нет в реестре/, 'reason');
    await expectText(page.locator('main'), new RegExp(esc(ui('import.rejectedNothingStored'))), { what: 'nothing stored' });
    const result = page.getByRole('region', { name: ui('import.resultTitle') });
    await expectText(result, new RegExp(`${esc(ui('import.rows'))}\\s*3.*${esc(ui('import.rejected'))}\\s*1`), { what: 'the counts' });
    assert.equal(await count(), before, 'nothing stored by the rejected file');
    await shot('rejected-row');

    // The same file again, keeping the good rows.
    const [again] = await Promise.all([
      page.waitForResponse((r) => isImport(r) && new URL(r.url()).searchParams.get('storeValidRows') === 'true'),
      page.getByRole('button', { name: ui('import.retryValid') }).click(),
    ]);
    assert.ok([200, 202].includes(again.status()), `POST import storing the good rows: ${again.status()}`);
    await expectText(page.locator('main'), new RegExp(esc(ui('import.doneWithRejected'))), { what: 'good rows stored', timeout: 60_000 });
    await expectText(result, new RegExp(`${esc(ui('import.created'))}\\s*2`), { what: 'two created' });
    assert.equal(await count(), before + 2, 'the two good rows are in the registry');
    await shot('good-rows-stored');
  }));

// ---------------------------------------------------------------------------------------------
/** The timetable as text: column headers and, per row, the row header and the cells. */
function readTimetable(table) {
  return table.evaluate((t) => {
    const read = (cell) => cell.innerText.replace(/\s+/g, ' ').trim();
    return {
      columns: [...t.tHead.rows[0].cells].map(read),
      rows: [...t.tBodies[0].rows].map((r) => [...r.cells].map(read)),
    };
  });
}

test('d. seating timetable: exam day 2026-02-11, school 001001, "Рассадить"', (t) =>
  inContext('d-seating', async ({ page, shot }) => {
    const dayId = await api.examDayId(EXAM_DATE);
    await signIn(page, regionAdmin.login, regionAdmin.password);
    await openSection(t, page, { menu: ui('nav.examDays'), path: '/ui/exam-days', what: 'exam days and seating' });
    await page.getByRole('link', { name: /^11 февраля 2026/ }).click();
    await page.waitForURL((url) => url.pathname === `/ui/exam-days/${dayId}`);
    await expectText(heading(page), new RegExp(`^${esc(ui('seating.title', { date: '11 февраля 2026' }))}`), { what: 'the seating heading' });

    const school = page.getByLabel(ui('seating.school'), { exact: true });
    await poll(async () => (await school.locator(`option[value="${SCHOOL}"]`).count()) > 0, { message: `school ${SCHOOL} offered` });
    await school.selectOption(SCHOOL);
    const isSeating = (method) => (r) => r.url().includes(`/api/v1/exam-days/${dayId}/seating`) && r.request().method() === method;
    await Promise.all([page.waitForResponse(isSeating('GET')), page.getByRole('button', { name: ui('seating.show') }).click()]);
    await expectVisible(page.getByRole('heading', { name: ui('seating.resultTitle', { school: SCHOOL }) }), 'the seating of the school');
    const notYet = (await page.getByText(ui('seating.noSeats')).count()) > 0;
    await shot(notYet ? 'not-computed' : 'computed-before');

    const [computed] = await Promise.all([
      page.waitForResponse(isSeating('POST')),
      (async () => {
        await page.getByRole('button', { name: ui('seating.compute'), exact: true }).click();
        if (!notYet) {
          const confirm = page.getByRole('dialog', { name: ui('seating.confirmTitle') });
          await confirm.getByRole('button', { name: ui('seating.compute'), exact: true }).click();
        }
      })(),
    ]);
    assert.equal(computed.status(), 200, 'POST seating');
    const seating = await computed.json();
    assert.ok(seating.seats.length > 0, 'the server placed participants');
    await expectText(page.getByRole('status').filter({ hasText: /\S/ }), tre('seating.computed', { seated: seating.seats.length, unseated: seating.unseated.length }), {
      what: 'the computed notice',
    });

    // Columns are auditoriums, rows are start times, each participant in the cell of their room and time.
    const table = page.getByRole('table', { name: tre('seating.caption', { school: SCHOOL }) });
    await expectVisible(table, 'the timetable');
    const grid = await readTimetable(table);
    const rooms = [...new Set(seating.seats.map((s) => s.auditoriumNumber))];
    assert.equal(grid.columns.length, rooms.length + 1, `a column per auditorium: ${grid.columns.join(' | ')}`);
    for (const room of rooms) {
      const perRoom = seating.seats.filter((s) => s.auditoriumNumber === room).length;
      const header = `${ui('seating.auditorium', { number: room })} ${ui('seating.seatsInRoom', { count: perRoom })}`;
      assert.ok(grid.columns.includes(header), `a column "${header}" among: ${grid.columns.join(' | ')}`);
    }
    for (const seat of seating.seats) {
      const start = seat.start.slice(0, 5);
      const column = grid.columns.findIndex((c) => c.startsWith(`${ui('seating.auditorium', { number: seat.auditoriumNumber })} `));
      const row = grid.rows.find((r) => r[0] === start);
      assert.ok(row, `a row for ${start}`);
      assert.ok(row[column].includes(`${seat.participantName} ${start}–${seat.end.slice(0, 5)}`), `${seat.participantName} at ${start} in ${seat.auditoriumNumber}: "${row[column]}"`);
    }
    await shot('seated');
  }));

// ---------------------------------------------------------------------------------------------
test('e. account issuance: bulk for the territory, one-time password once, print sheet', (t) =>
  inContext('e-accounts', async ({ page, context, shot }) => {
    await signIn(page, regionAdmin.login, regionAdmin.password);
    await openSection(t, page, { menu: ui('nav.accounts'), path: '/ui/accounts', what: 'accounts' });
    await settled(page);
    await shot('list');

    // Bulk: the territory's schools get a "Руководитель ОО" each (the demo issued the other roles).
    const headsBefore = (await api.get('/api/v1/accounts?role=SCHOOL_HEAD&size=1')).total;
    const schools = (await api.get('/api/v1/schools?size=1')).total;
    await page.getByText(ui('accounts.issueBulk'), { exact: true }).click();
    const bulkForm = page.getByRole('form', { name: ui('accounts.issueBulk') });
    await bulkForm.getByLabel(ui('accounts.bulkRole.SCHOOL_HEAD')).check();
    const [bulk] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/api/v1/accounts/bulk')),
      bulkForm.getByRole('button', { name: ui('accounts.bulkSubmit') }).click(),
    ]);
    assert.equal(bulk.status(), 200, 'POST /accounts/bulk');
    const result = await bulk.json();
    assert.equal(result.issued, schools - headsBefore, `issued ${JSON.stringify(result)}`);
    await expectText(page.getByRole('status').filter({ hasText: /\S/ }), tre('accounts.bulkDone', { issued: result.issued, existing: result.existing }), {
      what: 'the bulk result',
    });
    assert.equal((await api.get('/api/v1/accounts?role=SCHOOL_HEAD&size=1')).total, schools, 'a school head account per school');
    await shot('bulk-issued');

    // One account's one-time password, shown once. A second tab opened before stands for a colleague's stale screen.
    const reveal = ui('accounts.reveal');
    const rowOf = (p) => p.getByRole('row', { name: new RegExp(handover.login.replace(/\./g, '\\.')) });
    const stale = await context.newPage();
    await stale.goto(`/ui/accounts?q=${encodeURIComponent(handover.login)}`);
    await expectVisible(rowOf(stale).getByRole('button', { name: reveal }), 'the reveal button in the second tab');

    await page.getByRole('searchbox', { name: ui('accounts.search') }).fill(handover.login);
    await rowOf(page).getByRole('button', { name: reveal }).click();
    const confirm = page.getByRole('dialog', { name: ui('accounts.confirm.reveal.title', { login: handover.login }) });
    const isTake = (r) => r.url().endsWith(`/api/v1/accounts/${handover.login}/credentials`);
    const [taken] = await Promise.all([page.waitForResponse(isTake), confirm.getByRole('button', { name: ui('accounts.confirm.reveal.button') }).click()]);
    assert.equal(taken.status(), 200, 'the first take');
    const passwordDialog = page.getByRole('dialog', { name: ui('accounts.passwordTitle') });
    const shown = await expectText(passwordDialog, /[A-Za-z0-9]{5}-[A-Za-z0-9]{5}-[A-Za-z0-9]{5}/, { what: 'the one-time password' });
    const otp = /[A-Za-z0-9]{5}-[A-Za-z0-9]{5}-[A-Za-z0-9]{5}/.exec(shown)[0];
    await shot('password-shown');
    const works = await api.call('POST', '/api/v1/auth/tokens', { body: { login: handover.login, password: otp } });
    assert.equal(works.status, 200, 'the password shown signs in');
    await passwordDialog.getByRole('button', { name: ui('accounts.passwordDone') }).click();
    await passwordDialog.waitFor({ state: 'hidden' });
    await poll(async () => (await rowOf(page).getByRole('button', { name: reveal }).count()) === 0, {
      message: 'the reveal button gone after the password was shown',
    });

    await rowOf(stale).getByRole('button', { name: reveal }).click();
    const [again] = await Promise.all([
      stale.waitForResponse(isTake),
      stale.getByRole('dialog', { name: ui('accounts.confirm.reveal.title', { login: handover.login }) }).getByRole('button', { name: ui('accounts.confirm.reveal.button') }).click(),
    ]);
    assert.equal(again.status(), 409, 'the second take');
    await expectText(stale.getByRole('alert').filter({ hasText: /\S/ }), /уже был выдан/, { what: 'the already-shown message' });
    await shot('password-already-shown', stale);
    await stale.close();

    // The printable handover sheet of the school's pending passwords.
    await page.getByRole('link', { name: ui('accounts.handoverLink') }).click();
    await expectVisible(page.getByRole('heading', { name: ui('sheet.title'), level: 1 }), 'the sheet page');
    await page.getByLabel(ui('sheet.school'), { exact: true }).fill(SCHOOL);
    const pending = (await api.get(`/api/v1/accounts?pending=true&school=${SCHOOL}&size=1`)).total;
    assert.ok(pending > 0, `pending passwords for ${SCHOOL}`);
    await expectText(page.getByRole('status').filter({ hasText: /\S/ }), tre('sheet.pending', { count: pending }), { what: 'the pending count' });
    await page.getByRole('button', { name: ui('sheet.take'), exact: true }).click();
    const [sheetAnswer] = await Promise.all([
      page.waitForResponse((r) => r.url().includes('/api/v1/accounts/credentials') && r.request().method() === 'POST'),
      page.getByRole('dialog', { name: ui('sheet.takeTitle') }).getByRole('button', { name: ui('sheet.take'), exact: true }).click(),
    ]);
    assert.equal(sheetAnswer.status(), 200);
    const sheet = await sheetAnswer.json();
    assert.equal(sheet.length, pending, 'every pending password of the school');
    const printed = page.getByRole('region', { name: ui('sheet.printTitle') });
    await expectVisible(printed, 'the printable sheet');
    for (const entry of sheet) await expectText(printed, new RegExp(`${entry.login.replace(/\./g, '\\.')}.*${entry.oneTimePassword}`), { what: `the slip of ${entry.login}` });
    await shot('sheet');
    await page.emulateMedia({ media: 'print' });
    await shot('sheet-print-media');
    await page.emulateMedia({ media: 'screen' });
  }));

// ---------------------------------------------------------------------------------------------
test('f. logout returns to the login page and ends the session', () =>
  inContext('f-logout', async ({ page, context, shot }) => {
    await signIn(page, regionAdmin.login, regionAdmin.password);
    const session = await fetchInPage(page, '/api/v1/auth/session');
    assert.equal(session.status, 200, 'signed in');
    const cookies = await context.cookies();
    const cookieHeader = cookies.map((c) => `${c.name}=${c.value}`).join('; ');
    assert.ok(cookies.some((c) => c.httpOnly), 'an HttpOnly session cookie');
    await shot('signed-in');
    await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/api/v1/auth/logout')),
      page.getByRole('button', { name: ui('user.logout') }).click(),
    ]);
    await expectVisible(loginHeading(page), 'the login page after logout');
    await expectText(page.getByRole('status').filter({ hasText: /\S/ }), new RegExp(esc(ui('login.loggedOut'))), { what: 'the logout notice' });
    assert.equal(await page.getByRole('button', { name: ui('user.logout') }).count(), 0);
    await shot('logged-out');
    const after = await fetchInPage(page, '/api/v1/auth/session');
    assert.equal(after.status, 401, `GET /auth/session from the page after logout: ${after.body}`);
    // The old cookie itself is dead on the server, not only forgotten by the browser.
    const replay = await fetch(`${ctx.baseUrl}/api/v1/auth/session`, {
      headers: { Cookie: cookieHeader, Accept: 'application/json', 'X-Requested-With': 'XMLHttpRequest' },
    });
    assert.equal(replay.status, 401, 'the old session cookie after logout');
    assert.equal(replay.headers.get('www-authenticate'), null, 'no Basic challenge for the UI');
    await page.goto('/ui/participants');
    await expectVisible(loginHeading(page), 'a deep link after logout shows the login page');
    await shot('deep-link-after-logout');
  }));

// ---------------------------------------------------------------------------------------------
test('g. accessibility (axe-core, WCAG 2.1 A/AA): no serious or critical violations', async (t) => {
  const s = await openScenario(browser, ctx.baseUrl, 'g-a11y');
  const { page } = s;
  const check = async (name, open) => {
    await t.test(name, async (st) => {
      try {
        await open(st);
        await settled(page);
        const { file, violations, severe, incomplete, passes } = await checkAccessibility(page, name);
        await s.shot(name);
        st.diagnostic(`axe ${name}: ${passes} rules passed, ${violations.length} violated, ${incomplete.length} to review by hand`);
        const minor = violations.filter((v) => !severe.includes(v));
        if (minor.length) st.diagnostic(`minor/moderate (not failing):\n${describeViolations(minor)}`);
        if (incomplete.length) st.diagnostic(`to review by hand (axe could not decide):\n${describeViolations(incomplete)}`);
        if (severe.length) {
          throw new Error(`${severe.length} serious/critical axe violation(s) on ${name} (${page.url()}); full results in ${file}\n${describeViolations(severe)}`);
        }
      } catch (e) {
        if (!(e instanceof MissingPage)) await s.shot(`${name}-failure`).catch(() => {});
        throw e;
      }
    });
  };
  try {
    const dayId = await api.examDayId(EXAM_DATE);
    await check('login', async () => {
      await page.goto('/ui/');
      await expectVisible(loginHeading(page));
    });
    await check('login-error', async () => {
      await submitLogin(page, regionAdmin.login, 'Неверный-пароль-для-axe');
      await expectText(alert(page), /Неверное имя пользователя или пароль/);
    });
    await check('home', async () => {
      await signIn(page, regionAdmin.login, regionAdmin.password);
      await expectText(heading(page), tre('home.greeting'));
    });
    await check('participants', async () => {
      await mainMenu(page).getByRole('link', { name: ui('nav.participants') }).click();
      await expectVisible(page.getByRole('table'), 'the participants table');
    });
    await check('participant-card', async (st) => {
      const [first] = (await api.get('/api/v1/participants?size=1')).items;
      await gotoPage(st, page, `/ui/participants/${first.id}`, 'participant card');
      await expectVisible(page.getByText(first.surname).first(), 'the participant card');
    });
    await check('schools', async (st) => {
      await openSection(st, page, { menu: ui('nav.schools'), path: '/ui/schools', what: 'schools' });
      await expectVisible(page.getByRole('table'), 'the schools');
    });
    await check('municipalities', async (st) => {
      await openSection(st, page, { menu: ui('nav.municipalities'), path: '/ui/municipalities', what: 'municipalities' });
      await expectVisible(page.getByRole('table', { name: ui('municipalities.caption') }), 'the municipalities');
    });
    await check('school-card', async (st) => {
      const school = await api.get(`/api/v1/schools/${SCHOOL}`);
      await gotoPage(st, page, `/ui/schools/${SCHOOL}`, 'school card');
      await expectText(heading(page), new RegExp(`^${esc(school.name)}$`), { what: 'the school card heading' });
      await expectVisible(page.getByRole('link', { name: ui('school.venues') }), 'the links of the school');
    });
    await check('venues', async (st) => {
      await openSection(st, page, { menu: ui('nav.venues'), path: '/ui/venues', what: 'venues' });
      await expectVisible(page.getByRole('table'), 'the venues');
    });
    await check('import', (st) => openSection(st, page, { menu: ui('nav.import'), path: '/ui/import', what: 'participant import' }));
    await check('exam-days', async (st) => {
      await openSection(st, page, { menu: ui('nav.examDays'), path: '/ui/exam-days', what: 'exam days and seating' });
      await expectVisible(page.getByRole('table'), 'the exam days');
    });
    await check('seating', async (st) => {
      await gotoPage(st, page, `/ui/exam-days/${dayId}?school=${SCHOOL}`, 'seating of a school');
      await expectVisible(page.getByRole('table', { name: tre('seating.caption', { school: SCHOOL }) }).or(page.getByText(ui('seating.noSeats'))), 'the timetable');
    });
    await check('accounts', async (st) => {
      await openSection(st, page, { menu: ui('nav.accounts'), path: '/ui/accounts', what: 'accounts' });
      await expectVisible(page.getByRole('table'), 'the accounts');
    });
    await check('credentials-sheet', (st) => gotoPage(st, page, '/ui/accounts/credentials', 'the password handover sheet'));
    await check('audit', async (st) => {
      await openSection(st, page, { menu: ui('nav.audit'), path: '/ui/audit', what: 'audit log' });
      await expectVisible(page.getByRole('table'), 'the audit entries');
    });
    s.assertClean();
  } finally {
    await s.close();
  }
});

// ---------------------------------------------------------------------------------------------
test('h. registry: a region administrator adds a municipality and a school and sees them listed', (t) =>
  inContext('h-registry', async ({ page, shot }) => {
    const taken = (await api.get('/api/v1/municipalities')).items[0];
    const suffix = String(Date.now() % 100000).padStart(5, '0');
    const mo = { code: `bt-mo-${suffix}`, name: `Тестовый муниципалитет ${suffix}` };
    const school = { code: `bt-oo-${suffix}`, name: `МБОУ «Тестовая школа ${suffix}»` };

    await signIn(page, regionAdmin.login, regionAdmin.password);
    await openSection(t, page, { menu: ui('nav.municipalities'), path: '/ui/municipalities', what: 'municipalities' });
    await settled(page);
    await page.locator('summary', { hasText: ui('municipalities.add') }).click();
    const moForm = page.getByRole('form', { name: ui('municipalities.add') });
    const isPost = (path) => (r) => r.url().endsWith(path) && r.request().method() === 'POST';

    // A code that exists: the server's 409 lands on the code field.
    await moForm.getByLabel(ui('municipalities.code')).fill(taken.code);
    await moForm.getByLabel(ui('municipalities.name')).fill(mo.name);
    const [duplicate] = await Promise.all([
      page.waitForResponse(isPost('/api/v1/municipalities')),
      moForm.getByRole('button', { name: ui('municipalities.create') }).click(),
    ]);
    assert.equal(duplicate.status(), 409, 'POST /municipalities with a code that exists');
    const codeField = moForm.getByLabel(ui('municipalities.code'));
    await poll(async () => (await codeField.getAttribute('aria-invalid')) === 'true', { message: 'the code field marked invalid' });
    await expectText(moForm.locator('#municipality-code-error'), /уже есть/, { what: 'the duplicate-code error on the field' });
    await shot('municipality-duplicate');

    await codeField.fill(mo.code);
    const [created] = await Promise.all([
      page.waitForResponse(isPost('/api/v1/municipalities')),
      moForm.getByRole('button', { name: ui('municipalities.create') }).click(),
    ]);
    assert.equal(created.status(), 201, `POST /municipalities: ${await created.text()}`);
    await expectText(page.getByRole('status').filter({ hasText: /\S/ }), new RegExp(esc(ui('municipalities.created', { name: mo.name }))), {
      what: 'the added notice',
    });
    const table = page.getByRole('table', { name: ui('municipalities.caption') });
    const moRow = table.getByRole('row').filter({ hasText: mo.code });
    await expectText(moRow, new RegExp(`${esc(mo.code)}.*${esc(mo.name)}`), { what: 'the new municipality in the table' });
    await shot('municipality-added');

    // Renamed from its row: the form's heading takes focus, saving returns it to the row's button.
    mo.name = `${mo.name} (переименован)`;
    await moRow.getByRole('button', { name: ui('municipalities.rename') }).click();
    await poll(() => page.evaluate(() => document.activeElement?.id === 'rename-title'), { message: 'focus on the rename form' });
    await page.getByLabel(ui('municipalities.newName')).fill(mo.name);
    const [renamed] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith(`/api/v1/municipalities/${mo.code}`) && r.request().method() === 'PUT'),
      page.getByRole('form', { name: ui('municipalities.renameTitle', { code: mo.code }) }).getByRole('button', { name: ui('common.save') }).click(),
    ]);
    assert.equal(renamed.status(), 200, `PUT /municipalities/${mo.code}: ${await renamed.text()}`);
    await expectText(moRow, new RegExp(esc(mo.name)), { what: 'the new name in the table' });
    await poll(() => page.evaluate((id) => document.activeElement?.id === id, `rename-${mo.code}`), { message: 'focus back on the row' });

    // Its name leads to its schools: none yet; add one there.
    await moRow.getByRole('link', { name: ui('municipalities.schoolsOf', { name: mo.name }) }).click();
    await page.waitForURL((url) => url.pathname === '/ui/schools' && url.searchParams.get('municipality') === mo.code);
    await expectVisible(page.getByText(ui('schools.empty')), 'no schools in the new municipality');
    await page.locator('summary', { hasText: ui('school.add') }).click();
    const schoolForm = page.getByRole('form', { name: ui('school.add') });
    await schoolForm.locator('#school-code').fill(school.code);
    await schoolForm.locator('#school-name').fill(school.name);
    await schoolForm.getByLabel(ui('school.municipality')).selectOption(mo.code);
    const [added] = await Promise.all([page.waitForResponse(isPost('/api/v1/schools')), schoolForm.getByRole('button', { name: ui('school.create') }).click()]);
    assert.equal(added.status(), 201, `POST /schools: ${await added.text()}`);
    await page.waitForURL((url) => url.pathname === `/ui/schools/${school.code}`);
    await expectText(heading(page), new RegExp(`^${esc(school.name)}$`), { what: 'the card of the new school' });
    await expectText(page.getByRole('status').filter({ hasText: /\S/ }), new RegExp(esc(ui('school.created'))), { what: 'the added notice' });
    const participants = page.getByRole('link', { name: ui('school.participants') });
    assert.equal(await participants.getAttribute('href'), `/ui/participants?school=${school.code}`);
    await shot('school-card');

    // Listed under its municipality, its name leading back to the card.
    await page.goto(`/ui/schools?municipality=${mo.code}`);
    const schools = page.getByRole('table', { name: ui('schools.caption') });
    await expectVisible(schools.getByRole('link', { name: school.name }), 'the new school in the list');
    assert.equal((await api.get(`/api/v1/schools?municipality=${mo.code}`)).total, 1, 'one school in the new municipality');
    await shot('school-listed');

    // An exam day on a date that has one already: the server's 409 lands on the date field.
    await openSection(t, page, { menu: ui('nav.examDays'), path: '/ui/exam-days', what: 'exam days and seating' });
    await page.locator('summary', { hasText: ui('examDays.add') }).click();
    const dayForm = page.getByRole('form', { name: ui('examDays.add') });
    await dayForm.locator('#exam-day-date').fill(EXAM_DATE);
    const [dayAnswer] = await Promise.all([page.waitForResponse(isPost('/api/v1/exam-days')), dayForm.getByRole('button', { name: ui('examDays.create') }).click()]);
    assert.equal(dayAnswer.status(), 409, 'POST /exam-days on a date that exists');
    await expectText(dayForm.locator('#exam-day-date-error'), /уже есть/, { what: 'the duplicate-day error on the date field' });
    await shot('exam-day-duplicate');
  }));
