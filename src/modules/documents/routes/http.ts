import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { contentDisposition } from '../../../platform/files/index.js';
import { IDEMPOTENCY_KEY_PATTERN } from '../../../platform/idempotency.js';
import type { MultipartBody } from '../../../platform/http/multipart.js';
import { documentErrors as E } from '../service/errors.js';

export const IdempotencyHeaders = z.object({
  'idempotency-key': z.string().regex(IDEMPOTENCY_KEY_PATTERN),
});

export const access = (permission: string) => ({ access: { permission } }) as const;

/** One file (field `file`) and the metadata as JSON (field `metadata`), checked by `schema`. */
export function uploadFrom<T extends z.ZodType>(
  body: MultipartBody,
  schema: T,
  metadataRequired: true,
): { file: { data: Buffer; fileName: string }; metadata: z.infer<T> };
export function uploadFrom<T extends z.ZodType>(
  body: MultipartBody,
  schema: T,
  metadataRequired: false,
): { file: { data: Buffer; fileName: string }; metadata: z.infer<T> | null };
export function uploadFrom<T extends z.ZodType>(
  body: MultipartBody,
  schema: T,
  metadataRequired: boolean,
) {
  const raw = body.fields.metadata;
  let metadata: z.infer<T> | null = null;
  if (raw !== undefined || metadataRequired) {
    let json: unknown;
    try {
      json = JSON.parse(raw ?? '');
    } catch {
      throw E.invalidMetadata(['metadata']);
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) {
      throw E.invalidMetadata(parsed.error.issues.map((i) => i.path.join('.') || 'metadata'));
    }
    metadata = parsed.data;
  }
  const file = body.files.find((f) => f.field === 'file');
  if (!file || body.files.length !== 1) throw E.fileMissing();
  return { file: { data: file.data, fileName: file.fileName }, metadata };
}

/** A PDF shown inline by the browser's viewer: nothing to load, framable by us only. */
export function sendPdf(reply: FastifyReply, pdf: Uint8Array, fileName: string) {
  return reply
    .type('application/pdf')
    .header(
      'content-security-policy',
      "default-src 'none'; object-src 'self'; frame-ancestors 'self'",
    )
    .header('x-frame-options', 'SAMEORIGIN')
    .header('content-disposition', contentDisposition(fileName, 'inline'))
    .header('cache-control', 'private, no-store')
    .send(Buffer.from(pdf));
}
