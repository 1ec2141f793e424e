/**
 * Admission checks for PDFs from outside (uploads, incoming documents): refuse what must never
 * enter — not a PDF, malformed, encrypted, scripts or launch actions, too many pages,
 * decompression bombs, too large, too slow to parse — and extract the text for search.
 */
export { inspectPdf, extractText, readPageText } from './inspect.js';
export type { PageText, TextItem } from './parse-worker.js';
export { PdfRejected, defaultLimits, type PdfLimits, type PdfRejectionReason } from './types.js';
