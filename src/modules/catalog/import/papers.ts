import type { Paper } from '../schema.js';

/**
 * Best-effort reading of the portal's "thành phần hồ sơ" text into papers. The text is a
 * table flattened without separators: an optional group title ("* Giấy tờ phải nộp:"), the
 * header "Tên giấy tờ / Mẫu đơn, tờ khai / Số lượng", then each paper's name, its template
 * file name if any, and its quantity ("1 bản chính", "0 bản chính,1 bản sao") glued together.
 */

/** When nothing can be read: one generic paper; the raw text is kept beside it. */
export const fallbackPaper: Paper = {
  key: 'p1',
  name: 'Đơn/tờ khai theo mẫu',
  copies: '1 bản chính',
  mandatory: true,
  templateFile: null,
};

const HEADER = /Tên giấy tờ\s*Mẫu đơn,\s*tờ khai\s*Số lượng/;
// A quantity ends a paper: "N bản chính, M bản sao", or "N bản chính" followed by the end
// or (after spaces) by anything but a lower-case letter — "nộp 02 bản chính tờ khai" inside
// a sentence is not a quantity — or by the next item of a list ("1 bản chínhd) Giấy…").
const QUANTITY =
  /(\d+)\s*bản chính(?:\s*,\s*(\d+)\s*bản sao|(?=\s*(?:$|[^\s\p{Ll}]|\p{Ll}[.)]\s)))/gu;
/** More copies than this is a form number glued to the quantity ("Mẫu số 9" + "1 bản chính"). */
const MAX_COPIES = 20;
const TEMPLATE_EXT = /\.(?:docx?|pdf|xlsx?|odt|rtf|rar|zip)$/i;
const MAX_NAME = 2000;
const MAX_TEMPLATE = 200;

/** Splits "…theo Mẫu số 1Mẫu số 1.docx" into the name and the template file name. */
export function splitTemplate(text: string): { name: string; templateFile: string | null } {
  const ext = TEMPLATE_EXT.exec(text);
  if (!ext) return { name: text, templateFile: null };
  const stem = text.slice(0, ext.index);
  // The file name starts after the last delimiter glued to it: '.', ';', ':' or a ')'
  // directly followed by a letter, or at a lower-case/digit → capital boundary ("2018Mẫu").
  let start = 0;
  for (let i = stem.length - 1; i > 0; i--) {
    const c = stem[i]!;
    const prev = stem[i - 1]!;
    if (/[.;:]/.test(prev) || (prev === ')' && /[\p{L}\d]/u.test(c))) {
      start = i;
      break;
    }
    if (/\p{Lu}/u.test(c) && /[\p{Ll}\d]/u.test(prev)) {
      start = i;
      break;
    }
  }
  let file = text.slice(start).trim();
  if (file.length > MAX_TEMPLATE || file.length <= ext[0].length) {
    // No usable boundary: the last space-free token is the file name.
    const token = /\S+$/.exec(text)?.[0] ?? '';
    if (token.length <= ext[0].length || token.length > MAX_TEMPLATE) {
      return { name: text, templateFile: null };
    }
    file = token;
    start = text.length - token.length;
  }
  return { name: text.slice(0, start), templateFile: file };
}

function cleanName(text: string): string {
  const t = text
    .replace(/\s+/g, ' ')
    .replace(/^[\s\-–+*•,.;]+/, '')
    .replace(/[\s;,:]+$/, '')
    .trim();
  return t.charAt(0).toLocaleUpperCase('vi') + t.slice(1);
}

function copiesText(originals: number, copies: number): string | null {
  const parts: string[] = [];
  if (originals > 0) parts.push(`${originals} bản chính`);
  if (copies > 0) parts.push(`${copies} bản sao`);
  return parts.length ? parts.join(', ') : null;
}

const CONDITIONAL = /^(?:trường hợp|nếu|đối với trường hợp|riêng)\b|\(nếu có\)/iu;

/** The papers of a text, or null when it holds none that can be read. */
export function parsePapers(raw: string | null | undefined): Paper[] | null {
  if (!raw) return null;
  const text = raw.replace(/…\[cắt bớt\]\s*$/u, '');
  const parts = text.split(HEADER);
  const segments = parts.length > 1 ? parts.slice(1) : parts;
  const papers: Paper[] = [];
  for (const segment of segments) {
    let from = 0;
    for (const m of segment.matchAll(QUANTITY)) {
      let originals = Number(m[1]);
      let end = m.index;
      if (originals > MAX_COPIES) {
        end += m[1]!.length - 1;
        originals = Number(m[1]!.slice(-1));
      }
      const item = segment.slice(from, end);
      from = m.index + m[0].length;
      const { name, templateFile } = splitTemplate(item.trim());
      const clean = cleanName(name);
      if (!clean) continue;
      const copies = copiesText(originals, Number(m[2] ?? 0));
      papers.push({
        key: `p${papers.length + 1}`,
        name: clean.slice(0, MAX_NAME),
        copies,
        mandatory: copies !== null && !CONDITIONAL.test(clean),
        templateFile,
      });
    }
    // What follows the last quantity is the title of the next group, or a paper cut short.
  }
  return papers.length > 0 ? papers : null;
}
