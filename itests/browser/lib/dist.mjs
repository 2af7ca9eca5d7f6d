// The Attesta distribution as a user runs it: extracted to a fresh directory, started with
// bin/start, stopped with bin/stop (and killed when it does not stop in time).
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';

/** A TCP port nobody listens on right now. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** A random strong password (letters and digits, 24 characters). */
export function strongPassword() {
  return `At${randomBytes(18).toString('base64url').replace(/[-_]/g, 'x')}9`;
}

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { encoding: 'utf8', ...options });
  if (result.error) throw result.error;
  return result;
}

function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

export class Distribution {
  constructor(tarball, { log = console.error } = {}) {
    this.tarball = tarball;
    this.log = log;
    this.home = null;
    this.root = null;
    this.pid = null;
  }

  /** Extracts, starts and waits until the REST API answers and the demo region is loaded. */
  async start({ demoParticipants = 3000, timeoutMs = 300_000 } = {}) {
    if (!existsSync(this.tarball)) throw new Error(`distribution not found: ${this.tarball} (build it with mvn -pl karaf-assembly -am install)`);
    this.root = mkdtempSync(join(tmpdir(), 'attesta-browser-'));
    const t0 = Date.now();
    const tar = run('tar', ['xzf', this.tarball, '-C', this.root]);
    if (tar.status !== 0) throw new Error(`tar xzf ${this.tarball} failed: ${tar.stderr}`);
    const [dir] = readdirSync(this.root);
    this.home = join(this.root, dir);
    this.httpPort = await freePort();
    this.sshPort = await freePort();
    this.adminPassword = strongPassword();
    this.baseUrl = `http://127.0.0.1:${this.httpPort}`;
    this.log(`[dist] extracted to ${this.home} in ${Date.now() - t0} ms; starting on port ${this.httpPort}`);
    const env = {
      ...process.env,
      ATTESTA_HTTP_PORT: String(this.httpPort),
      ATTESTA_SSH_PORT: String(this.sshPort),
      ATTESTA_ADMIN_PASSWORD: this.adminPassword,
      ATTESTA_DEMO: 'true',
    };
    const start = run(join(this.home, 'bin', 'start'), [], { cwd: this.home, env });
    if (start.status !== 0) throw new Error(`bin/start exited with ${start.status}: ${start.stderr}${start.stdout}`);
    this.startedAt = t0;
    await this.waitReady(demoParticipants, timeoutMs);
    this.log(`[dist] ready after ${((Date.now() - t0) / 1000).toFixed(1)} s (pid ${this.pid})`);
  }

  authHeader() {
    return `Basic ${Buffer.from(`admin:${this.adminPassword}`).toString('base64')}`;
  }

  readPid() {
    const file = join(this.home, 'karaf.pid');
    if (!existsSync(file)) return null;
    const pid = Number.parseInt(readFileSync(file, 'utf8').trim(), 10);
    return Number.isFinite(pid) ? pid : null;
  }

  async waitReady(participants, timeoutMs) {
    const deadline = Date.now() + timeoutMs;
    let last = 'no answer yet';
    while (Date.now() < deadline) {
      this.pid ??= this.readPid();
      if (this.pid !== null && !alive(this.pid)) {
        throw new Error(`Karaf (pid ${this.pid}) exited during start; see ${join(this.home, 'data', 'log', 'karaf.log')}`);
      }
      try {
        const headers = { Authorization: this.authHeader(), Accept: 'application/json' };
        const days = await fetch(`${this.baseUrl}/api/v1/exam-days`, { headers, signal: AbortSignal.timeout(10_000) });
        if (days.status === 200) {
          const res = await fetch(`${this.baseUrl}/api/v1/participants?size=1`, { headers, signal: AbortSignal.timeout(10_000) });
          if (res.status === 200) {
            const body = await res.json();
            if (Number(body.total) >= participants) {
              await this.waitDemoLoaded(deadline);
              return;
            }
            last = `participants total ${body.total}`;
          } else {
            last = `GET /participants: ${res.status}`;
          }
        } else {
          last = `GET /exam-days: ${days.status}`;
        }
      } catch (e) {
        last = e.cause?.code ?? e.message;
      }
      await delay(1000);
    }
    throw new Error(`the distribution was not ready within ${timeoutMs / 1000} s (last: ${last}); see ${join(this.home, 'data', 'log', 'karaf.log')}`);
  }

  /**
   * The participants are counted before the demo loader has assigned them and issued its staff
   * accounts: wait for the loader's own "Demo region loaded" line (an administrator's signal
   * too), failing fast on its failure lines. Without that line within a minute: go on, warned.
   */
  async waitDemoLoaded(deadline) {
    const file = this.logFile();
    const soft = Math.min(deadline, Date.now() + 60_000);
    while (Date.now() < soft) {
      const text = existsSync(file) ? readFileSync(file, 'utf8') : '';
      if (/Demo region loaded in/.test(text)) return;
      const failed = /Demo region (load failed|not loaded)[^\n]*/.exec(text);
      if (failed) throw new Error(`the demo region did not load: ${failed[0]}`);
      await delay(500);
    }
    this.log('[dist] WARNING: no "Demo region loaded" line in karaf.log; going on');
  }

  /** bin/stop; the java process is killed when it is still there after 30 s. Never throws. */
  async stop({ keep = false } = {}) {
    if (!this.home) return;
    const pid = this.pid ?? this.readPid();
    try {
      run(join(this.home, 'bin', 'stop'), [], { cwd: this.home, timeout: 30_000 });
    } catch (e) {
      this.log(`[dist] bin/stop failed: ${e.message}`);
    }
    if (pid !== null) {
      const deadline = Date.now() + 30_000;
      while (alive(pid) && Date.now() < deadline) await delay(250);
      if (alive(pid)) {
        this.log(`[dist] Karaf (pid ${pid}) still running 30 s after bin/stop: killing it`);
        try {
          process.kill(pid, 'SIGKILL');
        } catch {
          // gone meanwhile
        }
      }
    }
    if (keep) {
      this.log(`[dist] kept at ${this.home}`);
    } else {
      rmSync(this.root, { recursive: true, force: true });
    }
    this.home = null;
  }

  /** The log file, for a failure report. */
  logFile() {
    return this.home ? join(this.home, 'data', 'log', 'karaf.log') : null;
  }
}

