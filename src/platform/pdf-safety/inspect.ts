import { type PageText, parseInWorker } from './parse-worker.js';
import { scanPdf } from './scan.js';
import { PdfRejected, defaultLimits, type PdfLimits } from './types.js';

/**
 * Refuses what must never enter (throws PdfRejected) and returns the page count and the text
 * of every page (cut at `maxTextChars`) for full-text search.
 */
export async function inspectPdf(
  bytes: Uint8Array,
  limits: Partial<PdfLimits> = {},
): Promise<{ pages: number; text: string }> {
  const all = { ...defaultLimits, ...limits };
  await scanPdf(bytes, all);
  const { pages, text } = await parseInWorker(bytes, all);
  if (pages < 1) throw new PdfRejected('malformed', 'no pages');
  if (pages > all.maxPages) throw new PdfRejected('too_many_pages', `${pages} pages`);
  return { pages, text };
}

/**
 * The positioned text of the first and last pages (for placing stamps), parsed in the same
 * bounded worker; for PDFs already admitted by inspectPdf.
 */
export async function readPageText(
  bytes: Uint8Array,
  limits: Partial<PdfLimits> = {},
): Promise<{ pages: number; layout: PageText[] }> {
  const all = { ...defaultLimits, ...limits };
  const { pages, layout } = await parseInWorker(bytes, {
    ...all,
    maxTextChars: 0,
    positions: true,
  });
  if (pages < 1) throw new PdfRejected('malformed', 'no pages');
  return { pages, layout };
}

/** The text of an admitted PDF, for search; runs the same checks as inspectPdf. */
export async function extractText(
  bytes: Uint8Array,
  limits: Partial<PdfLimits> = {},
): Promise<string> {
  return (await inspectPdf(bytes, limits)).text;
}
