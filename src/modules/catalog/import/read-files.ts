import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { parse } from 'csv-parse/sync';
import { catalogErrors as E } from '../errors.js';
import type { Tally } from './tally.js';

/** The national catalogue shipped in `seed/` (see seed/PROVENANCE.md). */
export const bundledCatalogCsv = fileURLToPath(
  new URL('../../../../seed/tthc_national_catalog_2026.csv', import.meta.url),
);
export const bundledDetailsJsonl = fileURLToPath(
  new URL('../../../../seed/tthc_local_details_2026.jsonl.gz', import.meta.url),
);

/** Columns of the catalogue CSV (shared/data/SOURCES.md §2) that the import reads. */
export const csvColumns = [
  'ma_thu_tuc',
  'ten_thu_tuc',
  'linh_vuc',
  'cap_thuc_hien',
  'co_cap_tinh',
  'co_cap_xa',
  'co_cap_bo',
  'loai_thu_tuc',
  'so_quyet_dinh',
  'co_quan_thuc_hien',
  'co_quan_co_tham_quyen',
  'doi_tuong_thuc_hien',
  'hinh_thuc_nop',
  'nop_truc_tuyen',
  'thoi_han_gia_tri',
  'thoi_han_don_vi',
  'thoi_han_raw',
  'phi_le_phi_min_vnd',
  'phi_le_phi_max_vnd',
  'bo_nganh_nguon',
  'detail_url',
] as const;
export type CsvRow = Record<(typeof csvColumns)[number], string> & { line: number };

/** One mode of submission of the details file, with its own time and fee. */
export type DetailMode = {
  mode: string;
  time_raw: string | null;
  fee_amount_vnd: number | null;
  fee_text: string | null;
};
export type DetailRow = {
  ma_thu_tuc: string;
  cach_thuc_thuc_hien?: DetailMode[];
  trinh_tu_thuc_hien?: string | null;
  thanh_phan_ho_so_text?: string | null;
  yeu_cau_dieu_kien?: string | null;
  ket_qua_xu_ly?: string | null;
  can_cu_phap_ly_text?: string | null;
  /** The line as read: part of the row's hash. */
  raw: string;
};

async function readBytes(file: string): Promise<Buffer> {
  try {
    return await readFile(file);
  } catch (err) {
    throw E.badImportFile(
      `${path.basename(file)}: ${(err as NodeJS.ErrnoException).code ?? 'unreadable'}`,
    );
  }
}

/** Rows of the catalogue CSV; malformed rows go to `skipped`. */
export async function readCatalogCsv(file: string, skipped: Tally): Promise<CsvRow[]> {
  let records: string[][];
  try {
    records = parse(await readBytes(file), {
      bom: true,
      relax_column_count: true,
      skip_empty_lines: true,
    }) as string[][];
  } catch (err) {
    if (err instanceof Error && 'code' in err && String(err.code).startsWith('CSV_'))
      throw E.badImportFile(`${path.basename(file)}: ${err.message}`);
    throw err;
  }
  const header = records[0] ?? [];
  const missing = csvColumns.filter((c) => !header.includes(c));
  if (missing.length > 0)
    throw E.badImportFile(`${path.basename(file)}: missing columns ${missing.join(', ')}`);
  const rows: CsvRow[] = [];
  records.slice(1).forEach((values, i) => {
    const line = i + 2;
    if (values.length !== header.length) {
      skipped.add('malformed_row', `line ${line}`);
      return;
    }
    const row = Object.fromEntries(header.map((h, k) => [h, values[k]!.trim()]));
    rows.push({ ...(row as Record<(typeof csvColumns)[number], string>), line });
  });
  return rows;
}

/** Details by code, from a JSON-lines file, gzipped when its name ends in `.gz`. */
export async function readDetails(file: string, skipped: Tally): Promise<Map<string, DetailRow>> {
  const bytes = await readBytes(file);
  let text: string;
  try {
    text = (file.endsWith('.gz') ? gunzipSync(bytes) : bytes).toString('utf8');
  } catch {
    throw E.badImportFile(`${path.basename(file)}: not a gzip file`);
  }
  const byCode = new Map<string, DetailRow>();
  text.split('\n').forEach((raw, i) => {
    const line = raw.trim();
    if (!line) return;
    let parsed: unknown;
    try {
      parsed = JSON.parse(line);
    } catch {
      skipped.add('detail_invalid_json', `line ${i + 1}`);
      return;
    }
    const code = (parsed as { ma_thu_tuc?: unknown } | null)?.ma_thu_tuc;
    if (typeof parsed !== 'object' || parsed === null || typeof code !== 'string' || !code.trim()) {
      skipped.add('detail_missing_code', `line ${i + 1}`);
      return;
    }
    if (byCode.has(code.trim())) {
      skipped.add('detail_duplicate_code', code.trim());
      return;
    }
    byCode.set(code.trim(), { ...(parsed as Omit<DetailRow, 'raw'>), raw: line });
  });
  return byCode;
}
