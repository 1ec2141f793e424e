/**
 * The XML of an exported file (hồ sơ): one file-level record and one record per document,
 * with the items of Decree 30/2020 annex VI (each element carries the item's Vietnamese name
 * in `label`). Hand-written: values are escaped and characters XML forbids are dropped.
 */

export const RECORDS_XML_NAMESPACE = 'urn:openprovince:records:annex-vi:1';

/** Escapes text for an element or an attribute; drops characters XML 1.0 cannot carry. */
export function escapeXml(value: string): string {
  return value
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

type Value = string | number | null | undefined;
type Field = readonly [name: string, label: string, value: Value];

function element([name, label, value]: Field, indent = '  '): string {
  const open = `${indent}<${name} label="${escapeXml(label)}"`;
  return value === null || value === undefined || value === ''
    ? `${open}/>`
    : `${open}>${escapeXml(String(value))}</${name}>`;
}

const prolog = '<?xml version="1.0" encoding="UTF-8"?>';

export type DocumentXmlInput = {
  fileIdentifier: string;
  ordinal: number;
  documentId: string;
  typeName: string;
  number: number | null;
  symbol: string | null;
  issuedOn: string | null;
  issuerName: string;
  summary: string;
  language: string;
  pages: number | null;
  signerName: string | null;
  signerPosition: string | null;
  urgency: string;
  dueOn: string | null;
  direction: 'outgoing' | 'incoming';
  incomingNumber: number | null;
  receivedOn: string | null;
  fileName: string | null;
  sha256: string | null;
};

/** "12/QĐ-STTTT" → "QĐ-STTTT": the notation (ký hiệu) after the number. */
export function notationOf(symbol: string | null): string | null {
  if (!symbol) return null;
  const slash = symbol.indexOf('/');
  return slash >= 0 ? symbol.slice(slash + 1) : symbol;
}

export function documentXml(d: DocumentXmlInput): string {
  const fields: Field[] = [
    ['fileIdentifier', 'Mã hồ sơ', d.fileIdentifier],
    ['ordinal', 'Số thứ tự văn bản trong hồ sơ', d.ordinal],
    ['documentId', 'Mã định danh văn bản', d.documentId],
    ['typeName', 'Tên loại văn bản', d.typeName],
    ['number', 'Số của văn bản', d.number],
    ['notation', 'Ký hiệu của văn bản', notationOf(d.symbol)],
    ['symbol', 'Số, ký hiệu văn bản', d.symbol],
    ['issuedOn', 'Ngày, tháng, năm văn bản', d.issuedOn],
    ['issuer', 'Tên cơ quan, tổ chức ban hành văn bản', d.issuerName],
    ['summary', 'Trích yếu nội dung', d.summary],
    ['language', 'Ngôn ngữ', d.language],
    ['pages', 'Số lượng trang của văn bản', d.pages],
    ['signer', 'Người ký', d.signerName],
    ['signerPosition', 'Chức vụ người ký', d.signerPosition],
    ['urgency', 'Độ khẩn', d.urgency],
    ['dueOn', 'Hạn giải quyết', d.dueOn],
    ['direction', 'Văn bản đi / văn bản đến', d.direction],
    ['incomingNumber', 'Số đến', d.incomingNumber],
    ['receivedOn', 'Ngày đến', d.receivedOn],
    ['fileName', 'Tệp văn bản', d.fileName],
    ['sha256', 'Mã băm SHA-256 của tệp', d.sha256],
  ];
  return [
    prolog,
    `<document xmlns="${RECORDS_XML_NAMESPACE}">`,
    ...fields.map((f) => element(f)),
    '</document>',
    '',
  ].join('\n');
}

export type FileXmlInput = {
  fileIdentifier: string;
  code: string;
  title: string;
  agencyName: string;
  headingCode: string;
  headingTitle: string;
  retentionLabel: string;
  language: string;
  startDate: string | null;
  endDate: string | null;
  pageCount: number;
  keeperName: string;
  openedOn: string;
  closedOn: string | null;
  state: string;
  note: string | null;
  exportedAt: string;
  documents: {
    ordinal: number;
    symbol: string | null;
    issuedOn: string | null;
    summary: string;
    fileName: string | null;
    metadataName: string;
  }[];
};

export function fileXml(f: FileXmlInput): string {
  const fields: Field[] = [
    ['fileIdentifier', 'Mã hồ sơ', f.fileIdentifier],
    ['code', 'Số và ký hiệu hồ sơ', f.code],
    ['title', 'Tiêu đề hồ sơ', f.title],
    ['agency', 'Tên cơ quan, tổ chức', f.agencyName],
    ['headingCode', 'Ký hiệu đề mục', f.headingCode],
    ['heading', 'Đề mục', f.headingTitle],
    ['retention', 'Thời hạn bảo quản', f.retentionLabel],
    ['language', 'Ngôn ngữ', f.language],
    ['startDate', 'Thời gian bắt đầu', f.startDate],
    ['endDate', 'Thời gian kết thúc', f.endDate],
    ['documentCount', 'Tổng số văn bản trong hồ sơ', f.documents.length],
    ['pageCount', 'Tổng số trang của hồ sơ', f.pageCount],
    ['keeper', 'Người lập hồ sơ', f.keeperName],
    ['openedOn', 'Ngày mở hồ sơ', f.openedOn],
    ['closedOn', 'Ngày kết thúc hồ sơ', f.closedOn],
    ['state', 'Tình trạng', f.state],
    ['note', 'Ghi chú', f.note],
    ['exportedAt', 'Thời điểm xuất', f.exportedAt],
  ];
  const items = f.documents.map((d) => {
    const attrs = [
      `ordinal="${d.ordinal}"`,
      ...(d.symbol ? [`symbol="${escapeXml(d.symbol)}"`] : []),
      ...(d.issuedOn ? [`issuedOn="${d.issuedOn}"`] : []),
      ...(d.fileName ? [`file="${escapeXml(d.fileName)}"`] : []),
      `metadata="${escapeXml(d.metadataName)}"`,
    ];
    return `    <item ${attrs.join(' ')}>${escapeXml(d.summary)}</item>`;
  });
  return [
    prolog,
    `<recordFile xmlns="${RECORDS_XML_NAMESPACE}">`,
    ...fields.map((x) => element(x)),
    items.length === 0
      ? '  <documents label="Mục lục văn bản"/>'
      : ['  <documents label="Mục lục văn bản">', ...items, '  </documents>'].join('\n'),
    '</recordFile>',
    '',
  ].join('\n');
}
