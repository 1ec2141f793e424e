import { api, type Query } from '../../app/api';
import type {
  ComposeDraftInput,
  DirectInput,
  DocumentCounts,
  DocumentType,
  IncomingDocument,
  IncomingPage,
  Official,
  OutgoingDocument,
  OutgoingPage,
  RegisterView,
  ReviseComposeBody,
  UploadDraftInput,
} from './types';

const out = '/api/documents/outgoing';
const inc = '/api/documents/incoming';

const newKey = () => ({ 'idempotency-key': `web-${crypto.randomUUID()}` });

export const listTypes = () => api.get<{ items: DocumentType[] }>('/api/documents/types');
export const listOfficials = (role: 'sign' | 'approve' | 'handle' | 'direct', agencyId?: string) =>
  api.get<{ items: Official[] }>('/api/documents/officials', { role, agencyId });
/** The counts of the home's work queues in one call; a queue the reader may not see is absent. */
export const getCounts = (agencyId?: string) =>
  api.get<DocumentCounts>('/api/documents/counts', { agencyId });
export const listRegisters = (query: { agencyId?: string; kind?: string; year?: number }) =>
  api.get<{ items: RegisterView[] }>('/api/documents/registers', query);

// ——— outgoing ———
export const listOutgoing = (query: Query) => api.get<OutgoingPage>(out, query);
export const getOutgoing = (id: string) => api.get<OutgoingDocument>(`${out}/${id}`);
/** The key is made once per form, so that a retry or a double click files one draft. */
export const composeDraft = (body: ComposeDraftInput, key = newKey()) =>
  api.post<OutgoingDocument>(out, body, key);

function multipart(file: File, metadata?: unknown): FormData {
  const form = new FormData();
  if (metadata !== undefined) form.set('metadata', JSON.stringify(metadata));
  form.set('file', file, file.name);
  return form;
}

export const uploadDraft = (file: File, metadata: UploadDraftInput, key = newKey()) =>
  api.post<OutgoingDocument>(`${out}/upload`, multipart(file, metadata), key);
/** A new version composed again from the form (the drafter, while a draft or returned). */
export const reviseComposed = (id: string, body: ReviseComposeBody) =>
  api.post<OutgoingDocument>(`${out}/${id}/versions`, body);
export const uploadVersion = (id: string, file: File) =>
  api.upload<OutgoingDocument>(`${out}/${id}/versions/upload`, multipart(file));
export const submitDraft = (id: string, reviewerUserIds: string[], comment?: string) =>
  api.post<OutgoingDocument>(`${out}/${id}/submit`, { reviewerUserIds, comment });
export const reviewDraft = (id: string, decision: 'approve' | 'return', comment?: string) =>
  api.post<OutgoingDocument>(`${out}/${id}/review`, { decision, comment });
export const signDocument = (id: string, pin: string, otp: string) =>
  api.post<OutgoingDocument>(`${out}/${id}/sign`, { pin, otp });
export const issueDocument = (id: string) => api.post<OutgoingDocument>(`${out}/${id}/issue`);
export const recallDocument = (id: string, reason: string) =>
  api.post<OutgoingDocument>(`${out}/${id}/recall`, { reason });
export const cancelDraft = (id: string, reason: string) =>
  api.post<OutgoingDocument>(`${out}/${id}/cancel`, { reason });
export const outgoingFileUrl = (id: string, which: 'current' | 'signed' | 'issued' | number) =>
  `${out}/${id}/file?which=${which}`;

// ——— incoming ———
export const listIncoming = (query: Query) => api.get<IncomingPage>(inc, query);
export const getIncoming = (id: string) => api.get<IncomingDocument>(`${inc}/${id}`);
export const incomingFileUrl = (id: string) => `${inc}/${id}/file`;
export const directIncoming = (id: string, body: DirectInput) =>
  api.post<IncomingDocument>(`${inc}/${id}/direct`, body);
export const noteIncoming = (id: string, note: string) =>
  api.post<IncomingDocument>(`${inc}/${id}/notes`, { note });
export const completeIncoming = (id: string, note: string) =>
  api.post<IncomingDocument>(`${inc}/${id}/complete`, { note });
export const returnIncoming = (id: string, reason: string) =>
  api.post<IncomingDocument>(`${inc}/${id}/return`, { reason });
export const registerIncoming = (file: File, metadata: unknown, key = newKey()) =>
  api.post<IncomingDocument>(inc, multipart(file, metadata), key);
