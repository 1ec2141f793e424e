/**
 * The drawing surface of a paper: the PDF document, the current page and the cursor `y`, the
 * fonts embedded on first use, and the measuring, wrapping and drawing primitives that the
 * text flow, the header, tables, QR codes and closing blocks are laid out with. Internal to
 * this folder (not exported from index.ts).
 */
import { type PDFDocument, PDFFont, type PDFPage } from 'pdf-lib';
import { DeflatedFontEmbedder, type FontStyle, type SerifFont } from './fonts.js';
import { ASCENT, BLACK, LINE, MARGIN, PAGE } from './layout.js';
import { type Line, Measure, type Rich, type Run, toRuns, wrap } from './text.js';
import type { Align } from './types.js';

export class Sheet {
  page!: PDFPage;
  /** Top of the next line box, in points from the bottom of the page. */
  y = 0;
  readonly measure: Measure;

  /** PDF fonts are made on first use: a style never drawn is not embedded. */
  readonly pdfFonts = new Map<FontStyle, PDFFont>();

  constructor(
    readonly doc: PDFDocument,
    private readonly fonts: Readonly<Record<FontStyle, SerifFont>>,
  ) {
    this.measure = new Measure((style) => fonts[style].font);
    this.newPage();
  }

  font(style: FontStyle): PDFFont {
    let font = this.pdfFonts.get(style);
    if (!font) {
      const embedder = new DeflatedFontEmbedder(this.fonts[style]);
      font = PDFFont.of(this.doc.context.nextRef(), this.doc, embedder);
      this.pdfFonts.set(style, font);
    }
    return font;
  }

  newPage(): void {
    this.page = this.doc.addPage([PAGE.width, PAGE.height]);
    this.y = PAGE.height - MARGIN.top;
  }

  /** Starts a new page unless `height` more points fit above the bottom margin. */
  ensure(height: number): void {
    if (this.y - height < MARGIN.bottom) this.newPage();
  }

  heightOf(runs: readonly Run[], width: number, size: number): number {
    return wrap(runs, width, size, this.measure).length * size * LINE;
  }

  /** Wrapped into as few lines as at `width`, but with lines of even length (for centred names). */
  wrapBalanced(runs: readonly Run[], width: number, size: number): Line[] {
    let best = wrap(runs, width, size, this.measure);
    if (best.length < 2) return best;
    for (let w = width - 2; w > width / best.length; w -= 2) {
      const lines = wrap(runs, w, size, this.measure);
      if (lines.length > best.length) break;
      best = lines;
    }
    return best;
  }

  fitSize(text: string, style: FontStyle, width: number, max: number, min: number): number {
    let size = max;
    while (size > min && this.measure.width(text, style, size) > width) size -= 0.5;
    return size;
  }

  /** Draws a wrapped block at a fixed place (no page break); returns the y below it. */
  block(content: Rich, x: number, width: number, top: number, size: number, align: Align): number {
    return this.drawLines(
      wrap(toRuns(content), width, size, this.measure),
      x,
      width,
      top,
      size,
      align,
    );
  }

  drawLines(
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

  drawLine(
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

  drawSegments(
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
  rule(centerX: number, length: number, top: number): number {
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

  cellBorder(x: number, top: number, width: number, height: number): void {
    this.page.drawRectangle({
      x,
      y: top - height,
      width,
      height,
      borderWidth: 0.6,
      borderColor: BLACK,
    });
  }
}
