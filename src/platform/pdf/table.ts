/**
 * Bordered tables whose columns share the text width in proportion: the header row is repeated
 * on every page, a row that fits on a fresh page is moved there, a taller one is split.
 */
import type { FontStyle } from './fonts.js';
import { CONTENT_WIDTH, LINE, MARGIN, PAGE, PARAGRAPH_SPACING } from './layout.js';
import type { Sheet } from './sheet.js';
import { type Line, type Rich, toRuns, wrap } from './text.js';
import type { TableColumn, TableOptions } from './types.js';

export function drawTable(
  sheet: Sheet,
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
    wrap(toRuns(content, style), widths[i]! - 2 * padX, size, sheet.measure);

  const headerLines = columns.map((c, i) => wrapCell(c.header, i, 'bold'));
  const headerHeight = Math.max(...headerLines.map((l) => l.length)) * pitch + 2 * padY;
  let rowsOnPage = 0;
  const drawHeader = () => {
    const top = sheet.y;
    columns.forEach((_, i) => {
      const lines = headerLines[i]!;
      const offset = (headerHeight - 2 * padY - lines.length * pitch) / 2;
      sheet.drawLines(
        lines,
        xs[i]! + padX,
        widths[i]! - 2 * padX,
        top - padY - offset,
        size,
        'center',
      );
      sheet.cellBorder(xs[i]!, top, widths[i]!, headerHeight);
    });
    sheet.y = top - headerHeight;
    rowsOnPage = 0;
  };
  const breakPage = () => {
    sheet.newPage();
    drawHeader();
  };

  sheet.ensure(headerHeight + pitch + 2 * padY);
  drawHeader();
  const pageRoom = PAGE.height - MARGIN.top - MARGIN.bottom - headerHeight;

  for (const row of rows) {
    const cells = columns.map((_, i) => wrapCell(row[i] ?? '', i));
    const done = cells.map(() => 0);
    for (;;) {
      const remaining = Math.max(1, ...cells.map((lines, i) => lines.length - done[i]!));
      const needed = remaining * pitch + 2 * padY;
      let take = remaining;
      if (sheet.y - needed < MARGIN.bottom) {
        // Move a row that fits on a fresh page; split only a row taller than a page.
        if (rowsOnPage > 0 && needed <= pageRoom) {
          breakPage();
          continue;
        }
        take = Math.floor((sheet.y - MARGIN.bottom - 2 * padY) / pitch);
        if (take < 1) {
          breakPage();
          continue;
        }
      }
      const top = sheet.y;
      const height = take * pitch + 2 * padY;
      columns.forEach((column, i) => {
        const slice = cells[i]!.slice(done[i], done[i]! + take);
        sheet.drawLines(
          slice,
          xs[i]! + padX,
          widths[i]! - 2 * padX,
          top - padY,
          size,
          column.align ?? 'left',
        );
        sheet.cellBorder(xs[i]!, top, widths[i]!, height);
        done[i] = Math.min(cells[i]!.length, done[i]! + take);
      });
      sheet.y = top - height;
      rowsOnPage++;
      if (take >= remaining) break;
      breakPage();
    }
  }
  sheet.y -= PARAGRAPH_SPACING;
}
