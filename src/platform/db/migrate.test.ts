import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../../test/helpers/app.js';
import type { Database } from './connect.js';
import { MigrationError, migrateToLatest, migrationsDir } from './migrate.js';

let database: Database;
let dir: string;

beforeAll(async () => {
  database = await openTestDatabase();
  // Inside the repository, so that the copied migrations still resolve `kysely`.
  mkdirSync(path.resolve('.cache'), { recursive: true });
  dir = mkdtempSync(path.resolve('.cache/migrations-'));
  cpSync(migrationsDir, dir, { recursive: true });
});
afterAll(async () => {
  await database.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('migrations', () => {
  it('are up to date on the template and a re-run does nothing', async () => {
    expect(await migrateToLatest(database.db)).toEqual([]);
  });

  it('stop start-up with the failing migration named, and leave nothing half-applied', async () => {
    writeFileSync(
      path.join(dir, '2099-01-01T0000_platform_break-things.ts'),
      `import { sql } from 'kysely';
       export async function up(db) {
         await sql\`CREATE TABLE public.half_done (id int)\`.execute(db);
         await sql\`SELECT * FROM no_such_table\`.execute(db);
       }`,
    );
    const error = await migrateToLatest(database.db, dir).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MigrationError);
    expect((error as Error).message).toContain('2099-01-01T0000_platform_break-things');
    const leftover = await sql<{
      n: number;
    }>`SELECT count(*)::int AS n FROM pg_tables WHERE tablename = 'half_done'`.execute(database.db);
    expect(leftover.rows[0]!.n).toBe(0);
  });
});
