import { type Actor, scopesOf } from '../../../platform/http/access.js';
import type { AgencyKind } from '../../agencies/index.js';
import { addDays } from '../../calendar/index.js';
import type { StatsFigures, StatsQuery, StatsReport, StatsRow } from '../schema.js';
import { NO_SECTOR } from '../store/stats.js';
import { type GroupSums, type Sums, emptySums, sumPeriod } from '../store/stats-query.js';
import type { DossierDeps } from './deps.js';
import { dossierErrors as E } from './errors.js';
import { statsWorkbook } from './stats-excel.js';

const levelKinds: Record<NonNullable<StatsQuery['level']>, AgencyKind[]> = {
  province: [
    'province',
    'provincial_peoples_committee',
    'department',
    'public_service_unit',
    'party_body',
    'other',
  ],
  district: ['district_peoples_committee'],
  commune: ['commune_peoples_committee'],
};

/** The one-stop report's figures from the sums before and inside a period. */
export function figuresOf(g: { pre: Sums; in: Sums }): StatsFigures {
  const finished = (s: Sums) =>
    s.settledEarly + s.settledOnTime + s.settledLate + s.refused + s.withdrawn + s.cancelled;
  const carriedOver = g.pre.received - finished(g.pre);
  const received = g.in.received;
  const settled = g.in.settledEarly + g.in.settledOnTime + g.in.settledLate;
  const inProgress = carriedOver + received - finished(g.in);
  const overdue = g.pre.due + g.in.due - (g.pre.dueClosed + g.in.dueClosed);
  return {
    carriedOver,
    receivedOnline: g.in.receivedOnline,
    receivedDesk: g.in.receivedDesk,
    receivedPost: g.in.receivedPost,
    received,
    total: carriedOver + received,
    settledEarly: g.in.settledEarly,
    settledOnTime: g.in.settledOnTime,
    settledLate: g.in.settledLate,
    settled,
    refused: g.in.refused,
    withdrawn: g.in.withdrawn,
    cancelled: g.in.cancelled,
    inProgress,
    inProgressNotDue: inProgress - overdue,
    inProgressOverdue: overdue,
    returned: g.in.returned,
    ratedVerySatisfied: g.in.ratedVerySatisfied,
    ratedSatisfied: g.in.ratedSatisfied,
    ratedNotSatisfied: g.in.ratedNotSatisfied,
    onlineRatio: received ? g.in.receivedOnline / received : null,
    onTimeRatio: settled ? (g.in.settledEarly + g.in.settledOnTime) / settled : null,
  };
}

function addSums(a: Sums, b: Sums): Sums {
  const out = { ...a };
  for (const k of Object.keys(out) as (keyof Sums)[]) out[k] += b[k];
  return out;
}

/**
 * The statistics screen and export: for a period and an agency subtree, by child agency,
 * procedure, sector or month. Readers hold `dossier.stats` on a subtree; anything outside
 * it does not exist for them (404).
 */
export function createStats(deps: Pick<DossierDeps, 'db' | 'agencies' | 'catalog' | 'clock'>) {
  const { db, agencies, catalog, clock } = deps;

  async function scopeRoot(actor: Actor, agencyId: string | undefined): Promise<string> {
    const scopes = scopesOf(actor, 'dossier.stats');
    if (agencyId) {
      if (!(await agencies.isWithin(db, agencyId, scopes))) throw E.notFound();
      return agencyId;
    }
    const root = scopes[0];
    if (!root) throw E.notFound();
    return root;
  }

  async function names(by: 'procedure' | 'sector', keys: string[]): Promise<Map<string, string>> {
    if (keys.length === 0) return new Map();
    if (by === 'procedure') return catalog.procedureNames(db, keys);
    const sectors = await catalog.sectorNames(
      db,
      keys.filter((k) => k !== NO_SECTOR),
    );
    return new Map([[NO_SECTOR, 'Khác'], ...sectors]);
  }

  async function report(actor: Actor, query: StatsQuery): Promise<StatsReport> {
    const rootId = await scopeRoot(actor, query.agencyId);
    const root = await agencies.getAgency(db, rootId);
    const agencyIds = query.level
      ? await agencies.subtreeIdsOfKinds(db, [rootId], levelKinds[query.level])
      : await agencies.subtreeIds(db, [rootId]);
    const base = {
      start: query.from,
      end: addDays(query.to, 1),
      agencyIds,
      sectorId: query.sectorId,
      procedureId: query.procedureId,
    };

    let rows: StatsRow[];
    let total: StatsFigures;
    if (query.groupBy === 'month') {
      rows = [];
      const totalSums = { pre: emptySums(), in: emptySums() };
      let first = true;
      for (let start = query.from; start <= query.to;) {
        const monthEnd = nextMonthStart(start);
        const end = monthEnd < base.end ? monthEnd : base.end;
        const [g] = await sumPeriod(db, { ...base, start, end, group: { by: 'none' } });
        const sums = g ?? { key: 'all', pre: emptySums(), in: emptySums() };
        rows.push({ key: start.slice(0, 7), name: start.slice(0, 7), ...figuresOf(sums) });
        if (first) totalSums.pre = sums.pre;
        totalSums.in = addSums(totalSums.in, sums.in);
        first = false;
        start = end;
      }
      total = figuresOf(totalSums);
    } else {
      let groups: GroupSums[];
      const childInfo = new Map<string, { name: string; hasChildren: boolean }>();
      if (query.groupBy === 'agency') {
        const children = (
          await agencies.listChildren(db, { parentId: rootId, includeEnded: true, limit: 500 })
        ).items;
        const agencyGroup = new Map<string, string>();
        const inScope = new Set(agencyIds);
        if (inScope.has(rootId)) agencyGroup.set(rootId, rootId);
        childInfo.set(rootId, { name: `${root.name} (trực tiếp)`, hasChildren: false });
        for (const child of children) {
          childInfo.set(child.id, { name: child.name, hasChildren: child.childCount > 0 });
          for (const id of await agencies.subtreeIds(db, [child.id])) {
            if (inScope.has(id)) agencyGroup.set(id, child.id);
          }
        }
        groups = await sumPeriod(db, { ...base, group: { by: 'agency', agencyGroup } });
      } else {
        groups = await sumPeriod(db, { ...base, group: { by: query.groupBy } });
        const named = await names(
          query.groupBy,
          groups.map((g) => g.key),
        );
        for (const g of groups)
          childInfo.set(g.key, { name: named.get(g.key) ?? g.key, hasChildren: false });
      }
      rows = groups
        .map((g) => ({
          key: g.key,
          name: childInfo.get(g.key)?.name ?? g.key,
          ...(query.groupBy === 'agency'
            ? { hasChildren: childInfo.get(g.key)?.hasChildren ?? false }
            : {}),
          ...figuresOf(g),
        }))
        .filter((r) => r.total > 0 || r.returned > 0 || r.inProgress > 0)
        .sort((a, b) => b.total - a.total || a.name.localeCompare(b.name, 'vi'));
      total = figuresOf(
        groups.reduce((acc, g) => ({ pre: addSums(acc.pre, g.pre), in: addSums(acc.in, g.in) }), {
          pre: emptySums(),
          in: emptySums(),
        }),
      );
    }
    return {
      from: query.from,
      to: query.to,
      agency: { id: root.id, name: root.name },
      groupBy: query.groupBy,
      rows,
      total,
    };
  }

  /** The same report as an .xlsx workbook. */
  async function workbook(actor: Actor, query: StatsQuery): Promise<Buffer> {
    const data = await report(actor, query);
    const agency = await agencies.getAgency(db, data.agency.id);
    const parent = agency.parentId ? await agencies.getAgency(db, agency.parentId) : null;
    return statsWorkbook(data, { parentName: parent?.name ?? null, generatedAt: clock.now() });
  }

  return { report, workbook };
}
export type Stats = ReturnType<typeof createStats>;

function nextMonthStart(day: string): string {
  const [y, m] = day.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
}
