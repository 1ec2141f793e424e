import type { Actor } from '../../../platform/http/access.js';
import type { Agency } from '../../agencies/index.js';
import { type FormCommon, type FormKind, renderForm } from '../forms/index.js';
import * as dossierStore from '../store/dossiers.js';
import * as eventStore from '../store/events.js';
import * as fileStore from '../store/files.js';
import type { DossierRow, EventRow } from '../store/tables.js';
import { actionNames, dossierActions } from '../workflow/index.js';
import type { Core } from './core.js';
import type { DossierDeps } from './deps.js';
import { dossierErrors as E } from './errors.js';

/** The events that make the processing-control slip: hand-overs, not file uploads. */
const CONTROL_ACTIONS = new Set<string>([...dossierActions, 'assign']);

const isPeoplesCommittee = (a: Agency) =>
  a.kind === 'commune_peoples_committee' ||
  a.kind === 'district_peoples_committee' ||
  a.kind === 'provincial_peoples_committee';

const PLACE_PREFIX = /^(xã|phường|thị trấn|đặc khu|huyện|quận|thị xã|thành phố|tỉnh)\s+/i;

/**
 * The printable papers of a dossier (Circular 01/2018/TT-VPCP forms): built from the dossier
 * and its history on demand, so a reprint always says what the record says.
 */
export function createForms(
  deps: Pick<DossierDeps, 'db' | 'agencies' | 'config' | 'clock'>,
  core: Core,
) {
  const { db, agencies, config, clock } = deps;

  async function placeOf(agency: Agency): Promise<string> {
    if (
      agency.kind === 'commune_peoples_committee' ||
      agency.kind === 'district_peoples_committee'
    ) {
      return agency.shortName.replace(PLACE_PREFIX, '');
    }
    const root = await agencies.getAgency(db, agency.ancestorIds[0] ?? agency.id);
    return root.shortName.replace(PLACE_PREFIX, '');
  }

  async function common(d: DossierRow, now: Date): Promise<FormCommon> {
    const agency = await agencies.getAgency(db, d.receivingAgencyId);
    // Decree 30: a people's committee heads its papers with its own name only; a department
    // or unit puts its governing body above its name.
    const parent =
      agency.parentId && !isPeoplesCommittee(agency)
        ? await agencies.getAgency(db, agency.parentId)
        : null;
    return {
      timeZone: config.timeZone,
      issuedAt: now,
      agency: {
        ...(parent ? { parentName: parent.name } : {}),
        name: agency.name,
        place: await placeOf(agency),
      },
      dossierCode: d.code ?? '',
      procedureName: d.procedureName,
      applicant: {
        fullName: d.applicant.fullName,
        address: d.applicant.address,
        phone: d.applicant.phone,
        ...(d.applicant.email ? { email: d.applicant.email } : {}),
      },
    };
  }

  const last = (events: EventRow[], actions: string[]) =>
    [...events].reverse().find((e) => actions.includes(e.action));

  async function render(d: DossierRow, kind: FormKind, internal: boolean): Promise<Uint8Array> {
    const now = clock.now();
    const events = await eventStore.listFor(db, d.id);
    const base = await common(d, now);
    const officerOf = (e: EventRow) => ({ fullName: e.actorName });
    switch (kind) {
      case '01': {
        const received = last(events, ['receive']);
        if (!received || !d.receivedAt || !d.appointmentAt) throw E.formNotAvailable();
        const given = new Set<string>(
          Array.isArray(received.data.papersReceived)
            ? (received.data.papersReceived as string[])
            : [],
        );
        for (const f of await fileStore.listFor(db, d.id)) if (f.paperKey) given.add(f.paperKey);
        const secret = core.secrets.secretOf(d.id);
        const base_ = config.publicUrl ?? 'http://localhost:3000';
        return renderForm('01', {
          ...base,
          officer: officerOf(received),
          papers: d.papers
            .filter((p) => given.has(p.key))
            .map((p) => ({ name: p.name, quantity: p.copies ?? '01 bản' })),
          processingTime:
            d.processingTime !== null && d.timeUnit
              ? { value: d.processingTime, unit: d.timeUnit }
              : null,
          receivedAt: d.receivedAt,
          appointmentAt: d.appointmentAt,
          returnPlace: `Bộ phận Tiếp nhận và Trả kết quả, ${base.agency.name}`,
          lookupCode: secret,
          lookupUrl: `${base_.replace(/\/$/, '')}/tra-cuu?code=${encodeURIComponent(d.code ?? '')}&secret=${secret}`,
        });
      }
      case '02': {
        const asked = last(events, ['request_supplement']);
        if (!asked) throw E.formNotAvailable();
        const papers = Array.isArray(asked.data.papers) ? (asked.data.papers as string[]) : [];
        return renderForm('02', {
          ...base,
          officer: officerOf(asked),
          items: papers.map((content) => ({ content, reason: asked.publicNote ?? '' })),
          ...(d.receivedAt ? { receivedAt: d.receivedAt } : {}),
        });
      }
      case '03': {
        const refused = last(events, ['refuse_reception', 'refuse']);
        if (!refused) throw E.formNotAvailable();
        return renderForm('03', {
          ...base,
          officer: officerOf(refused),
          reason: refused.publicNote ?? '',
          ...(d.receivedAt ? { receivedAt: d.receivedAt } : {}),
        });
      }
      case '04': {
        const extended = last(events, ['extend']);
        if (!extended || !d.receivedAt) throw E.formNotAvailable();
        const agency = await agencies.getAgency(db, d.receivingAgencyId);
        const commune = agency.kind.endsWith('peoples_committee');
        return renderForm('04', {
          ...base,
          receivedAt: d.receivedAt,
          previousAppointmentAt: new Date(String(extended.data.previousAppointment)),
          newAppointmentAt: new Date(String(extended.data.newAppointment)),
          reason: extended.publicNote ?? '',
          signer: commune
            ? { authority: 'TM. ỦY BAN NHÂN DÂN', title: 'CHỦ TỊCH', fullName: '' }
            : { title: 'THỦ TRƯỞNG CƠ QUAN', fullName: '' },
        });
      }
      case '06': {
        if (!d.receivedAt || !d.appointmentAt) throw E.formNotAvailable();
        return renderForm('06', {
          ...base,
          receivedAt: d.receivedAt,
          appointmentAt: d.appointmentAt,
          rows: events
            .filter((e) => CONTROL_ACTIONS.has(e.action))
            .map((e) => {
              const note = [e.publicNote, internal ? e.internalNote : null]
                .filter(Boolean)
                .join(' — ');
              return {
                at: e.at,
                stepName: d.workflow[e.stepIndex]?.name.vi ?? '',
                actorName: e.actorName,
                actionLabel:
                  (actionNames as Record<string, { vi: string }>)[e.action]?.vi ?? 'Phân công',
                ...(note ? { note } : {}),
              };
            }),
        });
      }
    }
  }

  return {
    async forOfficial(
      actor: Actor,
      id: string,
      kind: FormKind,
    ): Promise<{ pdf: Uint8Array; d: DossierRow }> {
      const d = await core.access.visibleToOfficial(db, actor, await dossierStore.find(db, id));
      return { pdf: await render(d, kind, true), d };
    },
    async forApplicant(
      actor: Actor,
      id: string,
      kind: FormKind,
    ): Promise<{ pdf: Uint8Array; d: DossierRow }> {
      const d = core.access.ownedBy(actor, await dossierStore.find(db, id));
      return { pdf: await render(d, kind, false), d };
    },
  };
}
