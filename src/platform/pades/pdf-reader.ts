/**
 * Reads the latest revision of a classic-xref PDF without loading the whole document: the
 * cross-reference chain (newest entry wins), the trailer, and single objects parsed on demand
 * with pdf-lib's object parser. Signing touches a handful of objects (catalog, form, one or two
 * pages), so this keeps a signature's cost independent of the document's fonts and images.
 */
import {
  PDFArray,
  PDFContext,
  PDFDict,
  PDFName,
  PDFNumber,
  PDFObjectParser,
  PDFRef,
  type PDFObject,
} from 'pdf-lib';

export type Revision = {
  bytes: Uint8Array;
  context: PDFContext;
  trailer: PDFDict;
  /** Offset of the newest cross-reference section (the next update's /Prev). */
  startXref: number;
  /** The trailer's /Size: the next free object number. */
  size: number;
  lookup(ref: PDFRef): PDFObject | undefined;
  lookupDict(value: PDFObject | undefined): PDFDict | undefined;
  /** Page object references in document order. */
  pageRefs(): PDFRef[];
};

const latin1 = (bytes: Uint8Array, from: number, to: number) =>
  Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1', from, to);

export class UnsupportedPdf extends Error {}

export function findStartXref(bytes: Uint8Array): number {
  const tail = latin1(bytes, Math.max(0, bytes.length - 2048), bytes.length);
  const match = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(tail) ?? /startxref\s+(\d+)/.exec(tail);
  if (!match) throw new UnsupportedPdf('no startxref');
  return Number(match[1]);
}

/** Parses one classic xref section at `offset`; returns its trailer and fills `offsets`. */
function readXrefSection(
  bytes: Uint8Array,
  offset: number,
  context: PDFContext,
  offsets: Map<number, number>,
): PDFDict {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (!/^\s*xref/.test(latin1(bytes, offset, Math.min(bytes.length, offset + 16)))) {
    throw new UnsupportedPdf('cross-reference streams are not supported (prepare the PDF first)');
  }
  const trailerAt = buffer.indexOf('trailer', offset, 'latin1');
  if (trailerAt < 0) throw new UnsupportedPdf('no trailer after the xref table');
  // Tokens: "xref", then per subsection "first count" and count × "offset generation n|f".
  const tokens = latin1(bytes, offset, trailerAt).trim().split(/\s+/).slice(1);
  for (let i = 0; i + 1 < tokens.length;) {
    const first = Number(tokens[i]);
    const count = Number(tokens[i + 1]);
    i += 2;
    for (let k = 0; k < count; k++, i += 3) {
      const num = first + k;
      if (tokens[i + 2] === 'n' && !offsets.has(num)) offsets.set(num, Number(tokens[i]));
    }
  }
  const trailer = PDFObjectParser.forBytes(bytes.subarray(trailerAt + 7), context).parseObject();
  if (!(trailer instanceof PDFDict)) throw new UnsupportedPdf('bad trailer');
  return trailer;
}

export function openRevision(bytes: Uint8Array): Revision {
  const context = PDFContext.create();
  const offsets = new Map<number, number>();
  const startXref = findStartXref(bytes);
  let trailer: PDFDict | undefined;
  const seen = new Set<number>();
  for (let at: number | undefined = startXref; at !== undefined && !seen.has(at);) {
    seen.add(at);
    const section = readXrefSection(bytes, at, context, offsets);
    trailer ??= section;
    const prev = section.get(PDFName.of('Prev'));
    at = prev instanceof PDFNumber ? prev.asNumber() : undefined;
  }
  const size = (trailer!.get(PDFName.of('Size')) as PDFNumber | undefined)?.asNumber() ?? 0;
  context.largestObjectNumber = Math.max(size - 1, ...offsets.keys());
  const cache = new Map<number, PDFObject>();

  const lookup = (ref: PDFRef): PDFObject | undefined => {
    const cached = cache.get(ref.objectNumber);
    if (cached) return cached;
    const offset = offsets.get(ref.objectNumber);
    if (offset === undefined) return undefined;
    const header = /^\s*\d+\s+\d+\s+obj/.exec(latin1(bytes, offset, offset + 40));
    if (!header) throw new UnsupportedPdf(`object ${ref.objectNumber} is not at its xref offset`);
    const parsed = PDFObjectParser.forBytes(
      bytes.subarray(offset + header[0].length),
      context,
    ).parseObject();
    cache.set(ref.objectNumber, parsed);
    return parsed;
  };
  const lookupDict = (value: PDFObject | undefined): PDFDict | undefined => {
    const resolved = value instanceof PDFRef ? lookup(value) : value;
    return resolved instanceof PDFDict ? resolved : undefined;
  };
  const pageRefs = (): PDFRef[] => {
    const root = lookupDict(trailer!.get(PDFName.of('Root')));
    const pages: PDFRef[] = [];
    const walk = (node: PDFObject | undefined, depth: number) => {
      if (!(node instanceof PDFRef) || depth > 32) return;
      const dict = lookupDict(node);
      const kids = dict?.get(PDFName.of('Kids'));
      const list = kids instanceof PDFRef ? lookup(kids) : kids;
      if (list instanceof PDFArray) list.asArray().forEach((kid) => walk(kid, depth + 1));
      else if (dict) pages.push(node);
    };
    walk(root?.get(PDFName.of('Pages')), 0);
    return pages;
  };
  return { bytes, context, trailer: trailer!, startXref, size, lookup, lookupDict, pageRefs };
}
