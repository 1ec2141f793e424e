import type { Actor } from '../../../platform/http/access.js';
import type { Agency } from '../../agencies/index.js';
import { type DocumentType, findDocumentType } from '../catalogue.js';
import { blankSymbol, type ComposeInput } from '../compose/index.js';
import type { ComposeDraftInput, RecipientInput, UploadDraftInput } from '../schema.js';
import * as documentStore from '../store/documents.js';
import { symbolTailOf, urgencyMarks } from '../symbols.js';
import type { Core } from './core.js';
import type { DocumentDeps, Ex } from './deps.js';
import { documentErrors as E } from './errors.js';

export type DraftFields = Omit<UploadDraftInput, 'agencyId' | 'replacesId'>;

/** A draft's metadata once checked against the directory and the agency's officials. */
export type CheckedDraft = {
  agency: Agency;
  type: DocumentType;
  symbolTail: string;
  place: string;
  signerName: string;
  recipients: { agencyId: string | null; name: string; email: string | null }[];
  fields: DraftFields;
};

/** Refused first, at every entry point: classified documents never enter the system. */
export function refuseClassified(input: { confidentiality: string }): void {
  if (input.confidentiality !== 'normal') throw E.classifiedRefused();
}

export function createDraftCheck(deps: DocumentDeps, core: Core) {
  const { agencies, identity } = deps;

  async function resolveRecipients(ex: Ex, list: readonly RecipientInput[]) {
    const seen = new Set<string>();
    const out: CheckedDraft['recipients'] = [];
    for (const r of list) {
      if ('agencyId' in r) {
        if (seen.has(r.agencyId)) throw E.badRecipient();
        seen.add(r.agencyId);
        const agency = await agencies.getAgency(ex, r.agencyId).catch(() => null);
        if (!agency || agency.validTo !== null) throw E.badRecipient();
        out.push({ agencyId: agency.id, name: agency.name, email: null });
      } else {
        out.push({ agencyId: null, name: r.name, email: r.email });
      }
    }
    return out;
  }

  return {
    /** Checks a draft's fields for `agency` (already in the actor's `document.draft` scope). */
    async check(
      ex: Ex,
      actor: Actor,
      agency: Agency,
      input: DraftFields,
      documentId: string | null,
    ): Promise<CheckedDraft> {
      refuseClassified(input);
      const type = findDocumentType(input.typeKey);
      if (!type) throw E.unknownType(input.typeKey);
      if (input.authority && !input.headTitle) throw E.badHeadTitle();
      const signers = await identity.listOfficialsWith(ex, agency.id, 'document.sign');
      const signer = signers.find((s) => s.id === input.signerUserId);
      if (!signer) throw E.badSigner();
      const related = await documentStore.findMany(ex, input.relatedIds);
      if (related.length !== new Set(input.relatedIds).size) throw E.badRelated();
      for (const r of related) {
        if (r.id === documentId || !(await core.inScope(ex, actor, r.agencyId, 'document.read'))) {
          throw E.badRelated();
        }
      }
      return {
        agency,
        type,
        symbolTail: symbolTailOf(
          type.abbreviation,
          core.agencyAbbreviation(agency),
          input.draftingUnit,
        ),
        place: input.place ?? (await core.placeOf(ex, agency)),
        signerName: signer.fullName,
        recipients: await resolveRecipients(ex, input.recipients),
        fields: input,
      };
    },

    /** The recalled document a new draft replaces: same agency, recalled. */
    async checkReplaces(ex: Ex, agencyId: string, replacesId: string | null): Promise<void> {
      if (!replacesId) return;
      const old = await documentStore.find(ex, replacesId);
      if (!old || old.agencyId !== agencyId || old.state !== 'recalled') {
        throw E.replacesNotRecalled();
      }
    },

    /** The form's fields laid out per annex I (number and date left blank for the clerk). */
    async composeInput(
      ex: Ex,
      c: CheckedDraft,
      body: ComposeDraftInput['body'],
      extraLines: readonly string[],
      now: Date,
    ): Promise<ComposeInput> {
      const f = c.fields;
      return {
        parentAgency: await core.parentLine(ex, c.agency),
        agency: c.agency.name.toLocaleUpperCase('vi'),
        numberLine: blankSymbol(c.symbolTail),
        place: c.place,
        // No year: the date of a document is its issuance's, stamped whole by the clerk.
        typeName: c.type.title ?? undefined,
        summary: f.summary,
        urgencyMark: urgencyMarks[f.urgency] ?? undefined,
        body,
        authority: f.authority ? `${f.authority} ${f.headTitle}` : undefined,
        signerTitle: f.signerPosition.toLocaleUpperCase('vi'),
        signerName: c.signerName,
        recipients: [
          ...c.recipients.map((r) => `- ${r.name};`),
          ...(extraLines.length > 0 ? extraLines : ['- Lưu: VT.']),
        ],
        createdAt: now,
      };
    },
  };
}
export type DraftCheck = ReturnType<typeof createDraftCheck>;

/** The text search will index: metadata and the PDF's own text. */
export function searchTextOf(d: {
  symbol?: string | null;
  summary: string;
  issuerName: string;
  typeName: string;
  signerName?: string | null;
  pdfText: string;
}): string {
  return [d.symbol, d.typeName, d.summary, d.issuerName, d.signerName, d.pdfText]
    .filter((s) => s)
    .join('\n')
    .slice(0, 1_000_000);
}
