import type { FastifyReply } from 'fastify';
import { contentDisposition } from '../../../platform/files/index.js';
import { DomainError } from '../../../platform/errors.js';
import type { MultipartBody } from '../../../platform/http/multipart.js';

const noFile = () =>
  new DomainError('invalid', 'file.missing', {
    vi: 'Thiếu tệp đính kèm (trường "file").',
    en: 'No file was sent (field "file").',
  });

const badPaperKey = () =>
  new DomainError('invalid', 'dossier.unknown_paper', {
    vi: 'Mã giấy tờ không hợp lệ.',
    en: 'Malformed paper key.',
  });

/** One file per request: field `file`, optional text field `paperKey` (and `purpose`). */
export function uploadFrom(body: MultipartBody) {
  const file = body.files.find((f) => f.field === 'file');
  if (!file || body.files.length !== 1) throw noFile();
  const paperKey = body.fields.paperKey?.trim() || undefined;
  if (paperKey !== undefined && !/^[A-Za-z0-9._-]{1,80}$/.test(paperKey)) throw badPaperKey();
  return { paperKey, fileName: file.fileName, data: file.data, purposeField: body.fields.purpose };
}

/** The policy of a generated PDF: nothing to load, viewable by the browser, framable by us. */
const PDF_CSP = "default-src 'none'; object-src 'self'; frame-ancestors 'self'";

/** An attachment: always a download, never rendered by the browser, never cached. */
export function sendDownload(
  reply: FastifyReply,
  file: { mime: string; fileName: string },
  body: NodeJS.ReadableStream,
) {
  return reply
    .type(file.mime)
    .header('content-disposition', contentDisposition(file.fileName))
    .header('cache-control', 'private, no-store')
    .send(body);
}

/** A form we generated, shown inline for printing (the browser's PDF viewer needs plugins). */
export function sendPdf(reply: FastifyReply, pdf: Uint8Array, fileName: string) {
  return reply
    .type('application/pdf')
    .header('content-security-policy', PDF_CSP)
    .header('x-frame-options', 'SAMEORIGIN')
    .header('content-disposition', contentDisposition(fileName, 'inline'))
    .header('cache-control', 'private, no-store')
    .send(Buffer.from(pdf));
}
