/**
 * Printable Vietnamese administrative papers (Decree 30/2020 layout) on pdf-lib with the
 * Noto Serif TrueType fonts, QR codes and Vietnamese date wording.
 */
export {
  type Align,
  type CaptionParagraph,
  type ClosingBlock,
  type HeaderOptions,
  type Paper,
  type PaperOptions,
  type ParagraphOptions,
  type QrOptions,
  type RecipientsBlock,
  type SignatureBlock,
  type TableColumn,
  type TableOptions,
} from './types.js';
export { createPaper, mm } from './paper.js';
export { type Rich, type Run } from './text.js';
export { type FontStyle } from './fonts.js';
export {
  type WallClock,
  wallClock,
  decreeDate,
  decreeTimeAndDate,
  placeDateLine,
  shortTimeAndDate,
} from './dates.js';
