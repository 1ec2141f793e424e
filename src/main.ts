import { buildApp, createServices } from './app.js';
import { ConfigError, loadConfig } from './config.js';
import { demoAccounts } from './modules/identity/index.js';
import { systemClock } from './platform/clock.js';
import { openDatabase } from './platform/db/connect.js';
import { DataDirLockedError } from './platform/db/lock.js';
import { startIntervalJob } from './platform/jobs/interval.js';
import { MigrationError, migrateToLatest } from './platform/db/migrate.js';
import { seed } from './seed.js';

/** config → database → migrations → seed → buildApp → listen. */
async function main(): Promise<void> {
  const config = loadConfig();
  const database = await openDatabase(
    config.databaseUrl
      ? { kind: 'postgres', url: config.databaseUrl }
      : { kind: 'pglite', dataDir: config.dataDir },
  );
  let closing = false;
  let stopJobs: (() => Promise<void>) | undefined;
  try {
    await migrateToLatest(database.db);
    const clock = systemClock;
    const services = createServices({ config, database, clock });
    const { demoSeeded } = await seed(services, config);
    const app = await buildApp({ config, database, clock, services, serveWeb: true });
    const shutdown = async (signal: string) => {
      if (closing) return;
      closing = true;
      app.log.info({ signal }, 'shutting down');
      await app.close();
      await stopJobs?.(); // waits for an e-mail in flight; the database is still open
      await database.close();
      process.exit(0);
    };
    process.once('SIGINT', () => void shutdown('SIGINT'));
    process.once('SIGTERM', () => void shutdown('SIGTERM'));
    await app.listen({ port: config.port, host: config.host });
    if (config.jobs) {
      const jobs = [
        // Deadline reminders of incoming documents: due tomorrow (working day) and overdue.
        startIntervalJob({
          name: 'documents.reminders',
          intervalMs: 60 * 60_000,
          firstDelayMs: 30_000,
          task: () => services.documents.runReminders(),
          logger: app.log,
        }),
      ];
      if (config.smtpUrl) {
        jobs.push(services.notify.startOutboxWorker({ intervalMs: 30_000, logger: app.log }));
      } else {
        app.log.info('SMTP_URL is not set: e-mail notifications stay unsent in the outbox');
      }
      stopJobs = async () => {
        await Promise.all(jobs.map((j) => j.stop()));
      };
    }
    const where = config.databaseUrl
      ? 'PostgreSQL (DATABASE_URL)'
      : `PGlite in ${config.dataDir}/db`;
    // One write: a reader of the output (an operator's terminal, a supervisor, the process
    // test) sees the address and the demo accounts together, never half of the banner.
    const banner = [
      `\nOpenProvince is running at http://${config.host}:${config.port}  —  database: ${where}`,
    ];
    if (config.seedDemo) {
      if (demoSeeded) banner.push('Demo province Trà Vinh (2021) seeded.');
      banner.push(`Demo accounts (password: ${config.demoPassword}):`);
      for (const a of demoAccounts) banner.push(`  ${a.username.padEnd(22)} ${a.description}`);
      banner.push('');
    }
    console.log(banner.join('\n'));
  } catch (err) {
    await stopJobs?.().catch(() => {});
    await database.close().catch(() => {});
    throw err;
  }
}

main().catch((err: unknown) => {
  if (
    err instanceof ConfigError ||
    err instanceof DataDirLockedError ||
    err instanceof MigrationError
  ) {
    console.error(`\n${err.message}\n`);
  } else {
    console.error(err);
  }
  process.exit(1);
});
