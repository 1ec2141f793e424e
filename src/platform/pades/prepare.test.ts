import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PDFDict, PDFDocument, PDFName, PDFRef, StandardFonts } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Box,
  PdfNotPreparable,
  preparePdf,
  readSignatures,
  signPdf,
  type SigningLayout,
} from './index.js';
import { createTestCa, type TestCa } from './test-ca.js';
import { decisionPdf, SIGNER_NAME } from './test-decision.js';

const hasPoppler = spawnSync('sh', ['-c', 'command -v pdftoppm']).status === 0;
const dir = mkdtempSync(path.join(tmpdir(), 'op-pades-prepare-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const agencySignature = (ca: TestCa, layout: SigningLayout) => ({
  layout,
  signer: ca.agency,
  signingTime: new Date('2021-07-15T04:00:00Z'),
  reason: 'Phát hành',
  location: 'Trà Vinh',
  name: 'Sở Thông tin và Truyền thông',
  appearance: { kind: 'agency' as const, agencyName: 'Sở Thông tin và Truyền thông', lines: [] },
  stamps: {
    number: '15/QĐ-STTTT',
    date: 'Trà Vinh, ngày 15 tháng 7 năm 2021',
    qrText: 'https://op.example/verify/X',
  },
});

/** Page 1 at 36 dpi as RGB pixels (PPM from pdftoppm). */
function render(pdf: Uint8Array): { width: number; height: number; rgb: Buffer; scale: number } {
  const file = path.join(dir, `${Math.random().toString(36).slice(2)}.pdf`);
  writeFileSync(file, pdf);
  execFileSync('pdftoppm', ['-r', '36', '-f', '1', '-l', '1', file, file]);
  const ppm = readFileSync(`${file}-1.ppm`);
  const [, width, height] = /^P6\s+(\d+)\s+(\d+)\s+255\s/.exec(ppm.toString('latin1', 0, 32))!;
  const header = ppm.toString('latin1', 0, 32).match(/^P6\s+\d+\s+\d+\s+255\s/)![0].length;
  return {
    width: Number(width),
    height: Number(height),
    rgb: ppm.subarray(header),
    scale: 36 / 72,
  };
}

/** Share of the box's pixels matching `test`. */
function share(
  image: ReturnType<typeof render>,
  box: Box,
  test: (r: number, g: number, b: number) => boolean,
) {
  let hits = 0;
  let all = 0;
  for (let y = Math.ceil(box.y * image.scale); y < (box.y + box.height) * image.scale; y++) {
    for (let x = Math.ceil(box.x * image.scale); x < (box.x + box.width) * image.scale; x++) {
      const at = ((image.height - 1 - y) * image.width + x) * 3;
      if (test(image.rgb[at]!, image.rgb[at + 1]!, image.rgb[at + 2]!)) hits++;
      all++;
    }
  }
  return hits / Math.max(all, 1);
}

describe('preparePdf', () => {
  let original: Uint8Array;
  let prepared: { pdf: Uint8Array; layout: SigningLayout };
  beforeAll(async () => {
    original = await decisionPdf();
    prepared = await preparePdf(original, { signerName: SIGNER_NAME });
  });

  it('finds the number, the date blanks and the signer in a Decree 30 decision', () => {
    const { layout } = prepared;
    expect(layout.found).toEqual({ number: true, date: true, signerName: true });
    expect(layout.number).toMatchObject({ page: 0, suffix: '/QĐ-STTTT', size: 13 });
    expect(layout.number!.width).toBeGreaterThan(15);
    expect(layout.date!.day.x).toBeLessThan(layout.date!.month.x);
    expect(layout.date!.year).toBeNull();
    const { signature, seal, qr } = layout;
    expect(signature.page).toBe(0);
    // Decree 30: the seal covers the left third of the signature image.
    expect(seal.x + seal.width).toBeCloseTo(signature.x + signature.width / 3, 0);
    expect(seal.width).toBeCloseTo((36 * 72) / 25.4, 0);
    expect(qr.x).toBeGreaterThan(500);
    expect(JSON.parse(JSON.stringify(layout))).toEqual(layout);
  });

  it('embeds a small subset of the stamp font and keeps the text', async () => {
    expect(prepared.pdf.length - original.length).toBeLessThan(60 * 1024);
    const doc = await PDFDocument.load(prepared.pdf);
    expect(doc.getPageCount()).toBe(1);
    const font = doc.context.lookup(PDFRef.of(prepared.layout.fontObject), PDFDict);
    expect(font.get(PDFName.of('Subtype'))).toBe(PDFName.of('Type0'));
    expect(font.get(PDFName.of('BaseFont'))?.toString()).toBe('/OPSTMP+NotoSerif-Regular');
  });

  it('puts the signature on the last page of a longer decision', async () => {
    const long = await preparePdf(await decisionPdf(40), { signerName: SIGNER_NAME });
    expect(long.layout.pages).toBeGreaterThan(1);
    expect(long.layout.signature.page).toBe(long.layout.pages - 1);
    expect(long.layout.found.signerName).toBe(true);
    const ca = await createTestCa();
    const signed = await signPdf(long.pdf, agencySignature(ca, long.layout));
    const [facts] = await readSignatures(signed.pdf);
    expect(facts).toMatchObject({
      digestMatches: true,
      cmsSignatureValid: true,
      coversWholeFile: true,
    });
  });

  it('falls back to fixed places when the anchors are missing, and still signs', async () => {
    const doc = await PDFDocument.create();
    doc.addPage([595, 842]).drawText('A plain letter', {
      x: 72,
      y: 700,
      font: await doc.embedFont(StandardFonts.Helvetica),
    });
    const plain = await preparePdf(await doc.save(), { signerName: 'Nobody Here' });
    expect(plain.layout.found).toEqual({ number: false, date: false, signerName: false });
    expect(plain.layout.number).toBeNull();
    const ca = await createTestCa();
    const signed = await signPdf(plain.pdf, agencySignature(ca, plain.layout));
    expect((await readSignatures(signed.pdf))[0]?.digestMatches).toBe(true);
  });

  it('refuses to re-save a signed PDF', async () => {
    const ca = await createTestCa();
    const signed = await signPdf(prepared.pdf, agencySignature(ca, prepared.layout));
    await expect(preparePdf(signed.pdf)).rejects.toBeInstanceOf(PdfNotPreparable);
  });

  it.skipIf(!hasPoppler)(
    'draws the number, the date, the QR code, the seal and the signature where they belong',
    async () => {
      const ca = await createTestCa();
      const { layout } = prepared;
      const person = await signPdf(prepared.pdf, {
        ...agencySignature(ca, layout),
        signer: ca.person,
        appearance: { kind: 'person', fullName: SIGNER_NAME, lines: [] },
        stamps: {},
      });
      const before = render(person.pdf);
      const image = render((await signPdf(person.pdf, agencySignature(ca, layout))).pdf);
      const isRed = (r: number, g: number, b: number) => r - g > 50 && r - b > 50;
      const isBlue = (r: number, g: number, b: number) => b - r > 50;
      const isDark = (r: number, g: number, b: number) => r + g + b < 450;
      const line = (slot: { x: number; y: number; width: number }, size: number): Box => ({
        page: 0,
        x: slot.x + 2,
        y: slot.y,
        width: slot.width - 4,
        height: size * 0.7,
      });
      expect(share(before, layout.signature, isBlue)).toBeGreaterThan(0.02);
      expect(share(before, layout.seal, isRed)).toBe(0);
      expect(share(before, line(layout.number!, 13), isDark)).toBe(0);
      expect(share(image, layout.seal, isRed)).toBeGreaterThan(0.05);
      expect(share(image, layout.qr, isDark)).toBeGreaterThan(0.15);
      expect(share(image, layout.agencyInfo, isRed)).toBeGreaterThan(0.01);
      expect(share(image, line(layout.number!, 13), isDark)).toBeGreaterThan(0.05);
      expect(share(image, line(layout.date!.day, 13), isDark)).toBeGreaterThan(0.05);
      expect(share(image, line(layout.date!.month, 13), isDark)).toBeGreaterThan(0.03);
    },
  );
});
