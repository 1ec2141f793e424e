import { createHash } from 'node:crypto';
import { inflateRawSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/helpers/app.js';
import {
  idem,
  plainPdf,
  scenarioSessions,
  signedDecision,
  uploadDocument,
} from '../../../../test/helpers/documents.js';
import { documentXml, escapeXml, notationOf } from './xml.js';

/** The entries of a ZIP archive (stored or deflated, no ZIP64), read without a dependency. */
function readZip(zip: Buffer): Map<string, Buffer> {
  let eocd = -1;
  for (let i = zip.length - 22; i >= 0 && eocd < 0; i--)
    if (zip.readUInt32LE(i) === 0x06054b50) eocd = i;
  if (eocd < 0) throw new Error('not a ZIP archive');
  const entries = new Map<string, Buffer>();
  let at = zip.readUInt32LE(eocd + 16);
  for (let n = zip.readUInt16LE(eocd + 10); n > 0; n--) {
    if (zip.readUInt32LE(at) !== 0x02014b50) throw new Error('bad central directory');
    const method = zip.readUInt16LE(at + 10);
    const size = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const local = zip.readUInt32LE(at + 42);
    const name = zip.subarray(at + 46, at + 46 + nameLength).toString('utf8');
    const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const data = zip.subarray(start, start + size);
    entries.set(name, method === 8 ? inflateRawSync(data) : Buffer.from(data));
    at += 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  return entries;
}

const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
/** The text of `<name …>text</name>` in an XML string (unescaped as written). */
const field = (xml: string, name: string) =>
  new RegExp(`<${name} label="[^"]*">([^<]*)</${name}>`).exec(xml)?.[1] ?? null;

describe('the XML of annex VI', () => {
  it('escapes markup and drops characters XML cannot carry', () => {
    expect(escapeXml(`A & B <c> "d" 'e'\u0001\u0007 Đ`)).toBe(
      'A &amp; B &lt;c&gt; &quot;d&quot; &apos;e&apos; Đ',
    );
    expect(notationOf('12/QĐ-STTTT')).toBe('QĐ-STTTT');
    const xml = documentXml({
      fileIdentifier: 'X.2026.01.CV.2026',
      ordinal: 1,
      documentId: '00000000-0000-4000-8000-000000000000',
      typeName: 'Công văn',
      number: null,
      symbol: null,
      issuedOn: null,
      issuerName: 'Sở <A>',
      summary: 'x',
      language: 'vi',
      pages: null,
      signerName: null,
      signerPosition: null,
      urgency: 'normal',
      dueOn: null,
      direction: 'incoming',
      incomingNumber: 3,
      receivedOn: '2026-01-02',
      fileName: null,
      sha256: null,
    });
    expect(xml).toContain('<number label="Số của văn bản"/>');
    expect(field(xml, 'issuer')).toBe('Sở &lt;A&gt;');
  });
});

describe('a file exported as a ZIP of PDFs and annex VI XML', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('holds each document as issued or registered, its metadata and the file record', async () => {
    const s = await scenarioSessions(t);
    const outgoingId = await signedDecision(t, s);
    const issued = await s.vt.post(`/api/documents/outgoing/${outgoingId}/issue`);
    expect(issued.statusCode).toBe(200);
    const symbol: string = issued.json().symbol;
    const issuedPdf = await s.vt.get(`/api/documents/outgoing/${outgoingId}/file?which=issued`);
    expect(issuedPdf.statusCode).toBe(200);

    const paper = await plainPdf('Cong van de nghi');
    const registered = await uploadDocument(
      s.vt,
      '/api/documents/incoming',
      {
        source: 'paper',
        issuerName: 'Bộ Thông tin và Truyền thông',
        typeKey: 'cong-van',
        symbol: '125/BTTTT-CĐSQG',
        issuedOn: '2026-01-10',
        summary: 'V/v đôn đốc "chuyển đổi số" & <báo cáo>',
        signerName: 'Nguyễn Huy Dũng',
        signerPosition: 'Thứ trưởng',
      },
      { name: 'cv.pdf', data: paper },
    );
    expect(registered.statusCode).toBe(201);
    const incomingId: string = registered.json().document.id;

    const year = new Date().getFullYear();
    const plan = await s.vt.post('/api/documents/file-plans', {
      year,
      headings: [{ code: 'CĐS', title: 'Chuyển đổi số' }],
    });
    const file = await s.vt.post(
      '/api/documents/files',
      {
        headingId: plan.json().headings[0].id,
        title: 'Hồ sơ kế hoạch chuyển đổi số',
        retention: 'permanent',
        note: 'Ghi chú & lưu ý',
      },
      idem(),
    );
    const fileId: string = file.json().id;
    for (const documentId of [incomingId, outgoingId]) {
      const res = await s.vt.post(`/api/documents/files/${fileId}/documents`, { documentId });
      expect(res.statusCode).toBe(200);
    }
    expect((await s.vt.post(`/api/documents/files/${fileId}/close`)).statusCode).toBe(200);

    // Readers of the agency export it too (the specialist here).
    const res = await s.cv.get(`/api/documents/files/${fileId}/export`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/zip');
    expect(res.headers['content-disposition']).toContain(`01-CDS-${year}.zip`);
    const zip = readZip(res.rawPayload);
    const root = `01-CDS-${year}`;
    const pdfs = [...zip.keys()].filter((k) => k.endsWith('.pdf')).sort();
    expect([...zip.keys()].sort()).toEqual(
      [`${root}/ho-so.xml`, ...pdfs, ...pdfs.map((p) => p.replace(/\.pdf$/, '.xml'))].sort(),
    );
    expect(pdfs).toHaveLength(2);
    // Ordered by date: the ministry's letter of 10 January first, then the decision.
    expect(pdfs[0]).toBe(`${root}/001_125-BTTTT-CDSQG.pdf`);
    expect(sha256(zip.get(pdfs[0]!)!)).toBe(sha256(paper));
    expect(sha256(zip.get(pdfs[1]!)!)).toBe(sha256(issuedPdf.rawPayload));

    const first = zip.get(`${root}/001_125-BTTTT-CDSQG.xml`)!.toString('utf8');
    expect(first.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true);
    expect(field(first, 'fileIdentifier')).toMatch(new RegExp(`\\.${year}\\.01\\.CĐS\\.${year}$`));
    expect(field(first, 'ordinal')).toBe('1');
    expect(field(first, 'typeName')).toBe('Công văn');
    expect(field(first, 'notation')).toBe('BTTTT-CĐSQG');
    expect(field(first, 'symbol')).toBe('125/BTTTT-CĐSQG');
    expect(field(first, 'issuedOn')).toBe('2026-01-10');
    expect(field(first, 'issuer')).toBe('Bộ Thông tin và Truyền thông');
    expect(field(first, 'summary')).toBe(
      'V/v đôn đốc &quot;chuyển đổi số&quot; &amp; &lt;báo cáo&gt;',
    );
    expect(field(first, 'signer')).toBe('Nguyễn Huy Dũng');
    expect(field(first, 'pages')).toBe('1');
    expect(field(first, 'language')).toBe('vi');
    expect(field(first, 'direction')).toBe('incoming');
    expect(field(first, 'incomingNumber')).toMatch(/^\d+$/);
    expect(field(first, 'sha256')).toBe(sha256(paper));

    const second = zip.get(pdfs[1]!.replace(/\.pdf$/, '.xml'))!.toString('utf8');
    expect(field(second, 'symbol')).toBe(symbol);
    expect(field(second, 'number')).toBe(String(Number(symbol.split('/')[0])));
    expect(field(second, 'direction')).toBe('outgoing');
    expect(field(second, 'signerPosition')).toBe('PHÓ GIÁM ĐỐC');

    const record = zip.get(`${root}/ho-so.xml`)!.toString('utf8');
    expect(field(record, 'code')).toBe(`01.CĐS.${year}`);
    expect(field(record, 'title')).toBe('Hồ sơ kế hoạch chuyển đổi số');
    expect(field(record, 'retention')).toBe('Vĩnh viễn');
    expect(field(record, 'documentCount')).toBe('2');
    expect(field(record, 'startDate')).toBe('2026-01-10');
    expect(field(record, 'keeper')).toBe('Võ Thị Mai');
    expect(field(record, 'state')).toBe('closed');
    expect(field(record, 'note')).toBe('Ghi chú &amp; lưu ý');
    expect(record).toContain(`file="001_125-BTTTT-CDSQG.pdf" metadata="001_125-BTTTT-CDSQG.xml"`);

    // Long Đức received the decision but does not see STTTT's file.
    const other = await t.loginAs('vt.longduc');
    expect((await other.get(`/api/documents/files/${fileId}/export`)).statusCode).toBe(404);
  });
});
