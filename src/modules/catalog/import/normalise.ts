import { createHash } from 'node:crypto';
import {
  defaultFormFields,
  type FormField,
  type Implementers,
  type LegacyLevel,
  type Level,
  type OnlineClass,
  type Paper,
  type SubmissionMode,
  type TimeUnit,
  type WorkflowStep,
} from '../schema.js';
import { fallbackPaper, parsePapers } from './papers.js';
import type { CsvRow, DetailRow } from './read-files.js';
import type { Tally } from './tally.js';
import { cleanLegalBasis, cleanResult, textOrNull } from './texts.js';

/**
 * Procedures carried by central-government branches in the province (customs, tax,
 * treasury, social insurance, civil judgment enforcement, state reserves, securities,
 * courts): catalogued for information, carried by no agency of the province.
 */
export const externalSectors: ReadonlySet<string> = new Set([
  'Hải quan',
  'Thuế',
  'Kho bạc Nhà nước',
  'Thực hiện chính sách BHXH',
  'Chi trả các chế độ BHXH',
  'Thực hiện chính sách BHYT',
  'Thu BHXH, BHYT, BHTN, BH tai nạn lao động, BNN',
  'Cấp sổ BHXH, thẻ BHYT',
  'Thi hành án dân sự',
  'Dự trữ',
  'Chứng khoán',
  'Tòa án',
]);

/** Sources whose every procedure is done by a vertical branch: police, State Bank, courts. */
export const externalSources: ReadonlySet<string> = new Set([
  'bo-cong-an',
  'ngan-hang-nha-nuoc',
  'toa-an-nhan-dan',
]);

const timeUnits: Readonly<Record<string, TimeUnit>> = {
  'Ngày làm việc': 'working_day',
  Ngày: 'day',
  Giờ: 'hour',
  Tháng: 'month',
};

const modes: Readonly<Record<string, SubmissionMode>> = {
  'Trực tuyến': 'online',
  'Trực tiếp': 'desk',
  'Dịch vụ bưu chính': 'post',
};

/** Demo corrections applied when a procedure is first created (see demo-settings.ts). */
export type CreationOverride = {
  onlineClass?: OnlineClass;
  processingTime?: number;
  timeUnit?: TimeUnit;
};

export type ImportedContent = {
  name: string;
  levels: Level[];
  levelText: string | null;
  onlineClass: OnlineClass;
  legacyLevel: LegacyLevel;
  submissionModes: SubmissionMode[];
  processingTime: number | null;
  timeUnit: TimeUnit | null;
  timeText: string | null;
  feeVnd: number;
  feeMaxVnd: number | null;
  feeText: string | null;
  papers: Paper[];
  papersText: string | null;
  formFields: FormField[];
  workflow: WorkflowStep[] | null;
  implementers: Implementers;
  stepsText: string | null;
  conditionsText: string | null;
  resultText: string | null;
  legalBasisText: string | null;
  agencyText: string | null;
  subjectsText: string | null;
  decisionNo: string | null;
};

export type ImportedProcedure = {
  code: string;
  sectorName: string;
  sourceUrl: string | null;
  /** Hash of the source row and its details: unchanged rows are not written again. */
  hash: string;
  content: ImportedContent;
};

const CODE = /^\d{1,3}\.\d{3,9}$/;

const money = (s: string): number | null => {
  if (s === '') return null;
  const n = Number(s);
  return Number.isFinite(n) && n >= 0 ? Math.round(n) : null;
};

function timeOf(row: CsvRow, notes: Tally): Pick<ImportedContent, 'processingTime' | 'timeUnit'> {
  const value = row.thoi_han_gia_tri === '' ? null : Number(row.thoi_han_gia_tri);
  if (value === null || !Number.isFinite(value) || value < 0) {
    notes.add('time_missing', row.ma_thu_tuc);
    return { processingTime: null, timeUnit: null };
  }
  const unit = timeUnits[row.thoi_han_don_vi];
  if (!unit) {
    // A number without a unit cannot be counted: the raw text is kept in timeText.
    notes.add('time_unit_missing', row.ma_thu_tuc);
    return { processingTime: null, timeUnit: null };
  }
  return { processingTime: value, timeUnit: unit };
}

function perMode(
  detail: DetailRow | undefined,
  pick: (m: NonNullable<DetailRow['cach_thuc_thuc_hien']>[number]) => string | null,
): string | null {
  const lines = new Set<string>();
  for (const m of detail?.cach_thuc_thuc_hien ?? []) {
    const value = textOrNull(pick(m));
    if (value) lines.add(`${m.mode}: ${value}`);
  }
  return lines.size ? [...lines].join('\n') : null;
}

/**
 * One CSV row (and its details, when the details file has it) as a procedure, or the reason
 * it is skipped. `notes` collects what was filled in by rule (missing unit, fee, papers).
 */
export function normaliseRow(
  row: CsvRow,
  detail: DetailRow | undefined,
  notes: Tally,
): ImportedProcedure | { skip: string } {
  const code = row.ma_thu_tuc;
  if (!code) return { skip: 'missing_code' };
  if (!CODE.test(code)) return { skip: 'invalid_code' };
  // Two rows of the national file start with a stray ". ".
  const name = row.ten_thu_tuc
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^[.,;:\s]+/, '');
  if (!name) return { skip: 'missing_name' };
  if (name.length > 2000) return { skip: 'name_too_long' };
  const sectorName = row.linh_vuc.replace(/\s+/g, ' ').trim();
  if (!sectorName) return { skip: 'missing_sector' };
  if (sectorName.length > 300) return { skip: 'sector_too_long' };

  const levels: Level[] = [];
  if (row.co_cap_tinh === '1') levels.push('province');
  if (row.co_cap_xa === '1') levels.push('commune');
  const external =
    levels.length === 0 ||
    externalSources.has(row.bo_nganh_nguon) ||
    externalSectors.has(sectorName);

  const submissionModes = row.hinh_thuc_nop
    .split(';')
    .map((m) => modes[m.trim()])
    .filter((m): m is SubmissionMode => m !== undefined);
  if (submissionModes.length === 0) notes.add('submission_modes_missing', code);

  // No online-service level in the data: online submission listed → partial (legacy 3),
  // otherwise information only (legacy 2). Staff set full (legacy 4) on screen.
  const onlineClass: OnlineClass = row.nop_truc_tuyen === '1' ? 'partial' : 'info';
  if (onlineClass === 'partial' && !submissionModes.includes('online'))
    submissionModes.push('online');
  const time = timeOf(row, notes);

  const feeMin = money(row.phi_le_phi_min_vnd);
  const feeMax = money(row.phi_le_phi_max_vnd);
  if (feeMin === null) notes.add('fee_missing', code);

  const papersText = textOrNull(detail?.thanh_phan_ho_so_text);
  let papers = parsePapers(papersText);
  if (!papers) {
    notes.add(detail ? 'papers_unparsed' : 'details_missing', code);
    papers = [fallbackPaper];
  }

  const content: ImportedContent = {
    name,
    levels,
    levelText: textOrNull(row.cap_thuc_hien),
    onlineClass,
    legacyLevel: onlineClass === 'partial' ? 3 : 2,
    submissionModes,
    ...time,
    timeText: perMode(detail, (m) => m.time_raw) ?? textOrNull(row.thoi_han_raw),
    feeVnd: feeMin ?? 0,
    feeMaxVnd: feeMax !== null && feeMax >= (feeMin ?? 0) ? feeMax : null,
    feeText: perMode(detail, (m) => m.fee_text),
    papers,
    papersText,
    formFields: defaultFormFields.map((f) => ({ ...f })),
    workflow: null,
    implementers: external ? { mode: 'external' } : { mode: 'auto' },
    stepsText: textOrNull(detail?.trinh_tu_thuc_hien),
    conditionsText: textOrNull(detail?.yeu_cau_dieu_kien),
    resultText: cleanResult(detail?.ket_qua_xu_ly),
    legalBasisText: cleanLegalBasis(detail?.can_cu_phap_ly_text),
    agencyText: textOrNull(row.co_quan_thuc_hien),
    subjectsText: textOrNull(row.doi_tuong_thuc_hien),
    decisionNo: textOrNull(row.so_quyet_dinh)?.slice(0, 200) ?? null,
  };
  const { line: _line, ...source } = row;
  const hash = createHash('sha256')
    .update(JSON.stringify(source))
    .update('\n')
    .update(detail?.raw ?? '')
    .digest('hex');
  return {
    code,
    sectorName,
    sourceUrl: textOrNull(row.detail_url)?.slice(0, 500) ?? null,
    hash,
    content,
  };
}

/** The content with a creation override applied (demo: full online, the legal time). */
export function withOverride(
  content: ImportedContent,
  o: CreationOverride | undefined,
): ImportedContent {
  if (!o) return content;
  const out = { ...content, submissionModes: [...content.submissionModes] };
  if (o.onlineClass) {
    out.onlineClass = o.onlineClass;
    out.legacyLevel = o.onlineClass === 'full' ? 4 : o.onlineClass === 'partial' ? 3 : 2;
    if (o.onlineClass !== 'info' && !out.submissionModes.includes('online'))
      out.submissionModes.push('online');
  }
  if (o.processingTime !== undefined && o.timeUnit) {
    out.processingTime = o.processingTime;
    out.timeUnit = o.timeUnit;
  }
  return out;
}
