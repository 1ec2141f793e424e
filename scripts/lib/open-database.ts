import { type Config, loadConfig } from '../../src/config.js';
import { type Database, openDatabase } from '../../src/platform/db/connect.js';
import { DataDirLockedError } from '../../src/platform/db/lock.js';

/**
 * The configured database for a generator (`--database-url` overrides DATABASE_URL), or null
 * — with the reason printed and a failing exit code — when the app server holds DATA_DIR.
 */
export async function openGeneratorDatabase(
  databaseUrl: string | undefined,
): Promise<{ config: Config; database: Database } | null> {
  const config = loadConfig({
    ...process.env,
    ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
  });
  try {
    const database = await openDatabase(
      config.databaseUrl
        ? { kind: 'postgres', url: config.databaseUrl, poolSize: 2 }
        : { kind: 'pglite', dataDir: config.dataDir },
    );
    return { config, database };
  } catch (err) {
    if (err instanceof DataDirLockedError) {
      console.error(`${err.message}\nStop the app server (npm start) before generating.`);
      process.exitCode = 1;
      return null;
    }
    throw err;
  }
}
