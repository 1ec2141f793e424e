import { mkdir, mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { crc32 } from 'node:zlib';
import QRCode from 'qrcode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DomainError } from '../errors.js';
import {
  contentDisposition,
  createFileStore,
  type FileStore,
  mimeOf,
  safeFileName,
  sniffKind,
} from './index.js';

/** A stored (uncompressed) zip: enough for an OOXML package in a test. */
function zip(entries: Record<string, string>): Uint8Array {
  const chunks: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const [name, content] of Object.entries(entries)) {
    const data = Buffer.from(content);
    const fileName = Buffer.from(name);
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(fileName.length, 26);
    chunks.push(local, fileName, data);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(20, 4);
    entry.writeUInt16LE(20, 6);
    entry.writeUInt32LE(crc, 16);
    entry.writeUInt32LE(data.length, 20);
    entry.writeUInt32LE(data.length, 24);
    entry.writeUInt16LE(fileName.length, 28);
    entry.writeUInt32LE(offset, 42);
    central.push(entry, fileName);
    offset += local.length + fileName.length + data.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(entries).length, 8);
  end.writeUInt16LE(Object.keys(entries).length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...chunks, directory, end]));
}

const contentTypes = (main: string) =>
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
  '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
  '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
  '<Default Extension="xml" ContentType="application/xml"/>' +
  `<Override PartName="/word/document.xml" ContentType="${main}"/></Types>`;
const rels =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
  '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
  '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>';
const documentXml =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
  '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">' +
  '<w:body><w:p><w:r><w:t>Đơn đề nghị</w:t></w:r></w:p></w:body></w:document>';
const WORD_MAIN =
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml';

const docx = zip({
  '[Content_Types].xml': contentTypes(WORD_MAIN),
  '_rels/.rels': rels,
  'word/document.xml': documentXml,
});
const pdf = new TextEncoder().encode(
  '%PDF-1.7\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);
const htmlPretendingPdf = new TextEncoder().encode(
  '<!DOCTYPE html><html><body><script>alert(1)</script></body></html>',
);
const jpeg = new Uint8Array([
  0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01,
  0x00, 0x01, 0x00, 0x00, 0xff, 0xd9,
]);
let png: Uint8Array;

let dir: string;
let store: FileStore;
const all = ['pdf', 'jpeg', 'png', 'docx'] as const;

beforeAll(async () => {
  png = new Uint8Array(await QRCode.toBuffer('x', { type: 'png' }));
  dir = await mkdtemp(path.join(tmpdir(), 'op-files-'));
  store = createFileStore({ dir: path.join(dir, 'store') });
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function listFiles(root: string): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => path.relative(root, path.join(e.parentPath, e.name)));
}

async function rejection(promise: Promise<unknown>): Promise<DomainError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DomainError);
  return error as DomainError;
}

describe('sniffKind', () => {
  it('recognises each accepted kind by content', async () => {
    expect(await sniffKind(pdf)).toBe('pdf');
    expect(await sniffKind(jpeg)).toBe('jpeg');
    expect(await sniffKind(png)).toBe('png');
    expect(await sniffKind(docx)).toBe('docx');
  });

  it('refuses HTML named .pdf, plain zips, macro documents and empty input', async () => {
    expect(await sniffKind(htmlPretendingPdf)).toBeNull();
    expect(await sniffKind(new Uint8Array())).toBeNull();
    expect(await sniffKind(zip({ 'a.txt': 'hello' }))).toBeNull();
    const docm = zip({
      '[Content_Types].xml': contentTypes('application/vnd.ms-word.document.macroEnabled.main+xml'),
      '_rels/.rels': rels,
      'word/document.xml': documentXml,
    });
    expect(await sniffKind(docm)).toBeNull();
    // Word content types claimed, but no document part: not a Word file.
    const hollow = zip({ '[Content_Types].xml': contentTypes(WORD_MAIN), '_rels/.rels': rels });
    expect(await sniffKind(hollow)).toBeNull();
    const withMacros = zip({
      '[Content_Types].xml': contentTypes(WORD_MAIN),
      'word/document.xml': documentXml,
      'word/vbaProject.bin': 'x',
    });
    expect(await sniffKind(withMacros)).toBeNull();
  });
});

describe('safeFileName', () => {
  it('keeps only the last path segment', () => {
    expect(safeFileName('../../etc/passwd')).toBe('passwd');
    expect(safeFileName('C:\\x\\y.pdf')).toBe('y.pdf');
    expect(safeFileName('..')).toBe('tep-dinh-kem');
    expect(safeFileName('a/..')).toBe('tep-dinh-kem');
    expect(safeFileName('')).toBe('tep-dinh-kem');
  });

  it('drops control, bidi and Windows-illegal characters and tidies spaces and dots', () => {
    expect(safeFileName('a\r\nb.pdf')).toBe('ab.pdf');
    expect(safeFileName('x\u0000y.pdf')).toBe('xy.pdf');
    expect(safeFileName('hoso\u202Efdp.exe')).toBe('hosofdp.exe');
    expect(safeFileName('bao<cao>:"2024"|?*.pdf')).toBe('baocao2024.pdf');
    expect(safeFileName('  .. hồ   sơ  .pdf . ')).toBe('hồ sơ .pdf');
    expect(safeFileName('CON.txt')).toBe('_CON.txt');
  });

  it('is NFC and keeps Vietnamese letters', () => {
    const decomposed = 'Đơn đề nghị.pdf'.normalize('NFD');
    expect(safeFileName(decomposed)).toBe('Đơn đề nghị.pdf'.normalize('NFC'));
  });

  it('caps the length at 180 characters and keeps the extension', () => {
    const long = `${'Tờ khai '.repeat(40)}.docx`;
    const safe = safeFileName(long);
    expect(Array.from(safe)).toHaveLength(180);
    expect(safe.endsWith('.docx')).toBe(true);
  });
});

describe('contentDisposition', () => {
  it('gives an ASCII fallback and the exact UTF-8 name', () => {
    expect(contentDisposition('Đơn đề nghị.pdf')).toBe(
      `attachment; filename="Don de nghi.pdf"; filename*=UTF-8''%C4%90%C6%A1n%20%C4%91%E1%BB%81%20ngh%E1%BB%8B.pdf`,
    );
    expect(contentDisposition('report.pdf', 'inline')).toBe(
      `inline; filename="report.pdf"; filename*=UTF-8''report.pdf`,
    );
  });

  it('never lets a name break out of the header', () => {
    const header = contentDisposition('x/a"b\r\nSet-Cookie: x=1;(1)\'*%.pdf');
    expect(header).not.toMatch(/[\r\n]/);
    expect(header).toContain(`filename="abSet-Cookie x=1;(1)'_.pdf"`);
    expect(header).toContain(`filename*=UTF-8''abSet-Cookie%20x%3D1%3B%281%29%27%25.pdf`);
  });
});

describe('file store', () => {
  it('stores by content hash, once, with private modes and no temporary files left', async () => {
    const first = await store.put(pdf, { allowed: all, maxBytes: 1024 });
    expect(first).toMatchObject({ size: pdf.length, kind: 'pdf', mime: mimeOf.pdf });
    expect(first.sha256).toMatch(/^[0-9a-f]{64}$/);
    const again = await store.put(pdf, { allowed: all, maxBytes: 1024 });
    expect(again).toEqual(first);

    const root = path.join(dir, 'store');
    const h = first.sha256;
    expect(await listFiles(root)).toEqual([path.join(h.slice(0, 2), h.slice(2, 4), h)]);
    expect((await stat(path.join(root, h.slice(0, 2), h.slice(2, 4), h))).mode & 0o777).toBe(0o640);
    expect((await stat(path.join(root, h.slice(0, 2)))).mode & 0o027).toBe(0);

    expect(await store.exists(h)).toBe(true);
    expect(Buffer.compare(await store.read(h), Buffer.from(pdf))).toBe(0);
    const streamed: Buffer[] = [];
    for await (const chunk of store.stream(h)) streamed.push(chunk as Buffer);
    expect(Buffer.concat(streamed).equals(Buffer.from(pdf))).toBe(true);
  });

  it('refuses empty, oversized and disallowed files', async () => {
    const empty = await rejection(store.put(new Uint8Array(), { allowed: all, maxBytes: 10 }));
    expect([empty.kind, empty.code]).toEqual(['invalid', 'file.empty']);
    expect(empty.detail.vi).toBeTruthy();

    const big = await rejection(store.put(pdf, { allowed: all, maxBytes: 10 }));
    expect([big.kind, big.code, big.extensions]).toEqual([
      'too_large',
      'file.too_large',
      { maxBytes: 10 },
    ]);

    const html = await rejection(store.put(htmlPretendingPdf, { allowed: all, maxBytes: 1024 }));
    expect([html.kind, html.code]).toEqual(['unsupported_media', 'file.type_not_allowed']);
    expect(html.extensions).toEqual({ allowed: [...all] });

    const notAllowed = await rejection(store.put(docx, { allowed: ['pdf'], maxBytes: 1e6 }));
    expect(notAllowed.code).toBe('file.type_not_allowed');
    expect((await store.put(docx, { allowed: ['docx'], maxBytes: 1e6 })).kind).toBe('docx');
  });

  it('validates ids and reports missing files', async () => {
    expect(() => store.stream('../../etc/passwd')).toThrow(DomainError);
    expect((await rejection(store.exists('ab'))).code).toBe('file.invalid_id');
    expect((await rejection(store.read('A'.repeat(64)))).code).toBe('file.invalid_id');
    expect(await store.exists('0'.repeat(64))).toBe(false);
    expect((await rejection(store.read('0'.repeat(64)))).code).toBe('file.not_found');
  });

  it('leaves neither a partial file nor a temporary file when the write fails', async () => {
    const failing = createFileStore({ dir: path.join(dir, 'failing') });
    const { sha256 } = await createFileStore({ dir: path.join(dir, 'probe') }).put(jpeg, {
      allowed: all,
      maxBytes: 1024,
    });
    // A directory where the file should go makes the final rename fail.
    const target = path.join(dir, 'failing', sha256.slice(0, 2), sha256.slice(2, 4), sha256);
    await mkdir(target, { recursive: true });
    await expect(failing.put(jpeg, { allowed: all, maxBytes: 1024 })).rejects.toThrow();
    expect(await listFiles(path.join(dir, 'failing'))).toEqual([]);
    expect(await failing.exists(sha256)).toBe(false);
  });
});
