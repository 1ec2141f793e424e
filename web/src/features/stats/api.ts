import { api, withQuery } from '../../app/api';
import type { StatsQuery, StatsReport } from './types';

export const getReport = (q: StatsQuery) => api.get<StatsReport>('/api/stats/dossiers', q);

/** The same report as an Excel workbook (a plain download link: the cookie authenticates it). */
export const excelUrl = (q: StatsQuery) => withQuery('/api/stats/dossiers.xlsx', q);

export const listSectors = () =>
  api.get<{ items: { id: string; name: string; procedureCount: number }[] }>(
    '/api/catalog/sectors',
  );
