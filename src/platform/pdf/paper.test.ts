import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, PDFName, PDFRawStream, decodePDFRawStream } from 'pdf-lib';
import { afterAll, describe, expect, it } from 'vitest';
import {
  createPaper,
  decreeDate,
  decreeTimeAndDate,
  placeDateLine,
  shortTimeAndDate,
  wallClock,
} from './index.js';

const dir = mkdtempSync(path.join(tmpdir(), 'op-pdf-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const TZ = 'Asia/Ho_Chi_Minh';
const at = (iso: string) => new Date(`${iso}+07:00`);

/** Writes the bytes and runs a poppler tool on them. */
function poppler(bytes: Uint8Array, tool: string, ...args: string[]): string {
  const file = path.join(dir, `${Math.random().toString(36).slice(2)}.pdf`);
  writeFileSync(file, bytes);
  return execFileSync(tool, [...args, file, ...(tool === 'pdftotext' ? ['-'] : [])], {
    encoding: 'utf8',
  });
}
const flat = (text: string) => text.replace(/\s+/g, ' ');

describe('Vietnamese dates (Decree 30)', () => {
  it('writes days below 10 and the months 1 and 2 with a leading zero', () => {
    expect(decreeDate(at('2021-03-05T10:00:00'), TZ)).toBe('ngày 05 tháng 3 năm 2021');
    expect(decreeDate(at('2021-02-15T10:00:00'), TZ)).toBe('ngày 15 tháng 02 năm 2021');
    expect(decreeDate(at('2021-01-09T10:00:00'), TZ)).toBe('ngày 09 tháng 01 năm 2021');
    expect(decreeDate(at('2021-12-31T10:00:00'), TZ)).toBe('ngày 31 tháng 12 năm 2021');
    expect(placeDateLine('Trà Vinh', at('2021-03-05T10:00:00'), TZ)).toBe(
      'Trà Vinh, ngày 05 tháng 3 năm 2021',
    );
  });

  it('reads the wall clock in the given time zone', () => {
    const lateUtc = new Date('2021-03-04T17:30:00Z'); // 00:30 on 5 March in Viet Nam
    expect(wallClock(lateUtc, TZ)).toEqual({ year: 2021, month: 3, day: 5, hour: 0, minute: 30 });
    expect(decreeTimeAndDate(lateUtc, TZ)).toBe('00 giờ 30 phút, ngày 05 tháng 3 năm 2021');
    expect(shortTimeAndDate(lateUtc, TZ)).toBe('00:30 ngày 05/03/2021');
    expect(decreeDate(lateUtc, 'UTC')).toBe('ngày 04 tháng 3 năm 2021');
  });
});

describe('paper builder', () => {
  it('lays out a Decree 30 paper across pages with metadata, numbering and a repeated table header', async () => {
    const paper = await createPaper({
      title: 'Báo cáo thử nghiệm',
      subject: 'Kiểm thử',
      author: 'Ủy ban nhân dân xã Long Đức',
      createdAt: new Date('2021-03-05T01:42:00Z'),
    });
    paper.header({
      parentAgency: 'Ủy ban nhân dân thành phố Trà Vinh',
      agency: 'Ủy ban nhân dân xã Long Đức',
      numberLine: 'Số: 12/BC-UBND',
      placeDate: 'Long Đức, ngày 05 tháng 3 năm 2021',
    });
    paper.title('BÁO CÁO THỬ NGHIỆM', ['Về việc in giấy tờ hành chính']);
    paper.paragraph(
      'Căn cứ Nghị định số 30/2020/NĐ-CP ngày 05 tháng 3 năm 2020 của Chính phủ về công tác văn thư, Ủy ban nhân dân xã Long Đức báo cáo như sau.',
      { indent: 28 },
    );
    paper.field('Người lập', 'Nguyễn Thị Hồng Nhung', { valueStyle: 'bold' });
    paper.table(
      [
        { header: 'STT', width: 1, align: 'center' },
        { header: 'Nội dung', width: 8 },
        { header: 'Ghi chú', width: 3 },
      ],
      [
        ...Array.from({ length: 45 }, (_, i) => [String(i + 1), `Dòng số ${i + 1} của bảng`, '']),
        // A single cell taller than a page is split across pages.
        ['46', 'Rất dài. '.repeat(400), 'cuối bảng'],
      ],
    );
    await paper.qr({
      data: 'https://example.vn/tra-cuu?ma=1',
      caption: [{ content: 'Mã tra cứu: ABCD' }],
    });
    paper.closing({
      left: { type: 'recipients', lines: ['- Như trên;', '- Lưu: VT.'] },
      right: {
        type: 'signature',
        authority: 'TM. Ủy ban nhân dân',
        title: 'Chủ tịch',
        note: '(Ký, ghi rõ họ tên và đóng dấu)',
        name: 'Thạch Thị Sa Rươne',
      },
    });
    const pages = paper.pageCount();
    const bytes = await paper.save();
    await expect(paper.save()).rejects.toThrow();

    const info = poppler(bytes, 'pdfinfo');
    expect(info).toMatch(/Title:\s+Báo cáo thử nghiệm/);
    expect(info).toMatch(/Producer:\s+OpenProvince/);
    expect(info).toMatch(/Author:\s+Ủy ban nhân dân xã Long Đức/);
    expect(info).toMatch(/CreationDate:\s+Fri Mar\s+5 01:42:00 2021 UTC/);
    expect(info).toMatch(/ModDate:\s+Fri Mar\s+5 01:42:00 2021 UTC/);
    expect(info).toMatch(/Page size:\s+595.2\d* x 841.8\d* pts \(A4\)/);
    expect(Number(/Pages:\s+(\d+)/.exec(info)?.[1])).toBe(pages);
    expect(pages).toBeGreaterThanOrEqual(3);

    const first = poppler(bytes, 'pdftotext', '-f', '1', '-l', '1');
    expect(first).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(first).toContain('Độc lập - Tự do - Hạnh phúc');
    expect(first).toContain('ỦY BAN NHÂN DÂN');
    expect(first).toContain('Long Đức, ngày 05 tháng 3 năm 2021');
    expect(flat(first)).toContain('Người lập: Nguyễn Thị Hồng Nhung');
    expect(first.trimStart().startsWith('1\n')).toBe(false);

    const second = poppler(bytes, 'pdftotext', '-f', '2', '-l', '2');
    expect(second.trimStart().split('\n')[0]).toBe('2');
    expect(second).toContain('Nội dung'); // header repeated
    const all = poppler(bytes, 'pdftotext');
    expect(all).toContain('Dòng số 45 của bảng');
    expect(all).toContain('cuối bảng');
    const last = poppler(bytes, 'pdftotext', '-f', String(pages), '-l', String(pages));
    expect(flat(last)).toContain('Nơi nhận:');
    expect(flat(last)).toContain('TM. ỦY BAN NHÂN DÂN CHỦ TỊCH');
    expect(last).toContain('Thạch Thị Sa Rươne');

    // Whole fonts (the TrueType subsetter of @pdf-lib/fontkit drops glyphs), each style once.
    const fonts = poppler(bytes, 'pdffonts')
      .split('\n')
      .filter((l) => l.includes('NotoSerif'));
    expect(fonts.map((l) => l.split(/\s+/)[0]!.replace(/-\d+$/, '')).sort()).toEqual([
      'NotoSerif-Bold',
      'NotoSerif-BoldItalic',
      'NotoSerif-Italic',
      'NotoSerif-Regular',
    ]);
    for (const line of fonts) expect(line).toMatch(/Identity-H\s+yes\s+no\s+yes/);

    expect(poppler(bytes, 'pdfimages', '-list')).toMatch(/\bimage\s+\d+\s+\d+\s+rgb/);
    // Classic cross-reference table (no object streams), as PAdES signing expects.
    expect(Buffer.from(bytes).includes('/ObjStm')).toBe(false);
  });

  it('embeds only the styles it draws', async () => {
    const paper = await createPaper({ title: 'x', createdAt: new Date(0) });
    paper.paragraph('Chỉ chữ thường.');
    const fonts = poppler(await paper.save(), 'pdffonts');
    expect(fonts).toContain('NotoSerif-Regular');
    expect(fonts).not.toContain('NotoSerif-Bold');
    expect(fonts).not.toContain('NotoSerif-Italic');
  });

  it('embeds only the glyphs it draws, and every one of them keeps its outline', async () => {
    const text =
      'Độc lập - Tự do - Hạnh phúc: Ủy ban nhân dân tỉnh Trà Vinh, quyết định ưu tiên ễ ỹ ỵ ẫ';
    const paper = await createPaper({ title: 'x', createdAt: new Date(0) });
    paper.paragraph(text);
    const bytes = await paper.save();
    expect(bytes.length).toBeLessThan(60_000); // the whole Noto Serif is ~550 kB
    const doc = await PDFDocument.load(bytes);
    const fontFiles = doc.context
      .enumerateIndirectObjects()
      .map(([, o]) => o)
      .filter((o) => o instanceof PDFRawStream && o.dict.has(PDFName.of('Length1')));
    expect(fontFiles).toHaveLength(1);
    const font = fontkit.create(
      Buffer.from(decodePDFRawStream(fontFiles[0] as PDFRawStream).decode()),
    );
    const glyphs = font.layout(text).glyphs.filter((g) => g.codePoints.some((c) => c > 32));
    expect(glyphs.length).toBeGreaterThan(50);
    for (const g of glyphs)
      expect(g.path.toSVG().length, String.fromCodePoint(...g.codePoints)).toBeGreaterThan(0);
  });
});
