import { randomUUID } from 'node:crypto';
import type { RequestContext } from '../../../../platform/context.js';
import type { Actor } from '../../../../platform/http/access.js';
import { claimIdempotencyKey, fingerprintOf } from '../../../../platform/idempotency.js';
import { localDateOf } from '../../../calendar/index.js';
import { recordErrors as E } from '../errors.js';
import type {
  CreateRecordFileInput,
  RecordFileListQuery,
  RecordFileView,
  TransferFileInput,
  UpdateRecordFileInput,
} from '../schema.js';
import * as fileStore from '../store/files.js';
import * as planStore from '../store/plans.js';
import type { RecordFileRow } from '../store/tables.js';
import { MANAGE, READ, type RecordAccess } from './access.js';
import type { Ex, RecordDeps, Trx } from './deps.js';
import { fileSummary, type RecordViews, yearsOf } from './views.js';

/** Số và ký hiệu hồ sơ: the running number in the heading, the heading code, the year. */
export const fileCodeOf = (number: number, headingCode: string, year: number): string =>
  `${String(number).padStart(2, '0')}.${headingCode}.${year}`;

/** Files (hồ sơ): open under a heading, change while open, close, hand over to the archive. */
export function createFileUseCases(deps: RecordDeps, access: RecordAccess, views: RecordViews) {
  const { db, clock, audit, identity, config } = deps;
  const today = () => localDateOf(clock.now(), config.timeZone);

  /** The keeper (người lập hồ sơ): an official reading the agency's documents. */
  async function keeperOf(ex: Ex, agencyId: string, userId: string) {
    const officials = await identity.listOfficialsWith(ex, agencyId, READ);
    const keeper = officials.find((o) => o.id === userId);
    if (!keeper) throw E.badKeeper();
    return { keeperUserId: keeper.id, keeperName: keeper.fullName };
  }

  async function record(
    trx: Trx,
    ctx: RequestContext,
    f: RecordFileRow,
    action: string,
    data: Record<string, unknown> = {},
  ) {
    await audit.record(trx, ctx, {
      action: `document.file_${action}`,
      targetType: 'record_file',
      targetId: f.id,
      agencyId: f.agencyId,
      after: { code: f.code, state: f.state, ...data },
    });
  }

  return {
    record,

    /** Opens a file; a repeat with the same Idempotency-Key returns the file it made. */
    async createFile(
      ctx: RequestContext,
      input: CreateRecordFileInput,
      idempotencyKey: string,
    ): Promise<{ file: RecordFileView; created: boolean }> {
      const actor = ctx.actor!;
      const heading = await planStore.findHeading(db, input.headingId);
      if (!heading) throw E.headingNotFound();
      const plan = await access.plan(db, actor, heading.planId, MANAGE).catch(() => {
        throw E.headingNotFound();
      });
      const keeper = await keeperOf(db, plan.agencyId, input.keeperUserId ?? actor.userId);
      const openedOn = input.openedOn ?? today();
      if (openedOn > today()) throw E.badDate();
      return db.transaction().execute(async (trx) => {
        const now = clock.now();
        const id = randomUUID();
        const claim = await claimIdempotencyKey(trx, {
          scope: `document.file_create:${actor.userId}`,
          key: idempotencyKey,
          fingerprint: fingerprintOf(input),
          resourceId: id,
          now,
        });
        if (claim.kind === 'replay') {
          const made = await access.file(trx, actor, claim.resourceId, READ);
          return { file: await views.file(trx, actor, made), created: false };
        }
        const number = await planStore.takeFileNumber(trx, heading.id);
        const row = await fileStore.insertFile(trx, {
          id,
          agencyId: plan.agencyId,
          planId: plan.id,
          headingId: heading.id,
          number,
          code: fileCodeOf(number, heading.code, plan.year),
          title: input.title,
          retentionYears: yearsOf(input.retention),
          ...keeper,
          note: input.note,
          openedOn,
          createdBy: actor.userId,
          createdAt: now,
          updatedAt: now,
        });
        await record(trx, ctx, row, 'create', { title: row.title, planId: plan.id });
        return { file: await views.file(trx, actor, row), created: true };
      });
    },

    async updateFile(
      ctx: RequestContext,
      id: string,
      input: UpdateRecordFileInput,
    ): Promise<RecordFileView> {
      const actor = ctx.actor!;
      const seen = await access.file(db, actor, id, MANAGE);
      const keeper = input.keeperUserId
        ? await keeperOf(db, seen.agencyId, input.keeperUserId)
        : {};
      return db.transaction().execute(async (trx) => {
        const f = await access.file(trx, actor, id, MANAGE, true);
        if (f.state !== 'open') throw E.fileClosed();
        const after = await fileStore.updateFile(trx, f.id, {
          ...(input.title !== undefined ? { title: input.title } : {}),
          ...(input.retention !== undefined ? { retentionYears: yearsOf(input.retention) } : {}),
          ...(input.note !== undefined ? { note: input.note } : {}),
          ...keeper,
          updatedAt: clock.now(),
        });
        await record(trx, ctx, after, 'update', { changes: input });
        return views.file(trx, actor, after);
      });
    },

    /** Kết thúc hồ sơ: from now on the file is read-only. */
    async closeFile(ctx: RequestContext, id: string): Promise<RecordFileView> {
      const actor = ctx.actor!;
      await access.file(db, actor, id, MANAGE);
      return db.transaction().execute(async (trx) => {
        const f = await access.file(trx, actor, id, MANAGE, true);
        if (f.state !== 'open') throw E.fileClosed();
        const now = clock.now();
        const after = await fileStore.updateFile(trx, f.id, {
          state: 'closed',
          closedOn: localDateOf(now, config.timeZone),
          closedAt: now,
          closedBy: actor.userId,
          updatedAt: now,
        });
        await record(trx, ctx, after, 'close', { closedOn: after.closedOn });
        return views.file(trx, actor, after);
      });
    },

    /** Nộp lưu: the closed file was handed over to the agency's archive. */
    async transferFile(
      ctx: RequestContext,
      id: string,
      input: TransferFileInput,
    ): Promise<RecordFileView> {
      const actor = ctx.actor!;
      await access.file(db, actor, id, MANAGE);
      return db.transaction().execute(async (trx) => {
        const f = await access.file(trx, actor, id, MANAGE, true);
        if (f.state !== 'closed') throw E.fileOpen();
        if (f.transferredOn) throw E.alreadyTransferred();
        if (f.retentionYears !== null && f.retentionYears < 5) throw E.notTransferable();
        const on = input.transferredOn ?? today();
        if (on < f.closedOn! || on > today()) throw E.badDate();
        const after = await fileStore.updateFile(trx, f.id, {
          transferredOn: on,
          updatedAt: clock.now(),
        });
        await record(trx, ctx, after, 'transfer', { transferredOn: on });
        return views.file(trx, actor, after);
      });
    },

    async getFile(actor: Actor, id: string): Promise<RecordFileView> {
      return views.file(db, actor, await access.file(db, actor, id, READ));
    },

    async listFiles(actor: Actor, query: RecordFileListQuery) {
      const agencyIds = await access.readableAgencyIds(db, actor, query.agencyId);
      const page = await fileStore.listFiles(db, { ...query, agencyIds });
      return { items: page.rows.map(fileSummary), total: page.total };
    },
  };
}
export type FileUseCases = ReturnType<typeof createFileUseCases>;
