/**
 * Content streams of the stamps and signature appearances, in coordinates relative to their
 * box: text in the stamp font (glyph ids), the person's blue block, the agency's text, the QR
 * code as vector squares. The seal is drawn by seal.ts.
 */
import QRCode from 'qrcode';
import { encode, type StampFont } from './stamp-font.js';

export type Rgb = readonly [number, number, number];
export const BLACK: Rgb = [0, 0, 0];
/** Decree 30 annex I: the person's signature image is blue, the seal red. */
export const BLUE: Rgb = [0.05, 0.2, 0.65];
export const RED: Rgb = [0.85, 0.1, 0.12];

/** A content stream drawn in a box of `width` × `height` points. */
export type Drawing = { width: number; height: number; ops: string };

export const n = (v: number) => (Math.round(v * 100) / 100).toString();
const fill = ([r, g, b]: Rgb) => `${n(r)} ${n(g)} ${n(b)} rg`;
export const stroke = ([r, g, b]: Rgb) => `${n(r)} ${n(g)} ${n(b)} RG`;

/** ISO 8601 in Viet Nam's time (UTC+7, no daylight saving), as annex I asks. */
export function vietnamTime(date: Date): string {
  return `${new Date(date.getTime() + 7 * 3600_000).toISOString().slice(0, 19)}+07:00`;
}

export function textOps(
  font: StampFont,
  text: string,
  x: number,
  y: number,
  size: number,
  color: Rgb,
): string {
  return `BT ${fill(color)} /F1 ${n(size)} Tf ${n(x)} ${n(y)} Td ${encode(font, text, size).hex} Tj ET`;
}

/** One line of text in a box just big enough for it (a number, a day, a month). */
export function textStamp(font: StampFont, text: string, size: number): Drawing {
  const width = encode(font, text, size).width;
  const descent = (-font.descent * size) / 1000;
  const height = ((font.ascent - font.descent) * size) / 1000;
  return { width, height, ops: textOps(font, text, 0, descent, size, BLACK) };
}

/** The size at which every line fits `width`, at most `max`. */
function fitSize(font: StampFont, lines: string[], width: number, max: number): number {
  const widest = Math.max(...lines.map((l) => encode(font, l, 1).width), 1);
  return Math.max(4, Math.min(max, width / widest));
}

/** Lines centred (or left-aligned) and vertically centred in a box. */
export function textBlock(
  font: StampFont,
  lines: string[],
  box: { width: number; height: number },
  options: { color: Rgb; maxSize: number; align: 'center' | 'left' | 'right'; padding: number },
): string {
  const inner = box.width - 2 * options.padding;
  const size = Math.min(
    fitSize(font, lines, inner, options.maxSize),
    (box.height - 2 * options.padding) / (lines.length * 1.3),
  );
  const lead = size * 1.3;
  let y = (box.height + lines.length * lead) / 2 - size * 0.95;
  return lines
    .map((line) => {
      const w = encode(font, line, size).width;
      const x =
        options.align === 'left'
          ? options.padding
          : options.align === 'right'
            ? box.width - options.padding - w
            : (box.width - w) / 2;
      const ops = textOps(font, line, x, y, size, options.color);
      y -= lead;
      return ops;
    })
    .join('\n');
}

/** The person's visible signature: a thin blue frame, "Ký bởi", the time, extra lines. */
export function personDrawing(
  font: StampFont,
  box: { width: number; height: number },
  fullName: string,
  signingTime: Date,
  lines: string[],
): Drawing {
  const text = [`Ký bởi: ${fullName}`, `Thời gian: ${vietnamTime(signingTime)}`, ...lines];
  const frame = `q ${stroke(BLUE)} 0.6 w 1 1 ${n(box.width - 2)} ${n(box.height - 2)} re S Q`;
  const body = textBlock(font, text, box, { color: BLUE, maxSize: 9, align: 'center', padding: 4 });
  return { ...box, ops: `${frame}\n${body}` };
}

/** The agency signature's text, right-aligned in the top margin next to the QR code. */
export function agencyInfoDrawing(
  font: StampFont,
  box: { width: number; height: number },
  agencyName: string,
  signingTime: Date,
  lines: string[],
): Drawing {
  const text = [`Ký bởi: ${agencyName}`, `Thời gian: ${vietnamTime(signingTime)}`, ...lines];
  return {
    ...box,
    ops: textBlock(font, text, box, { color: RED, maxSize: 7.5, align: 'right', padding: 1 }),
  };
}

/** A QR code as filled squares (one rectangle per horizontal run), on white, with a 1-module margin. */
export function qrDrawing(text: string, side: number): Drawing {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const count = modules.size;
  const unit = side / (count + 2);
  const rects: string[] = [];
  for (let row = 0; row < count; row++) {
    for (let col = 0; col < count;) {
      if (!modules.get(row, col)) {
        col++;
        continue;
      }
      let end = col;
      while (end + 1 < count && modules.get(row, end + 1)) end++;
      const y = side - (row + 2) * unit;
      rects.push(`${n((col + 1) * unit)} ${n(y)} ${n((end - col + 1) * unit)} ${n(unit)} re`);
      col = end + 1;
    }
  }
  const ops = `1 1 1 rg 0 0 ${n(side)} ${n(side)} re f\n0 0 0 rg\n${rects.join('\n')}\nf`;
  return { width: side, height: side, ops };
}
