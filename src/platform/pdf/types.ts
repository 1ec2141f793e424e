import type { FontStyle } from './fonts.js';
import type { Rich } from './text.js';

export type Align = 'left' | 'center' | 'right' | 'justify';

export type PaperOptions = {
  title: string;
  subject?: string;
  author?: string;
  keywords?: string[];
  /** Creation and modification date written into the metadata (no hidden clock). */
  createdAt: Date;
};

export type HeaderOptions = {
  /** "Tên cơ quan, tổ chức chủ quản": upper-cased, regular. */
  parentAgency?: string;
  /** The issuing agency: upper-cased, bold, with a short rule under it. */
  agency: string;
  /** "Số: 12/GTN-BPMC", under the agency. */
  numberLine?: string;
  /** "Trà Vinh, ngày 05 tháng 3 năm 2021", italic, under the national motto. */
  placeDate?: string;
};

export type ParagraphOptions = {
  align?: Align;
  /** First-line indent in points. */
  indent?: number;
  size?: number;
  /** Style of a plain-string paragraph. */
  style?: FontStyle;
  spaceBefore?: number;
  spaceAfter?: number;
};

export type TableColumn = {
  header: Rich;
  /** Relative width; the columns share the text width in proportion. */
  width: number;
  align?: 'left' | 'center' | 'right';
};

export type TableOptions = { size?: number };

export type SignatureBlock = {
  type: 'signature';
  /** "TM. ỦY BAN NHÂN DÂN", "KT. GIÁM ĐỐC" … above the title. */
  authority?: string;
  /** "NGƯỜI TIẾP NHẬN HỒ SƠ", "CHỦ TỊCH" … */
  title: string;
  /** "(Ký và ghi rõ họ tên)". */
  note?: string;
  name?: string;
  /** Room left for the signature and seal, in mm. */
  signatureSpace?: number;
};
export type RecipientsBlock = { type: 'recipients'; lines: readonly string[] };
export type ClosingBlock = SignatureBlock | RecipientsBlock;

export type QrOptions = {
  data: string;
  /** Paragraphs written beside the code. */
  caption?: readonly CaptionParagraph[];
  /** Side of the code in mm. */
  size?: number;
  /** Which side of the text the code sits on. */
  side?: 'left' | 'right';
};
export type CaptionParagraph = { content: Rich; size?: number; align?: Align };

/** A Vietnamese administrative paper laid out top to bottom with automatic page breaks. */
export type Paper = {
  readonly contentWidth: number;
  header(options: HeaderOptions): void;
  title(text: string, subtitles?: readonly Rich[]): void;
  paragraph(content: Rich, options?: ParagraphOptions): void;
  /** A left-aligned form line, closer to the next than a paragraph. */
  line(content: Rich, options?: Omit<ParagraphOptions, 'align'>): void;
  /** "Label: value" — continuation lines start at the margin. */
  field(label: string, value: string, options?: { valueStyle?: FontStyle }): void;
  /** Several short fields on one line when they fit, one per line otherwise. */
  fieldsRow(pairs: readonly (readonly [label: string, value: string])[]): void;
  table(
    columns: readonly TableColumn[],
    rows: readonly (readonly Rich[])[],
    options?: TableOptions,
  ): void;
  space(points: number): void;
  qr(options: QrOptions): Promise<void>;
  /** Signature block(s) and "Nơi nhận:", kept together on one page. */
  closing(blocks: { left?: ClosingBlock; right?: ClosingBlock }): void;
  pageCount(): number;
  /** Numbers pages from 2, writes metadata and serialises (no object streams). */
  save(): Promise<Uint8Array>;
};
