#!/usr/bin/env node
// Browser tests of the Attesta web UI against the built distribution.
//
//   node run.mjs [path/to/attesta-distribution-<version>.tar.gz]     (or ATTESTA_DIST=...)
//
// Extracts the distribution to a fresh temp directory, starts it with the demo region on free
// ports, creates the staff accounts the scenarios need through REST, runs the scenarios
// (tests/scenarios.test.mjs, node:test, one headless Chromium) and always stops the
// distribution. Output in ../target/browser/: screenshots/*.png, axe/*.json, junit.xml,
// summary.txt, karaf.log. Exit status 0 only when every scenario passed (with
// ATTESTA_BROWSER_STRICT=false a scenario whose UI page does not exist yet is reported as TODO).
//
// Other settings: ATTESTA_CHROMIUM (default /usr/bin/chromium), ATTESTA_KEEP_DIST=true (leave
// the extracted distribution for a look), ATTESTA_BROWSER_OUT (output directory),
// ATTESTA_BROWSER_ONLY (a regular expression: run only the scenarios whose names match).
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Api, REGION, setOwnPassword } from './lib/api.mjs';
import { Distribution, strongPassword } from './lib/dist.mjs';
import { CHROMIUM, outDir } from './lib/ui.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const started = Date.now();
const elapsed = () => `${((Date.now() - started) / 1000).toFixed(1)} s`;
const log = (line) => console.error(`[browser-tests ${elapsed()}] ${line}`);

process.env.ATTESTA_BROWSER_OUT = resolve(process.env.ATTESTA_BROWSER_OUT || join(here, '..', 'target', 'browser'));
const out = process.env.ATTESTA_BROWSER_OUT;

function fail(message) {
  console.error(`\nBROWSER TESTS FAILED: ${message}\n`);
  process.exitCode = 1;
}

/** The staff accounts of the scenarios (see tests/scenarios.test.mjs for what each is for). */
async function createAccounts(dist) {
  const api = Api.admin(dist.baseUrl, dist.adminPassword);
  const accounts = {};
  // Logins start with "bt." so they never meet the demo region's own accounts (its "rcoi" and
  // the МОУО and school accounts it issues).
  // a. first sign-in with the one-time password and the forced change
  accounts.firstLogin = {
    login: 'bt.rcoi',
    displayName: 'Администратор РЦОИ',
    password: await api.issueAccount('bt.rcoi', 'Администратор РЦОИ', [{ role: 'REGION_ADMINISTRATOR', scope: REGION }]),
  };
  // a. five wrong passwords lock this one
  accounts.lockout = {
    login: 'bt.lockout',
    displayName: 'Оператор для проверки блокировки',
    password: await api.issueAccount('bt.lockout', 'Оператор для проверки блокировки', [
      { role: 'REGION_OPERATOR', scope: REGION },
    ]),
  };
  // b.–g. a region administrator who has already chosen a password
  const adminPassword = strongPassword();
  await setOwnPassword(
    dist.baseUrl,
    'bt.admin',
    await api.issueAccount('bt.admin', 'Петрова Анна Сергеевна', [{ role: 'REGION_ADMINISTRATOR', scope: REGION }]),
    adminPassword,
  );
  accounts.regionAdmin = { login: 'bt.admin', displayName: 'Петрова Анна Сергеевна', password: adminPassword };
  // b. a name with markup, shown in the header and on the home page
  const xssPassword = strongPassword();
  const xssName = 'Иван <script>alert(1)</script> Скриптов';
  await setOwnPassword(
    dist.baseUrl,
    'bt.markup',
    await api.issueAccount('bt.markup', xssName, [{ role: 'REGION_OPERATOR', scope: REGION }]),
    xssPassword,
  );
  accounts.markup = { login: 'bt.markup', displayName: xssName, password: xssPassword };
  // e. an account whose one-time password is handed over in the UI (not taken here)
  await api.expect(201, 'POST', '/api/v1/accounts', {
    body: { login: 'bt.handover', displayName: 'Оператор для выдачи пароля', grants: [{ role: 'REGION_OPERATOR', scope: REGION }] },
  });
  accounts.handover = { login: 'bt.handover', displayName: 'Оператор для выдачи пароля' };
  return accounts;
}

function runScenarios(contextFile) {
  const args = [
    '--test',
    '--test-timeout=300000',
    '--disable-warning=MaxListenersExceededWarning',
    '--test-reporter=spec',
    '--test-reporter-destination=stdout',
    '--test-reporter=junit',
    `--test-reporter-destination=${join(out, 'junit.xml')}`,
    `--test-reporter=${join(here, 'lib', 'summary-reporter.mjs')}`,
    `--test-reporter-destination=${join(out, 'summary.txt')}`,
  ];
  if (process.env.ATTESTA_BROWSER_ONLY) args.push(`--test-name-pattern=${process.env.ATTESTA_BROWSER_ONLY}`);
  args.push(join(here, 'tests', 'scenarios.test.mjs'));
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, args, {
      cwd: here,
      stdio: ['ignore', 'inherit', 'inherit'],
      env: { ...process.env, ATTESTA_BROWSER_CONTEXT: contextFile, NO_COLOR: '1' },
    });
    current = child;
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      current = null;
      resolvePromise(signal ? 1 : code ?? 1);
    });
  });
}

let dist = null;
let current = null;
let stopping = null;

function stopDistribution() {
  stopping ??= (async () => {
    if (!dist) return;
    const logFile = dist.logFile();
    if (logFile && existsSync(logFile)) copyFileSync(logFile, join(out, 'karaf.log'));
    log('stopping the distribution');
    await dist.stop({ keep: /^(1|true|yes)$/i.test(process.env.ATTESTA_KEEP_DIST ?? '') });
    log('distribution stopped');
  })();
  return stopping;
}

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    log(`${signal}: stopping`);
    current?.kill('SIGTERM');
    stopDistribution().finally(() => process.exit(130));
  });
}

async function main() {
  const tarball = process.argv[2] || process.env.ATTESTA_DIST;
  if (!tarball) {
    fail('no distribution given: node run.mjs <attesta-distribution-*.tar.gz> (or ATTESTA_DIST)');
    return;
  }
  if (!existsSync(tarball)) {
    fail(`distribution not found: ${tarball} (build it first: mvn -B -pl karaf-assembly -am install -DskipTests)`);
    return;
  }
  if (!existsSync(CHROMIUM)) {
    fail(`no Chromium at ${CHROMIUM}: apt-get install -y chromium chromium-driver (or set ATTESTA_CHROMIUM)`);
    return;
  }
  // Fresh output of this run (perf.json of perf.mjs stays).
  for (const old of ['screenshots', 'axe', 'junit.xml', 'summary.txt', 'karaf.log']) rmSync(join(out, old), { recursive: true, force: true });
  outDir();

  dist = new Distribution(resolve(tarball), { log });
  try {
    await dist.start();
    log('creating the staff accounts through REST');
    const accounts = await createAccounts(dist);
    const contextFile = join(dist.root, 'browser-context.json');
    writeFileSync(
      contextFile,
      JSON.stringify({ baseUrl: dist.baseUrl, adminPassword: dist.adminPassword, accounts }, null, 2),
      { mode: 0o600 },
    );
    log(`running the scenarios against ${dist.baseUrl}`);
    const code = await runScenarios(contextFile);
    const summaryFile = join(out, 'summary.txt');
    if (existsSync(summaryFile)) {
      console.log(`\n=== Browser scenarios (${elapsed()} in all) ===\n${readFileSync(summaryFile, 'utf8')}`);
    }
    console.log(`Screenshots: ${join(out, 'screenshots')}\naxe reports: ${join(out, 'axe')}\nJUnit XML:   ${join(out, 'junit.xml')}`);
    if (code !== 0) fail(`${code === 1 ? 'a scenario failed' : `the test runner exited with ${code}`}; see the summary above and ${summaryFile}`);
  } catch (e) {
    fail(e.stack || String(e));
  } finally {
    await stopDistribution();
    log(`done${process.exitCode ? ' (FAILED)' : ''}`);
  }
}

await main();
