import { promises as fs } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { type Migration, type MigrationProvider, Migrator, type MigrationResultSet } from 'kysely';
import type { AnyDb } from './connect.js';

export const migrationsDir = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../migrations',
);

export class MigrationError extends Error {
  override name = 'MigrationError';
}

/**
 * Reads src/migrations. The import happens here, not inside Kysely, so that whatever runs
 * this file (tsx, Vitest) also loads the TypeScript migrations.
 */
const folderProvider = (dir: string): MigrationProvider => ({
  async getMigrations() {
    const migrations: Record<string, Migration> = {};
    for (const file of (await fs.readdir(dir)).sort()) {
      if (!/^\d{4}-\d{2}-\d{2}T\d{4}_[a-z-]+_[a-z0-9-]+\.ts$/.test(file)) continue;
      const mod = (await import(pathToFileURL(path.join(dir, file)).href)) as Migration;
      migrations[file.replace(/\.ts$/, '')] = mod;
    }
    return migrations;
  },
});

function createMigrator(db: AnyDb, dir: string): Migrator {
  return new Migrator({
    db,
    provider: folderProvider(dir),
    migrationTableSchema: 'public',
    migrationTableName: 'kysely_migration',
    migrationLockTableName: 'kysely_migration_lock',
  });
}

/** Runs every pending migration; throws (and start-up stops) when one fails. */
export async function migrateToLatest(db: AnyDb, dir = migrationsDir): Promise<string[]> {
  const { error, results } = await createMigrator(db, dir).migrateToLatest();
  return checkResults(error, results);
}

function checkResults(error: unknown, results: MigrationResultSet['results']): string[] {
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) {
    const cause = error instanceof Error ? error.message : String(error ?? '');
    throw new MigrationError(
      `Migration ${failed?.migrationName ?? '(unknown)'} failed: ${cause}. ` +
        'The database was left at the last successful migration; the server will not start.',
    );
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
