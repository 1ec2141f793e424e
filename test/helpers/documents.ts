import { randomUUID } from 'node:crypto';
import { deflateSync } from 'node:zlib';
import { PDFDocument, PDFName, StandardFonts } from 'pdf-lib';
import { pdfWithDeflatedContent } from '../../src/platform/pdf-safety/test-pdfs.js';
import type { Session, TestApp } from './app.js';
import { multipart } from './dossiers.js';
import { enrolTotp, userIdOf } from './pki.js';

export const DEMO_PIN = '123456';

/** A fresh Idempotency-Key header. */
export const idem = () => ({ 'idempotency-key': `test-${randomUUID()}` });

export async function agencyIdByAbbreviation(t: TestApp, abbreviation: string): Promise<string> {
  const a = await t.services.agencies.findByAbbreviation(t.db, abbreviation);
  if (!a) throw new Error(`no agency ${abbreviation}`);
  return a.id;
}

export async function agencyIdByGso(t: TestApp, gsoCode: string): Promise<string> {
  const a = await t.services.agencies.findByGsoCode(t.db, gsoCode);
  if (!a) throw new Error(`no agency ${gsoCode}`);
  return a.id;
}

export const LONG_DUC = '29263';
export const PHUONG_1 = '29239';

/** The form of a decision of the Department of Information and Communications. */
export async function decisionForm(t: TestApp, overrides: Record<string, unknown> = {}) {
  return {
    typeKey: 'quyet-dinh',
    summary: 'Về việc ban hành Kế hoạch chuyển đổi số năm 2021',
    authority: 'KT.',
    headTitle: 'GIÁM ĐỐC',
    signerUserId: await userIdOf(t, 'ld.stttt'),
    signerPosition: 'PHÓ GIÁM ĐỐC',
    body: [
      'Căn cứ Nghị định số 30/2020/NĐ-CP ngày 05 tháng 3 năm 2020 của Chính phủ về công tác văn thư;',
      'GIÁM ĐỐC SỞ THÔNG TIN VÀ TRUYỀN THÔNG',
      'QUYẾT ĐỊNH:',
      'Điều 1. Ban hành kèm theo Quyết định này Kế hoạch chuyển đổi số năm 2021.',
      'Điều 2. Quyết định này có hiệu lực kể từ ngày ký.',
    ],
    recipients: [{ agencyId: await agencyIdByGso(t, LONG_DUC) }],
    extraRecipientLines: ['- Lưu: VT, VP.'],
    ...overrides,
  };
}

/** Sessions of the demo people of the scenario, the leaders' TOTP enrolled. */
export async function scenarioSessions(t: TestApp) {
  const cv = await t.loginAs('cv.stttt');
  const ld = await t.loginAs('ld.stttt');
  const vt = await t.loginAs('vt.stttt');
  const ldOtp = await enrolTotp(t, ld);
  return { cv, ld, vt, ldOtp };
}

/**
 * A decision composed by cv.stttt, approved and signed by ld.stttt (KT. GIÁM ĐỐC / PHÓ GIÁM
 * ĐỐC): ready for the clerk to issue. Returns its id.
 */
export async function signedDecision(
  t: TestApp,
  s: Awaited<ReturnType<typeof scenarioSessions>>,
  overrides: Record<string, unknown> = {},
): Promise<string> {
  const created = await s.cv.post(
    '/api/documents/outgoing',
    await decisionForm(t, overrides),
    idem(),
  );
  if (created.statusCode !== 201) throw new Error(`compose: ${created.statusCode} ${created.body}`);
  const id: string = created.json().id;
  const ldId = await userIdOf(t, 'ld.stttt');
  const submitted = await s.cv.post(`/api/documents/outgoing/${id}/submit`, {
    reviewerUserIds: [ldId],
  });
  if (submitted.statusCode !== 200) throw new Error(`submit: ${submitted.body}`);
  const approved = await s.ld.post(`/api/documents/outgoing/${id}/review`, {
    decision: 'approve',
    comment: 'Đồng ý',
  });
  if (approved.statusCode !== 200) throw new Error(`approve: ${approved.body}`);
  const signed = await s.ld.post(`/api/documents/outgoing/${id}/sign`, {
    pin: DEMO_PIN,
    otp: s.ldOtp(),
  });
  if (signed.statusCode !== 200) throw new Error(`sign: ${signed.statusCode} ${signed.body}`);
  return id;
}

/** POST a multipart upload (file + metadata JSON) as `session`. */
export function uploadDocument(
  session: Session,
  url: string,
  metadata: unknown,
  file: { name: string; data: Uint8Array },
  headers: Record<string, string> = idem(),
) {
  const body = multipart(metadata === undefined ? {} : { metadata: JSON.stringify(metadata) }, {
    name: file.name,
    data: Buffer.from(file.data),
  });
  return session.app.inject({
    method: 'POST',
    url,
    payload: body.payload,
    headers: {
      ...body.headers,
      ...headers,
      ...(session.cookie ? { cookie: session.cookie } : {}),
      ...(session.csrfToken ? { 'x-csrf-token': session.csrfToken } : {}),
    },
  });
}

/** A plain one-page PDF with some text. */
export async function plainPdf(text = 'Cong van gui kem'): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.TimesRoman);
  doc.addPage([595.28, 841.89]).drawText(text, { x: 60, y: 760, size: 12, font });
  return doc.save({ useObjectStreams: false });
}

/** A PDF that runs JavaScript when opened. */
export async function javascriptPdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.addPage();
  doc.catalog.set(
    PDFName.of('OpenAction'),
    doc.context.obj({ S: 'JavaScript', JS: 'app.alert(1)' }),
  );
  return doc.save({ useObjectStreams: false });
}

export const malformedPdf = (): Uint8Array =>
  Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 9 0 R >>\n%%EOF');

/** A small PDF whose page content inflates to `megabytes` MB (a decompression bomb). */
export function bombPdf(megabytes = 100): Uint8Array {
  return pdfWithDeflatedContent(
    deflateSync(Buffer.alloc(megabytes * 1024 * 1024, 0x20), { level: 9 }),
  );
}

/** Rows of the documents schema (tests may read it directly; other modules may not). */
export async function countRows(t: TestApp, table: 'documents' | 'versions' | 'incoming') {
  const row = await t.db
    .selectFrom(`document.${table}`)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
