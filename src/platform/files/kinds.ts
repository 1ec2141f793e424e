import { fileTypeFromBuffer } from 'file-type';

/** The kinds of attachment the platform accepts; anything else is refused at upload. */
export const fileKinds = ['pdf', 'jpeg', 'png', 'docx'] as const;
export type FileKind = (typeof fileKinds)[number];

export const mimeOf: Readonly<Record<FileKind, string>> = {
  pdf: 'application/pdf',
  jpeg: 'image/jpeg',
  png: 'image/png',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

export const extensionOf: Readonly<Record<FileKind, string>> = {
  pdf: 'pdf',
  jpeg: 'jpg',
  png: 'png',
  docx: 'docx',
};

/**
 * The kind of a file judged by its content only (the name and the declared type are the
 * uploader's claims). Returns null for anything that is not one of `fileKinds`, e.g. an HTML
 * page renamed to `.pdf`, a macro-enabled Word file or a plain zip.
 */
export async function sniffKind(bytes: Uint8Array): Promise<FileKind | null> {
  if (bytes.length === 0) return null;
  const found = await fileTypeFromBuffer(bytes);
  switch (found?.ext) {
    case 'pdf':
      return 'pdf';
    case 'jpg':
      return 'jpeg';
    case 'png':
      return 'png';
    case 'docx':
      return isWordPackage(bytes) ? 'docx' : null;
    default:
      return null;
  }
}

/**
 * file-type trusts `[Content_Types].xml`; a Word document also needs its main part, and a
 * package carrying a VBA project is a macro document whatever its content types claim.
 */
function isWordPackage(bytes: Uint8Array): boolean {
  const names = zipEntryNames(bytes);
  if (!names) return false;
  return (
    names.has('[Content_Types].xml') &&
    names.has('word/document.xml') &&
    !names.has('word/vbaProject.bin')
  );
}

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const MAX_ENTRIES = 10_000;

/** Names in a zip's central directory, or null when the archive is not a plain (non-zip64) zip. */
export function zipEntryNames(bytes: Uint8Array): Set<string> | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const minEocd = 22;
  const lowest = Math.max(0, bytes.length - minEocd - 0xffff);
  let eocd = -1;
  for (let i = bytes.length - minEocd; i >= lowest; i--) {
    if (view.getUint32(i, true) === EOCD_SIGNATURE) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  const total = view.getUint16(eocd + 10, true);
  const size = view.getUint32(eocd + 12, true);
  const offset = view.getUint32(eocd + 16, true);
  if (total === 0xffff || total > MAX_ENTRIES || offset + size > eocd) return null;
  const names = new Set<string>();
  const decoder = new TextDecoder('utf-8', { fatal: false });
  let at = offset;
  for (let n = 0; n < total; n++) {
    if (at + 46 > eocd || view.getUint32(at, true) !== CENTRAL_SIGNATURE) return null;
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    const end = at + 46 + nameLength;
    if (end > eocd) return null;
    names.add(decoder.decode(bytes.subarray(at + 46, end)));
    at = end + extraLength + commentLength;
  }
  return names;
}
