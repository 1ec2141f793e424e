/** Dossier payloads as the server sends them (src/modules/dossiers/schema.ts); dates are ISO strings. */

// The server's own lists (a pure module: no server code comes with it).
import type {
  DossierAction,
  DossierState,
} from '../../../../src/modules/dossiers/workflow/states.js';
export type { DossierAction, DossierState };
export { dossierActions, dossierStates } from '../../../../src/modules/dossiers/workflow/states.js';

export type Channel = 'online' | 'desk' | 'post';
export type Localized = { vi: string; en: string };

export const queues = [
  'to_receive',
  'mine',
  'in_process',
  'supplement',
  'due_soon',
  'overdue',
  'all',
] as const;
export type Queue = (typeof queues)[number];
export type QueueCounts = Record<Exclude<Queue, 'all'>, number>;

export type DossierListItem = {
  id: string;
  code: string | null;
  state: DossierState;
  channel: Channel;
  procedureName: string;
  applicantName: string;
  agencyName: string;
  submittedAt: string | null;
  receivedAt: string | null;
  dueAt: string | null;
  overdue: boolean;
  assigneeId: string | null;
};

export type DossierPage = { items: DossierListItem[]; nextCursor: string | null };

export type Applicant = {
  fullName: string;
  idNumber: string;
  birthDate?: string;
  phone: string;
  email?: string;
  address: string;
  organization?: string;
};

export type FileView = {
  id: string;
  purpose: 'paper' | 'supplement' | 'result';
  paperKey: string | null;
  fileName: string;
  mime: string;
  sizeBytes: number;
  uploadedAt: string;
};

export type HistoryEntry = {
  seq: number;
  action: string;
  actionName: Localized;
  fromState: DossierState | null;
  toState: DossierState;
  stepIndex: number;
  stepName: Localized | null;
  actorName: string;
  at: string;
  note: string | null;
  internalNote?: string | null;
  data?: Record<string, unknown>;
};

export type DossierPaper = {
  key: string;
  name: string;
  copies: string | null;
  mandatory: boolean;
};

export type DossierStep = {
  key: string;
  name: Localized;
  role: 'one_stop_officer' | 'specialist' | 'leader' | string;
  sharePercent: number;
};

export type FeeView = {
  amountVnd: number;
  status: 'due' | 'paid' | 'waived';
  receiptNo: string | null;
  paidAt: string | null;
};

export type OfficerDossier = {
  id: string;
  code: string | null;
  state: DossierState;
  stateName: Localized;
  channel: Channel;
  procedure: { id: string; code: string; name: string };
  agency: { id: string; name: string };
  applicant: Applicant;
  formData: Record<string, unknown>;
  papers: DossierPaper[];
  steps: DossierStep[];
  stepIndex: number;
  submittedAt: string | null;
  receivedAt: string | null;
  dueAt: string | null;
  appointmentAt: string | null;
  finishedAt: string | null;
  returnedAt: string | null;
  fee: FeeView | null;
  rating: 'very_satisfied' | 'satisfied' | 'not_satisfied' | null;
  files: FileView[];
  history: HistoryEntry[];
  allowedActions: DossierAction[];
  holderAgency: { id: string; name: string };
  assignee: { id: string; name: string } | null;
  clockStoppedAt: string | null;
  finishKind: 'early' | 'on_time' | 'late' | 'refused' | 'withdrawn' | 'cancelled' | null;
  settledAt: string | null;
  returnMethod: 'desk' | 'post' | 'online' | null;
  overdue: boolean;
};

/** The officer actions and their bodies (OfficerActionInput). */
export type OfficerActionInput =
  | { action: 'receive'; papersReceived: string[]; note?: string }
  | { action: 'refuse_reception'; reason: string }
  | { action: 'request_supplement'; reason: string; papers: string[] }
  | { action: 'start'; note?: string }
  | { action: 'forward'; note?: string; internalNote?: string; assigneeId?: string }
  | { action: 'accept_transfer'; note?: string }
  | { action: 'pause'; reason: string }
  | { action: 'resume'; note?: string }
  | { action: 'approve'; note?: string; internalNote?: string }
  | { action: 'refuse'; reason: string }
  | { action: 'attach_result'; resultFileId: string; note?: string }
  | { action: 'return'; method: 'desk' | 'post'; note?: string }
  | { action: 'cancel'; reason: string }
  | { action: 'extend'; reason: string; extraWorkingDays: number };
export type OfficerAction = OfficerActionInput['action'];

export const formKinds = ['01', '02', '03', '04', '06'] as const;
export type FormKind = (typeof formKinds)[number];

/** What the desk needs of a procedure (the catalogue's public view). */
export type ProcedureHit = {
  id: string;
  code: string;
  name: string;
  sectorName: string;
  processingTime: number | null;
  timeUnit: 'working_day' | 'day' | 'hour' | 'month' | null;
  feeVnd: number;
};

export type FormField = {
  key: string;
  label: string;
  type: 'text' | 'textarea' | 'number' | 'date' | 'select' | 'id_number' | 'phone' | 'email';
  required: boolean;
  options?: string[];
};

export type ProcedureDetail = ProcedureHit & {
  submissionModes: Channel[];
  papers: (DossierPaper & { templateFile: string | null })[];
  formFields: FormField[];
  feeText: string | null;
  timeText: string | null;
};
