/**
 * The query side of the folded text index (pure): words as `document.search_words` stores
 * them — no diacritics, đ → d, lower case, split on anything but a–z and 0–9.
 */

const foldCache = new Map<string, string>();

/** One character folded; memoised, since a snippet folds thousands of them per search. */
function foldChar(c: string): string {
  let f = foldCache.get(c);
  if (f === undefined) {
    f = c === 'đ' || c === 'Đ' ? 'd' : c.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
    if (foldCache.size < 10_000) foldCache.set(c, f);
  }
  return f;
}

export const fold = (s: string): string => Array.from(s, foldChar).join('');

/** At most 16 words, in order, without repeats. */
export function wordsOf(text: string): string[] {
  const words = fold(text)
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  return [...new Set(words)].slice(0, 16);
}

/** A word of a query, and whether it was typed ending in `*`: match words that begin with it. */
export type Term = { word: string; prefix: boolean };

/** At most 16 terms, in order, without repeats (a word typed both ways is a prefix). */
export function termsOf(text: string): Term[] {
  const terms = new Map<string, boolean>();
  for (const m of fold(text).matchAll(/([a-z0-9]+)(\*?)/g))
    terms.set(m[1]!, terms.get(m[1]!) === true || m[2] === '*');
  return [...terms].slice(0, 16).map(([word, prefix]) => ({ word, prefix }));
}

/**
 * Every word must occur, whole; a word typed ending in `*` as a prefix. (Whole words by
 * default: a prefix makes the text index gather every document of every word it begins, and
 * the common syllables "định", "việc", "số" are in most of a million documents.)
 */
export function tsqueryOf(terms: readonly Term[]): string | null {
  if (terms.length === 0) return null;
  return terms.map((t) => (t.prefix ? `${t.word}:*` : t.word)).join(' & ');
}

/** A signer's name as the index keeps it for the equality filter. */
export const signerKeyOf = (name: string): string => wordsOf(name).join(' ');

/** For each folded letter, the letters that fold to it ("a" → "aàáảãạăằ…", "d" → "dđ"). */
const variants: ReadonlyMap<string, string> = (() => {
  const map = new Map<string, string>();
  const add = (c: string) => {
    const f = foldChar(c);
    if (/^[a-z]$/.test(f)) map.set(f, (map.get(f) ?? f) + c.toLowerCase() + c.toUpperCase());
  };
  for (let cp = 0xc0; cp <= 0x24f; cp++) add(String.fromCodePoint(cp));
  for (let cp = 0x1ea0; cp <= 0x1ef9; cp++) add(String.fromCodePoint(cp));
  return new Map([...map].map(([k, v]) => [k, [...new Set(v)].join('')]));
})();

/** A folded word as a pattern over the original text: any accent, any case, at a word start. */
function wordPattern(word: string): string {
  const letters = Array.from(word, (c) => {
    const v = variants.get(c);
    return v ? `[${c}${c.toUpperCase()}${v}]` : c;
  });
  return `(?:^|[^\\p{L}\\p{N}])(${letters.join('')})`;
}

/**
 * A short passage of `text` around the first place one of `words` starts a word (matched
 * whatever the accents and case, on the original text: nothing is folded or copied), or null
 * when none does.
 */
export function snippetOf(text: string, words: readonly string[], radius = 90): string | null {
  if (!text || words.length === 0) return null;
  let best = -1;
  for (const w of words) {
    const m = new RegExp(wordPattern(w), 'u').exec(text);
    if (m) {
      const at = m.index + m[0].length - m[1]!.length;
      if (best < 0 || at < best) best = at;
    }
  }
  if (best < 0) return null;
  const start = Math.max(0, best - radius);
  const end = Math.min(text.length, best + radius);
  const body = text.slice(start, end).replace(/\s+/g, ' ').trim();
  return `${start > 0 ? '…' : ''}${body}${end < text.length ? '…' : ''}`;
}
