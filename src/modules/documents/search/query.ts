/**
 * The query side of the folded text index (pure): words as `document.search_words` stores
 * them — no diacritics, đ → d, lower case, split on anything but a–z and 0–9.
 */

const foldChar = (c: string): string =>
  c === 'đ' || c === 'Đ' ? 'd' : c.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

export const fold = (s: string): string => Array.from(s, foldChar).join('');

/** At most 16 words, in order, without repeats. */
export function wordsOf(text: string): string[] {
  const words = fold(text)
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  return [...new Set(words)].slice(0, 16);
}

/** Every word must occur; the last one as a prefix (the user may still be typing it). */
export function tsqueryOf(words: readonly string[]): string | null {
  if (words.length === 0) return null;
  return words.map((w, i) => (i === words.length - 1 ? `${w}:*` : w)).join(' & ');
}

/** A signer's name as the index keeps it for the equality filter. */
export const signerKeyOf = (name: string): string => wordsOf(name).join(' ');

/**
 * A short passage of `text` around the first place one of `words` starts a word (matched
 * on the folded text, cut from the original), or null when none does.
 */
export function snippetOf(text: string, words: readonly string[], radius = 90): string | null {
  if (!text || words.length === 0) return null;
  const chars = Array.from(text);
  let folded = '';
  const origin: number[] = [];
  chars.forEach((c, i) => {
    for (const f of foldChar(c)) {
      folded += f;
      origin.push(i);
    }
  });
  let best = -1;
  for (const w of words) {
    const re = new RegExp(`(^|[^a-z0-9])${w}`, 'g');
    const m = re.exec(folded);
    if (m) {
      const at = m.index + m[1]!.length;
      if (best < 0 || at < best) best = at;
    }
  }
  if (best < 0) return null;
  const at = origin[best]!;
  const start = Math.max(0, at - radius);
  const end = Math.min(chars.length, at + radius);
  const body = chars.slice(start, end).join('').replace(/\s+/g, ' ').trim();
  return `${start > 0 ? '…' : ''}${body}${end < chars.length ? '…' : ''}`;
}
