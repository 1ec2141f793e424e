const FALLBACK_NAME = 'tep-dinh-kem';
const MAX_NAME_LENGTH = 180;
const MAX_EXTENSION_LENGTH = 10;

// C0/C1 controls, and the bidirectional overrides that make "hoso\u202Efdp.exe" read as "hosoexe.pdf".
// eslint-disable-next-line no-control-regex -- removing control characters is the point
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g;
const WINDOWS_ILLEGAL = /[<>:"/\\|?*]/g;
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])$/i;

/**
 * A file name fit for display and for Content-Disposition. The uploader's name is metadata
 * only — it never becomes part of a storage path — but it is shown to officers and offered
 * back on download, so it is reduced to a plain, portable name: the last path segment, NFC,
 * no control or bidi characters, nothing Windows forbids, at most 180 characters with the
 * extension kept, never empty, `.` or `..`.
 */
export function safeFileName(name: string): string {
  const lastSegment = name.split(/[/\\]/).pop() ?? '';
  const cleaned = lastSegment
    .normalize('NFC')
    .replace(CONTROL, '')
    .replace(WINDOWS_ILLEGAL, '')
    .replace(/\s+/g, ' ')
    .replace(/\.{2,}/g, '.')
    .replace(/^[\s.]+|[\s.]+$/g, '');
  if (cleaned === '') return FALLBACK_NAME;
  const [base, extension] = splitExtension(cleaned);
  // Windows reserves device names whatever follows the first dot ("CON.tar.gz").
  const stem = WINDOWS_RESERVED.test(cleaned.split('.')[0] ?? '') ? `_${base}` : base;
  const suffix = extension === null ? '' : `.${extension}`;
  const stemChars = Array.from(stem);
  const room = MAX_NAME_LENGTH - Array.from(suffix).length;
  if (stemChars.length <= room) return `${stem}${suffix}`;
  const cut = stemChars
    .slice(0, room)
    .join('')
    .replace(/[\s.]+$/, '');
  return cut === '' ? FALLBACK_NAME : `${cut}${suffix}`;
}

function splitExtension(name: string): [stem: string, extension: string | null] {
  const dot = name.lastIndexOf('.');
  if (dot <= 0) return [name, null];
  const extension = name.slice(dot + 1);
  if (extension.length > MAX_EXTENSION_LENGTH || /\s/.test(extension)) return [name, null];
  return [name.slice(0, dot), extension];
}

/** Vietnamese (and other Latin) letters without their marks: "Đơn đề nghị" → "Don de nghi". */
export function foldToAscii(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .normalize('NFC');
}

// RFC 5987 attr-char: what may stay unencoded in an ext-value.
const encodeExtValue = (value: string): string =>
  encodeURIComponent(value).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );

/**
 * A Content-Disposition header (RFC 6266) carrying the name twice: an ASCII `filename` for old
 * clients (Vietnamese letters folded, anything else non-ASCII replaced, quotes escaped) and the
 * exact UTF-8 name in `filename*` (RFC 5987).
 */
export function contentDisposition(
  fileName: string,
  disposition: 'attachment' | 'inline' = 'attachment',
): string {
  const name = safeFileName(fileName);
  const ascii = foldToAscii(name)
    .replace(/[^\x20-\x7e]/g, '_')
    // Some clients percent-decode the plain parameter: keep '%' out of it.
    .replace(/%/g, '_')
    .replace(/["\\]/g, (c) => `\\${c}`);
  return `${disposition}; filename="${ascii}"; filename*=UTF-8''${encodeExtValue(name)}`;
}
