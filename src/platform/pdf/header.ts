/**
 * The Decree 30 header block: the agency (and its parent) on the left, the national name and
 * motto on the right, each with its short rule, then the number line and the place and date.
 */
import { CONTENT_WIDTH, MARGIN, mm, upper } from './layout.js';
import type { Sheet } from './sheet.js';
import { toRuns } from './text.js';
import type { HeaderOptions } from './types.js';

/** The right header column holds "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" at 12 pt bold on one line. */
const HEADER_RIGHT_WIDTH = 262;
const HEADER_GAP = 4;
const HEADER_LEFT_WIDTH = CONTENT_WIDTH - HEADER_RIGHT_WIDTH - HEADER_GAP;

export function drawHeader(
  sheet: Sheet,
  { parentAgency, agency, numberLine, placeDate }: HeaderOptions,
): void {
  const top = sheet.y;
  const leftX = MARGIN.left;
  const rightX = MARGIN.left + HEADER_LEFT_WIDTH + HEADER_GAP;
  const rightWidth = HEADER_RIGHT_WIDTH;
  const size = 12;

  let left = top;
  if (parentAgency) {
    const lines = sheet.wrapBalanced(toRuns(upper(parentAgency)), HEADER_LEFT_WIDTH, size);
    left = sheet.drawLines(lines, leftX, HEADER_LEFT_WIDTH, left, size, 'center');
  }
  const agencyLines = sheet.wrapBalanced(toRuns(upper(agency), 'bold'), HEADER_LEFT_WIDTH, size);
  left = sheet.drawLines(agencyLines, leftX, HEADER_LEFT_WIDTH, left, size, 'center');
  const agencyWidth = Math.max(...agencyLines.map((l) => l.width));
  left = sheet.rule(leftX + HEADER_LEFT_WIDTH / 2, Math.min(agencyWidth * 0.4, mm(30)), left);

  const nation = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';
  const nationSize = sheet.fitSize(nation, 'bold', rightWidth, 12, 10.5);
  let right = sheet.block(
    [{ text: nation, style: 'bold' }],
    rightX,
    rightWidth,
    top,
    nationSize,
    'center',
  );
  const motto = 'Độc lập - Tự do - Hạnh phúc';
  const mottoSize = 13;
  right = sheet.block(
    [{ text: motto, style: 'bold' }],
    rightX,
    rightWidth,
    right,
    mottoSize,
    'center',
  );
  right = sheet.rule(rightX + rightWidth / 2, sheet.measure.width(motto, 'bold', mottoSize), right);

  let row = Math.min(left, right) - 4;
  const rowTop = row;
  if (numberLine) row = sheet.block(numberLine, leftX, HEADER_LEFT_WIDTH, rowTop, 13, 'center');
  if (placeDate) {
    row = Math.min(
      row,
      sheet.block([{ text: placeDate, style: 'italic' }], rightX, rightWidth, rowTop, 13, 'center'),
    );
  }
  sheet.y = row - 6;
}
