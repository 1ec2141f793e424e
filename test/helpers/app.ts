import { readFileSync } from 'node:fs';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { Secret, TOTP } from 'otpauth';
import { inject } from 'vitest';
import { buildApp, createServices, type Services } from '../../src/app.js';
import { fixedClock } from '../../src/platform/clock.js';
import { type Database, openDatabase } from '../../src/platform/db/connect.js';
import { clonePostgres, TEST_PASSWORD, testConfig } from './template.js';

export { TEST_PASSWORD } from './template.js';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** A fresh copy of the migrated, demo-seeded database: PGlite, or a PostgreSQL clone. */
export async function openTestDatabase(): Promise<Database> {
  if (inject('dbKind') === 'postgres') {
    const clone = await clonePostgres(process.env.TEST_DATABASE_URL!, inject('postgresTemplate'));
    const database = await openDatabase({ kind: 'postgres', url: clone.url, poolSize: 4 });
    return {
      ...database,
      close: async () => {
        await database.close();
        await clone.drop();
      },
    };
  }
  const bytes = readFileSync(inject('pgliteTemplate'));
  return openDatabase({ kind: 'pglite-memory', loadDataDir: new Blob([bytes]) });
}

export type TestApp = Awaited<ReturnType<typeof createTestApp>>;

/**
 * The real application on its own database, with a hand-moved clock.
 * `loginAs(username)` signs in (enrolling TOTP first for admins) and returns a session.
 */
export async function createTestApp(opts: { start?: Date; env?: Record<string, string> } = {}) {
  const database = await openTestDatabase();
  const clock = fixedClock(opts.start ?? new Date());
  const config = testConfig(opts.env);
  const services: Services = createServices({ config, database, clock });
  const app: FastifyInstance = await buildApp({ config, database, clock, services, logger: false });
  await app.ready();
  const totpSecrets = new Map<string, string>();

  const totpCode = (username: string): string | undefined => {
    const secret = totpSecrets.get(username);
    if (!secret) return undefined;
    clock.advance(31_000); // a TOTP code is good once: each sign-in uses the next time step
    return new TOTP({ secret: Secret.fromBase32(secret) }).generate({
      timestamp: clock.now().getTime(),
    });
  };

  const anonymous = new Session(app, undefined, undefined);

  /** Signs in; an admin without TOTP enrols it on the way, like the web app does. */
  async function loginAs(username: string, password = TEST_PASSWORD): Promise<Session> {
    const res = await anonymous.post('/api/auth/login', {
      username,
      password,
      totpCode: totpCode(username),
    });
    if (res.statusCode !== 200) throw new Error(`login ${username}: ${res.statusCode} ${res.body}`);
    const session = Session.fromLogin(app, res);
    if (res.json().user.mfaEnrollmentRequired) {
      const setup = await session.post('/api/me/totp');
      const secret: string = setup.json().secret;
      totpSecrets.set(username, secret);
      clock.advance(31_000);
      const code = new TOTP({ secret: Secret.fromBase32(secret) }).generate({
        timestamp: clock.now().getTime(),
      });
      const confirm = await session.post('/api/me/totp/confirm', { code });
      if (confirm.statusCode !== 204) throw new Error(`totp confirm: ${confirm.body}`);
    }
    return session;
  }

  return {
    app,
    database,
    db: database.db,
    services,
    clock,
    config,
    anonymous,
    loginAs,
    totpCode,
    async close() {
      await app.close();
      await database.close();
    },
  };
}

/** Cookies and CSRF token of one signed-in browser. */
export class Session {
  constructor(
    readonly app: FastifyInstance,
    readonly cookie: string | undefined,
    readonly csrfToken: string | undefined,
  ) {}

  static fromLogin(app: FastifyInstance, res: LightMyRequestResponse): Session {
    const cookie = res.cookies.find((c) => c.name === 'op_session');
    if (!cookie) throw new Error('no session cookie');
    return new Session(app, `op_session=${cookie.value}`, res.json().user.csrfToken);
  }

  request(method: Method, url: string, body?: unknown, headers: Record<string, string> = {}) {
    return this.app.inject({
      method,
      url,
      headers: {
        ...(this.cookie ? { cookie: this.cookie } : {}),
        ...(this.csrfToken && method !== 'GET' ? { 'x-csrf-token': this.csrfToken } : {}),
        ...headers,
      },
      ...(body === undefined ? {} : { payload: body as object }),
    });
  }
  get = (url: string, headers?: Record<string, string>) =>
    this.request('GET', url, undefined, headers);
  post = (url: string, body?: unknown, headers?: Record<string, string>) =>
    this.request('POST', url, body, headers);
  put = (url: string, body?: unknown, headers?: Record<string, string>) =>
    this.request('PUT', url, body, headers);
  patch = (url: string, body?: unknown, headers?: Record<string, string>) =>
    this.request('PATCH', url, body, headers);
  delete = (url: string, headers?: Record<string, string>) =>
    this.request('DELETE', url, undefined, headers);
}
