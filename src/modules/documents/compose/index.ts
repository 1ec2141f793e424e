/**
 * A document composed in the browser (no word processor needed): the platform lays it out
 * per Decree 30/2020 annex I — agency header with the number left blank for the clerk, the
 * place-date line with day, month and year blank (the date is the issuance's: a draft composed
 * in December and issued in January takes the new year), the type name and summary, the body,
 * the signature block with its signing authority, and "Nơi nhận" — ready to be signed.
 */
import { createPaper } from '../../../platform/pdf/index.js';

export type ComposeInput = {
  /** "ỦY BAN NHÂN DÂN TỈNH TRÀ VINH": the governing body, if any. */
  parentAgency?: string | undefined;
  /** "SỞ THÔNG TIN VÀ TRUYỀN THÔNG". */
  agency: string;
  /** "Số:      /QĐ-STTTT": the symbol with the number left blank (see `blankSymbol`). */
  numberLine: string;
  /** "Trà Vinh". */
  place: string;
  /** Printed when given; by default left blank, like day and month, for the issuance stamp. */
  year?: number | undefined;
  /** "QUYẾT ĐỊNH"; absent for an official letter (công văn), which has no type name. */
  typeName?: string | undefined;
  /** "Về việc …" (the summary, trích yếu). */
  summary: string;
  /** Urgency printed under the number ("HỎA TỐC"); absent when normal. */
  urgencyMark?: string | undefined;
  /** The body, one paragraph per entry ("Căn cứ …", "Điều 1. …"); a line in capitals is centred, bold. */
  body: readonly string[];
  /** "KT. GIÁM ĐỐC", "TM. ỦY BAN NHÂN DÂN"; absent when the head signs in their own name. */
  authority?: string | undefined;
  /** "PHÓ GIÁM ĐỐC". */
  signerTitle: string;
  signerName: string;
  /** "Nơi nhận:" lines ("- Như Điều 3;", "- Lưu: VT, VP."). */
  recipients: readonly string[];
  createdAt: Date;
};

/** No-break spaces: the blanks the clerk's stamps fill must survive line layout. */
const GAP = '\u00a0';
/** The year's blank: about as wide as the four digits stamped into it, so the line stays centred. */
const YEAR_GAP = 10;

/** The number line before issuance: the clerk's number goes in the blank after "Số:". */
export function blankSymbol(symbolTail: string): string {
  return `Số:${GAP.repeat(10)}/${symbolTail}`;
}

export async function composeDocumentPdf(input: ComposeInput): Promise<Uint8Array> {
  const paper = await createPaper({
    title: `${input.typeName ?? 'Công văn'} — ${input.summary}`,
    subject: input.summary,
    author: input.agency,
    createdAt: input.createdAt,
  });
  paper.header({
    ...(input.parentAgency ? { parentAgency: input.parentAgency } : {}),
    agency: input.agency,
    numberLine: input.numberLine,
    placeDate: `${input.place}, ngày${GAP.repeat(7)}tháng${GAP.repeat(7)}năm${
      input.year === undefined ? GAP.repeat(YEAR_GAP) : ` ${input.year}`
    }`,
  });
  if (input.urgencyMark) paper.line([{ text: input.urgencyMark, style: 'bold' }]);
  if (input.typeName) {
    paper.title(input.typeName, [[{ text: input.summary, style: 'bold' }]]);
  } else {
    paper.line(`V/v ${input.summary.replace(/^V\/v\s*/i, '')}`, { size: 12 });
    paper.space(8);
  }
  for (const text of input.body) {
    // A line in capitals ("GIÁM ĐỐC SỞ …", "QUYẾT ĐỊNH:") is the enacting authority: centred, bold.
    if (text === text.toLocaleUpperCase('vi') && /\p{Lu}/u.test(text)) {
      paper.paragraph(text, { align: 'center', style: 'bold' });
    } else {
      paper.paragraph(text, { align: 'justify', indent: 28 });
    }
  }
  paper.closing({
    left: { type: 'recipients', lines: input.recipients },
    right: {
      type: 'signature',
      ...(input.authority ? { authority: input.authority } : {}),
      title: input.signerTitle,
      name: input.signerName,
      signatureSpace: 30,
    },
  });
  return paper.save();
}
