import { PDFDocument, PDFFont, type PDFPage, rgb } from 'pdf-lib';
import QRCode from 'qrcode';
import { DeflatedFontEmbedder, type FontStyle, type SerifFont, serifFonts } from './fonts.js';
import { type Line, Measure, type Rich, type Run, toRuns, wrap } from './text.js';
import type {
  Align,
  ClosingBlock,
  HeaderOptions,
  Paper,
  PaperOptions,
  ParagraphOptions,
  QrOptions,
  SignatureBlock,
  TableColumn,
  TableOptions,
} from './types.js';

/** Millimetres to PDF points. */
export const mm = (value: number): number => (value * 72) / 25.4;

/** A4 with the margins of Decree 30/2020 (top 20, bottom 20, left 30, right 15 mm). */
const PAGE = { width: mm(210), height: mm(297) };
const MARGIN = { top: mm(20), bottom: mm(20), left: mm(30), right: mm(15) };
const CONTENT_WIDTH = PAGE.width - MARGIN.left - MARGIN.right;
const BODY_SIZE = 13;
/** Line pitch as a multiple of the size (Noto Serif's own ascent + descent is 1.36). */
const LINE = 1.25;
/** Top of a line box to its baseline. */
const ASCENT = 1.0;
/** Decree 30: at least 6 pt between paragraphs; form lines ("Địa chỉ: …") sit closer. */
const PARAGRAPH_SPACING = 6;
const LINE_SPACING = 3;
const BLACK = rgb(0, 0, 0);
/** The right header column holds "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" at 12 pt bold on one line. */
const HEADER_RIGHT_WIDTH = 262;
const HEADER_GAP = 4;
const HEADER_LEFT_WIDTH = CONTENT_WIDTH - HEADER_RIGHT_WIDTH - HEADER_GAP;

export async function createPaper(options: PaperOptions): Promise<Paper> {
  const [doc, fonts] = await Promise.all([
    PDFDocument.create({ updateMetadata: false }),
    serifFonts(),
  ]);
  return new PaperBuilder(doc, fonts, options);
}

class PaperBuilder implements Paper {
  readonly contentWidth = CONTENT_WIDTH;
  private page!: PDFPage;
  /** Top of the next line box, in points from the bottom of the page. */
  private y = 0;
  private readonly measure: Measure;
  private saved = false;

  /** PDF fonts are made on first use: a style never drawn is not embedded. */
  private readonly pdfFonts = new Map<FontStyle, PDFFont>();

  constructor(
    private readonly doc: PDFDocument,
    private readonly fonts: Readonly<Record<FontStyle, SerifFont>>,
    private readonly options: PaperOptions,
  ) {
    this.measure = new Measure((style) => fonts[style].font);
    this.newPage();
  }

  header({ parentAgency, agency, numberLine, placeDate }: HeaderOptions): void {
    const top = this.y;
    const leftX = MARGIN.left;
    const rightX = MARGIN.left + HEADER_LEFT_WIDTH + HEADER_GAP;
    const rightWidth = HEADER_RIGHT_WIDTH;
    const size = 12;

    let left = top;
    if (parentAgency) {
      const lines = this.wrapBalanced(toRuns(upper(parentAgency)), HEADER_LEFT_WIDTH, size);
      left = this.drawLines(lines, leftX, HEADER_LEFT_WIDTH, left, size, 'center');
    }
    const agencyLines = this.wrapBalanced(toRuns(upper(agency), 'bold'), HEADER_LEFT_WIDTH, size);
    left = this.drawLines(agencyLines, leftX, HEADER_LEFT_WIDTH, left, size, 'center');
    const agencyWidth = Math.max(...agencyLines.map((l) => l.width));
    left = this.rule(leftX + HEADER_LEFT_WIDTH / 2, Math.min(agencyWidth * 0.4, mm(30)), left);

    const nation = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';
    const nationSize = this.fitSize(nation, 'bold', rightWidth, 12, 10.5);
    let right = this.block(
      [{ text: nation, style: 'bold' }],
      rightX,
      rightWidth,
      top,
      nationSize,
      'center',
    );
    const motto = 'Độc lập - Tự do - Hạnh phúc';
    const mottoSize = 13;
    right = this.block(
      [{ text: motto, style: 'bold' }],
      rightX,
      rightWidth,
      right,
      mottoSize,
      'center',
    );
    right = this.rule(rightX + rightWidth / 2, this.measure.width(motto, 'bold', mottoSize), right);

    let row = Math.min(left, right) - 4;
    const rowTop = row;
    if (numberLine) row = this.block(numberLine, leftX, HEADER_LEFT_WIDTH, rowTop, 13, 'center');
    if (placeDate) {
      row = Math.min(
        row,
        this.block(
          [{ text: placeDate, style: 'italic' }],
          rightX,
          rightWidth,
          rowTop,
          13,
          'center',
        ),
      );
    }
    this.y = row - 6;
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
    if (columns.length === 0) return;
    const size = options.size ?? 12;
    const pitch = size * LINE;
    const padX = 4;
    const padY = 3;
    const total = columns.reduce((sum, c) => sum + c.width, 0);
    const widths = columns.map((c) => (c.width / total) * CONTENT_WIDTH);
    const xs = widths.map((_, i) => MARGIN.left + widths.slice(0, i).reduce((a, b) => a + b, 0));
    const wrapCell = (content: Rich, i: number, style: FontStyle = 'regular'): Line[] =>
      wrap(toRuns(content, style), widths[i]! - 2 * padX, size, this.measure);

    const headerLines = columns.map((c, i) => wrapCell(c.header, i, 'bold'));
    const headerHeight = Math.max(...headerLines.map((l) => l.length)) * pitch + 2 * padY;
    let rowsOnPage = 0;
    const drawHeader = () => {
      const top = this.y;
      columns.forEach((_, i) => {
        const lines = headerLines[i]!;
        const offset = (headerHeight - 2 * padY - lines.length * pitch) / 2;
        this.drawLines(
          lines,
          xs[i]! + padX,
          widths[i]! - 2 * padX,
          top - padY - offset,
          size,
          'center',
        );
        this.cellBorder(xs[i]!, top, widths[i]!, headerHeight);
      });
      this.y = top - headerHeight;
      rowsOnPage = 0;
    };
    const breakPage = () => {
      this.newPage();
      drawHeader();
    };

    this.ensure(headerHeight + pitch + 2 * padY);
    drawHeader();
    const pageRoom = PAGE.height - MARGIN.top - MARGIN.bottom - headerHeight;

    for (const row of rows) {
      const cells = columns.map((_, i) => wrapCell(row[i] ?? '', i));
      const done = cells.map(() => 0);
      for (;;) {
        const remaining = Math.max(1, ...cells.map((lines, i) => lines.length - done[i]!));
        const needed = remaining * pitch + 2 * padY;
        let take = remaining;
        if (this.y - needed < MARGIN.bottom) {
          // Move a row that fits on a fresh page; split only a row taller than a page.
          if (rowsOnPage > 0 && needed <= pageRoom) {
            breakPage();
            continue;
          }
          take = Math.floor((this.y - MARGIN.bottom - 2 * padY) / pitch);
          if (take < 1) {
            breakPage();
            continue;
          }
        }
        const top = this.y;
        const height = take * pitch + 2 * padY;
        columns.forEach((column, i) => {
          const slice = cells[i]!.slice(done[i], done[i]! + take);
          this.drawLines(
            slice,
            xs[i]! + padX,
            widths[i]! - 2 * padX,
            top - padY,
            size,
            column.align ?? 'left',
          );
          this.cellBorder(xs[i]!, top, widths[i]!, height);
          done[i] = Math.min(cells[i]!.length, done[i]! + take);
        });
        this.y = top - height;
        rowsOnPage++;
        if (take >= remaining) break;
        breakPage();
      }
    }
    this.y -= PARAGRAPH_SPACING;
  }

  space(points: number): void {
    this.y -= points;
  }

  async qr({ data, caption = [], size = 28, side = 'left' }: QrOptions): Promise<void> {
    const png = await QRCode.toBuffer(data, {
      type: 'png',
      errorCorrectionLevel: 'M',
      margin: 1,
      scale: 6,
    });
    const image = await this.doc.embedPng(png);
    const edge = mm(size);
    const gap = mm(4);
    const textWidth = CONTENT_WIDTH - edge - gap;
    const codeX = side === 'left' ? MARGIN.left : MARGIN.left + textWidth + gap;
    const textX = side === 'left' ? MARGIN.left + edge + gap : MARGIN.left;
    const paragraphs = caption.map((c) => ({
      lines: wrap(toRuns(c.content), textWidth, c.size ?? 12, this.measure),
      size: c.size ?? 12,
      align: c.align ?? 'left',
    }));
    const textHeight = paragraphs.reduce((h, p) => h + p.lines.length * p.size * LINE + 3, 0);
    this.ensure(Math.max(edge + 4, textHeight));
    const top = this.y;
    this.page.drawImage(image, { x: codeX, y: top - 2 - edge, width: edge, height: edge });
    let y = top - Math.max(0, (edge + 4 - textHeight) / 2);
    for (const p of paragraphs)
      y = this.drawLines(p.lines, textX, textWidth, y, p.size, p.align) - 3;
    this.y = Math.min(top - 2 - edge, y) - PARAGRAPH_SPACING;
  }

  closing({ left, right }: { left?: ClosingBlock; right?: ClosingBlock }): void {
    const leftWidth = CONTENT_WIDTH * 0.45;
    const rightX = MARGIN.left + leftWidth;
    const rightWidth = CONTENT_WIDTH - leftWidth;
    const height = Math.max(
      left ? this.closingHeight(left, leftWidth) : 0,
      right ? this.closingHeight(right, rightWidth) : 0,
    );
    const before = 10;
    this.ensure(height + before);
    const top = this.y - before;
    if (left) this.drawClosing(left, MARGIN.left, leftWidth, top);
    if (right) this.drawClosing(right, rightX, rightWidth, top);
    this.y = top - height - PARAGRAPH_SPACING;
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

  // ── internals ────────────────────────────────────────────────────────────────────────────

  private font(style: FontStyle): PDFFont {
    let font = this.pdfFonts.get(style);
    if (!font) {
      const embedder = new DeflatedFontEmbedder(this.fonts[style]);
      font = PDFFont.of(this.doc.context.nextRef(), this.doc, embedder);
      this.pdfFonts.set(style, font);
    }
    return font;
  }

  private newPage(): void {
    this.page = this.doc.addPage([PAGE.width, PAGE.height]);
    this.y = PAGE.height - MARGIN.top;
  }

  /** Starts a new page unless `height` more points fit above the bottom margin. */
  private ensure(height: number): void {
    if (this.y - height < MARGIN.bottom) this.newPage();
  }

  private heightOf(runs: readonly Run[], width: number, size: number): number {
    return wrap(runs, width, size, this.measure).length * size * LINE;
  }

  /** Wrapped into as few lines as at `width`, but with lines of even length (for centred names). */
  private wrapBalanced(runs: readonly Run[], width: number, size: number): Line[] {
    let best = wrap(runs, width, size, this.measure);
    if (best.length < 2) return best;
    for (let w = width - 2; w > width / best.length; w -= 2) {
      const lines = wrap(runs, w, size, this.measure);
      if (lines.length > best.length) break;
      best = lines;
    }
    return best;
  }

  private fitSize(text: string, style: FontStyle, width: number, max: number, min: number): number {
    let size = max;
    while (size > min && this.measure.width(text, style, size) > width) size -= 0.5;
    return size;
  }

  /** Draws a wrapped block at a fixed place (no page break); returns the y below it. */
  private block(
    content: Rich,
    x: number,
    width: number,
    top: number,
    size: number,
    align: Align,
  ): number {
    return this.drawLines(
      wrap(toRuns(content), width, size, this.measure),
      x,
      width,
      top,
      size,
      align,
    );
  }

  private drawLines(
    lines: readonly Line[],
    x: number,
    width: number,
    top: number,
    size: number,
    align: Align,
  ): number {
    let y = top;
    for (const line of lines) {
      this.drawLine(line, x, width, y - size * ASCENT, size, align);
      y -= size * LINE;
    }
    return y;
  }

  private drawLine(
    line: Line,
    x: number,
    width: number,
    baseline: number,
    size: number,
    align: Align,
  ): void {
    if (line.words.length === 0) return;
    if (align === 'justify' && !line.isLast && line.words.length > 1) {
      const wordsWidth = line.words.reduce((sum, w) => sum + w.width, 0);
      const gap = (width - wordsWidth) / (line.words.length - 1);
      let at = x;
      for (const word of line.words) {
        this.drawSegments(word.pieces, at, baseline, size);
        at += word.width + gap;
      }
      return;
    }
    // Whole runs of one style in one text operator: cleaner text extraction and smaller files.
    const segments: { text: string; style: FontStyle }[] = [];
    line.words.forEach((word, i) => {
      word.pieces.forEach((piece, j) => {
        const last = segments.at(-1);
        const space = i > 0 && j === 0 ? ' ' : '';
        if (last && last.style === piece.style) last.text += space + piece.text;
        else {
          if (last) last.text += space;
          segments.push({ text: piece.text, style: piece.style });
        }
      });
    });
    const width0 = segments.reduce((sum, s) => sum + this.measure.width(s.text, s.style, size), 0);
    const start =
      align === 'center' ? x + (width - width0) / 2 : align === 'right' ? x + width - width0 : x;
    this.drawSegments(segments, start, baseline, size);
  }

  private drawSegments(
    segments: readonly { text: string; style: FontStyle }[],
    x: number,
    baseline: number,
    size: number,
  ): void {
    let at = x;
    for (const { text, style } of segments) {
      this.page.drawText(text, { x: at, y: baseline, size, font: this.font(style), color: BLACK });
      at += this.measure.width(text, style, size);
    }
  }

  /** A centred horizontal rule under a line of text; returns the y below it. */
  private rule(centerX: number, length: number, top: number): number {
    // Clear of the descenders of the line above, as on printed papers.
    const y = top - 3;
    this.page.drawLine({
      start: { x: centerX - length / 2, y },
      end: { x: centerX + length / 2, y },
      thickness: 0.6,
      color: BLACK,
    });
    return top - 7;
  }

  private cellBorder(x: number, top: number, width: number, height: number): void {
    this.page.drawRectangle({
      x,
      y: top - height,
      width,
      height,
      borderWidth: 0.6,
      borderColor: BLACK,
    });
  }

  private signatureParts(block: SignatureBlock): { runs: Run[]; size: number; gapAfter: number }[] {
    const parts: { runs: Run[]; size: number; gapAfter: number }[] = [];
    if (block.authority)
      parts.push({
        runs: [{ text: upper(block.authority), style: 'bold' }],
        size: 13,
        gapAfter: 0,
      });
    parts.push({ runs: [{ text: upper(block.title), style: 'bold' }], size: 13, gapAfter: 0 });
    if (block.note)
      parts.push({ runs: [{ text: block.note, style: 'italic' }], size: 12, gapAfter: 0 });
    parts.at(-1)!.gapAfter = mm(block.signatureSpace ?? 20);
    if (block.name)
      parts.push({ runs: [{ text: block.name, style: 'bold' }], size: 13, gapAfter: 0 });
    return parts;
  }

  private closingHeight(block: ClosingBlock, width: number): number {
    if (block.type === 'recipients') {
      return 12 * LINE + block.lines.reduce((h, l) => h + this.heightOf(toRuns(l), width, 11), 0);
    }
    return this.signatureParts(block).reduce(
      (h, p) => h + this.heightOf(p.runs, width, p.size) + p.gapAfter,
      0,
    );
  }

  private drawClosing(block: ClosingBlock, x: number, width: number, top: number): void {
    let y = top;
    if (block.type === 'recipients') {
      y = this.block([{ text: 'Nơi nhận:', style: 'boldItalic' }], x, width, y, 12, 'left');
      for (const line of block.lines) y = this.block(line, x, width, y, 11, 'left');
      return;
    }
    for (const part of this.signatureParts(block)) {
      y = this.block(part.runs, x, width, y, part.size, 'center') - part.gapAfter;
    }
  }
}

const upper = (text: string): string => text.toLocaleUpperCase('vi-VN');
