import { api, type Query } from '../../app/api';
import type {
  Applicant,
  DossierPage,
  FileView,
  FormKind,
  OfficerActionInput,
  OfficerDossier,
  ProcedureDetail,
  ProcedureHit,
  QueueCounts,
} from './types';

const base = '/api/desk/dossiers';

export const getCounts = () => api.get<QueueCounts>('/api/desk/counts');
export const listDossiers = (query: Query) => api.get<DossierPage>(base, query);
export const getDossier = (id: string) => api.get<OfficerDossier>(`${base}/${id}`);
export const act = (id: string, body: OfficerActionInput) =>
  api.post<OfficerDossier>(`${base}/${id}/actions`, body);
export const assign = (id: string, body: { assigneeId: string; note?: string }) =>
  api.post<OfficerDossier>(`${base}/${id}/assign`, body);
export const listCandidates = (id: string) =>
  api.get<{ items: { id: string; fullName: string }[] }>(`${base}/${id}/candidates`);
export const recordFee = (id: string, receiptNo: string) =>
  api.post<OfficerDossier>(`${base}/${id}/fee`, { receiptNo });

export function uploadFile(
  id: string,
  purpose: 'paper' | 'result',
  file: File,
  paperKey?: string,
): Promise<FileView> {
  const form = new FormData();
  form.set('purpose', purpose);
  if (paperKey) form.set('paperKey', paperKey);
  form.set('file', file, file.name);
  return api.upload<FileView>(`${base}/${id}/files`, form);
}

export const fileUrl = (id: string, fileId: string) => `${base}/${id}/files/${fileId}`;
export const formUrl = (id: string, form: FormKind) => `${base}/${id}/forms/${form}`;

export type DeskCreateInput = {
  procedureId: string;
  agencyId?: string;
  channel: 'desk' | 'post';
  applicant: Applicant;
  formData: Record<string, string | number>;
  papersReceived: string[];
  note?: string;
};

/** Files a walk-in or postal dossier; the key makes a retry or a double click harmless. */
export const createAtDesk = (body: DeskCreateInput, idempotencyKey: string) =>
  api.post<OfficerDossier>(base, body, { 'idempotency-key': idempotencyKey });

export const searchProcedures = (q: string, agencyId: string | undefined) =>
  api.get<{ items: ProcedureHit[]; total: number }>('/api/catalog/procedures', {
    q: q || undefined,
    agencyId,
    pageSize: 30,
  });
export const getProcedure = (id: string) =>
  api.get<ProcedureDetail>(`/api/catalog/procedures/${id}`);
