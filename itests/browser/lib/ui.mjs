// Browser side of the scenarios: one headless Chromium, a fresh context per scenario,
// screenshots, axe-core checks and waiting on page state (never on the clock).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { t } from './i18n.mjs';

const require = createRequire(import.meta.url);

export const CHROMIUM = process.env.ATTESTA_CHROMIUM || '/usr/bin/chromium';

/** The flags the closed CI network needs (no background traffic, no GPU, no sandbox in a container). */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Waits for page state; the default for every locator wait and assertion. */
export const TIMEOUT = Number(process.env.ATTESTA_BROWSER_TIMEOUT_MS || 15_000);

/**
 * One browser for all scenarios. Playwright's launch() gives Chromium a fresh, empty
 * --user-data-dir of its own in the temp directory and deletes it on close.
 */
export function launchBrowser() {
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
}

/** A directory under the output, created when missing. */
export function outDir(...parts) {
  const dir = join(process.env.ATTESTA_BROWSER_OUT || 'target/browser', ...parts);
  mkdirSync(dir, { recursive: true });
  return dir;
}

/**
 * A fresh context and page for one scenario. Records every JavaScript dialog (and dismisses
 * it), uncaught page errors and Content-Security-Policy violations, so a scenario can fail on
 * any of them at its end (`scenario.assertClean()`).
 */
export async function openScenario(browser, baseUrl, name) {
  const context = await browser.newContext({
    baseURL: baseUrl,
    locale: 'ru-RU',
    timezoneId: 'Europe/Moscow',
    viewport: { width: 1280, height: 900 },
    acceptDownloads: true,
  });
  context.setDefaultTimeout(TIMEOUT);
  context.setDefaultNavigationTimeout(30_000);
  const page = await context.newPage();
  const dialogs = [];
  const pageErrors = [];
  const cspViolations = [];
  const watch = (p) => {
    p.on('dialog', async (dialog) => {
      // beforeunload is the UI's own guard (the password sheet); alert/confirm/prompt are not expected anywhere.
      if (dialog.type() !== 'beforeunload') dialogs.push(`${dialog.type()}: ${dialog.message()}`);
      await dialog.dismiss().catch(() => {});
    });
    p.on('pageerror', (error) => pageErrors.push(`${p.url()}: ${error.message}`));
    p.on('console', (message) => {
      if (message.type() === 'error' && /Content Security Policy/i.test(message.text())) {
        cspViolations.push(`${p.url()}: ${message.text()}`);
      }
    });
  };
  watch(page);
  context.on('page', watch);
  const shotsDir = outDir('screenshots');
  let step = 0;
  return {
    context,
    page,
    dialogs,
    pageErrors,
    cspViolations,
    /** A full-page PNG of the current state, numbered in the order taken. */
    async shot(label, target = page) {
      step += 1;
      const file = join(shotsDir, `${name}-${String(step).padStart(2, '0')}-${label}.png`);
      await target.screenshot({ path: file, fullPage: true });
      return file;
    },
    assertClean() {
      const problems = [
        ...dialogs.map((d) => `a JavaScript dialog opened (${d})`),
        ...pageErrors.map((e) => `uncaught error in the page: ${e}`),
        ...cspViolations.map((c) => `CSP violation: ${c}`),
      ];
      if (problems.length) throw new Error(problems.join('\n'));
    },
    async close() {
      await context.close().catch(() => {});
    },
  };
}

/**
 * Polls `probe` until it returns a truthy value (expect.poll style: 100, 250, 500, 1000 ms
 * between tries) and returns that value; fails with `message` and the last value otherwise.
 */
export async function poll(probe, { timeout = TIMEOUT, message = 'condition not met' } = {}) {
  const intervals = [100, 250, 500, 1000];
  const deadline = Date.now() + timeout;
  let last;
  let lastError;
  for (let i = 0; ; i += 1) {
    try {
      last = await probe();
      if (last) return last;
    } catch (e) {
      lastError = e;
    }
    if (Date.now() >= deadline) break;
    await new Promise((resolve) => setTimeout(resolve, Math.min(intervals[Math.min(i, intervals.length - 1)], Math.max(0, deadline - Date.now()))));
  }
  throw new Error(`${message} within ${timeout} ms${lastError ? ` (last error: ${lastError.message})` : ''}`);
}

/** Waits until the locator's text matches `pattern`; returns the text. */
export async function expectText(locator, pattern, { timeout = TIMEOUT, what } = {}) {
  let text = '';
  try {
    return await poll(async () => {
      text = ((await locator.first().textContent({ timeout: 1000 })) ?? '').replace(/\s+/g, ' ').trim();
      return pattern.test(text) ? text : null;
    }, { timeout });
  } catch {
    throw new Error(`${what ?? String(locator)}: expected text ${pattern}, was "${text}"`);
  }
}

/** Waits until the locator is visible (a readable message when it is not). */
export async function expectVisible(locator, what, timeout = TIMEOUT) {
  try {
    await locator.first().waitFor({ state: 'visible', timeout });
  } catch {
    throw new Error(`${what ?? String(locator)} did not become visible within ${timeout} ms`);
  }
  return locator.first();
}

/** The page's h1 (every page has one, id page-title). */
export function heading(page) {
  return page.locator('h1');
}

/** Signs in through the login form and waits for the answer of POST /auth/login. */
export async function submitLogin(page, login, password) {
  await page.getByLabel(t('login.login'), { exact: true }).fill(login);
  await page.getByLabel(t('login.password'), { exact: true }).fill(password);
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.url().endsWith('/api/v1/auth/login') && r.request().method() === 'POST'),
    page.getByRole('button', { name: t('login.submit'), exact: true }).click(),
  ]);
  return response;
}

/** Opens /ui/, signs in and waits for the signed-in frame (the user menu). */
export async function signIn(page, login, password) {
  await page.goto('/ui/');
  await expectVisible(page.getByRole('heading', { name: t('login.title') }), 'the login page');
  const response = await submitLogin(page, login, password);
  if (response.status() !== 200) {
    throw new Error(`sign-in of ${login} answered ${response.status()}: ${await response.text().catch(() => '')}`);
  }
  await expectVisible(page.getByRole('button', { name: t('user.logout') }), 'the logout button after signing in');
}

/** GET from inside the page (same origin, the session cookie), as the UI itself asks. */
export function fetchInPage(page, path) {
  return page.evaluate(async (url) => {
    const response = await fetch(url, {
      headers: { Accept: 'application/json', 'X-Requested-With': 'XMLHttpRequest' },
      credentials: 'same-origin',
      cache: 'no-store',
    });
    return { status: response.status, body: await response.text() };
  }, path);
}

const STRICT = !/^(0|false|no)$/i.test(process.env.ATTESTA_BROWSER_STRICT ?? 'true');

/** Thrown after a test was marked todo because the UI does not have the page yet. */
export class MissingPage extends Error {
  constructor(message) {
    super(message);
    this.name = 'MissingPage';
    this.stack = `${this.name}: ${message}`; // the message says it all; no stack in the report
  }
}

/** Fails, or with the page missing from the UI marks the test TODO and stops it (see openSection). */
function missing(test, message) {
  if (STRICT) throw new Error(message);
  test.todo(message);
  throw new MissingPage(message);
}

/** The h1 of the page now shown; a missing page (the UI's "Страница не найдена") is handled by `missing`. */
async function pageTitle(test, page, path, what) {
  const h1 = await expectVisible(heading(page), `the heading of ${path}`);
  const title = ((await h1.textContent()) ?? '').trim();
  if (title === t('common.notFound')) {
    missing(test, `UI PAGE MISSING: ${what} — ${path} shows "${title}" (test written against the expected labels)`);
  }
  if (title === t('common.noAccess')) throw new Error(`${path}: the UI says "${title}" to this account`);
  return title;
}

/**
 * Opens a section through its item in the main menu (the link to `path`; a label other than
 * `menu` is noted, not failed: the label may be reworded after the distribution was built).
 * Without the item, the address is tried: when the UI answers "Страница не найдена" there, the
 * page is not built yet and the test is marked TODO (its failure does not fail the run; with
 * ATTESTA_BROWSER_STRICT=true it does) and stops; when the page is there but not in the menu,
 * that is a failure.
 */
export async function openSection(test, page, { menu, path, what }) {
  const link = page.getByRole('navigation', { name: t('nav.label') }).locator(`a[href="${path}"]`);
  if ((await link.count()) > 0) {
    const label = ((await link.first().textContent()) ?? '').trim();
    if (label !== menu) test.diagnostic(`menu item for ${path} reads "${label}", ru.json says "${menu}"`);
    await link.first().click();
    await page.waitForURL((url) => url.pathname === path);
    return pageTitle(test, page, path, what);
  }
  await page.goto(path);
  await pageTitle(test, page, path, what);
  throw new Error(`${what}: ${path} exists but the main menu has no item for it ("${menu}")`);
}

/** Opens an address directly (deep link); a page the UI does not have is handled as in openSection. */
export async function gotoPage(test, page, path, what) {
  await page.goto(path);
  return pageTitle(test, page, path, what);
}

/** The axe-core source, injected through the DevTools protocol (the page's CSP forbids inline scripts). */
let axeSource;
function axe() {
  axeSource ??= readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  return axeSource;
}

export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/**
 * Runs axe-core (WCAG 2.1 A and AA rules) on the page as it is now, writes the full results to
 * target/browser/axe/<name>.json and returns the violations of impact serious or critical.
 */
export async function checkAccessibility(page, name) {
  const hasAxe = await page.evaluate(() => typeof window.axe === 'object');
  if (!hasAxe) await page.evaluate(axe());
  const results = await page.evaluate(async (tags) => {
    // eslint-disable-next-line no-undef
    return axe.run(document, { runOnly: { type: 'tag', values: tags } });
  }, AXE_TAGS);
  const file = join(outDir('axe'), `${name}.json`);
  writeFileSync(file, `${JSON.stringify({ page: name, url: page.url(), tags: AXE_TAGS, ...results }, null, 2)}\n`);
  const severe = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  return { file, violations: results.violations, severe, incomplete: results.incomplete, passes: results.passes.length };
}

/** Violations as lines a person can act on: rule, impact, help, and the elements concerned. */
export function describeViolations(violations) {
  return violations
    .map((v) => {
      const nodes = v.nodes
        .slice(0, 5)
        .map((n) => `      ${n.target.join(' ')}: ${(n.failureSummary ?? '').replace(/\s+/g, ' ').trim()}`)
        .join('\n');
      const more = v.nodes.length > 5 ? `\n      … and ${v.nodes.length - 5} more` : '';
      return `  [${v.impact}] ${v.id}: ${v.help} (${v.helpUrl})\n${nodes}${more}`;
    })
    .join('\n');
}
