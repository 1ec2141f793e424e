import dayjs, { type Dayjs } from 'dayjs';
import type {
  CreateVersionInput,
  FormField,
  Implementers,
  Level,
  OnlineClass,
  Paper,
  ProcedureVersion,
  SubmissionMode,
  TimeUnit,
  WorkflowStep,
} from '../types';

/** The default workflow (src/modules/catalog/schema.ts `defaultWorkflow`). */
export const defaultWorkflow: WorkflowStep[] = [
  {
    key: 'receive',
    name: { vi: 'Tiếp nhận hồ sơ', en: 'Receive the dossier' },
    role: 'one_stop_officer',
    agency: { kind: 'receiving' },
    sharePercent: 10,
  },
  {
    key: 'process',
    name: { vi: 'Thẩm định, xử lý hồ sơ', en: 'Examine and process' },
    role: 'specialist',
    agency: { kind: 'receiving' },
    sharePercent: 60,
  },
  {
    key: 'approve',
    name: { vi: 'Phê duyệt kết quả', en: 'Approve the result' },
    role: 'leader',
    agency: { kind: 'receiving' },
    sharePercent: 20,
  },
  {
    key: 'return',
    name: { vi: 'Trả kết quả', en: 'Return the result' },
    role: 'one_stop_officer',
    agency: { kind: 'receiving' },
    sharePercent: 10,
  },
];

export const textFields = [
  'stepsText',
  'conditionsText',
  'resultText',
  'legalBasisText',
  'subjectsText',
] as const;

type PaperRow = {
  key: string;
  name: string;
  copies?: string;
  mandatory: boolean;
  templateFile?: string;
};
type FieldRow = {
  key: string;
  label: string;
  type: FormField['type'];
  required: boolean;
  options?: string[];
};

/** What the editor's form holds: the API body, with dates as Dayjs and empty texts as ''. */
export type EditorValues = {
  code?: string;
  validFrom: Dayjs;
  changeNote?: string;
  name: string;
  sectorId?: string;
  levels: Level[];
  onlineClass: OnlineClass;
  /** Only for `info`: 1 or 2. */
  legacyLevel?: 1 | 2;
  submissionModes: SubmissionMode[];
  processingTime: number | null;
  timeUnit: TimeUnit | null;
  timeText?: string;
  feeVnd: number;
  feeMaxVnd: number | null;
  feeText?: string;
  decisionNo?: string;
  papers: PaperRow[];
  papersText?: string;
  formFields: FieldRow[];
  /** true: the default workflow (sent as null). */
  workflowDefault: boolean;
  workflow: WorkflowStep[];
  implementersMode: Implementers['mode'];
  targetCommunes: boolean;
  targetDistricts: boolean;
  targetAgencyIds: string[];
  agencyText?: string;
  stepsText?: string;
  conditionsText?: string;
  resultText?: string;
  legalBasisText?: string;
  subjectsText?: string;
};

const text = (v: string | null | undefined) => v ?? '';
const nullable = (v: string | null | undefined) => {
  const s = (v ?? '').trim();
  return s === '' ? null : s;
};

/** The editor prefilled from a version. */
export function valuesOf(v: ProcedureVersion, validFrom: Dayjs): EditorValues {
  const targets = v.implementers.mode === 'custom' ? v.implementers.targets : [];
  return {
    validFrom,
    changeNote: '',
    name: v.name,
    sectorId: v.sectorId,
    levels: v.levels,
    onlineClass: v.onlineClass,
    legacyLevel: v.legacyLevel === 1 ? 1 : 2,
    submissionModes: v.submissionModes,
    processingTime: v.processingTime,
    timeUnit: v.timeUnit,
    timeText: text(v.timeText),
    feeVnd: v.feeVnd,
    feeMaxVnd: v.feeMaxVnd,
    feeText: text(v.feeText),
    decisionNo: text(v.decisionNo),
    papers: v.papers.map((p) => ({
      key: p.key,
      name: p.name,
      copies: text(p.copies),
      mandatory: p.mandatory,
      templateFile: text(p.templateFile),
    })),
    papersText: text(v.papersText),
    formFields: v.formFields.map((f) => ({ ...f })),
    workflowDefault: !v.workflowConfigured,
    workflow: v.workflow.map((s) => ({ ...s, name: { ...s.name }, agency: { ...s.agency } })),
    implementersMode: v.implementers.mode,
    targetCommunes: targets.some((x) => x.kind === 'commune_peoples_committee'),
    targetDistricts: targets.some((x) => x.kind === 'district_peoples_committee'),
    targetAgencyIds: targets.flatMap((x) => (x.kind === 'agency' ? [x.agencyId] : [])),
    agencyText: text(v.agencyText),
    stepsText: text(v.stepsText),
    conditionsText: text(v.conditionsText),
    resultText: text(v.resultText),
    legalBasisText: text(v.legalBasisText),
    subjectsText: text(v.subjectsText),
  };
}

/** A new local procedure: one form paper, the default e-form and workflow. */
export function blankValues(validFrom: Dayjs): EditorValues {
  return {
    code: '',
    validFrom,
    changeNote: '',
    name: '',
    sectorId: undefined,
    levels: ['province'],
    onlineClass: 'partial',
    legacyLevel: 2,
    submissionModes: ['online', 'desk'],
    processingTime: null,
    timeUnit: null,
    feeVnd: 0,
    feeMaxVnd: null,
    papers: [{ key: 'p1', name: 'Đơn/tờ khai theo mẫu', copies: '1 bản chính', mandatory: true }],
    formFields: [{ key: 'request', label: 'Nội dung yêu cầu', type: 'textarea', required: true }],
    workflowDefault: true,
    workflow: defaultWorkflow.map((s) => ({ ...s, name: { ...s.name }, agency: { ...s.agency } })),
    implementersMode: 'auto',
    targetCommunes: false,
    targetDistricts: false,
    targetAgencyIds: [],
  };
}

/** The API body from the form's whole store (fields in closed sections included). */
export function bodyOf(v: EditorValues): CreateVersionInput {
  const implementers: Implementers =
    v.implementersMode === 'custom'
      ? {
          mode: 'custom',
          targets: [
            ...(v.targetCommunes ? [{ kind: 'commune_peoples_committee' as const }] : []),
            ...(v.targetDistricts ? [{ kind: 'district_peoples_committee' as const }] : []),
            ...v.targetAgencyIds.map((agencyId) => ({ kind: 'agency' as const, agencyId })),
          ],
        }
      : { mode: v.implementersMode };
  const papers: Paper[] = v.papers.map((p) => ({
    key: p.key.trim(),
    name: p.name.trim(),
    copies: nullable(p.copies),
    mandatory: Boolean(p.mandatory),
    templateFile: nullable(p.templateFile),
  }));
  const formFields: FormField[] = v.formFields.map((f) => ({
    key: f.key.trim(),
    label: f.label.trim(),
    type: f.type,
    required: Boolean(f.required),
    ...(f.type === 'select'
      ? { options: (f.options ?? []).map((o) => o.trim()).filter(Boolean) }
      : {}),
  }));
  const workflow: WorkflowStep[] | null = v.workflowDefault
    ? null
    : v.workflow.map((s) => ({
        key: s.key.trim(),
        name: { vi: s.name.vi.trim(), en: s.name.en.trim() },
        role: s.role,
        agency:
          s.agency.kind === 'agency'
            ? { kind: 'agency', agencyId: s.agency.agencyId }
            : { kind: 'receiving' },
        sharePercent: Number(s.sharePercent),
      }));
  return {
    validFrom: v.validFrom.format('YYYY-MM-DD'),
    changeNote: nullable(v.changeNote),
    name: v.name.trim(),
    sectorId: v.sectorId ?? '',
    levels: v.levels,
    onlineClass: v.onlineClass,
    legacyLevel: v.onlineClass === 'info' ? (v.legacyLevel ?? 2) : null,
    submissionModes: v.submissionModes,
    processingTime: v.processingTime ?? null,
    timeUnit: v.timeUnit ?? null,
    timeText: nullable(v.timeText),
    feeVnd: v.feeVnd ?? 0,
    feeMaxVnd: v.feeMaxVnd ?? null,
    feeText: nullable(v.feeText),
    papers,
    papersText: nullable(v.papersText),
    formFields,
    workflow,
    implementers,
    agencyText: nullable(v.agencyText),
    stepsText: nullable(v.stepsText),
    conditionsText: nullable(v.conditionsText),
    resultText: nullable(v.resultText),
    legalBasisText: nullable(v.legalBasisText),
    subjectsText: nullable(v.subjectsText),
    decisionNo: nullable(v.decisionNo),
  };
}

/** The effective date the editor proposes: today, or the day after a version starting today. */
export function proposedDate(latest: ProcedureVersion | undefined): Dayjs {
  const day = dayjs().startOf('day');
  if (!latest) return day;
  const from = dayjs(latest.validFrom);
  if (from.isAfter(day)) return from; // a planned version: the same date replaces it
  if (from.isSame(day)) return day.add(1, 'day');
  return day;
}
