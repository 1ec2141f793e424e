import fastifyMultipart from '@fastify/multipart';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { DomainError } from '../errors.js';
import { safeFileName } from '../files/names.js';

export type MultipartLimits = {
  maxFileBytes: number;
  maxFiles: number;
  /** All files of one request together (default maxFiles × maxFileBytes). */
  maxTotalBytes?: number;
};

/** Text fields a form may carry next to its files, and how long each may be. */
const MAX_FIELDS = 100;
const MAX_FIELD_BYTES = 64 * 1024;

/**
 * Lets routes read multipart/form-data. Busboy enforces the limits while streaming, so an
 * oversized upload is cut off at `maxFileBytes` instead of being read whole.
 */
export async function registerMultipart(
  app: FastifyInstance,
  { maxFileBytes, maxFiles, maxTotalBytes }: MultipartLimits,
): Promise<void> {
  await app.register(fastifyMultipart, {
    throwFileSizeLimit: true,
    limits: {
      fileSize: maxFileBytes,
      files: maxFiles,
      fields: MAX_FIELDS,
      fieldSize: MAX_FIELD_BYTES,
      fieldNameSize: 200,
      parts: maxFiles + MAX_FIELDS,
      headerPairs: 100,
    },
  });
  app.decorate('multipartLimits', {
    maxFileBytes,
    maxFiles,
    maxTotalBytes: maxTotalBytes ?? maxFiles * maxFileBytes,
  });
}

declare module 'fastify' {
  interface FastifyInstance {
    multipartLimits: Required<MultipartLimits>;
  }
}

export type MultipartFile = {
  field: string;
  /** The uploader's name passed through `safeFileName`: display metadata, never a path. */
  fileName: string;
  data: Buffer;
};
export type MultipartBody = { fields: Record<string, string>; files: MultipartFile[] };

/**
 * Reads every part of a multipart request into memory (bounded by the registered limits).
 * A repeated text field is refused rather than silently overwritten; an empty file input
 * (no name, no bytes, as browsers send it) is skipped.
 */
export async function readMultipart(request: FastifyRequest): Promise<MultipartBody> {
  if (typeof request.isMultipart !== 'function') {
    throw new Error('registerMultipart(app) was not called before readMultipart');
  }
  if (!request.isMultipart()) throw notMultipart();
  const limits = request.server.multipartLimits;
  const fields: Record<string, string> = {};
  const files: MultipartFile[] = [];
  let totalBytes = 0;
  try {
    for await (const part of request.parts()) {
      if (part.type === 'file') {
        const data = await part.toBuffer();
        if (part.filename === '' && data.length === 0) continue;
        totalBytes += data.length;
        if (totalBytes > limits.maxTotalBytes) throw totalTooLarge(limits.maxTotalBytes);
        files.push({ field: part.fieldname, fileName: safeFileName(part.filename), data });
        continue;
      }
      if (part.valueTruncated || part.fieldnameTruncated) throw fieldTooLarge(part.fieldname);
      if (Object.hasOwn(fields, part.fieldname)) throw duplicateField(part.fieldname);
      fields[part.fieldname] =
        typeof part.value === 'string' ? part.value : JSON.stringify(part.value);
    }
  } catch (error) {
    throw translate(error, limits);
  }
  return { fields, files };
}

function translate(error: unknown, limits: Required<MultipartLimits>): unknown {
  if (error instanceof DomainError) return error;
  const code = (error as { code?: unknown } | null)?.code;
  switch (code) {
    case 'FST_REQ_FILE_TOO_LARGE':
      return new DomainError(
        'too_large',
        'file.too_large',
        {
          vi: 'Tệp đính kèm vượt quá dung lượng cho phép.',
          en: 'An attached file is larger than allowed.',
        },
        { maxBytes: limits.maxFileBytes },
      );
    case 'FST_FILES_LIMIT':
      return new DomainError(
        'too_large',
        'file.too_many',
        {
          vi: 'Số tệp đính kèm vượt quá số lượng cho phép.',
          en: 'Too many files were attached.',
        },
        { maxFiles: limits.maxFiles },
      );
    case 'FST_PARTS_LIMIT':
    case 'FST_FIELDS_LIMIT':
      return new DomainError('too_large', 'request.too_many_parts', {
        vi: 'Biểu mẫu gửi lên có quá nhiều trường.',
        en: 'The form has too many fields.',
      });
    case 'FST_INVALID_MULTIPART_CONTENT_TYPE':
      return notMultipart();
    case 'FST_PROTO_VIOLATION':
    case 'FST_INVALID_JSON_FIELD_ERROR':
      return malformed();
  }
  // Busboy reports a broken body with plain errors ("Multipart: Boundary not found", "Unexpected
  // end of multipart data", "Part terminated early …"); a body cut short is the client's too.
  if (
    code === 'FST_MP_PREMATURE_CLOSE' ||
    (error instanceof Error && /multipart|terminated early|malformed/i.test(error.message))
  ) {
    return malformed();
  }
  return error;
}

const notMultipart = (): DomainError =>
  new DomainError('invalid', 'request.not_multipart', {
    vi: 'Yêu cầu phải được gửi dưới dạng multipart/form-data.',
    en: 'The request must be sent as multipart/form-data.',
  });

const malformed = (): DomainError =>
  new DomainError('invalid', 'request.malformed_multipart', {
    vi: 'Nội dung biểu mẫu gửi lên không hợp lệ.',
    en: 'The multipart body is malformed.',
  });

const fieldTooLarge = (field: string): DomainError =>
  new DomainError(
    'too_large',
    'request.field_too_large',
    {
      vi: 'Một trường của biểu mẫu quá dài.',
      en: 'A form field is too long.',
    },
    { field: field.slice(0, 200) },
  );

const totalTooLarge = (maxTotalBytes: number): DomainError =>
  new DomainError(
    'too_large',
    'file.total_too_large',
    {
      vi: 'Tổng dung lượng các tệp đính kèm vượt quá mức cho phép.',
      en: 'The attached files together are larger than allowed.',
    },
    { maxTotalBytes },
  );

const duplicateField = (field: string): DomainError =>
  new DomainError(
    'invalid',
    'request.duplicate_field',
    {
      vi: 'Một trường của biểu mẫu được gửi nhiều lần.',
      en: 'A form field was sent more than once.',
    },
    { field },
  );
