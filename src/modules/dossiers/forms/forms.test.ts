import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  type ControlRow,
  type FormKind,
  formKinds,
  formTitles,
  renderControlForm,
  renderForm,
} from './index.js';
import { sampleForms } from './samples.js';

// Samples are kept for a look: /tmp/forms/mau-01.pdf … (pdftoppm -png -r 60 to preview).
const outDir = '/tmp/forms';
mkdirSync(outDir, { recursive: true });

function save(name: string, bytes: Uint8Array): string {
  const file = path.join(outDir, `${name}.pdf`);
  writeFileSync(file, bytes);
  return file;
}
const text = (file: string, ...pages: string[]) =>
  execFileSync('pdftotext', [...pages, file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
const pageCount = (file: string) =>
  Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))?.[1]);

const files = new Map<FormKind, string>();
beforeAll(async () => {
  for (const kind of formKinds) {
    files.set(kind, save(`mau-${kind}`, await renderForm(kind, sampleForms[kind] as never)));
  }
});

describe('one-stop forms', () => {
  it.each(formKinds)('renders form %s on one page with its Vietnamese wording intact', (kind) => {
    const file = files.get(kind)!;
    const content = text(file);
    expect(content).toContain(formTitles[kind]);
    expect(content).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(content).toContain('Độc lập - Tự do - Hạnh phúc');
    expect(content).toContain('ỦY BAN NHÂN DÂN');
    expect(content).toContain('Mã hồ sơ: X29263-210305-0007');
    expect(content).toContain('Nguyễn Thị Hồng Nhung');
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
    expect(info).toMatch(/Pages:\s+1\n/);
    expect(info).toMatch(/Producer:\s+OpenProvince/);
    expect(info).toMatch(/Title:\s+Phiếu|Title:\s+Giấy/);
  });

  it('form 01 carries the papers, the times, the lookup code and its QR code', async () => {
    const file = files.get('01')!;
    const content = text(file);
    for (const expected of [
      'GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ',
      'Long Đức, ngày 05 tháng 3 năm 2021',
      'Số: 125/GTN-BPMC',
      'Tiếp nhận hồ sơ của: Nguyễn Thị Hồng Nhung',
      'Số điện thoại: 0912 345 678',
      'hongnhung.tv@example.vn',
      'Giấy chứng nhận kết hôn của cha, mẹ (nếu có)',
      '01 bản sao chứng thực',
      '05 ngày làm việc',
      '08 giờ 30 phút, ngày 05 tháng 3 năm 2021',
      '14 giờ 00 phút, ngày 12 tháng 3 năm 2021',
      'Mã tra cứu hồ sơ: K7Q4-2MXD',
      'NGƯỜI NỘP HỒ SƠ',
      'NGƯỜI TIẾP NHẬN HỒ SƠ',
      'Trần Văn Đức',
    ]) {
      expect(content).toContain(expected);
    }
    expect(execFileSync('pdfimages', ['-list', file], { encoding: 'utf8' })).toMatch(/\bimage\b/);
  });

  it('forms 02–04 say what is missing, why the dossier is refused and when the result comes', async () => {
    const supplement = text(files.get('02')!);
    expect(supplement).toContain('Bản đã nộp là bản chụp, không có chữ ký và dấu của cơ sở y tế.');
    expect(supplement).toContain('được tính lại từ đầu');
    expect(supplement).toContain('NGƯỜI HƯỚNG DẪN');

    const refusal = text(files.get('03')!);
    expect(refusal).toContain('thông báo không tiếp nhận, giải quyết hồ sơ này');
    expect(refusal).toContain('không thuộc thẩm quyền giải quyết');

    const apology = text(files.get('04')!);
    expect(apology).toContain('Kính gửi: Bà Nguyễn Thị Hồng Nhung');
    expect(apology).toContain('Lý do: Cần xác minh thông tin cư trú của người mẹ với Công an xã.');
    expect(apology).toContain('16 tháng 3 năm 2021');
    expect(apology).toContain('Long Đức, ngày 11 tháng 3 năm 2021');
    expect(apology).toContain('Nơi nhận:');
    expect(apology).toContain('TM. ỦY BAN NHÂN DÂN');
    expect(apology).toContain('Thạch Thị Sa Rươne');
  });

  it('form 06 spreads a long history over pages and repeats the table header', async () => {
    const start = new Date('2021-03-05T01:30:00Z');
    const rows: ControlRow[] = Array.from({ length: 45 }, (_, i) => ({
      at: new Date(start.getTime() + i * 3_600_000),
      stepName: i % 2 ? 'Công chức Tư pháp - Hộ tịch' : 'Bộ phận Tiếp nhận và Trả kết quả',
      actorName: i % 2 ? 'Lê Thị Ánh Tuyết' : 'Trần Văn Đức',
      actionLabel: i % 2 ? 'Nhận' : 'Giao',
      note: i === 44 ? 'Bước cuối cùng' : undefined,
      outcome: i % 3 === 0 ? 'late' : 'on_time',
    }));
    const file = save('mau-06-dai', await renderControlForm({ ...sampleForms['06'], rows }));
    expect(pageCount(file)).toBeGreaterThanOrEqual(2);
    const second = text(file, '-f', '2', '-l', '2');
    expect(second.trimStart().startsWith('2 ')).toBe(true);
    expect(second).toContain('THỜI GIAN GIAO, NHẬN HỒ SƠ');
    const all = text(file);
    expect(all).toContain('PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ');
    expect(all).toContain('Quá hạn');
    expect(all).toContain('Lê Thị Ánh Tuyết');
    expect(all).toContain('Bước cuối cùng');
  });
});
