import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { Secret, TOTP } from 'otpauth';
import pg from 'pg';
import { createServices, type Services } from '../../src/app.js';
import { type Config, loadConfig } from '../../src/config.js';
import { systemClock } from '../../src/platform/clock.js';
import { type Database, openDatabase } from '../../src/platform/db/connect.js';
import { migrateToLatest } from '../../src/platform/db/migrate.js';
import { seed } from '../../src/seed.js';

export const password = 'Bench-Password-2026';

/** Where a bench runs: a PGlite data directory, or a scratch database on a PostgreSQL server. */
export type Target = {
  label: 'PGlite' | 'PostgreSQL';
  /** Environment for the server process and for `loadConfig` in this process. */
  env: Record<string, string>;
  dispose(): Promise<void>;
};

export function pgliteTarget(): Target {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'op-bench-'));
  return {
    label: 'PGlite',
    env: { DATA_DIR: dataDir },
    dispose: async () => rmSync(dataDir, { recursive: true, force: true }),
  };
}

/** A database of its own on the server, dropped afterwards. */
export async function postgresTarget(serverUrl: string): Promise<Target> {
  const name = `op_bench_${process.pid}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const u = new URL(serverUrl);
  u.pathname = `/${name}`;
  const dataDir = mkdtempSync(path.join(tmpdir(), 'op-bench-pg-'));
  return {
    label: 'PostgreSQL',
    env: { DATABASE_URL: u.toString(), DATA_DIR: dataDir },
    dispose: async () => {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export function benchConfig(target: Target): Config {
  return loadConfig({
    ...process.env,
    LOG_LEVEL: 'warn',
    DEMO_PASSWORD: password,
    SEED_DEMO: 'true',
    ...target.env,
  });
}

/** Opens the target in this process, migrated and seeded with the demo province. */
export async function openTarget(
  target: Target,
  poolSize = 10,
): Promise<{ config: Config; database: Database; services: Services }> {
  const config = benchConfig(target);
  const database = await openDatabase(
    config.databaseUrl
      ? { kind: 'postgres', url: config.databaseUrl, poolSize }
      : { kind: 'pglite', dataDir: config.dataDir },
  );
  await migrateToLatest(database.db);
  const services = createServices({ config, database, clock: systemClock });
  await seed(services, config, { demo: true });
  return { config, database, services };
}

/** Starts a script (the server, the hello-world) and resolves once it listens. */
export function start(script: string, env: Record<string, string>): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', script], {
    env: { ...process.env, LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      if (/ready|is running at/.test(out)) resolve(child);
    });
    child.on('exit', (code) => reject(new Error(`${script} exited with ${code}: ${out}`)));
  });
}

export async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await exited;
}

/** Peak resident set size of a process so far (VmHWM), in MB. */
export function peakRss(pid: number): number {
  const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Math.round(Number(m[1]) / 1024) : 0;
}

/** Signs in through the app (enrolling TOTP for an administrator) and returns the cookie. */
export async function loginInject(
  app: FastifyInstance,
  username: string,
  withPassword = password,
): Promise<string> {
  const login = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username, password: withPassword },
  });
  if (login.statusCode !== 200) throw new Error(`login ${username}: ${login.body}`);
  const cookie = `op_session=${login.cookies.find((c) => c.name === 'op_session')!.value}`;
  const user = login.json().user as { csrfToken: string; mfaEnrollmentRequired: boolean };
  if (user.mfaEnrollmentRequired) {
    const headers = { cookie, 'x-csrf-token': user.csrfToken };
    const setup = await app.inject({ method: 'POST', url: '/api/me/totp', headers });
    const secret = Secret.fromBase32(setup.json().secret as string);
    const code = new TOTP({ secret }).generate();
    const confirm = await app.inject({
      method: 'POST',
      url: '/api/me/totp/confirm',
      headers,
      payload: { code },
    });
    if (confirm.statusCode !== 204) throw new Error(`totp confirm: ${confirm.body}`);
  }
  return cookie;
}
