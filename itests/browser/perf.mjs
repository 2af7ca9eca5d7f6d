#!/usr/bin/env node
// UI performance figures (a benchmark, not a test): the first load of /ui/ in a cold browser.
//
//   node perf.mjs [attesta-distribution-*.tar.gz]   starts the distribution (or ATTESTA_DIST), measures, stops it
//   ATTESTA_URL=http://127.0.0.1:8181 node perf.mjs  measures a distribution that is already running
//
// Each run launches Chromium with a fresh, empty profile (--user-data-dir in a new temp
// directory), opens /ui/ on 127.0.0.1 and records:
//   - transferred bytes: the sum of CDP Network.loadingFinished encodedDataLength over every
//     request of the load (headers included, bodies as served: gzip), split by resource type,
//     and the bodies alone from Resource Timing (encodedBodySize / decodedBodySize);
//   - DOMContentLoaded and load (PerformanceNavigationTiming, ms from navigation start);
//   - time to interactive: navigation start to the login form's fields and button being
//     enabled and focusable (checked every animation frame in the page).
// PERF_RUNS (default 10). Prints a table; writes ../target/browser/perf.json.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { Distribution } from './lib/dist.mjs';
import { CHROMIUM, CHROMIUM_ARGS } from './lib/ui.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const out = resolve(process.env.ATTESTA_BROWSER_OUT || join(here, '..', 'target', 'browser'));
const RUNS = Number(process.env.PERF_RUNS || 10);

/** One cold load: a new browser with a new profile. */
async function coldLoad(baseUrl) {
  const profile = mkdtempSync(join(tmpdir(), 'attesta-perf-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1280, height: 900 },
    locale: 'ru-RU',
  });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: false });
    const requests = new Map();
    cdp.on('Network.requestWillBeSent', (e) => requests.set(e.requestId, { url: e.request.url, type: e.type ?? 'Other', bytes: 0, status: null }));
    cdp.on('Network.responseReceived', (e) => {
      const r = requests.get(e.requestId);
      if (r) {
        r.status = e.response.status;
        r.encoding = e.response.headers['content-encoding'] ?? e.response.headers['Content-Encoding'] ?? null;
        r.type = e.type ?? r.type;
      }
    });
    cdp.on('Network.loadingFinished', (e) => {
      const r = requests.get(e.requestId);
      if (r) r.bytes = e.encodedDataLength;
    });

    // Every animation frame from the start of the document: note when the login form is usable.
    await page.addInitScript(() => {
      const usable = (el) => el && !el.disabled && el.getClientRects().length > 0 && el.tabIndex >= 0 && !el.closest('[inert]');
      const check = () => {
        const login = document.getElementById('login');
        const password = document.getElementById('password');
        const button = login?.form?.querySelector('button[type=submit]');
        if (usable(login) && usable(password) && usable(button)) {
          window.__attestaInteractive = performance.now();
          return;
        }
        requestAnimationFrame(check);
      };
      requestAnimationFrame(check);
    });

    await page.goto(`${baseUrl}/ui/`, { waitUntil: 'load' });
    await page.waitForFunction(() => window.__attestaInteractive !== undefined, null, { timeout: 30_000, polling: 'raf' });
    // Focusable in fact: focus lands on the field.
    const focused = await page.evaluate(() => {
      document.getElementById('login').focus();
      return document.activeElement?.id === 'login';
    });
    if (!focused) throw new Error('the login field did not take focus');
    // The session probe (GET /auth/session) belongs to the first load: wait until nothing is in flight.
    await page.waitForLoadState('networkidle');
    const timing = await page.evaluate(() => {
      const nav = performance.getEntriesByType('navigation')[0];
      const resources = performance.getEntriesByType('resource');
      const body = (entries, key) => entries.reduce((sum, e) => sum + (e[key] || 0), 0);
      const all = [nav, ...resources];
      return {
        domContentLoaded: nav.domContentLoadedEventEnd,
        load: nav.loadEventEnd,
        interactive: window.__attestaInteractive,
        transferSize: body(all, 'transferSize'),
        encodedBodySize: body(all, 'encodedBodySize'),
        decodedBodySize: body(all, 'decodedBodySize'),
      };
    });
    const list = [...requests.values()];
    const byType = {};
    for (const r of list) byType[r.type] = (byType[r.type] ?? 0) + r.bytes;
    return {
      ...timing,
      cdpBytes: list.reduce((sum, r) => sum + r.bytes, 0),
      byType,
      requests: list.map((r) => ({ url: r.url.replace(baseUrl, ''), type: r.type, status: r.status, encoding: r.encoding, bytes: r.bytes })),
    };
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

const median = (values) => {
  const s = [...values].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const stats = (values) => ({ median: median(values), max: Math.max(...values), min: Math.min(...values) });

let dist = null;
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    (dist ? dist.stop() : Promise.resolve()).finally(() => process.exit(130));
  });
}

async function main() {
  let baseUrl = process.env.ATTESTA_URL?.replace(/\/$/, '');
  try {
    if (!baseUrl) {
      const tarball = process.argv[2] || process.env.ATTESTA_DIST;
      if (!tarball) throw new Error('give the distribution (node perf.mjs <tar.gz>, ATTESTA_DIST) or a running one (ATTESTA_URL)');
      dist = new Distribution(resolve(tarball), { log: (l) => console.error(l) });
      await dist.start();
      baseUrl = dist.baseUrl;
    }
    // One load first so that the server's own first-request costs (class loading, JIT) are not counted.
    await coldLoad(baseUrl);
    const runs = [];
    for (let i = 0; i < RUNS; i += 1) runs.push(await coldLoad(baseUrl));

    const rows = [
      ['transferred bytes (CDP encodedDataLength, all requests)', stats(runs.map((r) => r.cdpBytes)), 'B'],
      ['  of which bodies as served (Resource Timing encodedBodySize)', stats(runs.map((r) => r.encodedBodySize)), 'B'],
      ['  bodies decoded (decodedBodySize)', stats(runs.map((r) => r.decodedBodySize)), 'B'],
      ['DOMContentLoaded', stats(runs.map((r) => r.domContentLoaded)), 'ms'],
      ['load', stats(runs.map((r) => r.load)), 'ms'],
      ['interactive (login form enabled and focusable)', stats(runs.map((r) => r.interactive)), 'ms'],
    ];
    const fmt = (v, unit) => (unit === 'B' ? `${Math.round(v)} B` : `${v.toFixed(1)} ms`);
    console.log(`\nCold first load of ${baseUrl}/ui/ — ${RUNS} runs, fresh profile each (Chromium ${CHROMIUM})\n`);
    console.log(`${'figure'.padEnd(64)} ${'median'.padStart(12)} ${'max'.padStart(12)}`);
    for (const [name, s, unit] of rows) console.log(`${name.padEnd(64)} ${fmt(s.median, unit).padStart(12)} ${fmt(s.max, unit).padStart(12)}`);
    console.log('\nRequests of the first run:');
    for (const r of runs[0].requests) {
      console.log(`  ${String(r.status).padEnd(4)} ${String(r.type).padEnd(11)} ${String(r.encoding ?? 'identity').padEnd(9)} ${String(r.bytes).padStart(7)} B  ${r.url}`);
    }
    const result = {
      url: `${baseUrl}/ui/`,
      date: new Date().toISOString(),
      runs: RUNS,
      chromium: CHROMIUM,
      method: {
        transferredBytes: 'sum of CDP Network.loadingFinished encodedDataLength over all requests of the load (headers + bodies as served)',
        interactive: 'performance.now() at the first animation frame where #login, #password and the submit button are enabled, rendered and focusable',
        cold: 'new Chromium with an empty --user-data-dir per run; one unmeasured load before the runs',
      },
      summary: Object.fromEntries(rows.map(([name, s, unit]) => [name.trim(), { ...s, unit }])),
      samples: runs.map(({ requests, ...r }) => r),
      requests: runs[0].requests,
    };
    writeFileSync(join(out, 'perf.json'), `${JSON.stringify(result, null, 2)}\n`);
    console.log(`\nwritten: ${join(out, 'perf.json')}`);
  } finally {
    await dist?.stop();
  }
}

mkdirSync(out, { recursive: true });
main().catch((e) => {
  console.error(`perf failed: ${e.stack || e}`);
  process.exitCode = 1;
});
