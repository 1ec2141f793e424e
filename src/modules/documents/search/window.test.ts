import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../../test/helpers/app.js';
import {
  agencyIdByAbbreviation,
  agencyIdByGso,
  LONG_DUC,
  plainPdf,
  uploadDocument,
} from '../../../../test/helpers/documents.js';
import { generateDocuments } from './generate/generate.js';
import { MAX_SEARCH_RESULTS } from './schema.js';
import { termsOf, tsqueryOf } from './query.js';
import { search, type SearchTuning } from './store.js';

type Hit = { id: string; rank: number };

/**
 * Search reads the newest documents first in growing steps, or turns to the text index for
 * the rest; whatever the way, the answer must be the one of a single read over everything:
 * the newest 1,001 matches, ranked.
 */
describe('document search, newest first or by the index', () => {
  let t: TestApp;
  let vt: Session;
  let scope: string[];

  beforeAll(async () => {
    t = await createTestApp();
    const { agencies, db } = t.services;
    const stttt = await agencyIdByAbbreviation(t, 'STTTT');
    const longDuc = await agencyIdByGso(t, LONG_DUC);
    const two = await Promise.all([stttt, longDuc].map((id) => agencies.getAgency(db, id)));
    // Two agencies share everything: the Department's scope holds more than the cap.
    const input = { agencies: two, seed: 3, batchSize: 700, externalShare: 0.2 };
    await generateDocuments(t.db, { ...input, count: 150, year: 2021 });
    await generateDocuments(t.db, { ...input, count: 1400, year: 2025 });
    scope = await agencies.subtreeIds(db, [stttt]);
    vt = await t.loginAs('vt.stttt');
  }, 240_000);
  afterAll(async () => {
    await t.close();
  });

  /** The same question answered by one unbounded read, ranked the same way. */
  async function bruteForce(tsquery: string | null, to?: string, typeKey?: string) {
    const { rows } = await sql<{ id: string; onDate: string; rank: number }>`
      SELECT document_id AS id, on_date::text AS on_date,
        coalesce(ts_rank(tsv, to_tsquery('simple', ${tsquery}), 1), 0) AS rank
      FROM document.search_index
      WHERE is_public AND (agency_id = ANY(${scope}::uuid[]) OR in_agency_ids && ${scope}::uuid[])
        AND (${tsquery}::text IS NULL OR tsv @@ to_tsquery('simple', ${tsquery}))
        AND (${typeKey ?? null}::text IS NULL OR type_key = ${typeKey ?? null})
        AND on_date <= ${to ?? '9999-12-31'}::date
      ORDER BY on_date DESC, document_id DESC
      LIMIT ${MAX_SEARCH_RESULTS + 1}`.execute(t.db);
    const total = rows.length;
    const ranked = rows
      .slice(0, MAX_SEARCH_RESULTS)
      .map((r) => ({ ...r, rank: Number(r.rank) }))
      .sort(
        (a, b) =>
          b.rank - a.rank ||
          b.onDate.localeCompare(a.onDate) ||
          (a.id < b.id ? 1 : a.id > b.id ? -1 : 0),
      );
    return { ids: ranked.map((r) => r.id), total };
  }

  const page = async (query: string, offset: number) => {
    const res = await vt.get(`/api/documents/search?${query}&limit=100&offset=${offset}`);
    expect(res.statusCode).toBe(200);
    const body = res.json() as { items: Hit[]; total: number; isTotalCapped: boolean };
    return { ...body, ids: body.items.map((h) => h.id) };
  };

  it('a common word: the newest 1,000 matches, ranked, as one read over everything gives', async () => {
    const expected = await bruteForce('ve & viec');
    expect(expected.total).toBe(MAX_SEARCH_RESULTS + 1);
    const first = await page('q=ve+viec', 0);
    expect(first).toMatchObject({ total: MAX_SEARCH_RESULTS, isTotalCapped: true });
    expect(first.ids).toEqual(expected.ids.slice(0, 100));
    const last = await page('q=ve+viec', 900);
    expect(last.ids).toEqual(expected.ids.slice(900, 1000));
    // Nothing of 2021 is among the newest thousand.
    const old = await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM document.search_index
      WHERE document_id = ANY(${expected.ids}::uuid[]) AND on_date < '2025-01-01'`.execute(t.db);
    expect(old.rows[0]!.n).toBe(0);
  });

  it('a period ending years before the newest document starts its reading there', async () => {
    const expected = await bruteForce('ve & viec', '2021-12-31');
    expect(expected.total).toBeGreaterThan(10);
    const res = await page('q=ve+viec&to=2021-12-31', 0);
    expect(res).toMatchObject({ total: expected.total, isTotalCapped: false });
    expect(res.ids).toEqual(expected.ids.slice(0, 100));
  });

  it('a rare word: found across ten years and more, newest first', async () => {
    const register = async (issuedOn: string) => {
      const res = await uploadDocument(
        vt,
        '/api/documents/incoming',
        {
          source: 'paper',
          issuerName: 'Bộ Thông tin và Truyền thông',
          typeKey: 'cong-van',
          symbol: `${issuedOn.slice(0, 4)}/BTTTT-VP`,
          issuedOn,
          summary: 'Về việc thử nghiệm Quorvex',
        },
        { name: 'a.pdf', data: await plainPdf() },
      );
      expect(res.statusCode).toBe(201);
      return res.json().document.id as string;
    };
    const recent = await register('2025-12-30');
    const old = await register('2013-04-02');
    const res = await page('q=quorvex', 0);
    expect(res).toMatchObject({ total: 2, isTotalCapped: false });
    expect(res.ids).toEqual([recent, old]);
  });
  /**
   * With the costs set to force each, the same questions (words, a type, a period, none of
   * them) go through each way a search reads: the province newest first in growing steps; a
   * first step, then the text index for the rest. Each must give the one read's answer.
   */
  it('gives the same answer read newest first in steps, then by the index, or by the index', async () => {
    const base = { firstRows: 40 };
    const ways: Record<string, SearchTuning> = {
      'newest first, in growing steps': { ...base, rowCost: 0, hitCost: 1 },
      'newest first, then the index': { ...base, rowCost: 1, hitCost: 0 },
      'the index after a first look': { ...base, firstRows: 1, rowCost: 1, hitCost: 0 },
    };
    const { rows } = await sql<{ id: string }>`
      SELECT id FROM identity.users WHERE username = 'vt.stttt'`.execute(t.db);
    const userId = rows[0]!.id;
    const totals: number[] = [];
    const questions: [q: string, to?: string, typeKey?: string][] = [
      ['ve viec'],
      ['giấy mời'],
      ['cải cách hành chính'],
      ['ve viec', '2021-12-31'],
      ['quorvex'],
      ['giấy m*'],
      ['ve viec', undefined, 'quyet-dinh'],
      ['', undefined, 'quyet-dinh'],
      ['', '2021-12-31'],
    ];
    for (const [q, to, typeKey] of questions) {
      const tsquery = tsqueryOf(termsOf(q));
      const expected = await bruteForce(tsquery, to, typeKey);
      totals.push(expected.total);
      for (const [way, tuning] of Object.entries(ways)) {
        const page = await search(
          t.db,
          {
            agencyIds: scope,
            userId,
            issueAgencyIds: [],
            tsquery,
            to,
            typeKey,
            dateOf: 'issued',
            limit: MAX_SEARCH_RESULTS,
            offset: 0,
          },
          tuning,
        );
        expect({ way, q, to, typeKey, ids: page.rows.map((r) => r.documentId) }).toEqual({
          way,
          q,
          to,
          typeKey,
          ids: expected.ids,
        });
        expect(page.total).toBe(Math.min(expected.total, MAX_SEARCH_RESULTS));
      }
    }
    // Both kinds were asked: more matches than the cap, and fewer (more steps, or the index).
    expect(Math.max(...totals)).toBe(MAX_SEARCH_RESULTS + 1);
    expect(totals.some((n) => n > 20 && n <= MAX_SEARCH_RESULTS)).toBe(true);
  });
});
