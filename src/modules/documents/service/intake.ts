import { execFile } from 'node:child_process';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { sniffKind } from '../../../platform/files/index.js';
import { inspectPdf, PdfRejected } from '../../../platform/pdf-safety/index.js';
import type { DocumentDeps } from './deps.js';
import { documentErrors as E } from './errors.js';

const run = promisify(execFile);
const CONVERT_TIMEOUT_MS = 60_000;

/** A PDF admitted into the system (checked, stored), ready to be recorded in a transaction. */
export type AdmittedPdf = {
  sha256: string;
  size: number;
  pages: number;
  text: string;
  source: 'pdf' | 'docx' | 'compose';
  originalSha256: string | null;
  fileName: string;
  bytes: Uint8Array;
};

/**
 * Everything that comes in as a file passes here, before any transaction: the kind judged by
 * content, Word converted to PDF by LibreOffice (when configured), then the PDF admission
 * checks (malformed, encrypted, scripts, bombs …). Only what passes is stored.
 */
export function createIntake({ files, config }: Pick<DocumentDeps, 'files' | 'config'>) {
  async function inspect(pdf: Uint8Array) {
    try {
      return await inspectPdf(pdf, { maxBytes: config.maxFileBytes });
    } catch (error) {
      if (error instanceof PdfRejected) throw E.pdfRejected(error.reason);
      throw error;
    }
  }

  async function admit(
    pdf: Uint8Array,
    meta: { source: AdmittedPdf['source']; fileName: string; original?: Uint8Array },
  ): Promise<AdmittedPdf> {
    const { pages, text } = await inspect(pdf);
    const stored = await files.put(pdf, { allowed: ['pdf'], maxBytes: config.maxFileBytes });
    const original = meta.original
      ? await files.put(meta.original, { allowed: ['docx'], maxBytes: config.maxFileBytes })
      : null;
    return {
      sha256: stored.sha256,
      size: stored.size,
      pages,
      text,
      source: meta.source,
      originalSha256: original?.sha256 ?? null,
      fileName: meta.fileName,
      bytes: pdf,
    };
  }

  return {
    inspect,

    /** An uploaded PDF or DOCX. */
    async admitUpload(bytes: Uint8Array, fileName: string): Promise<AdmittedPdf> {
      const kind = await sniffKind(bytes);
      if (kind === 'pdf') return admit(bytes, { source: 'pdf', fileName });
      if (kind !== 'docx') throw E.notPdfOrDocx();
      if (!config.sofficePath) throw E.pdfRequired();
      const pdf = await convertDocx(config.sofficePath, bytes);
      return admit(pdf, {
        source: 'docx',
        fileName: `${fileName.replace(/\.docx$/i, '')}.pdf`,
        original: bytes,
      });
    },

    /** A PDF the platform made itself (composed from the form): same checks, same store. */
    admitComposed(pdf: Uint8Array, fileName: string): Promise<AdmittedPdf> {
      return admit(pdf, { source: 'compose', fileName });
    },

    /** A PDF the platform signed: stored as is (it came out of our own signer). */
    async storeSigned(pdf: Uint8Array): Promise<string> {
      return (await files.put(pdf, { allowed: ['pdf'], maxBytes: config.maxFileBytes * 2 })).sha256;
    },
  };
}
export type Intake = ReturnType<typeof createIntake>;

/**
 * `soffice --headless --convert-to pdf` in a private temporary directory (its own user
 * profile too, so conversions can run side by side), killed after a timeout.
 */
async function convertDocx(soffice: string, docx: Uint8Array): Promise<Uint8Array> {
  const dir = await mkdtemp(path.join(tmpdir(), 'op-docx-'));
  try {
    const input = path.join(dir, 'input.docx');
    await writeFile(input, docx, { mode: 0o600 });
    try {
      await run(
        soffice,
        [
          '--headless',
          '--norestore',
          `-env:UserInstallation=file://${path.join(dir, 'profile')}`,
          '--convert-to',
          'pdf',
          '--outdir',
          path.join(dir, 'out'),
          input,
        ],
        { timeout: CONVERT_TIMEOUT_MS, killSignal: 'SIGKILL', maxBuffer: 1024 * 1024 },
      );
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw E.pdfRequired();
      throw E.conversionFailed();
    }
    const out = (await readdir(path.join(dir, 'out')).catch(() => [])).find((f) =>
      f.endsWith('.pdf'),
    );
    if (!out) throw E.conversionFailed();
    return new Uint8Array(await readFile(path.join(dir, 'out', out)));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
