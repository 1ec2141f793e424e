/** Test documents: a Decree 30 decision with blanks for the number and date, as the clerk gets it. */
import { createPaper } from '../pdf/index.js';

export const SIGNER_NAME = 'Nguyễn Văn Ánh';
/** Non-breaking spaces: the paper renderer collapses ordinary runs of spaces. */
const BLANK = '\u00a0'.repeat(8);

/** `articles` extra articles push the signature block onto a later page. */
export async function decisionPdf(articles = 0): Promise<Uint8Array> {
  const paper = await createPaper({
    title: 'Quyết định',
    createdAt: new Date('2021-07-14T02:00:00Z'),
  });
  paper.header({
    parentAgency: 'Ủy ban nhân dân tỉnh Trà Vinh',
    agency: 'Sở Thông tin và Truyền thông',
    numberLine: `Số:${BLANK}/QĐ-STTTT`,
    placeDate: `Trà Vinh, ngày${BLANK}tháng${BLANK}năm 2021`,
  });
  paper.title('QUYẾT ĐỊNH', ['Về việc ban hành Quy chế quản lý văn bản điện tử']);
  paper.paragraph('GIÁM ĐỐC SỞ THÔNG TIN VÀ TRUYỀN THÔNG', { align: 'center', style: 'bold' });
  paper.paragraph(
    'Căn cứ Nghị định số 30/2020/NĐ-CP ngày 05 tháng 3 năm 2020 của Chính phủ về công tác văn thư; theo đề nghị của Chánh Văn phòng Sở,',
    { indent: 28 },
  );
  paper.paragraph('QUYẾT ĐỊNH:', { align: 'center', style: 'bold' });
  paper.paragraph(
    'Điều 1. Ban hành kèm theo Quyết định này Quy chế quản lý văn bản điện tử của Sở Thông tin và Truyền thông tỉnh Trà Vinh.',
    { indent: 28 },
  );
  for (let i = 0; i < articles; i++) {
    paper.paragraph(
      `Điều ${i + 2}. Các đơn vị thuộc Sở thực hiện quy chế này theo chức năng, nhiệm vụ được giao.`,
      { indent: 28 },
    );
  }
  paper.paragraph(`Điều ${articles + 2}. Quyết định này có hiệu lực kể từ ngày ký.`, {
    indent: 28,
  });
  paper.closing({
    left: { type: 'recipients', lines: ['- Như Điều 2;', '- Lưu: VT.'] },
    right: {
      type: 'signature',
      authority: 'KT. GIÁM ĐỐC',
      title: 'PHÓ GIÁM ĐỐC',
      name: SIGNER_NAME,
    },
  });
  return paper.save();
}
