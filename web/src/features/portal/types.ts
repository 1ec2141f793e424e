/**
 * The payloads the portal reads, as the server sends them (src/modules/catalog/schema*.ts,
 * src/modules/dossiers/schema.ts, src/modules/notify/schema.ts); dates are ISO strings.
 */

import type {
  FormField,
  Level,
  OnlineClass,
  Paper,
  SubmissionMode,
  TimeUnit,
} from '../catalog/types';

// The catalogue's payloads are the catalogue feature's types: one copy in the web app.
export type {
  FormField,
  FormFieldType,
  Level,
  OnlineClass,
  Paper,
  ProcedureHit,
  ProcedurePage,
  SubmissionMode,
  TimeUnit,
} from '../catalog/types';
export type LocalizedText = { vi: string; en: string };

export type Sector = { id: string; name: string; procedureCount: number };

export type AgencyName = { id: string; name: string };

export type PublicProcedure = {
  id: string;
  versionId: string;
  code: string;
  name: string;
  sectorId: string;
  sectorName: string;
  levels: Level[];
  levelText: string | null;
  onlineClass: OnlineClass;
  legacyLevel: 1 | 2 | 3 | 4 | null;
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
  stepsText: string | null;
  conditionsText: string | null;
  resultText: string | null;
  legalBasisText: string | null;
  agencyText: string | null;
  subjectsText: string | null;
  decisionNo: string | null;
  validFrom: string;
  validTo: string | null;
  sourceUrl: string | null;
  carriers: { external: boolean; agencies: AgencyName[] };
};

// The server's own lists (a pure module: no server code comes with it).
import type { DossierState } from '../../../../src/modules/dossiers/workflow/states.js';
export type { DossierState };
export { dossierStates } from '../../../../src/modules/dossiers/workflow/states.js';

export type ApplicantAction = 'submit' | 'supplement' | 'withdraw' | 'cancel';
export type Rating = 'very_satisfied' | 'satisfied' | 'not_satisfied';

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
  actionName: LocalizedText;
  fromState: DossierState | null;
  toState: DossierState;
  stepIndex: number;
  stepName: LocalizedText | null;
  actorName: string;
  at: string;
  note: string | null;
};

export type DossierStep = { key: string; name: LocalizedText; role: string; sharePercent: number };

export type ApplicantDossier = {
  id: string;
  code: string | null;
  state: DossierState;
  stateName: LocalizedText;
  channel: SubmissionMode;
  procedure: { id: string; code: string; name: string };
  agency: AgencyName;
  applicant: Applicant;
  formData: Record<string, unknown>;
  papers: Omit<Paper, 'templateFile'>[];
  steps: DossierStep[];
  stepIndex: number;
  submittedAt: string | null;
  receivedAt: string | null;
  dueAt: string | null;
  appointmentAt: string | null;
  finishedAt: string | null;
  returnedAt: string | null;
  fee: {
    amountVnd: number;
    status: 'due' | 'paid' | 'waived';
    receiptNo: string | null;
    paidAt: string | null;
  } | null;
  rating: Rating | null;
  files: FileView[];
  history: HistoryEntry[];
  allowedActions: string[];
  /** Only in the answer to the submission: the secret printed on the receipt. */
  lookupSecret?: string;
};

export type DossierListItem = {
  id: string;
  code: string | null;
  state: DossierState;
  channel: SubmissionMode;
  procedureName: string;
  applicantName: string;
  agencyName: string;
  submittedAt: string | null;
  receivedAt: string | null;
  dueAt: string | null;
  overdue: boolean;
};

export type PublicLookup = {
  code: string;
  state: DossierState;
  stateName: LocalizedText;
  procedureName: string;
  agencyName: string;
  applicantName: string;
  submittedAt: string | null;
  receivedAt: string | null;
  appointmentAt: string | null;
  finishedAt: string | null;
  returnedAt: string | null;
  history: HistoryEntry[];
};

export type Notification = {
  id: string;
  title: string;
  body: string;
  link: string | null;
  createdAt: string;
  readAt: string | null;
};
