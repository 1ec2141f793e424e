import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers/app.js';
import { systemContext } from '../../platform/context.js';
import { csvColumns } from './import/read-files.js';

let t: TestApp;
let dir: string;
const ctx = systemContext('test-import');

beforeAll(async () => {
  t = await createTestApp();
  dir = mkdtempSync(path.join(tmpdir(), 'catalog-import-'));
});
afterAll(async () => {
  await t?.close();
  rmSync(dir, { recursive: true, force: true });
});

const countVersions = async () =>
  Number(
    (
      await t.db
        .selectFrom('catalog.procedureVersions')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

const quote = (v: string) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
type Row = Partial<Record<(typeof csvColumns)[number], string>>;
const row = (r: Row) => csvColumns.map((c) => quote(r[c] ?? '')).join(',');
const base: Row = {
  ma_thu_tuc: '9.000001',
  ten_thu_tuc: 'Thủ tục thử nghiệm cấp xã',
  linh_vuc: 'Hộ tịch',
  cap_thuc_hien: 'Cấp xã',
  co_cap_tinh: '0',
  co_cap_xa: '1',
  co_cap_bo: '0',
  hinh_thuc_nop: 'Trực tiếp; Trực tuyến',
  nop_truc_tuyen: '1',
  thoi_han_gia_tri: '3.0',
  thoi_han_don_vi: 'Ngày làm việc',
  thoi_han_raw: '3 Ngày làm việc',
  phi_le_phi_min_vnd: '0',
  phi_le_phi_max_vnd: '0',
  bo_nganh_nguon: 'bo-tu-phap',
};

describe('importCatalog', () => {
  it('the bundled files again: every row unchanged, no new version', async () => {
    const before = await countVersions();
    const report = await t.services.catalog.importCatalog(t.db, ctx, {
      effectiveFrom: '2026-12-01',
    });
    expect(report).toMatchObject({
      rows: 2642,
      detailRows: 1331,
      created: 0,
      newVersions: 0,
      unchanged: 2642,
      sectorsCreated: 0,
      skipped: { total: 0, reasons: [] },
    });
    expect(report.notes.find((n) => n.reason === 'time_unit_missing')?.count).toBe(296);
    expect(await countVersions()).toBe(before);
  });

  it('reports what it skipped and why, creates new codes, versions changed rows, and is repeatable', async () => {
    const csv = path.join(dir, 'catalog.csv');
    writeFileSync(
      csv,
      [
        csvColumns.join(','),
        row(base),
        row({ ...base, ma_thu_tuc: '' }),
        row({ ...base, ma_thu_tuc: 'ABC' }),
        row({ ...base, ma_thu_tuc: '9.000002', ten_thu_tuc: '' }),
        row({ ...base, ten_thu_tuc: 'Bản trùng mã' }),
        '9.000003,Thiếu cột',
        // A changed source row of a procedure staff made full online: a new version.
        row({
          ...base,
          ma_thu_tuc: '1.001193',
          ten_thu_tuc: 'Thủ tục đăng ký khai sinh',
          nop_truc_tuyen: '1',
          thoi_han_don_vi: '(không ghi đơn vị)',
          phi_le_phi_min_vnd: '5000',
          phi_le_phi_max_vnd: '5000',
        }),
      ].join('\n'),
    );
    const details = path.join(dir, 'details.jsonl.gz');
    writeFileSync(
      details,
      gzipSync(
        [
          JSON.stringify({
            ma_thu_tuc: '9.000001',
            thanh_phan_ho_so_text:
              'Tên giấy tờMẫu đơn, tờ khaiSố lượngTờ khai theo mẫuTo-khai.docx1 bản chínhGiấy tờ tùy thân0 bản chính,1 bản sao',
            ket_qua_xu_ly:
              'Giấy xác nhậnMã: KQ.G15.000001Từ khóaKhông có thông tinMô tảKhông có thông tin',
          }),
          '{not json',
          JSON.stringify({ ma_thu_tuc: '9.999999' }),
        ].join('\n'),
      ),
    );
    const birth = await t.services.catalog.getProcedureByCode(t.db, '1.001193', t.clock.now());
    const effectiveFrom = '2099-01-01';
    const first = await t.services.catalog.importCatalog(t.db, ctx, {
      csvPath: csv,
      detailsPath: details,
      effectiveFrom,
    });
    const reasons = Object.fromEntries(first.skipped.reasons.map((r) => [r.reason, r]));
    expect(first).toMatchObject({ rows: 7, created: 1, newVersions: 1, unchanged: 0 });
    expect(first.skipped.total).toBe(7);
    expect(reasons).toMatchObject({
      missing_code: { count: 1, samples: ['line 3'] },
      invalid_code: { count: 1, samples: ['ABC'] },
      missing_name: { count: 1, samples: ['9.000002'] },
      duplicate_code: { count: 1, samples: ['9.000001'] },
      malformed_row: { count: 1, samples: ['line 7'] },
      detail_invalid_json: { count: 1, samples: ['line 2'] },
      detail_without_catalog_row: { count: 1, samples: ['9.999999'] },
    });
    expect(first.notes).toContainEqual({
      reason: 'time_unit_missing',
      count: 1,
      samples: ['1.001193'],
    });

    const created = await t.services.catalog.getProcedureByCode(
      t.db,
      '9.000001',
      new Date('2099-06-01'),
    );
    expect(created).toMatchObject({
      onlineClass: 'partial',
      legacyLevel: 3,
      processingTime: 3,
      timeUnit: 'working_day',
      resultText: 'Giấy xác nhận',
      implementers: { mode: 'auto' },
      papers: [
        {
          key: 'p1',
          name: 'Tờ khai theo mẫu',
          copies: '1 bản chính',
          mandatory: true,
          templateFile: 'To-khai.docx',
        },
        {
          key: 'p2',
          name: 'Giấy tờ tùy thân',
          copies: '1 bản sao',
          mandatory: true,
          templateFile: null,
        },
      ],
    });
    // The changed row: the old version stays in force until the import's date.
    const catalog = t.services.catalog;
    expect(
      (
        await catalog.getVersionInForce(
          t.db,
          birth.procedureId,
          new Date('2098-12-31T12:00:00+07:00'),
        )
      ).id,
    ).toBe(birth.id);
    const next = await catalog.getVersionInForce(
      t.db,
      birth.procedureId,
      new Date('2099-01-01T12:00:00+07:00'),
    );
    expect(next).toMatchObject({
      versionNo: birth.versionNo + 1,
      feeVnd: 5000,
      processingTime: null,
      onlineClass: 'full',
    });

    const versions = await countVersions();
    const second = await catalog.importCatalog(t.db, ctx, {
      csvPath: csv,
      detailsPath: details,
      effectiveFrom,
    });
    expect(second).toMatchObject({ created: 0, newVersions: 0, unchanged: 2 });
    expect(second.skipped).toEqual(first.skipped);
    expect(await countVersions()).toBe(versions);
    const audited = await t.db
      .selectFrom('audit.events')
      .select('action')
      .where('action', '=', 'catalog.import')
      .execute();
    expect(audited.length).toBeGreaterThanOrEqual(3);
  });

  it('refuses a file it cannot read, and changes nothing', async () => {
    const bad = path.join(dir, 'bad.csv');
    writeFileSync(bad, 'code,name\n1.000001,x\n');
    const before = await countVersions();
    await expect(
      t.services.catalog.importCatalog(t.db, ctx, { csvPath: bad }),
    ).rejects.toMatchObject({
      code: 'catalog.bad_import_file',
    });
    await expect(
      t.services.catalog.importCatalog(t.db, ctx, { csvPath: path.join(dir, 'missing.csv') }),
    ).rejects.toMatchObject({ code: 'catalog.bad_import_file' });
    expect(await countVersions()).toBe(before);
  });
});
