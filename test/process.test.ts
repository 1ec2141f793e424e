import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';

/**
 * The server as an operator runs it (`tsx src/main.ts`) on a fresh PGlite data directory:
 * start-up, the lock against a second process, clean shutdown on SIGTERM, restart.
 * PGlite only: the lock protects the embedded database.
 */
const dataDir = mkdtempSync(path.join(tmpdir(), 'op-process-'));
const port = 41000 + Math.floor(Math.random() * 2000);
const env = {
  ...process.env,
  NODE_ENV: 'development',
  DATA_DIR: dataDir,
  PORT: String(port),
  LOG_LEVEL: 'warn',
  DATABASE_URL: '',
};
delete (env as Record<string, string | undefined>).DATABASE_URL;
const args = ['--import', 'tsx', 'src/main.ts'];

afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

function startServer(): Promise<{ child: ChildProcess; output: () => string }> {
  const child = spawn(process.execPath, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  return new Promise((resolve, reject) => {
    const timer = setInterval(() => {
      // The banner ends with the demo accounts (printed on every start in development):
      // waiting for them means the whole banner is in, so "seeded" present or absent is meaningful.
      if (out.includes('is running at') && out.includes('Demo accounts (password')) {
        clearInterval(timer);
        resolve({ child, output: () => out });
      }
    }, 100);
    child.once('exit', (code) => {
      clearInterval(timer);
      reject(new Error(`server exited ${code}: ${out}`));
    });
  });
}

const exitOf = (child: ChildProcess) =>
  new Promise<number | null>((r) => child.once('exit', (code) => r(code)));

describe.skipIf(inject('dbKind') === 'postgres')('server process', { timeout: 180_000 }, () => {
  it('stops at once on a wrong setting, naming it', () => {
    const r = spawnSync(process.execPath, args, {
      env: { ...env, PORT: 'eighty' },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('PORT');
    expect(r.stderr).toContain('Cấu hình không hợp lệ');
  });

  it('serves, refuses a second process on the same data directory, closes cleanly, restarts with its data', async () => {
    const first = await startServer();
    expect(first.output()).toContain('Demo province Trà Vinh (2021) seeded');
    expect(first.output()).toContain('admin');
    const health = await fetch(`http://127.0.0.1:${port}/readyz`);
    expect(await health.json()).toEqual({ status: 'ok', database: 'pglite' });
    const page = await fetch(`http://127.0.0.1:${port}/`);
    expect(page.headers.get('content-type')).toContain('text/html');

    const second = spawnSync(process.execPath, args, {
      env: { ...env, PORT: String(port + 1) },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(second.status).toBe(1);
    expect(second.stderr).toMatch(/already open in process \d+/);

    const exited = exitOf(first.child);
    first.child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(existsSync(path.join(dataDir, 'openprovince.lock'))).toBe(false);

    const again = await startServer();
    expect(again.output()).not.toContain('seeded'); // the data survived the restart
    const login = await fetch(`http://127.0.0.1:${port}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'cv.stttt', password: 'OpenProvince@2021' }),
    });
    expect(login.status).toBe(200);
    const stopped = exitOf(again.child);
    again.child.kill('SIGINT');
    expect(await stopped).toBe(0);
  });
});
