/** Cleaning of the portal's texts, which come as table cells flattened without separators. */

const NO_INFO = /^(?:không có thông tin|không có|không|không quy định)\.?$/iu;

/** Trimmed text, or null when empty or "Không có thông tin". */
export function textOrNull(value: string | null | undefined): string | null {
  const t = (value ?? '').replace(/\r\n?/g, '\n').trim();
  return t === '' || NO_INFO.test(t) ? null : t;
}

/** "Giấy khai sinhMã: KQ.G15.000031Từ khóa…Mô tả…" → "Giấy khai sinh", one result a line. */
export function cleanResult(value: string | null | undefined): string | null {
  const t = textOrNull(value);
  if (!t) return null;
  const lines = t
    .replace(/Từ khóa[\s\S]*?Mô tả(?:\s*Không có thông tin)?/gu, '\n')
    .replace(/Mã:\s*KQ[\w.-]*/gu, '\n')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !NO_INFO.test(l));
  return lines.length ? [...new Set(lines)].join('\n') : null;
}

const DOC_TYPES =
  'Bộ luật|Luật|Nghị định|Thông tư liên tịch|Thông tư|Quyết định|Nghị quyết|Pháp lệnh|Chỉ thị|Văn bản hợp nhất|Hiến pháp';
const GLUED_DOC = new RegExp(`(?<=[^\\s\\n])(?=(?:${DOC_TYPES})\\s)`, 'gu');

/** The legal-basis table (name, then code) without its header, one document a line where visible. */
export function cleanLegalBasis(value: string | null | undefined): string | null {
  const t = textOrNull(value?.replace(/^\s*Tên văn bản pháp lý\s*Mã văn bản/u, ''));
  if (!t) return null;
  return t.replace(GLUED_DOC, '\n').trim();
}
