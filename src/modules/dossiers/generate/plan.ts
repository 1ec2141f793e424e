import type { Clock } from '../../../platform/clock.js';
import type { AnyDb } from '../../../platform/db/connect.js';
import type { Config } from '../../../config.js';
import type { Agency, AgencyKind, AgencyService } from '../../agencies/index.js';
import {
  addDays,
  buildDayRules,
  type CalendarService,
  localDateOf,
  localInstant,
} from '../../calendar/index.js';
import type { CatalogService, ProcedureVersion } from '../../catalog/index.js';
import { defaultWorkflow } from '../workflow/index.js';
import type { Place } from './names.js';
import { type Rng, WeightedSampler } from './random.js';
import type { AgencyPick, Channel, ProcedurePick } from './timeline.js';
import { type Calendar, isWorking } from './times.js';

/**
 * What the generator draws from, read before it writes anything: the chosen agencies and the
 * procedures each carries (through the catalogue's public search, the SQL twin of its carrier
 * rule), weighted so that a few procedures dominate as they do at a real desk; the calendar
 * rules; the days of the year and their weights.
 */
export type GenerateDeps = {
  db: AnyDb;
  clock: Clock;
  agencies: AgencyService;
  calendar: CalendarService;
  catalog: CatalogService;
  config: Pick<Config, 'timeZone' | 'cutoffHour'>;
};

export type PlannedAgency = AgencyPick & {
  kind: AgencyKind;
  validFrom: string;
  validTo: string | null;
  places: Place[];
  procedures: WeightedSampler<ProcedurePick>;
};

export type Plan = {
  cal: Calendar;
  year: number;
  /** First day of the year and the first day not generated (exclusive). */
  from: string;
  until: string;
  /** Nothing happens at or after this instant: the end of the year, or the start of today. */
  horizon: Date;
  agencies: PlannedAgency[];
  agencySampler: WeightedSampler<PlannedAgency>;
  procedures: ProcedurePick[];
  /** Days on which desk and post dossiers are filed (working days), weighted. */
  deskDays: WeightedSampler<string>;
  /** Days on which online dossiers are submitted (every day, weekends less), weighted. */
  onlineDays: WeightedSampler<string>;
};

const COMMUNE: AgencyKind = 'commune_peoples_committee';
const DISTRICT: AgencyKind = 'district_peoples_committee';
const keywords: Record<string, AgencyKind[]> = {
  all: [
    COMMUNE,
    DISTRICT,
    'department',
    'public_service_unit',
    'provincial_peoples_committee',
    'other',
  ],
  communes: [COMMUNE],
  districts: [DISTRICT],
  departments: ['department'],
};

/** Relative volume of an agency by kind: a commune desk is the unit. */
const kindWeight: Partial<Record<AgencyKind, number>> = {
  commune_peoples_committee: 1,
  district_peoples_committee: 4,
  department: 1.5,
};

/**
 * The procedures that dominate a one-stop desk, by words of their folded names, with their
 * weight relative to the Zipf tail's head. Certified copies and birth registration lead at
 * communes; criminal records, driving licences and land at province level.
 */
const popular: [RegExp, number][] = [
  [/chung thuc ban sao tu ban chinh/, 60],
  [/^(thu tuc )?dang ky khai sinh$/, 25],
  [/chung thuc chu ky/, 15],
  [/xac nhan tinh trang hon nhan/, 10],
  [/^(thu tuc )?dang ky khai tu$/, 6],
  [/^(thu tuc )?dang ky ket hon$/, 6],
  [/cap ban sao tu so goc/, 4],
  [/ly lich tu phap/, 30],
  [/giay phep lai xe/, 25],
  [/dang ky bien dong|chuyen nhuong quyen su dung dat/, 10],
  [/giay phep xay dung/, 5],
  [/dang ky thanh lap (doanh nghiep|ho kinh doanh)/, 5],
];

/** Month of the year → relative volume: the rush before Tết, the lull after it. */
const monthWeight = [1.15, 0.8, 1.05, 1, 1, 1, 1, 0.95, 1, 1, 1, 1.1];
/** Day of the week (0 = Sunday) → relative desk volume; Saturday only as a make-up day. */
const weekdayWeight = [0.3, 1.15, 1.05, 1, 1, 0.95, 0.8];

const fold = (s: string): string =>
  s.replace(/[đĐ]/g, 'd').normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().trim();

const stripCommittee = (name: string) => name.replace(/^Ủy ban nhân dân\s+/i, '');

// Weights within the channels a procedure offers; post is raised because the most frequent
// procedures (certified copies) take no post, so overall it comes out near 5 %.
const channelWeight: Record<Channel, number> = { online: 0.3, desk: 0.62, post: 0.12 };

/** Resolves `--agencies`: GSO codes, or `all`, `communes`, `districts`, `departments`. */
async function chooseAgencies(deps: GenerateDeps, tokens: string[]): Promise<Agency[]> {
  const { db, agencies } = deps;
  const chosen = new Map<string, Agency>();
  const root = await agencies.getRoot(db);
  for (const token of tokens) {
    const kinds = keywords[token.toLowerCase()];
    if (kinds) {
      for (const id of await agencies.subtreeIdsOfKinds(db, [root.id], kinds)) {
        chosen.set(id, await agencies.getAgency(db, id));
      }
    } else {
      const found = await agencies.findByGsoCode(db, token);
      if (!found) throw new Error(`no agency in force has the GSO code ${token}`);
      chosen.set(found.id, found);
    }
  }
  return [...chosen.values()];
}

/** Where the applicants of an agency live: its own commune, or the communes under it. */
async function placesFor(
  deps: GenerateDeps,
  agency: Agency,
  provinceName: string,
  allPlaces: () => Promise<Place[]>,
): Promise<Place[]> {
  const { db, agencies } = deps;
  const placeOf = async (commune: Agency): Promise<Place> => {
    const district = commune.parentId ? await agencies.getAgency(db, commune.parentId) : undefined;
    const districtName =
      district?.kind === DISTRICT
        ? `${stripCommittee(district.name)}, ${provinceName}`
        : provinceName;
    return {
      commune: stripCommittee(commune.name),
      district: districtName,
      hamlet: commune.communeType === 'xa' ? 'Ấp' : 'Khóm',
    };
  };
  if (agency.kind === COMMUNE) return [await placeOf(agency)];
  if (agency.kind === DISTRICT) {
    const ids = await agencies.subtreeIdsOfKinds(db, [agency.id], [COMMUNE]);
    const under = await Promise.all(
      ids.map(async (id) => placeOf(await agencies.getAgency(db, id))),
    );
    if (under.length) return under;
  }
  return allPlaces();
}

/** The versions an agency carries (searched today) as they were in force during the year. */
async function proceduresOf(
  deps: GenerateDeps,
  agencyId: string,
  at: Date,
  versions: Map<string, ProcedureVersion | null>,
): Promise<ProcedureVersion[]> {
  const { db, catalog } = deps;
  const out: ProcedureVersion[] = [];
  for (let page = 1; ; page++) {
    const result = await catalog.search(db, { agencyId, page, pageSize: 100 });
    for (const hit of result.items) {
      if (hit.external) continue;
      if (!versions.has(hit.id)) {
        let version: ProcedureVersion | null = null;
        try {
          version = await catalog.getVersionInForce(db, hit.id, at);
        } catch {
          version = null; // not in force during the year
        }
        versions.set(hit.id, version);
      }
      const v = versions.get(hit.id);
      if (v) out.push(v);
    }
    if (page * result.pageSize >= result.total || result.items.length === 0) return out;
  }
}

/** A version the desk can file: it has a processing time and a channel. */
function pickOf(v: ProcedureVersion, index: number): ProcedurePick | null {
  if (v.processingTime === null || v.timeUnit === null || !(v.processingTime >= 0)) return null;
  const modes = v.submissionModes.filter((m) => m !== 'online' || v.onlineClass !== 'info');
  if (modes.length === 0) return null;
  const steps = v.workflow.length ? v.workflow : defaultWorkflow;
  return {
    index,
    procedureId: v.procedureId,
    versionId: v.id,
    code: v.code,
    name: v.name,
    sectorId: v.sectorId,
    processingTime: v.processingTime,
    timeUnit: v.timeUnit,
    feeVnd: v.feeVnd,
    steps,
    workflowJson: JSON.stringify(steps),
    papersJson: JSON.stringify(
      v.papers.map((p) => ({ key: p.key, name: p.name, copies: p.copies, mandatory: p.mandatory })),
    ),
    mandatoryPapers: v.papers.filter((p) => p.mandatory).map((p) => p.key),
    formFields: v.formFields,
    channels: new WeightedSampler(
      modes,
      modes.map((m) => channelWeight[m]),
    ),
  };
}

export async function makePlan(
  deps: GenerateDeps,
  opts: { agencies: string[]; year: number },
  rng: Rng,
): Promise<Plan> {
  const { db, calendar, config } = deps;
  const tz = config.timeZone;
  const { year } = opts;
  const from = `${year}-01-01`;
  const today = localDateOf(deps.clock.now(), tz);
  const until = `${year + 1}-01-01` < today ? `${year + 1}-01-01` : today;
  if (until <= from) throw new Error(`the year ${year} has not begun yet (today is ${today})`);
  const horizon = localInstant(until, 0, tz);

  const ruleDays = [];
  for (let y = year - 1; y <= year + 2; y++)
    ruleDays.push(...(await calendar.listDays(db, y)).items);
  const cal: Calendar = {
    rules: buildDayRules(ruleDays),
    opts: { timeZone: tz, cutoffHour: config.cutoffHour },
  };

  const root = await deps.agencies.getRoot(db);
  const rootName = stripCommittee(root.name);
  const provinceName = rootName.charAt(0).toLowerCase() + rootName.slice(1); // "tỉnh Trà Vinh"
  let everywhere: Promise<Place[]> | undefined;
  const allPlaces = (): Promise<Place[]> => {
    everywhere ??= (async () => {
      const ids = await deps.agencies.subtreeIdsOfKinds(db, [root.id], [COMMUNE]);
      const communes = await Promise.all(ids.map((id) => deps.agencies.getAgency(db, id)));
      const places = await Promise.all(
        communes.map((c) => placesFor(deps, c, provinceName, allPlaces)),
      );
      return places.flat();
    })();
    return everywhere;
  };

  const versionAt = localInstant(from, 8, tz);
  const versions = new Map<string, ProcedureVersion | null>();
  const picks = new Map<string, ProcedurePick>();
  // One popularity order for the whole province: the same procedures lead everywhere.
  const rank = new Map<string, number>();
  const rankOf = (procedureId: string) => {
    let r = rank.get(procedureId);
    if (r === undefined) rank.set(procedureId, (r = rng.next()));
    return r;
  };

  const planned: PlannedAgency[] = [];
  for (const agency of await chooseAgencies(deps, opts.agencies)) {
    if (!agency.electronicId) continue; // no code can be issued without it
    if (agency.validFrom >= until || (agency.validTo !== null && agency.validTo <= from)) continue;
    const carried: ProcedurePick[] = [];
    for (const v of await proceduresOf(deps, agency.id, versionAt, versions)) {
      let pick = picks.get(v.id);
      if (!pick) {
        const made = pickOf(v, picks.size);
        if (!made) continue;
        picks.set(v.id, (pick = made));
      }
      carried.push(pick);
    }
    if (carried.length === 0) continue;
    carried.sort((a, b) => rankOf(a.procedureId) - rankOf(b.procedureId));
    const weights = carried.map((p, i) => {
      const name = fold(p.name);
      const boost = popular.find(([re]) => re.test(name))?.[1];
      return boost ? boost / 2 ** 1.1 : 1 / (i + 2) ** 1.1;
    });
    planned.push({
      index: planned.length,
      id: agency.id,
      electronicId: agency.electronicId,
      name: agency.name,
      kind: agency.kind,
      validFrom: agency.validFrom,
      validTo: agency.validTo,
      places: await placesFor(deps, agency, provinceName, allPlaces),
      procedures: new WeightedSampler(carried, weights),
    });
  }
  if (planned.length === 0) {
    throw new Error(
      'none of the chosen agencies has an electronic identifier and a procedure with a processing time',
    );
  }

  const deskDays: string[] = [];
  const deskWeights: number[] = [];
  const onlineDays: string[] = [];
  const onlineWeights: number[] = [];
  for (let d = from; d < until; d = addDays(d, 1)) {
    const month = monthWeight[Number(d.slice(5, 7)) - 1]!;
    const weekday = new Date(`${d}T00:00:00Z`).getUTCDay();
    const working = isWorking(cal, d);
    if (working) {
      deskDays.push(d);
      deskWeights.push(month * weekdayWeight[weekday]!);
    }
    onlineDays.push(d);
    onlineWeights.push(month * (working ? 1 : 0.25));
  }
  if (deskDays.length === 0) throw new Error(`no working day in ${from} … ${until}`);

  return {
    cal,
    year,
    from,
    until,
    horizon,
    agencies: planned,
    agencySampler: new WeightedSampler(
      planned,
      planned.map((a) => (kindWeight[a.kind] ?? 0.5) * (0.6 + rng.next())),
    ),
    procedures: [...picks.values()],
    deskDays: new WeightedSampler(deskDays, deskWeights),
    onlineDays: new WeightedSampler(onlineDays, onlineWeights),
  };
}
