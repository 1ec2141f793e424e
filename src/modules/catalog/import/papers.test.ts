import { describe, expect, it } from 'vitest';
import { fallbackPaper, parsePapers, splitTemplate } from './papers.js';
import { cleanLegalBasis, cleanResult, textOrNull } from './texts.js';

const header = 'Tên giấy tờMẫu đơn, tờ khaiSố lượng';

describe('parsePapers', () => {
  it('reads names, quantities and template files of the flattened table', () => {
    const text =
      `--${header}Văn bản đề nghị công nhận tiến bộ kỹ thuật theo Mẫu số 1 ban hành kèm theo Thông tư số 04/2018/TT-BNNPTNT ngày 03/5/2018Mẫu số 1.docx1 bản chính` +
      'Bản sao Giấy chứng nhận đăng ký doanh nghiệp0 bản chính,1 bản sao' +
      '- Trường hợp ủy quyền: văn bản ủy quyền1 bản chính';
    expect(parsePapers(text)).toEqual([
      {
        key: 'p1',
        name: 'Văn bản đề nghị công nhận tiến bộ kỹ thuật theo Mẫu số 1 ban hành kèm theo Thông tư số 04/2018/TT-BNNPTNT ngày 03/5/2018',
        copies: '1 bản chính',
        mandatory: true,
        templateFile: 'Mẫu số 1.docx',
      },
      {
        key: 'p2',
        name: 'Bản sao Giấy chứng nhận đăng ký doanh nghiệp',
        copies: '1 bản sao',
        mandatory: true,
        templateFile: null,
      },
      {
        key: 'p3',
        name: 'Trường hợp ủy quyền: văn bản ủy quyền',
        copies: '1 bản chính',
        mandatory: false,
        templateFile: null,
      },
    ]);
  });

  it('reads every group and keeps a quantity inside a sentence in the name', () => {
    const text =
      `* Giấy tờ phải nộp:${header}Tờ khai theo mẫu, nộp 02 bản chính tờ khai khi nộp hồ sơ giấy.1 bản chính` +
      `* Giấy tờ phải xuất trình:${header}Giấy tờ tùy thân1 bản chính`;
    const papers = parsePapers(text)!;
    expect(papers.map((p) => p.name)).toEqual([
      'Tờ khai theo mẫu, nộp 02 bản chính tờ khai khi nộp hồ sơ giấy.',
      'Giấy tờ tùy thân',
    ]);
  });

  it('splits list items glued to the quantity and a form number glued to it', () => {
    const papers = parsePapers(
      `${header}a) Tờ khai hàng hóa1 bản chínhb) Hóa đơn thương mại: 01 bản chụp;0 bản chính,1 bản sao` +
        'Văn bản đề nghị theo Mẫu số 091 bản chính',
    )!;
    expect(papers.map((p) => [p.name, p.copies])).toEqual([
      ['A) Tờ khai hàng hóa', '1 bản chính'],
      ['B) Hóa đơn thương mại: 01 bản chụp', '1 bản sao'],
      ['Văn bản đề nghị theo Mẫu số 09', '1 bản chính'],
    ]);
  });

  it('gives null when nothing can be read (the import then uses the fallback paper)', () => {
    expect(parsePapers(null)).toBeNull();
    expect(parsePapers('Không có quy định về thành phần hồ sơ')).toBeNull();
    expect(fallbackPaper).toMatchObject({ name: 'Đơn/tờ khai theo mẫu', mandatory: true });
  });

  it('finds template file names at a glued boundary', () => {
    expect(splitTemplate('Đơn đề nghị theo mẫu;1 (1).docx')).toEqual({
      name: 'Đơn đề nghị theo mẫu;',
      templateFile: '1 (1).docx',
    });
    expect(splitTemplate('Phiếu (mẫu TK01)TK01-Phieu.docx').templateFile).toBe('TK01-Phieu.docx');
    expect(splitTemplate('Giấy chứng nhận')).toEqual({
      name: 'Giấy chứng nhận',
      templateFile: null,
    });
  });
});

describe('texts', () => {
  it('cleans the result and legal-basis cells', () => {
    expect(
      cleanResult(
        'Giấy khai sinhMã: KQ.G15.000031Từ khóaKhông có thông tinMô tảKhông có thông tin',
      ),
    ).toBe('Giấy khai sinh');
    expect(
      cleanLegalBasis(
        'Tên văn bản pháp lýMã văn bảnLuật 54/2014/QH1354/2014/QH13Thông tư 92/2015/TT-BTC92/2015/TT-BTC',
      ),
    ).toBe('Luật 54/2014/QH1354/2014/QH13\nThông tư 92/2015/TT-BTC92/2015/TT-BTC');
    expect(textOrNull(' Không có thông tin ')).toBeNull();
  });
});
