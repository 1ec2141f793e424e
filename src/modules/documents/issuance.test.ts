import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers/app.js';
import {
  agencyIdByGso,
  LONG_DUC,
  plainPdf,
  scenarioSessions,
  signedDecision,
  uploadDocument,
} from '../../../test/helpers/documents.js';
import { extractText } from '../../platform/pdf-safety/index.js';
import type { ValidationReport } from '../pki/index.js';
import { PublicVerification, SignatureCheck, ValidationReportView } from './schema.js';

const hasPoppler = spawnSync('sh', ['-c', 'command -v pdftoppm']).status === 0;
const dir = mkdtempSync(path.join(tmpdir(), 'op-documents-issuance-'));

type Slot = { x: number; y: number; width: number };
type Image = { width: number; height: number; rgb: Buffer; scale: number };

/** Page 1 at 72 dpi as RGB pixels (PPM from poppler's pdftoppm). */
function render(pdf: Buffer): Image {
  const file = path.join(dir, `${Math.random().toString(36).slice(2)}.pdf`);
  writeFileSync(file, pdf);
  execFileSync('pdftoppm', ['-r', '72', '-f', '1', '-l', '1', file, file]);
  const ppm = readFileSync(`${file}-1.ppm`);
  const header = /^P6\s+(\d+)\s+(\d+)\s+255\s/.exec(ppm.toString('latin1', 0, 32))!;
  return {
    width: Number(header[1]),
    height: Number(header[2]),
    rgb: ppm.subarray(header[0].length),
    scale: 1,
  };
}

/** The share of dark pixels in a blank of the 13 pt place-date line. */
function darkShare(image: Image, slot: Slot): number {
  const box = { x: slot.x + 2, y: slot.y, width: slot.width - 4, height: 13 * 0.7 };
  let dark = 0;
  let all = 0;
  for (let y = Math.ceil(box.y * image.scale); y < (box.y + box.height) * image.scale; y++) {
    for (let x = Math.ceil(box.x * image.scale); x < (box.x + box.width) * image.scale; x++) {
      const at = ((image.height - 1 - y) * image.width + x) * 3;
      if (image.rgb[at]! + image.rgb[at + 1]! + image.rgb[at + 2]! < 450) dark++;
      all++;
    }
  }
  return dark / Math.max(all, 1);
}

/** What JSON makes of a type: instants become ISO strings. */
type Json<T> = T extends Date
  ? string
  : T extends readonly (infer U)[]
    ? Json<U>[]
    : T extends object
      ? { [K in keyof T]: Json<T[K]> }
      : T;
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
// The documents module's copy of the pki report must stay the pki report, field for field.
const sameReport: Same<Json<ValidationReport>, ValidationReportView> = true;

/**
 * Issuance across the new year: a draft composed and signed on 31 December carries a blank
 * year, stamped with day and month by the clerk on 2 January (Decree 30: the date is the
 * issuance's). And the signature reports the API sends read as the typed pki report, stored or
 * fresh.
 */
describe('issuance: the whole date stamped at issuance; typed signature reports', () => {
  let t: TestApp;
  let s: Awaited<ReturnType<typeof scenarioSessions>>;
  let documentId: string;
  let verifyCode: string;

  beforeAll(async () => {
    // 10:00 on 31 December 2026 in Trà Vinh.
    t = await createTestApp({ start: new Date('2026-12-31T03:00:00Z') });
    s = await scenarioSessions(t);
  });
  afterAll(async () => {
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('composes on 31 December with day, month and year left blank, found as stamp places at signing', async () => {
    documentId = await signedDecision(t, s);
    const draft = await s.cv.get(`/api/documents/outgoing/${documentId}/file?which=1`);
    expect(draft.statusCode).toBe(200);
    const text = await extractText(new Uint8Array(draft.rawPayload));
    expect(text).toMatch(/ngày\s*tháng\s*năm(?!\s*\d)/u);
    expect(text).not.toMatch(/năm\s*2026/u);
    const { rows } = await t.db.executeQuery<{ layout: Record<string, unknown> }>(
      sql`SELECT layout FROM document.documents WHERE id = ${documentId}`.compile(t.db),
    );
    const layout = rows[0]!.layout as {
      found: { date: boolean };
      date: { year: { x: number; y: number; width: number } | null } | null;
    };
    expect(layout.found.date).toBe(true);
    expect(layout.date!.year).not.toBeNull();
  });

  it('issues on 2 January 2027 as 01 of the new year, the year stamped in its blank', async () => {
    // 09:00 on 2 January 2027 in Trà Vinh; the sessions went idle overnight.
    t.clock.set(new Date('2027-01-02T02:00:00Z'));
    const clerk = await t.loginAs('vt.stttt');
    const res = await clerk.post(`/api/documents/outgoing/${documentId}/issue`);
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc).toMatchObject({
      state: 'issued',
      number: 1,
      symbol: '01/QĐ-STTTT',
      issuedOn: '2027-01-02',
      placeDate: 'Trà Vinh, ngày 02 tháng 01 năm 2027',
    });
    verifyCode = doc.verifyUrl.split('/').pop();

    const { rows } = await t.db.executeQuery<{ layout: Record<string, unknown> }>(
      sql`SELECT layout FROM document.documents WHERE id = ${documentId}`.compile(t.db),
    );
    const { date } = rows[0]!.layout as { date: Record<'day' | 'month' | 'year', Slot> };
    if (!hasPoppler) return;
    // The year's blank is empty on the signed PDF and carries the clerk's stamp once issued,
    // like the day's and the month's.
    const signed = render(
      (await clerk.get(`/api/documents/outgoing/${documentId}/file?which=signed`)).rawPayload,
    );
    const issued = render(
      (await clerk.get(`/api/documents/outgoing/${documentId}/file?which=issued`)).rawPayload,
    );
    for (const slot of ['day', 'month', 'year'] as const) {
      expect([slot, darkShare(signed, date[slot])]).toEqual([slot, 0]);
      expect([slot, darkShare(issued, date[slot]) > 0.05]).toEqual([slot, true]);
    }
    // Nothing else in the line moved: "năm" is still where the blank starts.
    expect(darkShare(issued, { ...date.year, x: date.year.x - 20, width: 18 })).toBeGreaterThan(
      0.05,
    );
  });

  it('sends the receiver’s stored signature check as the typed pki report', async () => {
    expect(sameReport).toBe(true);
    const chair = await t.loginAs('ld.longduc');
    const longDuc = await agencyIdByGso(t, LONG_DUC);
    const list = (await chair.get(`/api/documents/incoming?agencyId=${longDuc}`)).json();
    const entry = list.items.find((i: { documentId: string }) => i.documentId === documentId);
    const res = await chair.get(`/api/documents/incoming/${entry.id}`);
    expect(res.statusCode).toBe(200);
    const check = SignatureCheck.parse(res.json().signatureCheck);
    expect(check.isValid).toBe(true);
    const report = ValidationReportView.parse(check.report);
    expect(report.verdict).toBe('valid');
    expect(report.signatures).toHaveLength(2);
    expect(report.checkedAt).toMatch(/^2027-01-02T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    for (const sig of report.signatures) {
      expect(sig.certificate).not.toBeNull();
      expect(sig.time.source).toBe('server');
    }

    // A paper scan registered by the clerk: unsigned, the same shape.
    const clerk = await t.loginAs('vt.longduc');
    const registered = await uploadDocument(
      clerk,
      '/api/documents/incoming',
      {
        source: 'paper',
        issuerName: 'Bộ Thông tin và Truyền thông',
        typeKey: 'cong-van',
        symbol: '15/BTTTT-CĐSQG',
        issuedOn: '2026-12-28',
        summary: 'V/v hướng dẫn chuyển đổi số năm 2027',
      },
      { name: 'scan.pdf', data: await plainPdf() },
    );
    expect(registered.statusCode).toBe(201);
    const unsigned = SignatureCheck.parse(registered.json().signatureCheck);
    expect(unsigned.isValid).toBeNull();
    expect(ValidationReportView.parse(unsigned.report)).toMatchObject({
      verdict: 'unsigned',
      signatures: [],
    });
  });

  it('sends the public page’s fresh check in the same shape as the stored one', async () => {
    const res = await t.anonymous.get(`/api/public/documents/${verifyCode}/verification`);
    expect(res.statusCode).toBe(200);
    const fresh = ValidationReportView.parse(res.json().validation);
    expect(PublicVerification.shape.validation.parse(res.json().validation)).toEqual(fresh);
    expect(fresh.verdict).toBe('valid');
    expect(fresh.checkedAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    const chair = await t.loginAs('ld.longduc');
    const longDuc = await agencyIdByGso(t, LONG_DUC);
    const entry = (await chair.get(`/api/documents/incoming?agencyId=${longDuc}`))
      .json()
      .items.find((i: { documentId: string }) => i.documentId === documentId);
    const stored = (await chair.get(`/api/documents/incoming/${entry.id}`)).json().signatureCheck
      .report;
    // Field for field the same report, but for the time of the check.
    expect({ ...fresh, checkedAt: null }).toEqual({ ...stored, checkedAt: null });
  });
});
