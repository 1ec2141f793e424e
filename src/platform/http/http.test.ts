import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, createServices } from '../../app.js';
import { systemClock } from '../clock.js';
import type { Database } from '../db/connect.js';
import { openTestDatabase } from '../../../test/helpers/app.js';
import { testConfig } from '../../../test/helpers/template.js';
import type { FastifyInstance } from 'fastify';

let database: Database;
let app: FastifyInstance;

beforeAll(async () => {
  database = await openTestDatabase();
  const config = testConfig();
  const deps = { config, database, clock: systemClock };
  app = await buildApp({ ...deps, services: createServices(deps), logger: false });
  app.get('/api/test/boom', { config: { access: 'public' } }, async () => {
    throw new Error('connection string postgres://secret@db leaked');
  });
  await app.ready();
});
afterAll(async () => {
  await app.close();
  await database.close();
});

describe('HTTP platform', () => {
  it('answers liveness and readiness', async () => {
    expect((await app.inject('/healthz')).json()).toEqual({ status: 'ok' });
    const ready = await app.inject('/readyz');
    expect(ready.statusCode).toBe(200);
    expect(['pglite', 'postgres']).toContain(ready.json().database);
  });

  it('exposes Prometheus metrics with request durations by route', async () => {
    await app.inject('/healthz');
    const res = await app.inject('/metrics');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('openprovince_http_request_duration_seconds_bucket');
    expect(res.body).toContain('route="/healthz"');
    expect(res.body).toContain('openprovince_process_resident_memory_bytes');
  });

  it('serves the OpenAPI document generated from the route schemas', async () => {
    const doc = (await app.inject('/docs/json')).json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/auth/login',
        '/api/users',
        '/api/agencies',
        '/api/audit/verify',
        '/api/calendar/days',
      ]),
    );
    expect(doc.paths['/api/users'].post.requestBody).toBeDefined();
    expect((await app.inject('/docs')).statusCode).toBeLessThan(400);
  });

  it('declares a success response schema on every API operation', async () => {
    const doc = (await app.inject('/docs/json')).json();
    const missing: string[] = [];
    for (const [url, ops] of Object.entries<
      Record<string, { responses?: Record<string, { content?: unknown }> }>
    >(doc.paths)) {
      if (!url.startsWith('/api/') || url.startsWith('/api/test/')) continue;
      for (const [method, op] of Object.entries(ops)) {
        const ok = Object.entries(op.responses ?? {}).some(
          ([status, r]) => /^2\d\d$/.test(status) && (status === '204' || r.content),
        );
        if (!ok) missing.push(`${method.toUpperCase()} ${url}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('renders unknown routes as problem+json with a request id', async () => {
    const res = await app.inject({
      url: '/api/nothing-here',
      headers: { 'x-request-id': 'req-12345678' },
    });
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.headers['x-request-id']).toBe('req-12345678');
    expect(res.json()).toMatchObject({
      status: 404,
      code: 'http.not_found',
      requestId: 'req-12345678',
    });
  });

  it('never leaks the message of an unexpected error', async () => {
    const res = await app.inject('/api/test/boom');
    expect(res.statusCode).toBe(500);
    expect(res.json().code).toBe('http.internal');
    expect(res.body).not.toContain('postgres://');
    expect(res.json().requestId).toBeTruthy();
  });

  it('accepts JSON only', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'text/plain' },
      payload: 'username=admin',
    });
    expect(res.statusCode).toBe(415);
    expect(res.json().code).toBe('http.unsupported_media_type');
  });

  it('sends security headers', async () => {
    const res = await app.inject('/healthz');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
  });

  it('refuses to start when an API route declares no access rule (deny by default)', async () => {
    const config = testConfig();
    const deps = { config, database, clock: systemClock };
    const other = await buildApp({ ...deps, services: createServices(deps), logger: false });
    expect(() => other.get('/api/test/open', async () => 'x')).toThrow(/declares no config.access/);
    await other.close();
  });
});
