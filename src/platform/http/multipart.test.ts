import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readMultipart, registerMultipart } from './multipart.js';
import { registerProblemHandlers } from './problem.js';

type Part =
  | { name: string; value: string }
  | { name: string; fileName: string; content: string | Buffer; type?: string };

const BOUNDARY = '----openprovince-test-7MA4YWxkTrZu0gW';

/** A multipart/form-data body built by hand (RFC 7578). */
function multipart(parts: Part[], { close = true } = {}) {
  const chunks: Buffer[] = [];
  for (const part of parts) {
    chunks.push(Buffer.from(`--${BOUNDARY}\r\n`));
    if ('value' in part) {
      chunks.push(
        Buffer.from(`Content-Disposition: form-data; name="${part.name}"\r\n\r\n${part.value}\r\n`),
      );
    } else {
      chunks.push(
        Buffer.from(
          `Content-Disposition: form-data; name="${part.name}"; filename="${part.fileName}"\r\n` +
            `Content-Type: ${part.type ?? 'application/octet-stream'}\r\n\r\n`,
        ),
        Buffer.from(part.content),
        Buffer.from('\r\n'),
      );
    }
  }
  if (close) chunks.push(Buffer.from(`--${BOUNDARY}--\r\n`));
  return {
    payload: Buffer.concat(chunks),
    headers: { 'content-type': `multipart/form-data; boundary=${BOUNDARY}` },
  };
}

let app: FastifyInstance;

beforeAll(async () => {
  app = Fastify({ logger: false });
  registerProblemHandlers(app);
  await registerMultipart(app, { maxFileBytes: 1024, maxFiles: 2, maxTotalBytes: 1500 });
  app.post('/upload', async (request) => {
    const { fields, files } = await readMultipart(request);
    return {
      fields,
      files: files.map((f) => ({ field: f.field, fileName: f.fileName, text: f.data.toString() })),
    };
  });
  await app.ready();
});
afterAll(async () => {
  await app.close();
});

const upload = (body: { payload: Buffer | string; headers: Record<string, string> }) =>
  app.inject({ method: 'POST', url: '/upload', ...body });

describe('readMultipart', () => {
  it('reads fields and files, with safe Vietnamese file names', async () => {
    const res = await upload(
      multipart([
        { name: 'procedureId', value: 'khai-sinh' },
        { name: 'note', value: 'Hồ sơ của Nguyễn Thị Hồng Nhung' },
        { name: 'papers', fileName: 'Đơn đề nghị.pdf', content: '%PDF-1.7 a' },
        { name: 'papers', fileName: '../../etc/passwd', content: 'b' },
      ]),
    );
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      fields: { procedureId: 'khai-sinh', note: 'Hồ sơ của Nguyễn Thị Hồng Nhung' },
      files: [
        { field: 'papers', fileName: 'Đơn đề nghị.pdf', text: '%PDF-1.7 a' },
        { field: 'papers', fileName: 'passwd', text: 'b' },
      ],
    });
  });

  it('skips an empty file input', async () => {
    const res = await upload(
      multipart([
        { name: 'a', value: '1' },
        { name: 'papers', fileName: '', content: '' },
      ]),
    );
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ fields: { a: '1' }, files: [] });
  });

  it('refuses a file over the size limit with file.too_large (413)', async () => {
    const res = await upload(
      multipart([{ name: 'papers', fileName: 'big.pdf', content: Buffer.alloc(1025, 0x61) }]),
    );
    expect(res.statusCode).toBe(413);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json()).toMatchObject({ code: 'file.too_large', maxBytes: 1024 });
  });

  it('accepts a file exactly at the limit', async () => {
    const res = await upload(
      multipart([{ name: 'papers', fileName: 'edge.pdf', content: Buffer.alloc(1024, 0x61) }]),
    );
    expect(res.statusCode).toBe(200);
  });

  it('refuses files over the total limit with file.total_too_large (413)', async () => {
    const res = await upload(
      multipart([
        { name: 'papers', fileName: '1.pdf', content: Buffer.alloc(800, 0x61) },
        { name: 'papers', fileName: '2.pdf', content: Buffer.alloc(800, 0x62) },
      ]),
    );
    expect(res.statusCode).toBe(413);
    expect(res.json()).toMatchObject({ code: 'file.total_too_large', maxTotalBytes: 1500 });
  });

  it('refuses more files than allowed with file.too_many (413)', async () => {
    const res = await upload(
      multipart([
        { name: 'papers', fileName: '1.pdf', content: '1' },
        { name: 'papers', fileName: '2.pdf', content: '2' },
        { name: 'papers', fileName: '3.pdf', content: '3' },
      ]),
    );
    expect(res.statusCode).toBe(413);
    expect(res.json()).toMatchObject({ code: 'file.too_many', maxFiles: 2 });
  });

  it('refuses a request that is not multipart/form-data', async () => {
    const json = await upload({
      payload: JSON.stringify({ a: 1 }),
      headers: { 'content-type': 'application/json' },
    });
    expect(json.statusCode).toBe(400);
    expect(json.json().code).toBe('request.not_multipart');
    const text = await upload({ payload: 'a=1', headers: { 'content-type': 'text/plain' } });
    expect(text.statusCode).toBe(400);
    expect(text.json().code).toBe('request.not_multipart');
  });

  it('refuses a repeated field and a malformed body', async () => {
    const twice = await upload(
      multipart([
        { name: 'a', value: '1' },
        { name: 'a', value: '2' },
      ]),
    );
    expect(twice.statusCode).toBe(400);
    expect(twice.json()).toMatchObject({ code: 'request.duplicate_field', field: 'a' });

    const cut = await upload(
      multipart([{ name: 'papers', fileName: 'x.pdf', content: 'abc' }], { close: false }),
    );
    expect(cut.statusCode).toBe(400);
    expect(cut.json().code).toBe('request.malformed_multipart');

    const noBoundary = await upload({
      payload: 'x',
      headers: { 'content-type': 'multipart/form-data' },
    });
    expect(noBoundary.statusCode).toBe(400);
    expect(noBoundary.json().code).toBe('request.malformed_multipart');
  });
});
