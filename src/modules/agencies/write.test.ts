import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers/app.js';
import type { RequestContext } from '../../platform/context.js';

let t: TestApp;
let grants: Record<string, Record<string, string[]>>;

beforeAll(async () => {
  t = await createTestApp();
  const root = await svc().getRoot(t.db);
  const district = (await svc().findByGsoCode(t.db, '844'))!; // UBND huyện Càng Long
  // Service-level actors: the department admin, a manager scoped to one district, a reader.
  grants = {
    admin: { 'agency.read': [root.id], 'agency.manage': [root.id] },
    'ql.canglong': { 'agency.read': [root.id], 'agency.manage': [district.id] },
    'cv.stttt': { 'agency.read': [root.id] },
  };
});
afterAll(async () => t?.close());

const svc = () => t.services.agencies;
const asUser = (username: string): RequestContext => ({
  actor: {
    userId: randomUUID(),
    sessionId: randomUUID(),
    username,
    fullName: username,
    kind: 'official',
    agencyId: null,
    grants: new Map(Object.entries(grants[username] ?? {}).map(([p, ids]) => [p, new Set(ids)])),
    mfaEnrollmentRequired: false,
    passwordChangeRequired: false,
    csrfToken: 'test',
  },
  requestId: 'test',
  clientIp: null,
});

describe('create, update, end', () => {
  it('creates, corrects and ends an agency with a successor, each audited', async () => {
    const stttt = (await svc().findByAbbreviation(t.db, 'STTTT'))!;
    const admin = asUser('admin');
    const created = await svc().createAgency(t.db, admin, {
      parentId: stttt.id,
      kind: 'public_service_unit',
      name: 'Trung tâm Giám sát an toàn thông tin',
      shortName: 'Trung tâm GSATTT',
      electronicId: '000.02.11.H59',
      validFrom: '2021-06-01',
    });
    expect(created).toMatchObject({
      parentId: stttt.id,
      depth: stttt.depth + 1,
      validTo: null,
      sortOrder: 2,
    });
    expect(created.ancestorIds).toEqual([...stttt.ancestorIds, created.id]);

    const renamed = await svc().updateAgency(t.db, admin, created.id, {
      shortName: 'TT GSATTT',
      abbreviation: 'GSATTT',
    });
    expect(renamed).toMatchObject({
      shortName: 'TT GSATTT',
      abbreviation: 'GSATTT',
      name: created.name,
    });
    expect(
      (await svc().search(t.db, { q: 'gsattt', includeEnded: false, limit: 3 })).items[0]?.id,
    ).toBe(created.id);

    const center = (await svc().findByAbbreviation(t.db, 'TTCNTT'))!;
    const ended = await svc().endAgency(t.db, admin, created.id, {
      validTo: '2024-01-01',
      successorIds: [center.id],
      kind: 'merge',
      decision: '12/QĐ-UBND',
    });
    expect(ended.validTo).toBe('2024-01-01');
    const detail = await svc().getAgencyDetail(t.db, center.id);
    expect(detail.predecessors).toEqual([
      expect.objectContaining({
        agency: expect.objectContaining({ id: created.id }),
        kind: 'merge',
        share: 'full',
      }),
    ]);
    const { rows } = await sql<{ action: string }>`
      SELECT action FROM audit.events WHERE target_id = ${created.id} ORDER BY seq`.execute(t.db);
    expect(rows.map((r) => r.action)).toEqual(['agency.create', 'agency.update', 'agency.end']);
    expect((await t.services.audit.verify(t.db)).ok).toBe(true);
    await expect(
      svc().endAgency(t.db, admin, created.id, { validTo: '2025-01-01' }),
    ).rejects.toMatchObject({
      code: 'agency.already_ended',
    });
    // An ended agency frees its electronic id for a later holder.
    const next = await svc().createAgency(t.db, admin, {
      parentId: stttt.id,
      kind: 'public_service_unit',
      name: 'Trung tâm Chuyển đổi số',
      shortName: 'TT CĐS',
      electronicId: '000.02.11.H59',
      validFrom: '2024-01-01',
    });
    expect(next.electronicId).toBe('000.02.11.H59');
  });

  it('reports each problem with its code', async () => {
    const admin = asUser('admin');
    const district = (await svc().findByGsoCode(t.db, '844'))!;
    const commune = (await svc().findByGsoCode(t.db, '29266'))!;
    const base = { kind: 'other' as const, name: 'Tổ công tác', shortName: 'Tổ công tác' };
    await expect(
      svc().createAgency(t.db, admin, { ...base, parentId: crypto.randomUUID() }),
    ).rejects.toMatchObject({
      code: 'agency.not_found',
    });
    await expect(
      svc().createAgency(t.db, admin, { ...base, parentId: district.id, kind: 'province' }),
    ).rejects.toMatchObject({ code: 'agency.invalid_kind' });
    await expect(
      svc().createAgency(t.db, admin, { ...base, parentId: district.id, communeType: 'xa' }),
    ).rejects.toMatchObject({ code: 'agency.type_for_kind' });
    await expect(
      svc().createAgency(t.db, admin, { ...base, parentId: district.id, validFrom: '2020-12-31' }),
    ).rejects.toMatchObject({ code: 'agency.outside_parent_period' });
    await expect(
      svc().createAgency(t.db, admin, {
        ...base,
        parentId: district.id,
        electronicId: '000.00.11.H59',
      }),
    ).rejects.toMatchObject({ code: 'agency.duplicate_electronic_id' });
    await expect(
      svc().createAgency(t.db, admin, { ...base, parentId: district.id, gsoCode: '29266' }),
    ).rejects.toMatchObject({ code: 'agency.duplicate_gso_code' });
    await expect(
      svc().endAgency(t.db, admin, district.id, { validTo: '2025-07-01' }),
    ).rejects.toMatchObject({
      code: 'agency.has_current_children',
      extensions: { childCount: 14 },
    });
    await expect(
      svc().endAgency(t.db, admin, commune.id, { validTo: '2021-01-01' }),
    ).rejects.toMatchObject({
      code: 'agency.invalid_valid_to',
    });
    await expect(
      svc().endAgency(t.db, admin, commune.id, {
        validTo: '2025-07-01',
        successorIds: [commune.id],
      }),
    ).rejects.toMatchObject({ code: 'agency.successor_not_found' });
    await expect(
      svc().updateAgency(t.db, admin, commune.id, { electronicId: '000.00.11.H59' }),
    ).rejects.toMatchObject({ code: 'agency.duplicate_electronic_id' });
  });

  it('answers not_found outside the actor’s agency.manage subtrees', async () => {
    const scoped = asUser('ql.canglong');
    const inside = (await svc().findByGsoCode(t.db, '29266'))!;
    const outside = (await svc().findByGsoCode(t.db, '29263'))!;
    const ok = await svc().updateAgency(t.db, scoped, inside.id, { sortOrder: 99 });
    expect(ok.sortOrder).toBe(99);
    await expect(
      svc().updateAgency(t.db, scoped, outside.id, { sortOrder: 99 }),
    ).rejects.toMatchObject({
      code: 'agency.not_found',
    });
    await expect(
      svc().createAgency(t.db, scoped, {
        parentId: outside.id,
        kind: 'other',
        name: 'X',
        shortName: 'X',
      }),
    ).rejects.toMatchObject({ code: 'agency.not_found' });
    await expect(
      svc().endAgency(t.db, asUser('cv.stttt'), inside.id, { validTo: '2030-01-01' }),
    ).rejects.toMatchObject({
      code: 'agency.not_found',
    });
  });
});
