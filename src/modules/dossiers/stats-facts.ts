/**
 * What one dossier contributes to the one-stop statistics, as (local day, metric) facts.
 * Pure: the service stores the difference between a dossier's facts before and after each
 * change, so the pre-aggregated tables always equal a count over the dossiers themselves.
 *
 * The balance this makes true by construction, for a period [start, end):
 *   carried over (open at start) + received in period
 *     = settled (early + on time + late) + refused + withdrawn + cancelled in period
 *       + in progress at end (not yet due + overdue)
 * because "open at t" is `received before t` minus `finished before t`, and every finished
 * dossier is in exactly one of the finish metrics. Overdue at `end` is
 * `due before end` minus `due_closed before end`, where `due_closed` is dated
 * max(finish day, due day): a dossier finished before the end whose due day also passed.
 */

export const metricNames = [
  'received',
  'settledEarly',
  'settledOnTime',
  'settledLate',
  'refused',
  'withdrawn',
  'cancelled',
  'returned',
  'due',
  'dueClosed',
  'ratedVerySatisfied',
  'ratedSatisfied',
  'ratedNotSatisfied',
] as const;
export type Metric = (typeof metricNames)[number];

export type FactInput = {
  receivedAt: Date | null;
  dueAt: Date | null;
  finishedAt: Date | null;
  finishKind: 'early' | 'on_time' | 'late' | 'refused' | 'withdrawn' | 'cancelled' | null;
  returnedAt: Date | null;
  rating: 'very_satisfied' | 'satisfied' | 'not_satisfied' | null;
  ratedAt: Date | null;
};

export type Fact = { day: string; metric: Metric };

const finishMetric: Record<NonNullable<FactInput['finishKind']>, Metric> = {
  early: 'settledEarly',
  on_time: 'settledOnTime',
  late: 'settledLate',
  refused: 'refused',
  withdrawn: 'withdrawn',
  cancelled: 'cancelled',
};

const ratingMetric: Record<NonNullable<FactInput['rating']>, Metric> = {
  very_satisfied: 'ratedVerySatisfied',
  satisfied: 'ratedSatisfied',
  not_satisfied: 'ratedNotSatisfied',
};

/** The facts of one dossier; `localDay` maps an instant to the province's local date. */
export function factsOf(d: FactInput, localDay: (at: Date) => string): Fact[] {
  // Only a received dossier enters the report; a refusal at reception never was received.
  if (!d.receivedAt) return [];
  const facts: Fact[] = [{ day: localDay(d.receivedAt), metric: 'received' }];
  const dueDay = d.dueAt ? localDay(d.dueAt) : null;
  if (dueDay) facts.push({ day: dueDay, metric: 'due' });
  if (d.finishedAt && d.finishKind) {
    const finishDay = localDay(d.finishedAt);
    facts.push({ day: finishDay, metric: finishMetric[d.finishKind] });
    if (dueDay) facts.push({ day: finishDay > dueDay ? finishDay : dueDay, metric: 'dueClosed' });
  }
  if (d.returnedAt) facts.push({ day: localDay(d.returnedAt), metric: 'returned' });
  if (d.rating && d.ratedAt)
    facts.push({ day: localDay(d.ratedAt), metric: ratingMetric[d.rating] });
  return facts;
}

/** Per day, the change of each metric between two fact lists (zeros left out). */
export function factDelta(before: Fact[], after: Fact[]): Map<string, Map<Metric, number>> {
  const delta = new Map<string, Map<Metric, number>>();
  const add = (f: Fact, n: number) => {
    let day = delta.get(f.day);
    if (!day) delta.set(f.day, (day = new Map()));
    day.set(f.metric, (day.get(f.metric) ?? 0) + n);
  };
  for (const f of before) add(f, -1);
  for (const f of after) add(f, +1);
  for (const [day, metrics] of delta) {
    for (const [m, n] of metrics) if (n === 0) metrics.delete(m);
    if (metrics.size === 0) delta.delete(day);
  }
  return delta;
}

/** When a dossier settled with a result: early (before the due date), on time, or late. */
export function timingOf(finishedDay: string, dueDay: string): 'early' | 'on_time' | 'late' {
  if (finishedDay < dueDay) return 'early';
  return finishedDay === dueDay ? 'on_time' : 'late';
}
