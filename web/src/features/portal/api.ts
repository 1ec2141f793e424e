import { api } from '../../app/api';
import type {
  Applicant,
  ApplicantDossier,
  DossierListItem,
  FileView,
  Level,
  Notification,
  OnlineClass,
  ProcedurePage,
  PublicLookup,
  PublicProcedure,
  Rating,
  Sector,
} from './types';

export type ProcedureQuery = {
  q?: string;
  sectorId?: string;
  level?: Level;
  onlineClass?: OnlineClass;
  page?: number;
  pageSize?: number;
};

export const searchProcedures = (query: ProcedureQuery) =>
  api.get<ProcedurePage>('/api/catalog/procedures', query);
export const listSectors = (level?: Level) =>
  api.get<{ items: Sector[] }>('/api/catalog/sectors', { level });
export const getProcedure = (id: string) =>
  api.get<PublicProcedure>(`/api/catalog/procedures/${encodeURIComponent(id)}`);
export const getProcedureByCode = (code: string) =>
  api.get<PublicProcedure>(`/api/catalog/procedures/by-code/${encodeURIComponent(code)}`);

export type DraftInput = {
  procedureId: string;
  agencyId: string;
  applicant: Applicant;
  formData: Record<string, string | number>;
};

const dossierPath = (id: string) => `/api/portal/dossiers/${encodeURIComponent(id)}`;

/** The same key for the same form session: a retried or double-clicked save makes one draft. */
export const createDraft = (input: DraftInput, idempotencyKey: string) =>
  api.post<ApplicantDossier>('/api/portal/dossiers', input, { 'idempotency-key': idempotencyKey });
export const updateDraft = (
  id: string,
  input: { applicant?: Applicant; formData?: Record<string, string | number> },
) => api.patch<ApplicantDossier>(dossierPath(id), input);
export const getMyDossier = (id: string) => api.get<ApplicantDossier>(dossierPath(id));
export const listMyDossiers = (cursor?: string) =>
  api.get<{ items: DossierListItem[]; nextCursor: string | null }>('/api/portal/dossiers', {
    cursor,
    limit: 20,
  });

export type ActionInput =
  | { action: 'submit' }
  | { action: 'supplement'; note?: string }
  | { action: 'withdraw'; reason: string }
  | { action: 'cancel' };

export const actOnDossier = (id: string, input: ActionInput) =>
  api.post<ApplicantDossier>(`${dossierPath(id)}/actions`, input);
export const rateDossier = (id: string, rating: Rating, comment?: string) =>
  api.post<ApplicantDossier>(`${dossierPath(id)}/rating`, { rating, comment });

export function uploadFile(id: string, file: File, paperKey?: string) {
  const form = new FormData();
  if (paperKey) form.append('paperKey', paperKey);
  form.append('file', file, file.name);
  return api.upload<FileView>(`${dossierPath(id)}/files`, form);
}
export const removeFile = (id: string, fileId: string) =>
  api.delete(`${dossierPath(id)}/files/${encodeURIComponent(fileId)}`);
export const fileUrl = (id: string, fileId: string) =>
  `${dossierPath(id)}/files/${encodeURIComponent(fileId)}`;
export const formUrl = (id: string, form: '01' | '02' | '03' | '04') =>
  `${dossierPath(id)}/forms/${form}`;

export const lookupDossier = (code: string, secret: string) =>
  api.get<PublicLookup>('/api/public/dossiers/lookup', { code, secret });

export const listNotifications = () =>
  api.get<{ items: Notification[]; unread: number; nextCursor: string | null }>(
    '/api/me/notifications',
    { limit: 10 },
  );
export const markNotificationRead = (id: string) =>
  api.post<void>(`/api/me/notifications/${encodeURIComponent(id)}/read`);
export const markAllNotificationsRead = () => api.post<void>('/api/me/notifications/read-all');

export const register = (input: {
  username: string;
  fullName: string;
  email?: string;
  phone?: string;
  password: string;
}) => api.post<{ id: string; username: string }>('/api/auth/register', input);
