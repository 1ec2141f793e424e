export type PdfRejectionReason =
  'malformed' | 'encrypted' | 'javascript' | 'too_many_pages' | 'bomb' | 'too_large' | 'timeout';

/** Refusal of an untrusted PDF; `reason` is stable (map it to a domain error code). */
export class PdfRejected extends Error {
  constructor(
    readonly reason: PdfRejectionReason,
    detail?: string,
  ) {
    super(detail ? `PDF rejected (${reason}): ${detail}` : `PDF rejected (${reason})`);
    this.name = 'PdfRejected';
  }
}

export type PdfLimits = {
  /** Size of the file. */
  maxBytes: number;
  maxPages: number;
  /** Inflated size of any one Flate stream. */
  maxStreamBytes: number;
  /** Inflated size of all Flate streams together. */
  maxInflatedBytes: number;
  /** Wall time for parsing and text extraction; the parser runs in a worker killed after it. */
  timeoutMs: number;
  /** Extracted text is cut here (search indexes the beginning). */
  maxTextChars: number;
};

export const defaultLimits: PdfLimits = {
  maxBytes: 50 * 1024 * 1024,
  maxPages: 1000,
  maxStreamBytes: 64 * 1024 * 1024,
  maxInflatedBytes: 512 * 1024 * 1024,
  timeoutMs: 20_000,
  maxTextChars: 1_000_000,
};
