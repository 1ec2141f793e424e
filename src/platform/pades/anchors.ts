/**
 * Where the stamps go, found in the text of the draft: the blank after "Số:" and the blanks of
 * "…, ngày … tháng … năm …" on page 1, the signer's name on the last page (the signature area
 * is the gap above it, the seal over the area's left third), and fixed boxes in the top margin
 * of page 1 for the QR code and the agency signature's text. Missing anchors fall back to
 * fixed positions and are reported in `found`.
 */
import type { PageText } from '../pdf-safety/index.js';
import type { StampFont } from './stamp-font.js';
import { pageLines, type TextLine } from './text-lines.js';
import type { Anchor, Box, DateAnchors, SigningLayout, Slot } from './types.js';

const MM = 72 / 25.4;
/** Decree 30 annex I: the seal image at its real size; round seals are 35–40 mm. */
const SEAL = 36 * MM;
const SIGNATURE_WIDTH = 56 * MM;
const QR = 16 * MM;

type Found = Omit<SigningLayout, 'version' | 'fontObject'>;

const isBlank = (c: string | undefined) => c !== undefined && /[\s.…_]/.test(c);

function findNumber(lines: TextLine[]): Anchor | null {
  for (const line of lines) {
    const match = /Số\s*:/.exec(line.text);
    if (!match) continue;
    const colon = match.index + match[0].length - 1;
    let next = colon + 1;
    while (isBlank(line.text[next])) next++;
    const rest = line.text.slice(next);
    const suffix = /^\/\S+/.exec(rest)?.[0] ?? null;
    const x = line.x1[colon]!;
    const end = next < line.text.length && suffix ? line.x0[next]! : x + 30 * MM;
    return { page: 0, x, y: line.y, width: end - x, size: line.size, suffix };
  }
  return null;
}

function findDate(lines: TextLine[]): DateAnchors | null {
  for (const line of lines) {
    const match = /ngày([\s.…_]*)tháng([\s.…_]*)năm([\s.…_]*)(\d{4})?/.exec(line.text);
    if (!match) continue;
    const at = match.index;
    const slot = (from: number, blank: string): Slot => {
      const x = line.x1[from - 1]!;
      const to = from + blank.length;
      return { x, y: line.y, width: (line.x0[to] ?? x + 12 * MM) - x };
    };
    const dayAt = at + 'ngày'.length;
    const monthAt = dayAt + match[1]!.length + 'tháng'.length;
    const yearAt = monthAt + match[2]!.length + 'năm'.length;
    return {
      page: 0,
      size: line.size,
      day: slot(dayAt, match[1]!),
      month: slot(monthAt, match[2]!),
      year: match[4] ? null : { ...slot(yearAt, match[3]!), width: 14 * MM },
    };
  }
  return null;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The signature area between the line above the signer's name and the name itself. */
function signatureAbove(lines: TextLine[], name: string, page: number): Box | null {
  const words = name.normalize('NFC').trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return null;
  const pattern = new RegExp(words.map(escape).join('\\s+'), 'iu');
  for (let i = lines.length - 1; i >= 0; i--) {
    const line = lines[i]!;
    const match = pattern.exec(line.text);
    if (!match) continue;
    const x0 = line.x0[match.index]!;
    const x1 = line.x1[match.index + match[0].length - 1]!;
    const centre = (x0 + x1) / 2;
    const top = line.y + 0.8 * line.size;
    const above = lines
      .slice(0, i)
      .filter((l) => l.y > line.y && l.x0.some((x, k) => x < centre + 80 && l.x1[k]! > centre - 80))
      .at(-1);
    const ceiling = above ? above.y - 0.3 * above.size : top + 25 * MM;
    const height = Math.max(ceiling - top - 4, 12 * MM);
    return { page, x: centre - SIGNATURE_WIDTH / 2, y: top + 2, width: SIGNATURE_WIDTH, height };
  }
  return null;
}

function clamp(box: Box, view: number[]): Box {
  const [left, bottom, right, top] = view as [number, number, number, number];
  const x = Math.min(Math.max(box.x, left + 5 * MM), right - 5 * MM - box.width);
  const y = Math.min(Math.max(box.y, bottom + 5 * MM), top - 5 * MM - box.height);
  return { ...box, x, y };
}

export function findAnchors(
  text: { pages: number; layout: PageText[] },
  font: StampFont,
  signerName: string | undefined,
): Found {
  const { pages } = text;
  const read = (index: number) => {
    const page = text.layout.find((p) => p.index === index);
    if (!page) throw new Error(`no text read for page ${index + 1}`);
    return { lines: pageLines(page, font), view: page.view };
  };
  const first = read(0);
  const last = pages > 1 ? read(pages - 1) : first;
  const number = findNumber(first.lines);
  const date = findDate(first.lines);

  const [left, bottom, right, top] = last.view as [number, number, number, number];
  let signature = signerName ? signatureAbove(last.lines, signerName, pages - 1) : null;
  const hasSigner = signature !== null;
  if (!signature) {
    // Below the last line of text, in the right half (where Decree 30 puts the signer).
    const lowest = Math.min(...last.lines.map((l) => l.y), top - 60 * MM);
    const y = Math.max(lowest - 8 * MM - 22 * MM, bottom + 15 * MM);
    signature = {
      page: pages - 1,
      x: left + (right - left) * 0.72 - SIGNATURE_WIDTH / 2,
      y,
      width: SIGNATURE_WIDTH,
      height: 22 * MM,
    };
  }
  signature = clamp(signature, last.view);
  const seal = clamp(
    {
      page: signature.page,
      x: signature.x + signature.width / 3 - SEAL,
      y: signature.y + signature.height / 2 - SEAL / 2,
      width: SEAL,
      height: SEAL,
    },
    last.view,
  );
  const [, , firstRight, firstTop] = first.view as [number, number, number, number];
  const qr: Box = {
    page: 0,
    x: firstRight - 8 * MM - QR,
    y: firstTop - 3 * MM - QR,
    width: QR,
    height: QR,
  };
  const agencyInfo: Box = {
    page: 0,
    x: qr.x - 3 * MM - 75 * MM,
    y: qr.y,
    width: 75 * MM,
    height: QR,
  };
  return {
    pages,
    number,
    date,
    signature,
    seal,
    qr,
    agencyInfo,
    found: { number: number !== null, date: date !== null, signerName: hasSigner },
  };
}
