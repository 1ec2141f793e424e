import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { AnyDb } from '../../../../platform/db/connect.js';
import { findDocumentType } from '../../catalogue.js';
import {
  bodyOf,
  createRng,
  outsideIssuers,
  personName,
  positions,
  type Rng,
  summaryOf,
  textSizeOf,
  typeMix,
  weightedPicker,
} from './corpus.js';
import { documentCols, incomingCols, insert, recipientCols, registersOf } from './tables.js';

/**
 * A province-year of documents written straight into the documents tables, in one
 * transaction (all or nothing): issued documents with their platform deliveries (incoming
 * entries in the recipients' registers), and paper or e-mail documents registered by the
 * receiving agency. Numbers continue each register's counter, gap-free. The search triggers
 * are off while writing (session_replication_role = replica for a superuser, so that
 * generators of different years can run at once; else ALTER TABLE … DISABLE TRIGGER); the
 * index is refreshed once per batch. No PDF is stored: the rows
 * name made-up digests (`files.read` fails for them; search and statistics do not need them).
 */

export type GenAgency = { id: string; name: string; kind: string; abbreviation: string | null };
export type GenerateInput = {
  agencies: readonly GenAgency[];
  count: number;
  year: number;
  seed: number;
  batchSize: number;
  /** Share of documents registered from paper or e-mail (the rest are issued here). */
  externalShare: number;
};
export type Progress = { done: number; total: number };
export type GenerateReport = {
  documents: number;
  internal: number;
  external: number;
  incoming: number;
  textChars: number;
  byType: Record<string, number>;
  seconds: number;
};

const COMMITTEES = new Set([
  'provincial_peoples_committee',
  'district_peoples_committee',
  'commune_peoples_committee',
]);
/** How much more an agency of a kind issues than a commune. */
const issueWeight: Record<string, number> = {
  provincial_peoples_committee: 40,
  department: 12,
  district_peoples_committee: 10,
  party_body: 3,
  public_service_unit: 2,
  commune_peoples_committee: 1,
};
const SEARCH_TRIGGERS = [
  ['document.documents', 'documents_search_insert_tr'],
  ['document.recipients', 'recipients_search_insert_tr'],
  ['document.incoming', 'incoming_search_insert_tr'],
] as const;

const hex64 = (rng: Rng) =>
  Array.from({ length: 8 }, () =>
    Math.floor(rng.next() * 2 ** 32)
      .toString(16)
      .padStart(8, '0'),
  ).join('');
const day = (d: Date) => d.toISOString().slice(0, 10);

export async function generateDocuments(
  db: AnyDb,
  input: GenerateInput,
  onProgress: (p: Progress) => void = () => {},
): Promise<GenerateReport> {
  const started = performance.now();
  const rng = createRng(input.seed);
  const issuers = input.agencies.filter((a) => issueWeight[a.kind] !== undefined);
  if (issuers.length === 0) throw new Error('no agency that issues documents');
  const pickIssuer = weightedPicker(issuers.map((a) => [a, issueWeight[a.kind]!] as const));
  const pickType = weightedPicker(typeMix.filter(([k]) => findDocumentType(k)));
  const abbreviationOf = (a: GenAgency) =>
    a.abbreviation ?? (COMMITTEES.has(a.kind) ? 'UBND' : 'CQ');
  const report: GenerateReport = {
    documents: 0,
    internal: 0,
    external: 0,
    incoming: 0,
    textChars: 0,
    byType: {},
    seconds: 0,
  };
  const now = new Date();
  const daysInYear = (Date.UTC(input.year + 1, 0, 1) - Date.UTC(input.year, 0, 1)) / 86_400_000;

  await db.transaction().execute(async (trx) => {
    // A superuser skips the triggers for this transaction only (no table lock: generators of
    // different years run side by side); anyone else turns the search triggers off, which
    // locks the tables until commit.
    const { rows: role } = await sql<{ isSuper: boolean }>`
      SELECT rolsuper AS is_super FROM pg_roles WHERE rolname = current_user`.execute(trx);
    const replica = role[0]?.isSuper === true;
    if (replica) await sql`SET LOCAL session_replication_role = replica`.execute(trx);
    else
      for (const [table, trigger] of SEARCH_TRIGGERS)
        await sql`ALTER TABLE ${sql.raw(table)} DISABLE TRIGGER ${sql.raw(trigger)}`.execute(trx);
    // The planner has no statistics of the rows this transaction writes: it would AND the
    // partial index of open entries (all of them) into each document's lookup, a whole-index
    // read per document. Plain index scans are the right plan for every statement here.
    await sql`SET LOCAL enable_bitmapscan = off`.execute(trx);
    const registers = await registersOf(
      trx,
      issuers.map((a) => a.id),
      input.year,
      now,
    );
    const registerFor = registers.registerFor;
    for (let start = 0; start < input.count; start += input.batchSize) {
      const docs: unknown[][] = [];
      const recipients: unknown[][] = [];
      const incoming: unknown[][] = [];
      for (let i = start; i < Math.min(input.count, start + input.batchSize); i++) {
        // Spread over the year in order, office hours in Vietnam (UTC+7).
        const d = Math.floor((i * daysInYear) / input.count);
        const at = new Date(Date.UTC(input.year, 0, 1 + d, rng.int(0, 10), rng.int(0, 59)));
        const typeKey = pickType(rng);
        const type = findDocumentType(typeKey)!;
        const id = randomUUID();
        const summary = summaryOf(rng, typeKey, input.year);
        const text = bodyOf(rng, summary, textSizeOf(rng));
        const sha = hex64(rng);
        const signer = personName(rng);
        const position = rng.pick(positions);
        report.byType[typeKey] = (report.byType[typeKey] ?? 0) + 1;
        report.textChars += text.length;
        if (rng.next() < input.externalShare) {
          const receiver = pickIssuer(rng);
          const [issuer, abbr] = rng.pick(outsideIssuers);
          const symbol = `${rng.int(1, 3000)}/${type.abbreviation ?? abbr}${type.abbreviation ? `-${abbr}` : '-VP'}`;
          const issuedOn = day(new Date(at.getTime() - rng.int(1, 6) * 86_400_000));
          const register = registerFor(receiver.id, 'incoming', typeKey);
          docs.push([
            id,
            'external',
            receiver.id,
            issuer,
            'registered',
            typeKey,
            summary,
            Math.ceil(text.length / 2500),
            null,
            null,
            symbol,
            null,
            issuedOn,
            null,
            signer,
            position,
            null,
            sha,
            sha,
            text,
            [symbol, type.name, summary, issuer, signer, text].join('\n'),
            at,
            at,
          ]);
          const done = rng.next() < 0.7;
          const doneAt = new Date(at.getTime() + rng.int(1, 15) * 86_400_000);
          incoming.push([
            randomUUID(),
            id,
            receiver.id,
            register.id,
            ++register.last,
            rng.next() < 0.6 ? 'paper' : 'email',
            null,
            at,
            day(at),
            done ? 'done' : 'received',
            done ? doneAt : null,
            done ? day(doneAt) : null,
            at,
          ]);
          report.external++;
        } else {
          const agency = pickIssuer(rng);
          const register = registerFor(agency.id, 'outgoing', typeKey);
          const number = ++register.last;
          const tail = type.abbreviation
            ? `${type.abbreviation}-${abbreviationOf(agency)}`
            : `${abbreviationOf(agency)}-VP`;
          const symbol = `${String(number).padStart(2, '0')}/${tail}`;
          docs.push([
            id,
            'internal',
            agency.id,
            agency.name,
            'issued',
            typeKey,
            summary,
            Math.ceil(text.length / 2500),
            register.id,
            number,
            symbol,
            tail,
            day(at),
            at,
            signer,
            position,
            at,
            sha,
            sha,
            text,
            [symbol, type.name, summary, agency.name, signer, text].join('\n'),
            at,
            at,
          ]);
          const count = rng.next() < 0.3 ? 0 : rng.int(1, 5);
          const chosen = new Set<GenAgency>();
          for (let k = 0; k < count; k++) {
            const r = pickIssuer(rng);
            if (r.id !== agency.id) chosen.add(r);
          }
          [...chosen].forEach((r, k) => {
            const entryId = randomUUID();
            const inRegister = registerFor(r.id, 'incoming', typeKey);
            const done = rng.next() < 0.7;
            const doneAt = new Date(at.getTime() + rng.int(1, 15) * 86_400_000);
            incoming.push([
              entryId,
              id,
              r.id,
              inRegister.id,
              ++inRegister.last,
              'platform',
              agency.id,
              at,
              day(at),
              done ? 'done' : 'received',
              done ? doneAt : null,
              done ? day(doneAt) : null,
              at,
            ]);
            recipients.push([randomUUID(), id, k + 1, r.id, r.name, at, entryId]);
          });
          report.internal++;
        }
      }
      await insert('document.documents', documentCols, docs).execute(trx);
      if (incoming.length > 0)
        await insert('document.incoming', incomingCols, incoming).execute(trx);
      if (recipients.length > 0)
        await insert('document.recipients', recipientCols, recipients).execute(trx);
      await sql`SELECT document.search_refresh(${docs.map((r) => r[0])}::uuid[], true)`.execute(
        trx,
      );
      report.documents += docs.length;
      report.incoming += incoming.length;
      // The planner must count the rows this transaction writes: with a table it counts as
      // empty (reltuples 0, as VACUUM leaves an empty table) the index refresh reads whole
      // tables for each document and a million take days. ANALYZE in the transaction samples
      // them; it is needed only then (a table never analysed, -1, is estimated from its size)
      // and holds a lock that makes generators running side by side wait for each other.
      const { rows: seen } = await sql<{ n: number }>`
        SELECT reltuples::float8 AS n FROM pg_class
        WHERE oid = 'document.documents'::regclass`.execute(trx);
      const counted = Number(seen[0]?.n ?? -1);
      if (counted >= 0 && counted < report.documents / 2)
        await sql`ANALYZE document.documents, document.incoming, document.recipients,
          document.search_index`.execute(trx);
      onProgress({ done: report.documents, total: input.count });
    }
    await sql`
      UPDATE document.registers r SET last_number = t.last, updated_at = ${now}
      FROM unnest(${registers.all.map((x) => x.id)}::uuid[],
        ${registers.all.map((x) => x.last)}::int4[]) AS t (id, last)
      WHERE r.id = t.id AND r.last_number <> t.last`.execute(trx);
    if (replica) await sql`SET LOCAL session_replication_role = origin`.execute(trx);
    else
      for (const [table, trigger] of SEARCH_TRIGGERS)
        await sql`ALTER TABLE ${sql.raw(table)} ENABLE TRIGGER ${sql.raw(trigger)}`.execute(trx);
  });
  report.seconds = (performance.now() - started) / 1000;
  return report;
}
