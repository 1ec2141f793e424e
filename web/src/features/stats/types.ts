/** The one-stop report as the server sends it (StatsReport in src/modules/dossiers/schema.ts). */

export type StatsFigures = {
  carriedOver: number;
  receivedOnline: number;
  receivedDesk: number;
  receivedPost: number;
  received: number;
  total: number;
  settledEarly: number;
  settledOnTime: number;
  settledLate: number;
  settled: number;
  refused: number;
  withdrawn: number;
  cancelled: number;
  inProgress: number;
  inProgressNotDue: number;
  inProgressOverdue: number;
  returned: number;
  ratedVerySatisfied: number;
  ratedSatisfied: number;
  ratedNotSatisfied: number;
  onlineRatio: number | null;
  onTimeRatio: number | null;
};

export type GroupBy = 'agency' | 'procedure' | 'sector' | 'month';
export type Level = 'province' | 'district' | 'commune';

export type StatsRow = StatsFigures & { key: string; name: string; hasChildren?: boolean };

export type StatsReport = {
  from: string;
  to: string;
  agency: { id: string; name: string };
  groupBy: GroupBy;
  rows: StatsRow[];
  total: StatsFigures;
};

export type StatsQuery = {
  from: string;
  to: string;
  agencyId?: string;
  sectorId?: string;
  procedureId?: string;
  level?: Level;
  groupBy: GroupBy;
};
