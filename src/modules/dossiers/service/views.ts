import type { Actor } from '../../../platform/http/access.js';
import type {
  ApplicantDossier,
  DossierListItem,
  FileView,
  HistoryEntry,
  OfficerDossier,
  PublicLookup,
} from '../schema.js';
import * as eventStore from '../store/events.js';
import * as feeStore from '../store/fees.js';
import * as fileStore from '../store/files.js';
import type { DossierRow, EventRow, FileRow } from '../store/tables.js';
import { actionNames, stateNames } from '../workflow/index.js';
import type { Core } from './core.js';
import type { DossierDeps } from './deps.js';

const extraActionNames: Record<string, { vi: string; en: string }> = {
  create: { vi: 'Tạo hồ sơ', en: 'Created' },
  edit: { vi: 'Sửa hồ sơ', en: 'Edited' },
  assign: { vi: 'Phân công xử lý', en: 'Assigned' },
  attach_file: { vi: 'Đính kèm tệp', en: 'File attached' },
  remove_file: { vi: 'Gỡ tệp', en: 'File removed' },
  pay_fee: { vi: 'Nộp phí, lệ phí', en: 'Fee paid' },
  rate: { vi: 'Đánh giá mức độ hài lòng', en: 'Service rated' },
};

const nameOfAction = (action: string) =>
  (actionNames as Record<string, { vi: string; en: string }>)[action] ??
  extraActionNames[action] ?? { vi: action, en: action };

/** "Nguyễn Thị Hồng Nhung" → "Nguyễn T. H. Nhung": enough to recognise, not to identify. */
export function maskName(fullName: string): string {
  const parts = fullName.trim().split(/\s+/);
  if (parts.length <= 2) return parts.map((p, i) => (i === 0 ? p : `${p[0]}.`)).join(' ');
  return [parts[0], ...parts.slice(1, -1).map((p) => `${p[0]}.`), parts.at(-1)].join(' ');
}

/** Rows → the allow-listed shapes the routes return. */
export function createViews(deps: Pick<DossierDeps, 'db' | 'agencies' | 'clock'>, core: Core) {
  const { db, agencies, clock } = deps;
  const names = new Map<string, string>();

  async function agencyName(id: string): Promise<string> {
    let name = names.get(id);
    if (name === undefined) {
      name = (await agencies.getAgency(db, id)).name;
      if (names.size > 5000) names.clear();
      names.set(id, name);
    }
    return name;
  }

  const fileView = (f: FileRow): FileView => ({
    id: f.id,
    purpose: f.purpose,
    paperKey: f.paperKey,
    fileName: f.fileName,
    mime: f.mime,
    sizeBytes: f.sizeBytes,
    uploadedAt: f.uploadedAt,
  });

  function history(d: DossierRow, events: EventRow[], internal: boolean): HistoryEntry[] {
    return events.map((e) => {
      const step = d.workflow[e.stepIndex];
      const entry: HistoryEntry = {
        seq: e.seq,
        action: e.action,
        actionName: nameOfAction(e.action),
        fromState: e.fromState,
        toState: e.toState,
        stepIndex: e.stepIndex,
        stepName: step ? step.name : null,
        actorName: e.actorName,
        at: e.at,
        note: e.publicNote,
      };
      if (internal) Object.assign(entry, { internalNote: e.internalNote, data: e.data });
      return entry;
    });
  }

  async function base(d: DossierRow, internal: boolean) {
    const [events, files, fee] = await Promise.all([
      eventStore.listFor(db, d.id),
      fileStore.listFor(db, d.id),
      feeStore.find(db, d.id),
    ]);
    const resultVisible = internal || ['result_ready', 'returned'].includes(d.state);
    return {
      id: d.id,
      code: d.code,
      state: d.state,
      stateName: stateNames[d.state],
      channel: d.channel,
      procedure: { id: d.procedureId, code: d.procedureCode, name: d.procedureName },
      agency: { id: d.receivingAgencyId, name: await agencyName(d.receivingAgencyId) },
      applicant: d.applicant,
      formData: d.formData,
      papers: d.papers,
      steps: d.workflow.map((s) => ({
        key: s.key,
        name: s.name,
        role: s.role,
        sharePercent: s.sharePercent,
      })),
      stepIndex: d.stepIndex,
      submittedAt: d.submittedAt,
      receivedAt: d.receivedAt,
      dueAt: d.dueAt,
      appointmentAt: d.appointmentAt,
      finishedAt: d.finishedAt,
      returnedAt: d.returnedAt,
      fee: fee
        ? {
            amountVnd: fee.amountVnd,
            status: fee.status,
            receiptNo: fee.receiptNo,
            paidAt: fee.paidAt,
          }
        : null,
      rating: d.rating,
      files: files.filter((f) => resultVisible || f.purpose !== 'result').map(fileView),
      history: history(d, events, internal),
    };
  }

  const isOverdue = (d: DossierRow) =>
    !!d.dueAt && !d.finishedAt && d.dueAt.getTime() < clock.now().getTime();

  return {
    fileView,

    async forApplicant(
      actor: Actor,
      d: DossierRow,
      lookupSecret?: string,
    ): Promise<ApplicantDossier> {
      return {
        ...(await base(d, false)),
        allowedActions: await core.access.actionsFor(db, actor, d, 'applicant'),
        ...(lookupSecret ? { lookupSecret } : {}),
      };
    },

    async forOfficial(actor: Actor, d: DossierRow): Promise<OfficerDossier> {
      return {
        ...(await base(d, true)),
        allowedActions: await core.access.actionsFor(db, actor, d, 'official'),
        holderAgency: { id: d.holderAgencyId, name: await agencyName(d.holderAgencyId) },
        assignee: d.assigneeUserId ? { id: d.assigneeUserId, name: d.assigneeName ?? '' } : null,
        clockStoppedAt: d.clockStoppedAt,
        finishKind: d.finishKind,
        settledAt: d.settledAt,
        returnMethod: d.returnMethod,
        overdue: isOverdue(d),
      };
    },

    async listItem(d: DossierRow): Promise<DossierListItem> {
      return {
        id: d.id,
        code: d.code,
        state: d.state,
        channel: d.channel,
        procedureName: d.procedureName,
        applicantName: d.applicant.fullName,
        agencyName: await agencyName(d.holderAgencyId),
        submittedAt: d.submittedAt,
        receivedAt: d.receivedAt,
        dueAt: d.dueAt,
        overdue: isOverdue(d),
        assigneeId: d.assigneeUserId,
      };
    },

    async publicLookup(d: DossierRow): Promise<PublicLookup> {
      const events = await eventStore.listFor(db, d.id);
      return {
        code: d.code!,
        state: d.state,
        stateName: stateNames[d.state],
        procedureName: d.procedureName,
        agencyName: await agencyName(d.receivingAgencyId),
        applicantName: maskName(d.applicant.fullName),
        submittedAt: d.submittedAt,
        receivedAt: d.receivedAt,
        appointmentAt: d.appointmentAt,
        finishedAt: d.finishedAt,
        returnedAt: d.returnedAt,
        history: history(d, events, false)
          .filter((h) => h.fromState !== h.toState || h.action === 'extend')
          .map(({ internalNote: _i, data: _d, ...h }) => h),
      };
    },
  };
}
export type Views = ReturnType<typeof createViews>;
