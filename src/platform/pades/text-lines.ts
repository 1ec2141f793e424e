/**
 * Text lines of a page with an x position for every character, from pdf.js text items (read
 * in pdf-safety's bounded worker). Items only give a start and a width, so the width is shared
 * among the characters in proportion to their advances in Noto Serif — close enough for
 * placing a stamp in a blank.
 */
import type { PageText, TextItem } from '../pdf-safety/index.js';
import type { StampFont } from './stamp-font.js';

export type TextLine = {
  y: number;
  size: number;
  text: string;
  /** Left and right edge of each UTF-16 unit of `text`. */
  x0: number[];
  x1: number[];
};

/** Groups a page's items into lines by baseline, top to bottom. */
export function pageLines(page: PageText, font: StampFont): TextLine[] {
  const lines: { y: number; size: number; items: TextItem[] }[] = [];
  for (const raw of page.items) {
    const item = { ...raw, str: raw.str.normalize('NFC') };
    const size = item.size || 10;
    const line = lines.find((l) => Math.abs(l.y - item.y) < Math.max(size, l.size) * 0.3);
    if (line) {
      line.items.push(item);
      line.size = Math.max(line.size, item.size);
    } else lines.push({ y: item.y, size: item.size, items: [item] });
  }
  return lines.sort((p, q) => q.y - p.y).map((l) => toLine(l.y, l.size, l.items, font));
}

function toLine(y: number, size: number, items: TextItem[], font: StampFont): TextLine {
  const line: TextLine = { y, size, text: '', x0: [], x1: [] };
  const sorted = [...items].sort((p, q) => p.x - q.x);
  let end = -Infinity;
  for (const item of sorted) {
    if (item.x - end > 0.15 * size && line.text !== '') {
      line.text += ' ';
      line.x0.push(end);
      line.x1.push(item.x);
    }
    const advances = [...item.str].map((c) => {
      const gid = font.glyphs.get(c.codePointAt(0)!);
      return gid === undefined ? 500 : (font.widths.get(gid) ?? 500);
    });
    const total = advances.reduce((s, w) => s + w, 0) || 1;
    let x = item.x;
    [...item.str].forEach((c, i) => {
      const w = (item.width * advances[i]!) / total;
      // A character outside the BMP is two UTF-16 units: both get the same span.
      for (let k = 0; k < c.length; k++) {
        line.x0.push(x);
        line.x1.push(x + w);
      }
      x += w;
    });
    line.text += item.str;
    end = Math.max(end, item.x + item.width);
  }
  return line;
}
