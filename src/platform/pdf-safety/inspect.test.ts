import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createDeflate } from 'node:zlib';
import { PDFDocument, PDFName, StandardFonts } from 'pdf-lib';
import { pdfWithDeflatedContent } from './test-pdfs.js';
import { afterAll, describe, expect, it } from 'vitest';
import { decisionPdf } from '../pades/test-decision.js';
import { inspectPdf, PdfRejected, type PdfRejectionReason } from './index.js';

const dir = mkdtempSync(path.join(tmpdir(), 'op-pdf-safety-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function rejection(promise: Promise<unknown>): Promise<PdfRejectionReason | 'accepted'> {
  try {
    await promise;
    return 'accepted';
  } catch (error) {
    if (error instanceof PdfRejected) return error.reason;
    throw error;
  }
}

async function simplePdf(pages = 1, edit?: (doc: PDFDocument) => void, objectStreams = false) {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (let i = 0; i < pages; i++) doc.addPage().drawText(`Page ${i + 1}`, { x: 50, y: 700, font });
  edit?.(doc);
  return doc.save({ useObjectStreams: objectStreams });
}

/** A PDF whose page content is `zeros` bytes deflated (~1000:1), built by hand. */
async function bombPdf(zeros: number): Promise<Uint8Array> {
  const deflate = createDeflate({ level: 9 });
  const chunks: Buffer[] = [];
  deflate.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise((resolve) => deflate.on('end', resolve));
  const block = Buffer.alloc(1024 * 1024, 0x20);
  for (let written = 0; written < zeros; written += block.length) {
    if (!deflate.write(block)) await new Promise((resolve) => deflate.once('drain', resolve));
  }
  deflate.end();
  await done;
  return pdfWithDeflatedContent(Buffer.concat(chunks));
}

describe('inspectPdf', () => {
  it('admits a decision and returns its page count and Vietnamese text', async () => {
    const { pages, text } = await inspectPdf(await decisionPdf());
    expect(pages).toBe(1);
    expect(text).toContain('QUYẾT ĐỊNH');
    expect(text).toContain('Nguyễn Văn Ánh');
    expect(text).toContain('Sở Thông tin và Truyền thông tỉnh Trà Vinh');
  });

  it('refuses a decompression bomb before any parser inflates it', async () => {
    const bomb = await bombPdf(300 * 1024 * 1024);
    expect(bomb.length).toBeLessThan(1024 * 1024);
    expect(await rejection(inspectPdf(bomb))).toBe('bomb');
    // Many smaller streams count against one total budget.
    expect(
      await rejection(
        inspectPdf(await bombPdf(40 * 1024 * 1024), { maxInflatedBytes: 32 * 1024 * 1024 }),
      ),
    ).toBe('bomb');
  });

  it('refuses files that are not PDFs or are malformed', async () => {
    expect(await rejection(inspectPdf(Buffer.from('<html>not a pdf</html>')))).toBe('malformed');
    expect(
      await rejection(
        inspectPdf(Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 9 0 R >>\n%%EOF')),
      ),
    ).toBe('malformed');
    expect(await rejection(inspectPdf(new Uint8Array(0)))).toBe('malformed');
  });

  it('refuses JavaScript, also hidden in an object stream or behind an escaped name', async () => {
    const openAction = (doc: PDFDocument) =>
      doc.catalog.set(
        PDFName.of('OpenAction'),
        doc.context.obj({ S: 'JavaScript', JS: 'app.alert(1)' }),
      );
    expect(await rejection(inspectPdf(await simplePdf(1, openAction)))).toBe('javascript');
    expect(await rejection(inspectPdf(await simplePdf(1, openAction, true)))).toBe('javascript');
    const escaped = Buffer.from(await simplePdf(1, openAction))
      .toString('latin1')
      .replace('/JS ', '/J#53 ');
    expect(await rejection(inspectPdf(Buffer.from(escaped, 'latin1')))).toBe('javascript');
    const launch = (doc: PDFDocument) =>
      doc.catalog.set(PDFName.of('OpenAction'), doc.context.obj({ S: 'Launch', F: 'cmd.exe' }));
    expect(await rejection(inspectPdf(await simplePdf(1, launch)))).toBe('javascript');
  });

  it.skipIf(spawnSync('sh', ['-c', 'command -v qpdf']).status !== 0)(
    'refuses an encrypted PDF',
    async () => {
      const plain = path.join(dir, 'plain.pdf');
      const locked = path.join(dir, 'locked.pdf');
      writeFileSync(plain, await simplePdf());
      execFileSync('qpdf', ['--encrypt', '', 'owner-secret', '256', '--', plain, locked]);
      expect(await rejection(inspectPdf(readFileSync(locked)))).toBe('encrypted');
    },
  );

  it('refuses too many pages and too many bytes', async () => {
    const five = await simplePdf(5);
    expect(await rejection(inspectPdf(five, { maxPages: 3 }))).toBe('too_many_pages');
    expect(await rejection(inspectPdf(five, { maxBytes: 100 }))).toBe('too_large');
  });

  it('stops a parse over its time budget and keeps working afterwards', async () => {
    const decision = await decisionPdf();
    expect(await rejection(inspectPdf(decision, { timeoutMs: 1 }))).toBe('timeout');
    expect((await inspectPdf(decision)).pages).toBe(1);
  });
});
