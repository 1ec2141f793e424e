import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../test/helpers/app.js';
import { multipart } from '../../../test/helpers/dossiers.js';
import { samplePdf } from '../../../test/helpers/pki.js';
import { testConfig } from '../../../test/helpers/template.js';

// The public routes that do real work are limited per client address; a small limit here
// keeps the test fast (the default is 30 a minute).
const LIMIT = 3;

let t: TestApp;
let admin: Session;
let pdf: Buffer;

const verify = (opts: { remoteAddress?: string; headers?: Record<string, string> } = {}) => {
  const body = multipart({}, { name: 'doc.pdf', data: pdf, type: 'application/pdf' });
  return t.app.inject({
    method: 'POST',
    url: '/api/public/verify',
    payload: body.payload,
    headers: { ...body.headers, ...opts.headers },
    ...(opts.remoteAddress ? { remoteAddress: opts.remoteAddress } : {}),
  });
};

type Res = Awaited<ReturnType<typeof verify>>;

const expectRateLimited = (res: Res, lang: 'vi' | 'en' = 'vi') => {
  expect(res.statusCode, res.body).toBe(429);
  expect(res.headers['content-type']).toBe('application/problem+json; charset=utf-8');
  const retryAfter = Number(res.headers['retry-after']);
  expect(Number.isInteger(retryAfter)).toBe(true);
  expect(retryAfter).toBeGreaterThan(0);
  expect(retryAfter).toBeLessThanOrEqual(60);
  const body = res.json();
  expect(body).toMatchObject({
    status: 429,
    code: 'http.rate_limited',
    title: 'Too Many Requests',
    detailVi: 'Quá nhiều yêu cầu. Vui lòng thử lại sau.',
    detailEn: 'Too many requests. Please try again later.',
  });
  expect(body.detail).toBe(lang === 'en' ? body.detailEn : body.detailVi);
  // The plugin's own message ("Rate limit exceeded, retry in …") does not leak.
  expect(res.body).not.toMatch(/Rate limit exceeded/);
};

beforeAll(async () => {
  t = await createTestApp({ env: { PUBLIC_RATE_LIMIT_PER_MINUTE: String(LIMIT) } });
  admin = await t.loginAs('admin');
  pdf = Buffer.from(await samplePdf());
});
afterAll(() => t?.close());

describe('rate limit of the public routes', () => {
  it('defaults to 30 a minute', () => {
    expect(testConfig().publicRateLimitPerMinute).toBe(30);
    expect(t.config.publicRateLimitPerMinute).toBe(LIMIT);
  });

  it('lets the configured number of PDF checks through, then answers 429 problem+json', async () => {
    for (let i = 1; i <= LIMIT; i++) {
      const res = await verify();
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json().verdict).toBe('unsigned');
      expect(res.headers['x-ratelimit-limit']).toBe(String(LIMIT));
      expect(res.headers['x-ratelimit-remaining']).toBe(String(LIMIT - i));
    }
    expectRateLimited(await verify());
    expectRateLimited(await verify({ headers: { 'accept-language': 'en-US,en;q=0.8' } }), 'en');
  });

  it('counts per client address', async () => {
    const other = await verify({ remoteAddress: '198.51.100.7' });
    expect(other.statusCode, other.body).toBe(200);
    expectRateLimited(await verify());
  });

  it('leaves the other routes alone', async () => {
    for (let i = 0; i < LIMIT + 2; i++) {
      const root = await t.anonymous.get('/pki/ca/root.crt');
      expect(root.statusCode).toBe(200);
      expect(root.headers['x-ratelimit-limit']).toBeUndefined();
      const list = await admin.get('/api/pki/certificates?limit=1');
      expect(list.statusCode).toBe(200);
      expect(list.headers['x-ratelimit-limit']).toBeUndefined();
    }
  });

  it('limits the document verification a QR code opens, each route on its own count', async () => {
    const code = 'no-such-code-0000000000';
    for (let i = 0; i < LIMIT; i++) {
      const res = await t.anonymous.get(`/api/public/documents/${code}/verification`);
      expect(res.statusCode, res.body).toBe(404);
    }
    expectRateLimited(await t.anonymous.get(`/api/public/documents/${code}/verification`));
    const file = await t.anonymous.get(`/api/public/documents/${code}/file`);
    expect(file.statusCode, file.body).toBe(404);
    expect(file.headers['x-ratelimit-remaining']).toBe(String(LIMIT - 1));
  });
});
