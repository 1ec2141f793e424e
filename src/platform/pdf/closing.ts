/**
 * The closing of a paper: the signature block (authority, title, note, room for the signature
 * and seal, name) and the "Nơi nhận:" recipients list, side by side and kept on one page.
 */
import { CONTENT_WIDTH, LINE, MARGIN, PARAGRAPH_SPACING, mm, upper } from './layout.js';
import type { Sheet } from './sheet.js';
import { type Run, toRuns } from './text.js';
import type { ClosingBlock, SignatureBlock } from './types.js';

export function drawClosingBlocks(
  sheet: Sheet,
  { left, right }: { left?: ClosingBlock; right?: ClosingBlock },
): void {
  const leftWidth = CONTENT_WIDTH * 0.45;
  const rightX = MARGIN.left + leftWidth;
  const rightWidth = CONTENT_WIDTH - leftWidth;
  const height = Math.max(
    left ? closingHeight(sheet, left, leftWidth) : 0,
    right ? closingHeight(sheet, right, rightWidth) : 0,
  );
  const before = 10;
  sheet.ensure(height + before);
  const top = sheet.y - before;
  if (left) drawClosing(sheet, left, MARGIN.left, leftWidth, top);
  if (right) drawClosing(sheet, right, rightX, rightWidth, top);
  sheet.y = top - height - PARAGRAPH_SPACING;
}

function signatureParts(block: SignatureBlock): { runs: Run[]; size: number; gapAfter: number }[] {
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

function closingHeight(sheet: Sheet, block: ClosingBlock, width: number): number {
  if (block.type === 'recipients') {
    return 12 * LINE + block.lines.reduce((h, l) => h + sheet.heightOf(toRuns(l), width, 11), 0);
  }
  return signatureParts(block).reduce(
    (h, p) => h + sheet.heightOf(p.runs, width, p.size) + p.gapAfter,
    0,
  );
}

function drawClosing(
  sheet: Sheet,
  block: ClosingBlock,
  x: number,
  width: number,
  top: number,
): void {
  let y = top;
  if (block.type === 'recipients') {
    y = sheet.block([{ text: 'Nơi nhận:', style: 'boldItalic' }], x, width, y, 12, 'left');
    for (const line of block.lines) y = sheet.block(line, x, width, y, 11, 'left');
    return;
  }
  for (const part of signatureParts(block)) {
    y = sheet.block(part.runs, x, width, y, part.size, 'center') - part.gapAfter;
  }
}
