/**
 * A byte-level pass over an untrusted PDF before any parser sees it: every stream that looks
 * deflated is inflated with a ceiling (a bomb is refused before pdf-lib or pdf.js would
 * inflate it without one), and the object syntax — the file outside stream data plus the
 * inflated object streams — is searched for encryption and script actions. Inflation runs on
 * libuv's thread pool, so the event loop stays free.
 */
import { promisify } from 'node:util';
import { constants, inflate } from 'node:zlib';
import { PdfRejected, type PdfLimits } from './types.js';

const inflateAsync = promisify(inflate);

/** Keys that run code or programs in a reader: document/page/field JavaScript, Launch actions. */
const SCRIPT = /\/(?:JS|JavaScript|Launch)(?![A-Za-z0-9])/;
const ENCRYPT = /\/Encrypt\s*(?:\d+\s+\d+\s+R|<<)/;

const isZlib = (data: Uint8Array) =>
  data.length > 2 && (data[0]! & 0x0f) === 8 && ((data[0]! << 8) | data[1]!) % 31 === 0;

/** "/J#53" is "/JS": names may escape any character, undo it before matching. */
const unescapeNames = (text: string) =>
  text.replace(/#([0-9a-fA-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));

export async function scanPdf(bytes: Uint8Array, limits: PdfLimits): Promise<void> {
  if (bytes.length > limits.maxBytes) throw new PdfRejected('too_large');
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buffer.indexOf('%PDF-', 0, 'latin1') < 0 || buffer.indexOf('%PDF-', 0, 'latin1') > 1024) {
    throw new PdfRejected('malformed', 'no PDF header');
  }
  const skeleton: string[] = [];
  let inflated = 0;
  let from = 0;
  for (;;) {
    const keyword = buffer.indexOf('stream', from, 'latin1');
    if (keyword < 0) break;
    const isEnd = keyword >= 3 && buffer.toString('latin1', keyword - 3, keyword) === 'end';
    let start = keyword + 6;
    if (isEnd || (buffer[start] !== 0x0a && buffer[start] !== 0x0d)) {
      from = start;
      continue;
    }
    if (buffer[start] === 0x0d) start++;
    if (buffer[start] === 0x0a) start++;
    const endAt = buffer.indexOf('endstream', start, 'latin1');
    const end = endAt < 0 ? buffer.length : endAt;
    const dictStart = Math.max(from, buffer.lastIndexOf('obj', keyword, 'latin1'));
    const dict = buffer.toString('latin1', dictStart, keyword);
    skeleton.push(buffer.toString('latin1', from, keyword));
    from = end;

    let data: Uint8Array = bytes.subarray(start, end);
    let layers = Math.max(1, dict.split('FlateDecode').length - 1);
    let isInflated = false;
    while (layers-- > 0 && isZlib(data)) {
      const out = await inflateLimited(data, limits.maxStreamBytes);
      if (!out) break;
      inflated += out.length;
      if (inflated > limits.maxInflatedBytes) {
        throw new PdfRejected('bomb', 'the streams inflate past the total budget');
      }
      data = out;
      isInflated = true;
    }
    if (isInflated && dict.includes('/ObjStm')) {
      skeleton.push(Buffer.from(data.buffer, data.byteOffset, data.byteLength).toString('latin1'));
    }
  }
  skeleton.push(buffer.toString('latin1', from));
  const syntax = unescapeNames(skeleton.join('\n'));
  if (ENCRYPT.test(syntax)) throw new PdfRejected('encrypted');
  if (SCRIPT.test(syntax)) throw new PdfRejected('javascript');
}

/** Inflated bytes, or null for data that is not valid zlib (the parsers judge it later). */
async function inflateLimited(data: Uint8Array, max: number): Promise<Buffer | null> {
  try {
    // Sync flush: a truncated stream (common in real files) yields what it holds.
    return await inflateAsync(data, { maxOutputLength: max, finishFlush: constants.Z_SYNC_FLUSH });
  } catch (error) {
    if (
      error instanceof RangeError ||
      (error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE'
    ) {
      throw new PdfRejected('bomb', `a stream inflates past ${max} bytes`);
    }
    return null;
  }
}
