/**
 * A QR code (PNG, error correction M) with caption paragraphs beside it, on the left or the
 * right of the text width.
 */
import QRCode from 'qrcode';
import { CONTENT_WIDTH, LINE, MARGIN, PARAGRAPH_SPACING, mm } from './layout.js';
import type { Sheet } from './sheet.js';
import { toRuns, wrap } from './text.js';
import type { QrOptions } from './types.js';

export async function drawQr(
  sheet: Sheet,
  { data, caption = [], size = 28, side = 'left' }: QrOptions,
): Promise<void> {
  const png = await QRCode.toBuffer(data, {
    type: 'png',
    errorCorrectionLevel: 'M',
    margin: 1,
    scale: 6,
  });
  const image = await sheet.doc.embedPng(png);
  const edge = mm(size);
  const gap = mm(4);
  const textWidth = CONTENT_WIDTH - edge - gap;
  const codeX = side === 'left' ? MARGIN.left : MARGIN.left + textWidth + gap;
  const textX = side === 'left' ? MARGIN.left + edge + gap : MARGIN.left;
  const paragraphs = caption.map((c) => ({
    lines: wrap(toRuns(c.content), textWidth, c.size ?? 12, sheet.measure),
    size: c.size ?? 12,
    align: c.align ?? 'left',
  }));
  const textHeight = paragraphs.reduce((h, p) => h + p.lines.length * p.size * LINE + 3, 0);
  sheet.ensure(Math.max(edge + 4, textHeight));
  const top = sheet.y;
  sheet.page.drawImage(image, { x: codeX, y: top - 2 - edge, width: edge, height: edge });
  let y = top - Math.max(0, (edge + 4 - textHeight) / 2);
  for (const p of paragraphs)
    y = sheet.drawLines(p.lines, textX, textWidth, y, p.size, p.align) - 3;
  sheet.y = Math.min(top - 2 - edge, y) - PARAGRAPH_SPACING;
}
