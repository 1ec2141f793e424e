/**
 * Entry point of the paper layout: `createPaper` and the builder behind the `Paper` type. It
 * holds the text flow (title, paragraphs, form lines and fields) and the document assembly
 * (page numbers, metadata, font embedding, serialisation); the header, tables, QR codes and
 * closing blocks are drawn by their own files on the shared `Sheet`.
 */
import { PDFDocument } from 'pdf-lib';
import { drawClosingBlocks } from './closing.js';
import { type FontStyle, type SerifFont, serifFonts } from './fonts.js';
import { drawHeader } from './header.js';
import {
  ASCENT,
  BLACK,
  BODY_SIZE,
  CONTENT_WIDTH,
  LINE,
  LINE_SPACING,
  MARGIN,
  PAGE,
  PARAGRAPH_SPACING,
  mm,
} from './layout.js';
import { drawQr } from './qr.js';
import { Sheet } from './sheet.js';
import { drawTable } from './table.js';
import { type Rich, toRuns, wrap } from './text.js';
import type {
  ClosingBlock,
  HeaderOptions,
  Paper,
  PaperOptions,
  ParagraphOptions,
  QrOptions,
  TableColumn,
  TableOptions,
} from './types.js';

export { mm } from './layout.js';

export async function createPaper(options: PaperOptions): Promise<Paper> {
  const [doc, fonts] = await Promise.all([
    PDFDocument.create({ updateMetadata: false }),
    serifFonts(),
  ]);
  return new PaperBuilder(doc, fonts, options);
}

class PaperBuilder extends Sheet implements Paper {
  readonly contentWidth = CONTENT_WIDTH;
  private saved = false;

  constructor(
    doc: PDFDocument,
    fonts: Readonly<Record<FontStyle, SerifFont>>,
    private readonly options: PaperOptions,
  ) {
    super(doc, fonts);
  }

  header(options: HeaderOptions): void {
    drawHeader(this, options);
  }

  title(text: string, subtitles: readonly Rich[] = []): void {
    const titleRuns = toRuns(text, 'bold');
    const titleHeight = this.heightOf(titleRuns, CONTENT_WIDTH, 14);
    // Never leave a title alone at the bottom of a page.
    this.ensure(titleHeight + subtitles.length * BODY_SIZE * LINE + 4 * BODY_SIZE * LINE + 12);
    this.y -= 12;
    this.paragraph(titleRuns, { align: 'center', size: 14, spaceAfter: 0 });
    for (const subtitle of subtitles) {
      this.paragraph(subtitle, { align: 'center', style: 'bold', spaceAfter: 0 });
    }
    this.y -= 10;
  }

  paragraph(content: Rich, options: ParagraphOptions = {}): void {
    const size = options.size ?? BODY_SIZE;
    const align = options.align ?? 'justify';
    const indent = options.indent ?? 0;
    const lines = wrap(toRuns(content, options.style), CONTENT_WIDTH, size, this.measure, indent);
    if (options.spaceBefore) this.y -= options.spaceBefore;
    lines.forEach((line, i) => {
      this.ensure(size * LINE);
      const offset = i === 0 ? indent : 0;
      this.drawLine(
        line,
        MARGIN.left + offset,
        CONTENT_WIDTH - offset,
        this.y - size * ASCENT,
        size,
        align,
      );
      this.y -= size * LINE;
    });
    this.y -= options.spaceAfter ?? PARAGRAPH_SPACING;
  }

  line(content: Rich, options: Omit<ParagraphOptions, 'align'> = {}): void {
    this.paragraph(content, { spaceAfter: LINE_SPACING, ...options, align: 'left' });
  }

  field(label: string, value: string, options: { valueStyle?: FontStyle } = {}): void {
    this.line([
      { text: `${label}: `, style: 'regular' },
      { text: value, style: options.valueStyle ?? 'regular' },
    ]);
  }

  fieldsRow(pairs: readonly (readonly [label: string, value: string])[]): void {
    const present = pairs.filter(([, value]) => value.trim() !== '');
    if (present.length === 0) return;
    const columnWidth = CONTENT_WIDTH / present.length;
    const fits = present.every(
      ([label, value]) =>
        this.measure.width(`${label}: ${value}`, 'regular', BODY_SIZE) <= columnWidth - mm(3),
    );
    if (!fits || present.length === 1) {
      for (const [label, value] of present) this.field(label, value);
      return;
    }
    this.ensure(BODY_SIZE * LINE);
    present.forEach(([label, value], i) => {
      const [line] = wrap([{ text: `${label}: ${value}` }], columnWidth, BODY_SIZE, this.measure);
      if (line) {
        const x = MARGIN.left + i * columnWidth;
        this.drawLine(line, x, columnWidth, this.y - BODY_SIZE * ASCENT, BODY_SIZE, 'left');
      }
    });
    this.y -= BODY_SIZE * LINE + LINE_SPACING;
  }

  table(
    columns: readonly TableColumn[],
    rows: readonly (readonly Rich[])[],
    options: TableOptions = {},
  ): void {
    drawTable(this, columns, rows, options);
  }

  space(points: number): void {
    this.y -= points;
  }

  async qr(options: QrOptions): Promise<void> {
    await drawQr(this, options);
  }

  closing(blocks: { left?: ClosingBlock; right?: ClosingBlock }): void {
    drawClosingBlocks(this, blocks);
  }

  pageCount(): number {
    return this.doc.getPageCount();
  }

  async save(): Promise<Uint8Array> {
    if (this.saved) throw new Error('a paper is saved once');
    this.saved = true;
    // Decree 30: pages numbered from the second, centred in the top margin.
    this.doc.getPages().forEach((page, i) => {
      if (i === 0) return;
      const text = String(i + 1);
      const width = this.measure.width(text, 'regular', BODY_SIZE);
      page.drawText(text, {
        x: MARGIN.left + (CONTENT_WIDTH - width) / 2,
        y: PAGE.height - mm(12),
        size: BODY_SIZE,
        font: this.font('regular'),
        color: BLACK,
      });
    });
    const { title, subject, author, keywords, createdAt } = this.options;
    this.doc.setTitle(title, { showInWindowTitleBar: true });
    if (subject) this.doc.setSubject(subject);
    if (author) this.doc.setAuthor(author);
    if (keywords?.length) this.doc.setKeywords(keywords);
    this.doc.setProducer('OpenProvince');
    this.doc.setCreator('OpenProvince');
    this.doc.setLanguage('vi-VN');
    this.doc.setCreationDate(createdAt);
    this.doc.setModificationDate(createdAt);
    for (const font of this.pdfFonts.values()) await font.embed();
    return this.doc.save({ useObjectStreams: false });
  }
}
