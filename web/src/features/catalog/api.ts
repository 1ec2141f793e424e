import { api } from '../../app/api';
import type {
  CatalogSettings,
  Carriers,
  CreateProcedureInput,
  CreateVersionInput,
  DistrictMode,
  ProcedureHistory,
  ProcedurePage,
  ProcedureVersion,
  SearchQuery,
  SectorCount,
  SectorSettings,
} from './types';

export const searchProcedures = (query: SearchQuery) =>
  api.get<ProcedurePage>('/api/catalog/procedures', query);

let sectorsPending: Promise<SectorCount[]> | undefined;

/** The sectors with their number of procedures in force (cached until a sector is added). */
export function listSectors(fresh = false): Promise<SectorCount[]> {
  if (!sectorsPending || fresh) {
    sectorsPending = api.get<{ items: SectorCount[] }>('/api/catalog/sectors').then((r) => r.items);
    sectorsPending.catch(() => (sectorsPending = undefined));
  }
  return sectorsPending;
}

export const createSector = async (name: string) => {
  const sector = await api.post<{ id: string; name: string }>('/api/catalog/sectors', { name });
  sectorsPending = undefined;
  return sector;
};

export const getHistory = (id: string) =>
  api.get<ProcedureHistory>(`/api/catalog/procedures/${id}/versions`);

/** Who carries the procedure today (the public view of the version in force). */
export const getCarriers = (id: string) =>
  api.get<{ carriers: Carriers }>(`/api/catalog/procedures/${id}`).then((p) => p.carriers);

export const createVersion = (id: string, body: CreateVersionInput) =>
  api.post<ProcedureVersion>(`/api/catalog/procedures/${id}/versions`, body);

export const createProcedure = (body: CreateProcedureInput) =>
  api.post<ProcedureHistory>('/api/catalog/procedures', body);

export const getSettings = () => api.get<CatalogSettings>('/api/catalog/settings');

export const updateSectorSettings = (
  sectorId: string,
  body: { departmentId: string | null; carriedByDistricts: boolean },
) => api.put<SectorSettings>(`/api/catalog/settings/sectors/${sectorId}`, body);

export const setDistrictOverride = (procedureId: string, mode: DistrictMode) =>
  api.put<{ procedureId: string; mode: DistrictMode }>(
    `/api/catalog/settings/district-overrides/${procedureId}`,
    { mode },
  );

export const removeDistrictOverride = (procedureId: string) =>
  api.delete(`/api/catalog/settings/district-overrides/${procedureId}`);
