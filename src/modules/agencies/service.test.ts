import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers/app.js';
import { type RequestContext, systemContext } from '../../platform/context.js';

let t: TestApp;
const ctx = systemContext('test');
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
    csrfToken: 'test',
  },
  requestId: 'test',
  clientIp: null,
});

describe('demo province (Trà Vinh, 2021)', () => {
  it('has the 2021 tree: 9 district and 106 commune committees, the departments, the party bodies', async () => {
    const { rows } = await sql<{ kind: string; n: number }>`
      SELECT kind, count(*)::int AS n FROM agency.agencies GROUP BY kind`.execute(t.db);
    expect(Object.fromEntries(rows.map((r) => [r.kind, r.n]))).toEqual({
      province: 1,
      provincial_peoples_committee: 1,
      department: 19,
      public_service_unit: 1,
      district_peoples_committee: 9,
      commune_peoples_committee: 106,
      party_body: 7,
    });
    const root = await svc().getRoot(t.db);
    expect(root).toMatchObject({ name: 'Tỉnh Trà Vinh', gsoCode: '84', electronicId: '000.00.00.H59', validFrom: '2021-01-01' });
    const stttt = await svc().findByAbbreviation(t.db, 'STTTT');
    expect(stttt).toMatchObject({ name: 'Sở Thông tin và Truyền thông', electronicId: '000.00.11.H59', kind: 'department' });
    const longDuc = await svc().findByGsoCode(t.db, '29263');
    expect(longDuc).toMatchObject({
      name: 'Ủy ban nhân dân xã Long Đức',
      shortName: 'UBND xã Long Đức',
      communeType: 'xa',
      electronicId: '000.10.20.H59',
    });
    expect(await svc().findByGsoCode(t.db, '29239')).toMatchObject({ name: 'Ủy ban nhân dân Phường 1' });
    expect(await svc().findByAbbreviation(t.db, 'UBND')).toMatchObject({ kind: 'provincial_peoples_committee' });
    expect(await svc().hasAny(t.db)).toBe(true);
  });

  it('seeding again adds nothing', async () => {
    const again = await svc().seedDemoProvince(t.db, ctx);
    expect(again.created).toBe(0);
    expect(again.rootId).toBe((await svc().getRoot(t.db)).id);
  });
});

describe('search', () => {
  it('ignores diacritics: "tra cu" finds Trà Cú, with the path of ancestors', async () => {
    const { items } = await svc().search(t.db, { q: 'tra cu', includeEnded: false, limit: 10 });
    expect(items[0]).toMatchObject({ name: 'Ủy ban nhân dân huyện Trà Cú' });
    expect(items[0]!.path.map((p) => p.shortName)).toEqual(['Tỉnh Trà Vinh', 'UBND tỉnh Trà Vinh']);
    expect(items.map((h) => h.name)).toContain('Ủy ban nhân dân thị trấn Trà Cú');
  });

  it('"cang long" finds Càng Long; đ folds to d; abbreviations match', async () => {
    const cl = await svc().search(t.db, { q: 'cang long', includeEnded: false, limit: 10 });
    expect(cl.items.map((h) => h.shortName)).toEqual(['UBND huyện Càng Long', 'UBND thị trấn Càng Long']);
    const ld = await svc().search(t.db, { q: 'long duc', includeEnded: false, limit: 5 });
    expect(ld.items[0]).toMatchObject({ gsoCode: '29263' });
    const ab = await svc().search(t.db, { q: 'STTTT', includeEnded: false, limit: 5 });
    expect(ab.items[0]).toMatchObject({ abbreviation: 'STTTT' });
    const none = await svc().search(t.db, { q: '100%_', includeEnded: false, limit: 5 });
    expect(none.items).toEqual([]);
  });
});

describe('subtrees', () => {
  it('answers isWithin, subtreeIds and coversWholeProvince', async () => {
    const root = await svc().getRoot(t.db);
    const district = (await svc().findByGsoCode(t.db, '844'))!;
    const commune = (await svc().findByGsoCode(t.db, '29266'))!; // Thị trấn Càng Long
    const other = (await svc().findByGsoCode(t.db, '29263'))!;
    expect(await svc().isWithin(t.db, commune.id, [district.id])).toBe(true);
    expect(await svc().isWithin(t.db, district.id, [district.id])).toBe(true);
    expect(await svc().isWithin(t.db, other.id, [district.id])).toBe(false);
    expect(await svc().isWithin(t.db, 'not-a-uuid', [district.id])).toBe(false);
    expect(await svc().isWithin(t.db, commune.id, [])).toBe(false);
    const ids = await svc().subtreeIds(t.db, [district.id]);
    expect(ids).toHaveLength(15);
    expect(ids).toContain(district.id);
    expect(await svc().coversWholeProvince(t.db, [district.id, root.id])).toBe(true);
    expect(await svc().coversWholeProvince(t.db, [district.id])).toBe(false);
    expect(await svc().coversWholeProvince(t.db, [])).toBe(false);
  });

  it('getAgency throws agency.not_found for an unknown or malformed id', async () => {
    await expect(svc().getAgency(t.db, crypto.randomUUID())).rejects.toMatchObject({ code: 'agency.not_found' });
    await expect(svc().getAgency(t.db, 'x')).rejects.toMatchObject({ code: 'agency.not_found' });
  });
});

describe('children', () => {
  it('lists in Vietnamese order with child counts, by pages', async () => {
    const phuong = (await svc().findByGsoCode(t.db, '842'))!; // Thành phố Trà Vinh
    const all = await svc().listChildren(t.db, { parentId: phuong.id, includeEnded: false, limit: 100 });
    expect(all.items).toHaveLength(10);
    expect(all.nextCursor).toBeNull();
    const first = await svc().listChildren(t.db, { parentId: phuong.id, includeEnded: false, limit: 4 });
    expect(first.items.map((a) => a.id)).toEqual(all.items.slice(0, 4).map((a) => a.id));
    const second = await svc().listChildren(t.db, {
      parentId: phuong.id,
      includeEnded: false,
      limit: 4,
      cursor: first.nextCursor!,
    });
    expect(second.items.map((a) => a.id)).toEqual(all.items.slice(4, 8).map((a) => a.id));
    const roots = await svc().listChildren(t.db, { includeEnded: false, limit: 10 });
    expect(roots.items).toEqual([expect.objectContaining({ name: 'Tỉnh Trà Vinh', childCount: 2 })]);
    await expect(
      svc().listChildren(t.db, { parentId: phuong.id, includeEnded: false, limit: 4, cursor: crypto.randomUUID() }),
    ).rejects.toMatchObject({ code: 'agency.invalid_cursor' });
  });
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
    expect(created).toMatchObject({ parentId: stttt.id, depth: stttt.depth + 1, validTo: null, sortOrder: 2 });
    expect(created.ancestorIds).toEqual([...stttt.ancestorIds, created.id]);

    const renamed = await svc().updateAgency(t.db, admin, created.id, { shortName: 'TT GSATTT', abbreviation: 'GSATTT' });
    expect(renamed).toMatchObject({ shortName: 'TT GSATTT', abbreviation: 'GSATTT', name: created.name });
    expect((await svc().search(t.db, { q: 'gsattt', includeEnded: false, limit: 3 })).items[0]?.id).toBe(created.id);

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
      expect.objectContaining({ agency: expect.objectContaining({ id: created.id }), kind: 'merge', share: 'full' }),
    ]);
    const { rows } = await sql<{ action: string }>`
      SELECT action FROM audit.events WHERE target_id = ${created.id} ORDER BY seq`.execute(t.db);
    expect(rows.map((r) => r.action)).toEqual(['agency.create', 'agency.update', 'agency.end']);
    expect((await t.services.audit.verify(t.db)).ok).toBe(true);
    await expect(svc().endAgency(t.db, admin, created.id, { validTo: '2025-01-01' })).rejects.toMatchObject({
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
    await expect(svc().createAgency(t.db, admin, { ...base, parentId: crypto.randomUUID() })).rejects.toMatchObject({
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
      svc().createAgency(t.db, admin, { ...base, parentId: district.id, electronicId: '000.00.11.H59' }),
    ).rejects.toMatchObject({ code: 'agency.duplicate_electronic_id' });
    await expect(
      svc().createAgency(t.db, admin, { ...base, parentId: district.id, gsoCode: '29266' }),
    ).rejects.toMatchObject({ code: 'agency.duplicate_gso_code' });
    await expect(svc().endAgency(t.db, admin, district.id, { validTo: '2025-07-01' })).rejects.toMatchObject({
      code: 'agency.has_current_children',
      extensions: { childCount: 14 },
    });
    await expect(svc().endAgency(t.db, admin, commune.id, { validTo: '2021-01-01' })).rejects.toMatchObject({
      code: 'agency.invalid_valid_to',
    });
    await expect(
      svc().endAgency(t.db, admin, commune.id, { validTo: '2025-07-01', successorIds: [commune.id] }),
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
    await expect(svc().updateAgency(t.db, scoped, outside.id, { sortOrder: 99 })).rejects.toMatchObject({
      code: 'agency.not_found',
    });
    await expect(
      svc().createAgency(t.db, scoped, { parentId: outside.id, kind: 'other', name: 'X', shortName: 'X' }),
    ).rejects.toMatchObject({ code: 'agency.not_found' });
    await expect(svc().endAgency(t.db, asUser('cv.stttt'), inside.id, { validTo: '2030-01-01' })).rejects.toMatchObject({
      code: 'agency.not_found',
    });
  });
});
