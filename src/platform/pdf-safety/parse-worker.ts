/**
 * pdf-lib and pdf.js parse untrusted PDFs in a worker thread: a file that makes a parser loop
 * or balloon is cut off by a wall-clock timeout and a heap ceiling instead of freezing the
 * server. One worker is kept warm (loading pdf.js takes 0.4–3 s) and runs one file at a time;
 * it is replaced after a timeout or a crash. The worker runs without the parent's loader
 * flags (tsx): it only loads plain JavaScript, which the loader would slow down.
 */
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { PdfRejected } from './types.js';

/** A pdf.js text item: its string, baseline origin, width and font size, in page points. */
export type TextItem = { str: string; x: number; y: number; width: number; size: number };
/** The text items of one page (0-based index) and its view box [x0, y0, x1, y1]. */
export type PageText = { index: number; view: number[]; items: TextItem[] };
export type ParseResult = { pages: number; text: string; layout: PageText[] };
export type ParseOptions = {
  timeoutMs: number;
  maxPages: number;
  maxTextChars: number;
  /** Also return the positioned text items of the first and last pages. */
  positions?: boolean;
};
type Reply = { id: number; pages?: number; text?: string; layout?: PageText[]; error?: string };

const require = createRequire(import.meta.url);
const modules = {
  pdfjs: pathToFileURL(require.resolve('pdfjs-dist/legacy/build/pdf.mjs')).href,
  pdflib: pathToFileURL(require.resolve('pdf-lib')).href,
  cmaps: `${require.resolve('pdfjs-dist/package.json').replace(/package\.json$/, '')}cmaps/`,
};

// Plain JavaScript evaluated in the worker (a .ts worker file would need a loader there).
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const ready = Promise.all([import(workerData.pdflib), import(workerData.pdfjs)]);
const itemsOf = (content) => content.items.filter((i) => i.str).map((i) => ({ str: i.str,
  x: i.transform[4], y: i.transform[5], width: i.width, size: Math.hypot(i.transform[0], i.transform[1]) }));
parentPort.on('message', async ({ id, bytes, maxPages, maxTextChars, positions }) => {
  let doc;
  try {
    const [pdflib, pdfjs] = await ready;
    await pdflib.PDFDocument.load(bytes.slice(), { updateMetadata: false });
    doc = await pdfjs.getDocument({ data: bytes, isEvalSupported: false, disableFontFace: true,
      useSystemFonts: false, verbosity: 0, cMapUrl: workerData.cmaps, cMapPacked: true }).promise;
    const pages = doc.numPages;
    const wanted = positions ? new Set([0, pages - 1]) : new Set();
    const layout = [];
    let text = '';
    for (let i = 0; i < pages && pages <= maxPages; i++) {
      if (text.length >= maxTextChars && !wanted.has(i)) continue;
      const page = await doc.getPage(i + 1);
      const content = await page.getTextContent();
      for (const item of content.items) text += (item.str ?? '') + (item.hasEOL ? '\\n' : '');
      text += '\\n';
      if (wanted.has(i)) layout.push({ index: i, view: page.view, items: itemsOf(content) });
      page.cleanup();
    }
    parentPort.postMessage({ id, pages, text: text.slice(0, maxTextChars), layout });
  } catch (e) {
    parentPort.postMessage({ id, error: String(e && e.name) + ': ' + String(e && e.message) });
  } finally {
    if (doc) doc.destroy().catch(() => {});
  }
});
`;

let worker: Worker | undefined;
let nextId = 1;
let queue: Promise<unknown> = Promise.resolve();

function spawn(): Worker {
  const created = new Worker(WORKER_SOURCE, {
    eval: true,
    execArgv: [],
    workerData: modules,
    resourceLimits: { maxOldGenerationSizeMb: 768 },
  });
  created.unref();
  created.on('error', () => undefined);
  return created;
}

/** Loads the file with pdf-lib and pdf.js and extracts the text of its pages, in order. */
export function parseInWorker(bytes: Uint8Array, options: ParseOptions): Promise<ParseResult> {
  const run = () =>
    new Promise<ParseResult>((resolve, reject) => {
      const current = (worker ??= spawn());
      const id = nextId++;
      const done = () => {
        clearTimeout(timer);
        current.off('message', onMessage);
        current.off('exit', onExit);
      };
      const timer = setTimeout(() => {
        done();
        if (worker === current) worker = undefined;
        void current.terminate();
        reject(new PdfRejected('timeout', `parsing took over ${options.timeoutMs} ms`));
      }, options.timeoutMs);
      const onMessage = (reply: Reply) => {
        if (reply.id !== id) return;
        done();
        if (reply.error !== undefined) reject(new PdfRejected('malformed', reply.error));
        else
          resolve({ pages: reply.pages ?? 0, text: reply.text ?? '', layout: reply.layout ?? [] });
      };
      const onExit = () => {
        done();
        if (worker === current) worker = undefined;
        reject(new PdfRejected('malformed', 'the parser ran out of memory or crashed'));
      };
      current.on('message', onMessage);
      current.on('exit', onExit);
      current.postMessage({ id, bytes, ...options });
    });
  const result = queue.then(run, run);
  queue = result.catch(() => undefined);
  return result;
}
