/**
 * PAdES signing engine, no business rules: prepare a PDF for signing (stamp font, anchors of
 * the number, date, signature and seal), sign it in one incremental update per signature
 * (stamps, visible signature, CMS ETSI.CAdES.detached), and read back every signature's facts
 * for a validator to judge. The admission checks of untrusted PDFs live in platform/pdf-safety
 * and are re-exported here.
 */
export type {
  Anchor,
  Box,
  CmsSigner,
  DateAnchors,
  SignatureAppearance,
  SignatureFacts,
  SigningLayout,
  SignOptions,
  Slot,
  Stamps,
} from './types.js';
export { preparePdf, PdfNotPreparable } from './prepare.js';
export { signPdf } from './sign.js';
export { readSignatures, changedAfterSigning } from './read.js';
export { vietnamTime } from './appearance.js';
export {
  inspectPdf,
  extractText,
  PdfRejected,
  type PdfLimits,
  type PdfRejectionReason,
} from '../pdf-safety/index.js';
