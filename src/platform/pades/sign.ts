/**
 * signPdf: one incremental update holding the stamps, the signature field with its visible
 * appearance, and the signature dictionary; then the CMS over the ByteRange fills /Contents.
 */
import { createHash } from 'node:crypto';
import { deflateSync } from 'node:zlib';
import {
  PDFArray,
  PDFDict,
  PDFHexString,
  PDFName,
  PDFRawStream,
  PDFRef,
  PDFString,
  type PDFContext,
} from 'pdf-lib';
import type { Drawing } from './appearance.js';
import { createCms } from './cms.js';
import { appendUpdate, type Written } from './incremental-writer.js';
import { openRevision, type Revision } from './pdf-reader.js';
import { stampFont } from './stamp-font.js';
import { placeUpdate } from './stamps.js';
import type { SignOptions } from './types.js';

/** Print + ReadOnly + Locked: stamps are part of the page, not comments to move. */
const STAMP_FLAGS = 4 | 64 | 128;
const PRINT_LOCKED = 4 | 128;

const name = (n: string) => PDFName.of(n);

function pdfDate(date: Date): string {
  const local = new Date(date.getTime() + 7 * 3600_000).toISOString();
  return `D:${local.slice(0, 19).replace(/[-T:]/g, '')}+07'00'`;
}

function appearanceStream(context: PDFContext, fontRef: PDFRef, drawing: Drawing): PDFRawStream {
  const dict = context.obj({
    Type: 'XObject',
    Subtype: 'Form',
    BBox: [0, 0, drawing.width, drawing.height],
    Resources: { Font: { F1: fontRef } },
    Filter: 'FlateDecode',
  });
  return PDFRawStream.of(dict, deflateSync(Buffer.from(drawing.ops, 'latin1')));
}

/** The signature dictionary as raw bytes, with the places of its two placeholders. */
function signatureDictionary(opts: SignOptions, reserve: number) {
  const text = (s: string) => PDFHexString.fromText(s).toString();
  const head =
    '<<\n/Type /Sig\n/Filter /Adobe.PPKLite\n/SubFilter /ETSI.CAdES.detached\n/ByteRange ';
  const byteRange = `[0 ${'0'.repeat(10)} ${'0'.repeat(10)} ${'0'.repeat(10)}]`;
  const contents = `<${'0'.repeat(reserve * 2)}>`;
  const tail =
    `\n/M ${PDFString.of(pdfDate(opts.signingTime)).toString()}\n/Reason ${text(opts.reason)}` +
    `\n/Location ${text(opts.location)}\n/Name ${text(opts.name)}` +
    '\n/Prop_Build << /App << /Name /OpenProvince >> >>\n>>';
  const body = Buffer.from(`${head}${byteRange}\n/Contents ${contents}${tail}`, 'latin1');
  return {
    body,
    byteRangeAt: head.length,
    byteRangeLength: byteRange.length,
    contentsAt: head.length + byteRange.length + 11,
    contentsLength: contents.length,
  };
}

function countSignatureFields(rev: Revision, fields: PDFArray | undefined): number {
  return (fields?.asArray() ?? []).filter((f) => rev.lookupDict(f)?.get(name('FT')) === name('Sig'))
    .length;
}

export async function signPdf(
  pdf: Uint8Array,
  opts: SignOptions,
): Promise<{ pdf: Uint8Array; signatureDigest: string }> {
  if (opts.layout.version !== 1)
    throw new Error(`unknown signing layout version ${opts.layout.version}`);
  const font = await stampFont();
  const rev = openRevision(pdf);
  const { context } = rev;
  const fontRef = PDFRef.of(opts.layout.fontObject);
  if (rev.lookupDict(fontRef)?.get(name('Subtype')) !== name('Type0')) {
    throw new Error('the PDF was not prepared with preparePdf (no stamp font)');
  }
  const pages = rev.pageRefs();
  const writes: Written[] = [];
  const add = (body: Written['body']): PDFRef => {
    const ref = context.nextRef();
    writes.push({ ref, body });
    return ref;
  };
  const newAnnots = new Map<number, PDFRef[]>();
  const annotate = (page: number, ref: PDFRef) =>
    newAnnots.set(page, [...(newAnnots.get(page) ?? []), ref]);
  const pageRef = (index: number): PDFRef => {
    const ref = pages[index];
    if (!ref) throw new Error(`the layout refers to page ${index + 1} of ${pages.length}`);
    return ref;
  };

  const { stamps, widget } = placeUpdate(font, opts);
  for (const stamp of stamps) {
    const { drawing, x, y } = stamp;
    const ap = add(appearanceStream(context, fontRef, drawing));
    const annot = context.obj({
      Type: 'Annot',
      Subtype: 'Stamp',
      Rect: [x, y, x + drawing.width, y + drawing.height],
      F: STAMP_FLAGS,
      P: pageRef(stamp.page),
      AP: { N: ap },
      Contents: PDFHexString.fromText(stamp.text),
    });
    annotate(stamp.page, add(annot));
  }

  const catalog = rev.lookupDict(rev.trailer.get(name('Root')));
  if (!catalog) throw new Error('no document catalog');
  const formValue = catalog.get(name('AcroForm'));
  const form = (rev.lookupDict(formValue)?.clone(context) ?? context.obj({})) as PDFDict;
  const oldFields = form.get(name('Fields'));
  const fieldList = oldFields instanceof PDFRef ? rev.lookup(oldFields) : oldFields;
  const fields = fieldList instanceof PDFArray ? fieldList.clone(context) : context.obj([]);

  const reserve =
    [opts.signer.certificate, ...opts.signer.chain].reduce((s, c) => s + c.length, 0) + 2048;
  const sig = signatureDictionary(opts, reserve);
  const sigRef = add(sig.body);
  const widgetAp = add(appearanceStream(context, fontRef, widget.drawing));
  const widgetRef = add(
    context.obj({
      Type: 'Annot',
      Subtype: 'Widget',
      FT: 'Sig',
      T: PDFString.of(`Signature${countSignatureFields(rev, fields) + 1}`),
      V: sigRef,
      Rect: [widget.x, widget.y, widget.x + widget.width, widget.y + widget.height],
      F: PRINT_LOCKED,
      P: pageRef(widget.page),
      AP: { N: widgetAp },
    }),
  );
  annotate(widget.page, widgetRef);
  fields.push(widgetRef);
  form.set(name('Fields'), fields);
  form.set(name('SigFlags'), context.obj(3));
  if (formValue instanceof PDFRef) writes.push({ ref: formValue, body: form });
  else {
    const newCatalog = catalog.clone(context);
    newCatalog.set(name('AcroForm'), form);
    writes.push({ ref: rev.trailer.get(name('Root')) as PDFRef, body: newCatalog });
  }

  for (const [index, refs] of newAnnots) {
    const ref = pageRef(index);
    const page = rev.lookupDict(ref)!.clone(context);
    const annots = page.get(name('Annots'));
    const list = annots instanceof PDFRef ? rev.lookup(annots) : annots;
    const updated = list instanceof PDFArray ? list.clone(context) : context.obj([]);
    refs.forEach((r) => updated.push(r));
    if (annots instanceof PDFRef) writes.push({ ref: annots, body: updated });
    else {
      page.set(name('Annots'), updated);
      writes.push({ ref, body: page });
    }
  }

  const update = appendUpdate(pdf, rev, writes);
  const bytes = update.bytes;
  const sigAt = update.bodyOffsets.get(sigRef.objectNumber)!;
  const contentsStart = sigAt + sig.contentsAt;
  const contentsEnd = contentsStart + sig.contentsLength;
  const numbers = `0 ${contentsStart} ${contentsEnd} ${bytes.length - contentsEnd}`;
  const range = `[${numbers.padEnd(sig.byteRangeLength - 2, ' ')}]`;
  bytes.set(Buffer.from(range, 'latin1'), sigAt + sig.byteRangeAt);

  const digest = createHash('sha256')
    .update(bytes.subarray(0, contentsStart))
    .update(bytes.subarray(contentsEnd))
    .digest();
  const cms = await createCms(opts.signer, digest);
  if (cms.length > reserve)
    throw new Error(`the signature (${cms.length} bytes) exceeds its reserved room`);
  bytes.set(
    Buffer.from(Buffer.from(cms).toString('hex').toUpperCase(), 'latin1'),
    contentsStart + 1,
  );
  return { pdf: bytes, signatureDigest: createHash('sha256').update(cms).digest('hex') };
}
