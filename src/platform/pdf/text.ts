import type { FontkitFont, FontStyle } from './fonts.js';

/** A stretch of text in one style; a paragraph is a string or a list of runs. */
export type Run = { text: string; style?: FontStyle };
export type Rich = string | readonly Run[];

export type Piece = { text: string; style: FontStyle; width: number };
export type Word = { pieces: Piece[]; width: number };
export type Line = {
  words: Word[];
  /** Width of the words plus one space between each. */
  width: number;
  /** The last line of a paragraph or one ended by "\n": never justified. */
  isLast: boolean;
};

/**
 * Measures text as pdf-lib will draw it: the sum of the glyphs' own advances (pdf-lib writes
 * no kerning), once per (style, string); widths scale linearly with the size.
 */
export class Measure {
  private readonly cache = new Map<string, number>();
  constructor(private readonly fontOf: (style: FontStyle) => FontkitFont) {}

  width(text: string, style: FontStyle, size: number): number {
    const key = `${style}\u0000${text}`;
    let unit = this.cache.get(key);
    if (unit === undefined) {
      const font = this.fontOf(style);
      const advance = font.layout(text).glyphs.reduce((sum, glyph) => sum + glyph.advanceWidth, 0);
      unit = advance / font.unitsPerEm;
      this.cache.set(key, unit);
    }
    return unit * size;
  }
}

/** NFC (precomposed Vietnamese letters render and extract reliably), tabs as spaces, no controls. */
export function cleanText(text: string): string {
  return (
    text
      .normalize('NFC')
      .replace(/\r\n?/g, '\n')
      .replace(/\t/g, ' ')
      // eslint-disable-next-line no-control-regex -- removing control characters is the point
      .replace(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/g, '')
  );
}

export function toRuns(content: Rich, style: FontStyle = 'regular'): Run[] {
  return typeof content === 'string' ? [{ text: content, style }] : [...content];
}

/**
 * Greedy line breaking over runs: words break at spaces, a word longer than the line is cut
 * between letters, "\n" forces a break. The first line is `firstIndent` narrower.
 */
export function wrap(
  runs: readonly Run[],
  maxWidth: number,
  size: number,
  m: Measure,
  firstIndent = 0,
): Line[] {
  // Paragraphs (hard breaks) → words → pieces.
  const paragraphs: Word[][] = [[]];
  let current: Word | null = null;
  for (const run of runs) {
    const style = run.style ?? 'regular';
    for (const token of cleanText(run.text).split(/(\n| +)/)) {
      if (token === '') continue;
      if (token === '\n') {
        paragraphs.push([]);
        current = null;
      } else if (token.trim() === '') {
        current = null;
      } else {
        if (!current) {
          current = { pieces: [], width: 0 };
          paragraphs.at(-1)!.push(current);
        }
        const width = m.width(token, style, size);
        current.pieces.push({ text: token, style, width });
        current.width += width;
      }
    }
  }

  const lines: Line[] = [];
  for (const words of paragraphs) {
    let line: Word[] = [];
    let width = 0;
    const flush = (isLast: boolean) => {
      lines.push({ words: line, width, isLast });
      line = [];
      width = 0;
    };
    for (const word of words.flatMap((w) => splitLongWord(w, maxWidth - firstIndent, size, m))) {
      const space = line.length === 0 ? 0 : m.width(' ', word.pieces[0]!.style, size);
      const limit = lines.length === 0 ? maxWidth - firstIndent : maxWidth;
      if (line.length > 0 && width + space + word.width > limit) flush(false);
      width += (line.length === 0 ? 0 : space) + word.width;
      line.push(word);
    }
    flush(true);
  }
  return lines;
}

function splitLongWord(word: Word, maxWidth: number, size: number, m: Measure): Word[] {
  if (word.width <= maxWidth) return [word];
  const out: Word[] = [];
  let acc: Word = { pieces: [], width: 0 };
  for (const piece of word.pieces) {
    for (const char of Array.from(piece.text)) {
      const w = m.width(char, piece.style, size);
      if (acc.width + w > maxWidth && acc.width > 0) {
        out.push(acc);
        acc = { pieces: [], width: 0 };
      }
      const last = acc.pieces.at(-1);
      if (last && last.style === piece.style) {
        last.text += char;
        last.width += w;
      } else {
        acc.pieces.push({ text: char, style: piece.style, width: w });
      }
      acc.width += w;
    }
  }
  if (acc.pieces.length > 0) out.push(acc);
  return out;
}
