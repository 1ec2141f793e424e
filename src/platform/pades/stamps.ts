/**
 * Places the drawings of one signature's update: the clerk's stamps (number, day and month of
 * the date, QR code), the agency signature's text, and the signature widget's own appearance.
 */
import {
  agencyInfoDrawing,
  personDrawing,
  qrDrawing,
  textStamp,
  type Drawing,
} from './appearance.js';
import { sealDrawing } from './seal.js';
import type { StampFont } from './stamp-font.js';
import type { Box, SignOptions, Slot, Stamps } from './types.js';

const MM = 72 / 25.4;

export type Placed = { page: number; x: number; y: number; drawing: Drawing; text: string };

/** Text in a blank of a line: centred when it fits, else starting just after the label. */
function inSlot(font: StampFont, text: string, slot: Slot, page: number, size: number): Placed {
  const drawing = textStamp(font, text, size);
  const room = slot.width - drawing.width;
  const x = slot.x + (room > 0.5 * size ? room / 2 : 0.3 * size);
  return { page, x, y: slot.y + (font.descent * size) / 1000, drawing, text };
}

function dateParts(
  date: NonNullable<Stamps['date']>,
): { day: string; month: string; year: string } | null {
  if (typeof date !== 'string') return date;
  const match = /ngày\s*(\S+)\s*tháng\s*(\S+)\s*năm\s*(\S+)/.exec(date.normalize('NFC'));
  return match ? { day: match[1]!, month: match[2]!, year: match[3]! } : null;
}

function stampsOf(font: StampFont, opts: SignOptions): Placed[] {
  const { layout, stamps = {} } = opts;
  const placed: Placed[] = [];
  // Without an anchor the stamps go in the top-left margin of page 1, labelled.
  const top = layout.qr.y + layout.qr.height + 3 * MM;
  const fallback = (text: string, line: number): Placed => ({
    page: 0,
    x: 20 * MM,
    y: top - (10 + 5 * line) * MM,
    drawing: textStamp(font, text, 11),
    text,
  });
  if (stamps.number) {
    const anchor = layout.number;
    if (anchor) {
      const { suffix } = anchor;
      const own = suffix && stamps.number.endsWith(suffix) && stamps.number.length > suffix.length;
      const text = own ? stamps.number.slice(0, -suffix.length) : stamps.number;
      placed.push(inSlot(font, text, anchor, anchor.page, anchor.size));
    } else placed.push(fallback(`Số: ${stamps.number}`, 0));
  }
  if (stamps.date) {
    const parts = dateParts(stamps.date);
    const anchor = layout.date;
    if (parts && anchor) {
      placed.push(inSlot(font, parts.day, anchor.day, anchor.page, anchor.size));
      placed.push(inSlot(font, parts.month, anchor.month, anchor.page, anchor.size));
      if (anchor.year) placed.push(inSlot(font, parts.year, anchor.year, anchor.page, anchor.size));
    } else {
      const text = parts
        ? `ngày ${parts.day} tháng ${parts.month} năm ${parts.year}`
        : String(stamps.date);
      placed.push(fallback(text, 1));
    }
  }
  if (stamps.qrText) {
    const { qr } = layout;
    placed.push({
      page: qr.page,
      x: qr.x,
      y: qr.y,
      drawing: qrDrawing(stamps.qrText, qr.width),
      text: stamps.qrText,
    });
  }
  return placed;
}

/** Everything one signature adds: stamps and info texts, and the widget's box and drawing. */
export function placeUpdate(
  font: StampFont,
  opts: SignOptions,
): { stamps: Placed[]; widget: Box & { drawing: Drawing } } {
  const { layout, appearance, signingTime } = opts;
  const stamps = stampsOf(font, opts);
  if (appearance.kind === 'person') {
    const box = layout.signature;
    return {
      stamps,
      widget: {
        ...box,
        drawing: personDrawing(font, box, appearance.fullName, signingTime, appearance.lines),
      },
    };
  }
  const info = layout.agencyInfo;
  stamps.push({
    page: info.page,
    x: info.x,
    y: info.y,
    drawing: agencyInfoDrawing(font, info, appearance.agencyName, signingTime, appearance.lines),
    text: appearance.agencyName,
  });
  const seal = layout.seal;
  return {
    stamps,
    widget: { ...seal, drawing: sealDrawing(font, seal.width, appearance.agencyName) },
  };
}
