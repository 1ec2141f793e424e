import { Command } from 'commander';
import { createServices, type Services } from './app.js';
import { type Config, loadConfig } from './config.js';
import { systemClock } from './platform/clock.js';
import { systemContext } from './platform/context.js';
import { type Database, openDatabase } from './platform/db/connect.js';
import { migrateToLatest } from './platform/db/migrate.js';
import { seed } from './seed.js';

/** Opens the configured database, runs `fn`, closes it (the lock is released on every path). */
async function withServices<T>(
  fn: (s: Services, config: Config, database: Database) => Promise<T>,
): Promise<T> {
  const config = loadConfig();
  const database = await openDatabase(
    config.databaseUrl
      ? { kind: 'postgres', url: config.databaseUrl }
      : { kind: 'pglite', dataDir: config.dataDir },
  );
  try {
    await migrateToLatest(database.db);
    return await fn(createServices({ config, database, clock: systemClock }), config, database);
  } finally {
    await database.close();
  }
}

const program = new Command('openprovince').description('OpenProvince command-line tool');

program
  .command('migrate')
  .description('Run pending database migrations')
  .action(() => withServices(async () => console.log('Migrations are up to date.')));

program
  .command('seed')
  .description(
    'Reference data (holidays); with --demo on an empty database, the demo province and accounts',
  )
  .option('--demo', 'seed the demo province Trà Vinh (2021) and its demo accounts')
  .action((opts: { demo?: boolean }) =>
    withServices(async (s, config) => {
      const { demoSeeded } = await seed(s, config, { demo: opts.demo ?? config.seedDemo });
      console.log(
        demoSeeded
          ? 'Holidays and the demo province seeded.'
          : 'Holidays seeded (demo data not added).',
      );
    }),
  );

program
  .command('import-province')
  .description(
    'Import a province tree: --code NN from the national 2021 list, or --vinh-long-2025 as a successor tree',
  )
  .option('--code <code>', 'GSO province code, e.g. 83 (Bến Tre)')
  .option(
    '--csv <path>',
    'national CSV of administrative units',
    'seed/vn_admin_units_2021-11-01.csv',
  )
  .option('--as-of <date>', 'the date the imported units are valid from', '2021-11-01')
  .option('--vinh-long-2025', 'the two-tier Vĩnh Long of 1 July 2025 as successor of Trà Vinh')
  .option('--mapping <path>', 'merge mapping CSV', 'seed/vinhlong_2025_commune_merge_mapping.csv')
  .action(
    (opts: { code?: string; csv: string; asOf: string; vinhLong2025?: boolean; mapping: string }) =>
      withServices(async (s) => {
        const ctx = systemContext('import-province');
        if (opts.vinhLong2025) {
          console.log(
            await s.agencies.importVinhLong2025(s.db, ctx, { mappingPath: opts.mapping }),
          );
        } else if (opts.code) {
          console.log(
            await s.agencies.importProvince(s.db, ctx, {
              csvPath: opts.csv,
              provinceCode: opts.code,
              asOf: opts.asOf,
            }),
          );
        } else {
          throw new Error('give --code <NN> or --vinh-long-2025');
        }
      }),
  );

program
  .command('import-catalog')
  .description(
    'Import the national procedure catalogue (repeatable: unchanged rows add nothing; changed rows get a new version)',
  )
  .option(
    '--csv <path>',
    'catalogue CSV (default: the bundled seed/tthc_national_catalog_2026.csv)',
  )
  .option(
    '--details <path>',
    'details, JSON lines, gzipped if *.gz (default: the bundled seed/tthc_local_details_2026.jsonl.gz)',
  )
  .option('--effective-from <date>', 'first day of the versions written (default: today)')
  .action((opts: { csv?: string; details?: string; effectiveFrom?: string }) =>
    withServices(async (s) => {
      const r = await s.catalog.importCatalog(s.db, systemContext('import-catalog'), {
        ...(opts.csv ? { csvPath: opts.csv } : {}),
        ...(opts.details ? { detailsPath: opts.details } : {}),
        ...(opts.effectiveFrom ? { effectiveFrom: opts.effectiveFrom } : {}),
      });
      console.log(
        `${r.source.catalog}: ${r.rows} rows, ${r.detailRows} detail rows; from ${r.effectiveFrom}: ` +
          `${r.created} created, ${r.newVersions} new versions, ${r.unchanged} unchanged, ` +
          `${r.skipped.total} skipped, ${r.sectorsCreated} new sectors.`,
      );
      for (const x of r.skipped.reasons)
        console.log(`  skipped ${x.reason}: ${x.count} (e.g. ${x.samples.join(', ')})`);
      for (const x of r.notes)
        console.log(`  note ${x.reason}: ${x.count} (e.g. ${x.samples.join(', ')})`);
    }),
  );

program
  .command('create-admin')
  .description('Create a department administrator (the first account of a production installation)')
  .requiredOption('--username <username>')
  .requiredOption('--full-name <name>')
  .option('--password <password>', 'initial password (else read from OPENPROVINCE_ADMIN_PASSWORD)')
  .action((opts: { username: string; fullName: string; password?: string }) =>
    withServices(async (s) => {
      const password = opts.password ?? process.env.OPENPROVINCE_ADMIN_PASSWORD;
      if (!password) throw new Error('give --password or set OPENPROVINCE_ADMIN_PASSWORD');
      const user = await s.identity.createAdmin(s.db, systemContext('create-admin'), {
        username: opts.username,
        fullName: opts.fullName,
        password,
      });
      console.log(`Created ${user.username}. Sign in, change the password and enrol TOTP.`);
    }),
  );

program
  .command('audit:verify')
  .description('Check the hash chain of the audit log; exits 1 and names the first broken link')
  .action(() =>
    withServices(async (s) => {
      const r = await s.audit.verify(s.db);
      if (r.ok) {
        console.log(
          `Audit chains OK: ${r.checked} events in ${r.chains.length} chains, heads digest ${r.headHash}`,
        );
      } else {
        console.error(
          `Audit chain ${r.firstBroken?.chain} BROKEN at link #${r.firstBroken?.seq}: ${r.firstBroken?.reason} (checked ${r.checked} before it)`,
        );
        process.exitCode = 1;
      }
    }),
  );

program
  .command('pki:init-ca')
  .description(
    "Create the province's root and issuing certificate authority (once; keys encrypted with PKI_PASSPHRASE)",
  )
  .action(() =>
    withServices(async (s) => {
      const r = await s.pki.initAuthority(s.db, systemContext('pki-init-ca'));
      console.log(
        `${r.created ? 'Created' : 'Already present:'} root CA ${r.rootSerial}, issuing CA ${r.issuingSerial}.`,
      );
    }),
  );

program
  .command('pki:crl')
  .description('Publish a fresh certificate revocation list now (it is also refreshed on demand)')
  .action(() =>
    withServices(async (s) => {
      const r = await s.pki.publishCrl(s.db, systemContext('pki-crl'));
      console.log(`CRL #${r.number} published.`);
    }),
  );

program.parseAsync().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
