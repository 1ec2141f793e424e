/**
 * The facts of every signature in a PDF, without any trust decision: what the signature
 * dictionary says, whether the signed bytes still hash to the CMS digest, whether the CMS
 * signature verifies with the certificate it names, and how much of the file it covers.
 */
import { createHash } from 'node:crypto';
import {
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFHexString,
  PDFName,
  PDFNumber,
  PDFRef,
  PDFString,
  type PDFObject,
} from 'pdf-lib';
import { inspectCms } from './cms.js';
import type { SignatureFacts } from './types.js';

const name = (n: string) => PDFName.of(n);

function text(value: PDFObject | undefined): string | null {
  if (value instanceof PDFString || value instanceof PDFHexString) return value.decodeText();
  if (value instanceof PDFName) return value.decodeText();
  return null;
}

/** "D:20210715103000+07'00'" → Date (PDF dates without a zone are read as UTC). */
export function parsePdfDate(value: string | null): Date | null {
  const m =
    value &&
    /^D:(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?([Zz+-])?(\d{2})?'?(\d{2})?/.exec(value);
  if (!m) return null;
  const [, y, mo = '01', d = '01', h = '00', mi = '00', s = '00', sign, zh = '00', zm = '00'] = m;
  const offset = sign === '+' || sign === '-' ? `${sign}${zh}:${zm}` : 'Z';
  const date = new Date(`${y}-${mo}-${d}T${h}:${mi}:${s}${offset}`);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** Signature dictionary object number → fully qualified field name. */
function fieldNames(doc: PDFDocument): Map<number, string> {
  const names = new Map<number, string>();
  for (const [, object] of doc.context.enumerateIndirectObjects()) {
    if (!(object instanceof PDFDict)) continue;
    const value = object.get(name('V'));
    if (!(value instanceof PDFRef) || object.get(name('FT')) !== name('Sig')) continue;
    const parts: string[] = [];
    for (let node: PDFDict | undefined = object, depth = 0; node && depth < 16; depth++) {
      const part = text(node.get(name('T')));
      if (part !== null) parts.unshift(part);
      node = node.lookupMaybe(name('Parent'), PDFDict);
    }
    names.set(value.objectNumber, parts.join('.'));
  }
  return names;
}

async function factsOf(
  bytes: Uint8Array,
  dict: PDFDict,
  fieldName: string | null,
): Promise<Omit<SignatureFacts, 'index'>> {
  const range = dict.lookupMaybe(name('ByteRange'), PDFArray);
  const numbers = (range?.asArray() ?? []).map((v) =>
    v instanceof PDFNumber ? v.asNumber() : NaN,
  );
  const [a = 0, b = 0, c = 0, d = 0] = numbers;
  const contents = dict.get(name('Contents'));
  const base = {
    fieldName,
    byteRange: [a, b, c, d] as [number, number, number, number],
    coversWholeFile: a === 0 && c + d === bytes.length,
    subFilter: text(dict.get(name('SubFilter'))),
    claimedTime: parsePdfDate(text(dict.get(name('M')))),
    reason: text(dict.get(name('Reason'))),
    location: text(dict.get(name('Location'))),
    name: text(dict.get(name('Name'))),
  };
  const failed = (error: string) => ({
    ...base,
    digestMatches: false,
    cmsSignatureValid: false,
    signerCertificate: null,
    certificates: [],
    signatureDigest: '',
    error,
  });
  const sane =
    numbers.length === 4 &&
    numbers.every((v) => Number.isInteger(v) && v >= 0) &&
    a + b <= c &&
    c + d <= bytes.length;
  if (!sane) return failed('bad ByteRange');
  if (!(contents instanceof PDFHexString) && !(contents instanceof PDFString))
    return failed('no /Contents');
  try {
    const value = contents.asBytes();
    const cms = await inspectCms(value, [bytes.subarray(a, a + b), bytes.subarray(c, c + d)]);
    return {
      ...base,
      digestMatches: cms.digestMatches,
      cmsSignatureValid: cms.signatureValid,
      signerCertificate: cms.signerCertificate,
      certificates: cms.certificates,
      signatureDigest: createHash('sha256').update(cms.der).digest('hex'),
    };
  } catch (error) {
    return failed(error instanceof Error ? error.message : String(error));
  }
}

/** Facts about every signature, in signing order; no trust decision (see the pki module). */
export async function readSignatures(pdf: Uint8Array): Promise<SignatureFacts[]> {
  if (!Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength).includes('/ByteRange')) return [];
  const doc = await PDFDocument.load(pdf, { updateMetadata: false, ignoreEncryption: true });
  const names = fieldNames(doc);
  const found: { ref: number; dict: PDFDict }[] = [];
  for (const [ref, object] of doc.context.enumerateIndirectObjects()) {
    if (
      object instanceof PDFDict &&
      object.has(name('ByteRange')) &&
      object.has(name('Contents'))
    ) {
      found.push({ ref: ref.objectNumber, dict: object });
    }
  }
  const facts = await Promise.all(
    found.map(({ ref, dict }) => factsOf(pdf, dict, names.get(ref) ?? null)),
  );
  return facts
    .sort(
      (p, q) =>
        p.byteRange[2] + p.byteRange[3] - (q.byteRange[2] + q.byteRange[3]) ||
        p.byteRange[1] - q.byteRange[1],
    )
    .map((f, index) => ({ index, ...f }));
}

/** True when bytes were appended after the last signature, or any signature's digest mismatches. */
export function changedAfterSigning(facts: SignatureFacts[], fileLength: number): boolean {
  if (facts.length === 0) return false;
  const last = facts.at(-1)!;
  return (
    last.byteRange[2] + last.byteRange[3] !== fileLength || facts.some((f) => !f.digestMatches)
  );
}
