import { spawnSync } from 'node:child_process';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { buildApp, createServices } from '../../src/app.js';
import { systemClock } from '../../src/platform/clock.js';
import { openTestDatabase } from '../helpers/app.js';
import { testConfig } from '../helpers/template.js';

/** Builds web/dist when it is missing or older than web/src (the same check `npm start` makes). */
export function ensureWebBuilt(): void {
  const result = spawnSync(process.execPath, [path.resolve('scripts/build-web-if-needed.mjs')], {
    stdio: 'inherit',
    // Vitest sets NODE_ENV=test, which would make Vite bundle React's and antd's development builds.
    env: { ...process.env, NODE_ENV: 'production' },
  });
  if (result.status !== 0) throw new Error('building the web app failed');
}

/**
 * The real application, listening on a free port and serving web/dist, on a fresh copy of
 * the demo database. The clock is the system clock (the browser computes TOTP codes from
 * real time), which a test may move forward with `advanceClock` — to let a dossier go late;
 * sessions then expire as they would, so the test signs in again.
 */
export async function startWebServer(): Promise<{
  url: string;
  advanceClock: (ms: number) => void;
  close: () => Promise<void>;
}> {
  ensureWebBuilt();
  const database = await openTestDatabase();
  const config = testConfig();
  let offset = 0;
  const clock = { now: () => new Date(systemClock.now().getTime() + offset) };
  const services = createServices({ config, database, clock });
  const app = await buildApp({ config, database, clock, services, serveWeb: true, logger: false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    advanceClock: (ms) => {
      offset += ms;
    },
    async close() {
      await app.close();
      await database.close();
    },
  };
}
