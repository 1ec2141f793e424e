import { PDFDocument } from 'pdf-lib';
import { readPageText } from '../pdf-safety/index.js';
import { findAnchors } from './anchors.js';
import { registerStampFont, stampFont } from './stamp-font.js';
import type { SigningLayout } from './types.js';

/** The draft cannot be prepared: it is already signed (re-saving would break the signature). */
export class PdfNotPreparable extends Error {
  override name = 'PdfNotPreparable';
}

/**
 * Before the first signature: re-saves the draft with pdf-lib (classic cross-reference table,
 * no object streams, as the incremental signer expects), embeds the stamp font (a subset
 * of Noto Serif with every glyph a stamp may need) and finds the anchors of the stamps.
 * Run it on a PDF that inspectPdf admitted; the text is read in pdf-safety's bounded worker
 * (PdfRejected 'malformed' or 'timeout' when that fails).
 */
export async function preparePdf(
  bytes: Uint8Array,
  opts: { signerName?: string } = {},
): Promise<{ pdf: Uint8Array; layout: SigningLayout }> {
  if (Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes('/ByteRange')) {
    throw new PdfNotPreparable('the PDF is already signed');
  }
  const [font, text] = await Promise.all([stampFont(), readPageText(bytes)]);
  const doc = await PDFDocument.load(bytes, { updateMetadata: false });
  const fontRef = registerStampFont(doc.context, font);
  const pdf = await doc.save({ useObjectStreams: false, addDefaultPage: false });
  const found = findAnchors(text, font, opts.signerName);
  return { pdf, layout: { version: 1, fontObject: fontRef.objectNumber, ...found } };
}
