import { api, type Query } from '../../app/api';
import type {
  Certificate,
  CertificateDetail,
  CertificatePage,
  PkiCounts,
  RenewInput,
  RequestCertificateInput,
  RevocationReason,
  SetPinInput,
} from './types';

const base = '/api/pki/certificates';

export const listCertificates = (query: Query) => api.get<CertificatePage>(base, query);
export const listInventory = (query: Query) =>
  api.get<CertificatePage>('/api/pki/inventory', query);
export const getCertificate = (id: string) => api.get<CertificateDetail>(`${base}/${id}`);
export const requestCertificate = (body: RequestCertificateInput) =>
  api.post<Certificate>(base, body);

export type SimpleAction = 'issue' | 'suspend' | 'resume' | 'reset-pin';
export const simpleAction = (id: string, action: SimpleAction) =>
  api.post<Certificate>(`${base}/${id}/${action}`);
export const decide = (id: string, decision: 'approve' | 'reject', note?: string) =>
  api.post<Certificate>(`${base}/${id}/${decision}`, { note: note || undefined });
export const revoke = (id: string, reason: Exclude<RevocationReason, 'superseded'>) =>
  api.post<Certificate>(`${base}/${id}/revoke`, { reason });
export const renew = (id: string, body: RenewInput) =>
  api.post<Certificate>(`${base}/${id}/renew`, body);

export const getStats = (query: { from: string; to: string; agencyId?: string }) =>
  api.get<PkiCounts>('/api/pki/stats', query);

export const listMine = () => api.get<{ items: Certificate[] }>('/api/pki/my/certificates');
export const setPin = (id: string, body: SetPinInput) =>
  api.post<Certificate>(`/api/pki/my/certificates/${id}/pin`, body);

/** The CA certificates and the CRL, public. */
export const caUrls = {
  root: '/pki/ca/root.crt',
  issuing: '/pki/ca/issuing.crt',
  crl: '/pki/crl/issuing.crl',
} as const;
