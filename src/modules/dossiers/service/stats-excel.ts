import ExcelJS from 'exceljs';
import type { StatsFigures, StatsReport } from '../schema.js';

const groupTitle: Record<StatsReport['groupBy'], string> = {
  agency: 'Cơ quan, đơn vị',
  procedure: 'Thủ tục hành chính',
  sector: 'Lĩnh vực',
  month: 'Tháng',
};

const vnDate = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

/** The numbered columns, in the order of the one-stop report table (unit: dossiers). */
const columns: { title: string; value: (f: StatsFigures) => number }[] = [
  { title: 'Tổng số', value: (f) => f.total },
  { title: 'Số kỳ trước chuyển qua', value: (f) => f.carriedOver },
  { title: 'Trực tuyến', value: (f) => f.receivedOnline },
  { title: 'Trực tiếp', value: (f) => f.receivedDesk },
  { title: 'Dịch vụ bưu chính', value: (f) => f.receivedPost },
  { title: 'Tổng số', value: (f) => f.settled },
  { title: 'Trả trước hạn', value: (f) => f.settledEarly },
  { title: 'Trả đúng thời hạn', value: (f) => f.settledOnTime },
  { title: 'Trả quá hạn', value: (f) => f.settledLate },
  { title: 'Tổng số', value: (f) => f.inProgress },
  { title: 'Trong hạn', value: (f) => f.inProgressNotDue },
  { title: 'Quá hạn', value: (f) => f.inProgressOverdue },
  { title: 'Từ chối giải quyết', value: (f) => f.refused },
  { title: 'Rút hồ sơ', value: (f) => f.withdrawn },
  { title: 'Hủy', value: (f) => f.cancelled },
  { title: 'Đã trả kết quả', value: (f) => f.returned },
  { title: 'Rất hài lòng', value: (f) => f.ratedVerySatisfied },
  { title: 'Hài lòng', value: (f) => f.ratedSatisfied },
  { title: 'Không hài lòng', value: (f) => f.ratedNotSatisfied },
];

/**
 * The report as an Excel workbook in the usual Vietnamese layout: agency and national motto
 * header, title and period, a two-level column header (received: carried over / new online,
 * at the desk, by post; settled: early / on time / late; in progress: on time / overdue),
 * numbered columns, one row per group and the total row.
 */
export async function statsWorkbook(
  report: StatsReport,
  meta: { parentName: string | null; generatedAt: Date },
): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'OpenProvince';
  wb.created = meta.generatedAt;
  const ws = wb.addWorksheet('Báo cáo', {
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1 },
    views: [{ state: 'frozen', ySplit: 11, xSplit: 2 }],
  });
  const font = { name: 'Times New Roman', size: 12 };
  const lastCol = 2 + columns.length;
  ws.columns = [{ width: 6 }, { width: 48 }, ...columns.map(() => ({ width: 11 }))];

  const put = (row: number, col: number, value: string, bold = false, merge = 0) => {
    if (merge > 0) ws.mergeCells(row, col, row, col + merge);
    const cell = ws.getCell(row, col);
    cell.value = value;
    cell.font = { ...font, bold };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  };
  put(1, 1, (meta.parentName ?? '').toUpperCase(), false, 3);
  put(2, 1, report.agency.name.toUpperCase(), true, 3);
  put(1, lastCol - 8, 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', true, 8);
  put(2, lastCol - 8, 'Độc lập - Tự do - Hạnh phúc', true, 8);
  put(4, 1, 'BÁO CÁO TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH', true, lastCol - 1);
  put(
    5,
    1,
    `Kỳ báo cáo: từ ngày ${vnDate(report.from)} đến ngày ${vnDate(report.to)}`,
    false,
    lastCol - 1,
  );
  put(6, 1, 'Đơn vị tính: hồ sơ', false, lastCol - 1);
  ws.getCell(4, 1).font = { ...font, size: 14, bold: true };
  ws.getCell(6, 1).alignment = { horizontal: 'right' };

  // Header rows 8–10 and the column numbers on row 11.
  const h = 8;
  const header = (r1: number, c1: number, r2: number, c2: number, text: string) => {
    ws.mergeCells(r1, c1, r2, c2);
    const cell = ws.getCell(r1, c1);
    cell.value = text;
    cell.font = { ...font, bold: true };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  };
  header(h, 1, h + 2, 1, 'STT');
  header(h, 2, h + 2, 2, groupTitle[report.groupBy]);
  header(h, 3, h, 7, 'Số hồ sơ nhận giải quyết');
  header(h + 1, 3, h + 2, 3, 'Tổng số');
  header(h + 1, 4, h + 2, 4, 'Số kỳ trước chuyển qua');
  header(h + 1, 5, h + 1, 7, 'Số mới tiếp nhận');
  header(h + 2, 5, h + 2, 5, 'Trực tuyến');
  header(h + 2, 6, h + 2, 6, 'Trực tiếp');
  header(h + 2, 7, h + 2, 7, 'Dịch vụ bưu chính');
  header(h, 8, h, 14, 'Kết quả giải quyết');
  header(h + 1, 8, h + 1, 11, 'Số hồ sơ đã giải quyết');
  for (const [i, t] of ['Tổng số', 'Trả trước hạn', 'Trả đúng thời hạn', 'Trả quá hạn'].entries()) {
    header(h + 2, 8 + i, h + 2, 8 + i, t);
  }
  header(h + 1, 12, h + 1, 14, 'Số hồ sơ đang giải quyết');
  for (const [i, t] of ['Tổng số', 'Trong hạn', 'Quá hạn'].entries()) {
    header(h + 2, 12 + i, h + 2, 12 + i, t);
  }
  header(h, 15, h + 1, 17, 'Không giải quyết');
  for (const [i, t] of ['Từ chối', 'Rút hồ sơ', 'Hủy'].entries()) {
    header(h + 2, 15 + i, h + 2, 15 + i, t);
  }
  header(h, 18, h + 2, 18, 'Đã trả kết quả');
  header(h, 19, h + 1, 21, 'Đánh giá mức độ hài lòng');
  for (const [i, t] of ['Rất hài lòng', 'Hài lòng', 'Không hài lòng'].entries()) {
    header(h + 2, 19 + i, h + 2, 19 + i, t);
  }
  for (let c = 1; c <= lastCol; c++) {
    const cell = ws.getCell(h + 3, c);
    cell.value = `(${c})`;
    cell.font = { ...font, italic: true };
    cell.alignment = { horizontal: 'center' };
  }

  let r = h + 4;
  const writeRow = (stt: string, name: string, f: StatsFigures, bold: boolean) => {
    const row = ws.getRow(r++);
    row.values = [stt, name, ...columns.map((c) => c.value(f))];
    row.font = { ...font, bold };
    row.getCell(2).alignment = { wrapText: true, vertical: 'middle' };
  };
  report.rows.forEach((row, i) => writeRow(String(i + 1), row.name, row, false));
  writeRow('', 'Tổng cộng', report.total, true);

  for (let row = h; row < r; row++) {
    for (let c = 1; c <= lastCol; c++) {
      ws.getCell(row, c).border = {
        top: { style: 'thin' },
        left: { style: 'thin' },
        bottom: { style: 'thin' },
        right: { style: 'thin' },
      };
    }
  }
  const pct = (x: number | null) => (x === null ? '—' : `${(x * 100).toFixed(1)} %`);
  r++;
  ws.getCell(r++, 2).value = `Tỷ lệ hồ sơ tiếp nhận trực tuyến: ${pct(report.total.onlineRatio)}`;
  ws.getCell(r++, 2).value =
    `Tỷ lệ hồ sơ giải quyết trước hạn và đúng hạn: ${pct(report.total.onTimeRatio)}`;
  ws.getCell(r, 2).value =
    `Lập lúc ${meta.generatedAt.toISOString()} bởi OpenProvince từ dữ liệu hệ thống một cửa điện tử.`;
  ws.getCell(r, 2).font = { ...font, italic: true, size: 10 };

  return Buffer.from(await wb.xlsx.writeBuffer());
}
