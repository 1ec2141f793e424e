import type { Config } from './config.js';
import type { Services } from './app.js';
import { systemContext } from './platform/context.js';

/**
 * Reference data every installation needs (public holidays), then — in demo mode on
 * an empty database — the demo province Trà Vinh (2021) and its demo accounts, and in demo
 * mode on an empty catalogue the bundled national procedure catalogue.
 * Safe to run twice: each step checks what is already there.
 */
export async function seed(
  services: Services,
  config: Pick<Config, 'seedDemo' | 'demoPassword'>,
  opts: { demo?: boolean } = {},
): Promise<{ demoSeeded: boolean }> {
  const ctx = systemContext('seed');
  await services.calendar.seedHolidays(services.db, ctx);
  const demo = opts.demo ?? config.seedDemo;
  if (!demo) return { demoSeeded: false };
  const fresh = !(await services.agencies.hasAny(services.db));
  if (fresh) {
    await services.agencies.seedDemoProvince(services.db, ctx);
    await services.identity.seedDemoAccounts(services.db, ctx, { password: config.demoPassword });
  }
  // The bundled national procedure catalogue whenever the catalogue is empty (also on a demo
  // database made before the catalogue existed); its demo settings need the tree above.
  await services.catalog.seedDemoCatalog(services.db, ctx);
  // The province's CA and the demo certificates, then the demo registers and documents.
  await services.pki.seedDemo(services.db, ctx);
  await services.documents.seedDemo(services.db, ctx);
  return { demoSeeded: fresh };
}
