import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../../test/helpers/app.js';
import {
  agencyIdByGso,
  LONG_DUC,
  plainPdf,
  uploadDocument,
} from '../../../../../test/helpers/documents.js';
import { type GenAgency, generateDocuments } from './generate.js';

async function provinceAgencies(t: TestApp): Promise<GenAgency[]> {
  const { agencies, db } = t.services;
  const root = await agencies.getRoot(db);
  const ids = await agencies.subtreeIds(db, [root.id]);
  const all = await Promise.all(ids.map((id) => agencies.getAgency(db, id)));
  return all.filter((a) => a.validTo === null);
}

describe('gen:documents', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('writes issued and registered documents with gap-free numbers, indexed for search', async () => {
    const agencies = await provinceAgencies(t);
    const seen: number[] = [];
    const report = await generateDocuments(
      t.db,
      { agencies, count: 400, year: 2025, seed: 7, batchSize: 150, externalShare: 0.2 },
      (p) => seen.push(p.done),
    );
    expect(seen).toEqual([150, 300, 400]);
    expect(report.documents).toBe(400);
    expect(report.internal + report.external).toBe(400);
    expect(report.external).toBeGreaterThan(40);
    expect(report.byType['cong-van']).toBeGreaterThan(120);

    const counts = await sql<{ documents: string; indexed: string; incoming: string }>`
      SELECT (SELECT count(*) FROM document.documents) AS documents,
        (SELECT count(*) FROM document.search_index) AS indexed,
        (SELECT count(*) FROM document.incoming) AS incoming`.execute(t.db);
    expect(Number(counts.rows[0]!.indexed)).toBe(Number(counts.rows[0]!.documents));
    expect(Number(counts.rows[0]!.incoming)).toBe(report.incoming);
    // Every register's numbers run 1..last without a gap.
    const gaps = await sql<{ id: string }>`
      SELECT r.id FROM document.registers r
      LEFT JOIN LATERAL (
        SELECT count(*) AS n, max(number) AS top FROM (
          SELECT number FROM document.documents WHERE register_id = r.id
          UNION ALL SELECT number FROM document.incoming WHERE register_id = r.id) x) c ON true
      WHERE r.year = 2025 AND (c.n <> r.last_number OR coalesce(c.top, 0) <> r.last_number)`.execute(
      t.db,
    );
    expect(gaps.rows).toEqual([]);

    // Search reads it: Long Đức's clerk finds only what Long Đức holds.
    const longDuc = await agencyIdByGso(t, LONG_DUC);
    const vt = await t.loginAs('vt.longduc');
    const res = await vt.get(
      '/api/documents/search?q=ve%20viec&limit=100&from=2025-01-01&to=2025-12-31',
    );
    expect(res.statusCode).toBe(200);
    const visible = await sql<{ n: string }>`
      SELECT count(*) AS n FROM document.search_index
      WHERE on_date BETWEEN '2025-01-01' AND '2025-12-31'
        AND (agency_id = ${longDuc}::uuid OR ${longDuc}::uuid = ANY(in_agency_ids))
        AND tsv @@ to_tsquery('simple', 've & viec:*')`.execute(t.db);
    expect(res.json().total).toBe(Number(visible.rows[0]!.n));

    // The triggers are back on: a document registered afterwards is indexed.
    const registered = await uploadDocument(
      vt,
      '/api/documents/incoming',
      {
        source: 'paper',
        issuerName: 'Bộ Nội vụ',
        typeKey: 'cong-van',
        symbol: '1/BNV-VP',
        issuedOn: '2026-01-05',
        summary: 'Về việc kiểm tra Quornax',
      },
      { name: 'a.pdf', data: await plainPdf() },
    );
    expect(registered.statusCode).toBe(201);
    expect((await vt.get('/api/documents/search?q=quornax')).json().total).toBe(1);
  });
});
