import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { createServices } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { systemClock } from '../../src/platform/clock.js';
import { type Database, openDatabase } from '../../src/platform/db/connect.js';
import { migrateToLatest } from '../../src/platform/db/migrate.js';
import { seed } from '../../src/seed.js';

export const TEST_PASSWORD = 'Demo@Password2021';

/** Settings of every test app: like a fresh demo installation, quiet logs. */
export function testConfig(overrides: Record<string, string> = {}) {
  return loadConfig({
    NODE_ENV: 'test',
    DATA_DIR: '/nonexistent-test-data-dir',
    SESSION_SECRET: 'test-session-secret-0123456789abcdef',
    PKI_PASSPHRASE: 'test-pki-passphrase-0123456789',
    DEMO_PASSWORD: TEST_PASSWORD,
    SEED_DEMO: 'true',
    ...overrides,
  });
}

/** Migrates and seeds the demo province into an open database. */
export async function prepareTemplate(database: Database): Promise<void> {
  await migrateToLatest(database.db);
  const config = testConfig();
  await seed(createServices({ config, database, clock: systemClock }), config, { demo: true });
}

export async function buildPgliteTemplate(): Promise<Blob> {
  const database = await openDatabase({ kind: 'pglite-memory' });
  try {
    await prepareTemplate(database);
    return await database.pglite!.dumpDataDir('gzip');
  } finally {
    await database.close();
  }
}

/** On a server: a database to clone with CREATE DATABASE … TEMPLATE. */
export async function buildPostgresTemplate(adminUrl: string, name: string): Promise<void> {
  await adminQuery(adminUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await adminQuery(adminUrl, `CREATE DATABASE "${name}"`);
  const database = await openDatabase({
    kind: 'postgres',
    url: withDatabase(adminUrl, name),
    poolSize: 2,
  });
  try {
    await prepareTemplate(database);
  } finally {
    await database.close();
  }
}

export async function clonePostgres(
  adminUrl: string,
  template: string,
): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `op_test_${randomBytes(6).toString('hex')}`;
  for (let attempt = 0; ; attempt++) {
    try {
      await adminQuery(adminUrl, `CREATE DATABASE "${name}" TEMPLATE "${template}"`);
      break;
    } catch (err) {
      // Two clones starting at once can both find the template "in use": retry.
      if (attempt > 20) throw err;
      await new Promise((r) => setTimeout(r, 100 + Math.random() * 200));
    }
  }
  return {
    url: withDatabase(adminUrl, name),
    drop: () => adminQuery(adminUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
  };
}

export function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

async function adminQuery(url: string, text: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

export function dropDatabase(adminUrl: string, name: string): Promise<void> {
  return adminQuery(adminUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
}
