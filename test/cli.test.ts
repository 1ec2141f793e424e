import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { pgliteExtensions } from '../src/platform/db/connect.js';
import { clonePostgres } from './helpers/template.js';

/** The command-line tool, run as a user runs it, on a copy of the demo database. */
let env: Record<string, string>;
let tamper: (text: string) => Promise<void>;
let cleanup: () => Promise<void>;

beforeAll(async () => {
  if (inject('dbKind') === 'postgres') {
    const clone = await clonePostgres(process.env.TEST_DATABASE_URL!, inject('postgresTemplate'));
    env = { DATABASE_URL: clone.url };
    tamper = async (text) => {
      const client = new pg.Client({ connectionString: clone.url });
      await client.connect();
      await client.query(text);
      await client.end();
    };
    cleanup = clone.drop;
  } else {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'op-cli-'));
    const template = new Blob([readFileSync(inject('pgliteTemplate'))]);
    const db = await PGlite.create(path.join(dataDir, 'db'), {
      extensions: pgliteExtensions,
      loadDataDir: template,
    });
    await db.close();
    env = { DATA_DIR: dataDir };
    tamper = async (text) => {
      const db = await PGlite.create(path.join(dataDir, 'db'), { extensions: pgliteExtensions });
      await db.exec(text);
      await db.close();
    };
    cleanup = async () => rmSync(dataDir, { recursive: true, force: true });
  }
});
afterAll(() => cleanup());

function cli(...args: string[]) {
  return cliWith({}, ...args);
}

function cliWith(extraEnv: Record<string, string>, ...args: string[]) {
  const r = spawnSync(process.execPath, ['bin/openprovince.mjs', ...args], {
    env: {
      ...process.env,
      NODE_ENV: 'development',
      SESSION_SECRET: 'cli-test-secret-0123456789abcdefgh',
      // The passphrase the test template's CA keys were sealed with.
      PKI_PASSPHRASE: 'test-pki-passphrase-0123456789',
      ...env,
      ...extraEnv,
    },
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { code: r.status, out: r.stdout + r.stderr };
}

describe('openprovince CLI', { timeout: 180_000 }, () => {
  it('migrate is a no-op on an up-to-date database', () => {
    const r = cli('migrate');
    expect(r.code).toBe(0);
    expect(r.out).toContain('up to date');
  });

  it('create-admin makes a department administrator; a weak password is refused', () => {
    const weak = cli(
      'create-admin',
      '--username',
      'admin2',
      '--full-name',
      'Lê Văn Quản',
      '--password',
      'short',
    );
    expect(weak.code).toBe(1);
    const ok = cli(
      'create-admin',
      '--username',
      'admin2',
      '--full-name',
      'Lê Văn Quản',
      '--password',
      'Admin2-Pass-2026',
    );
    expect(ok.out).toContain('Created admin2');
    expect(ok.code).toBe(0);
  });

  it('pki:init-ca keeps the existing CA; pki:crl publishes only with the right passphrase', () => {
    const init = cli('pki:init-ca');
    expect(init.code).toBe(0);
    expect(init.out).toMatch(/Already present: root CA [0-9a-f]+, issuing CA [0-9a-f]+/);
    const crl = cli('pki:crl');
    expect(crl.code).toBe(0);
    expect(crl.out).toMatch(/CRL #\d+ published/);
    const wrong = cliWith({ PKI_PASSPHRASE: 'not-the-passphrase-0000' }, 'pki:crl');
    expect(wrong.code).toBe(1);
    expect(wrong.out).not.toContain('published');
  });

  it('audit:verify passes on an intact chain and names the first broken link', async () => {
    const good = cli('audit:verify');
    expect(good.code).toBe(0);
    expect(good.out).toMatch(/Audit chains OK: \d+ events in 4 chains/);
    await tamper(
      `ALTER TABLE audit.events DISABLE TRIGGER USER; UPDATE audit.events SET target_id = 'forged' WHERE seq = 4`,
    );
    const bad = cli('audit:verify');
    expect(bad.code).toBe(1);
    expect(bad.out).toContain('Audit chain 1 BROKEN at link #4: hash_mismatch');
  });
});
