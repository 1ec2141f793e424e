/**
 * Correction of misspelt words against the words of the catalogue's names ("dang ki khai
 * sinhh" → "dang ky khai sinh"): each unknown word becomes the closest known one (edit
 * distance 1, or 2 for words of 5 letters and more), the most frequent on a tie.
 */

/** Levenshtein distance, stopping early past `max`. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      cur.push(v);
      if (v < best) best = v;
    }
    if (best > max) return max + 1;
    prev = cur;
  }
  return prev[b.length]!;
}

/**
 * The words with the unknown ones corrected, or null when nothing could be corrected.
 * `vocabulary`: word → number of names it occurs in. The last word may be a prefix.
 */
export function correctWords(
  words: readonly string[],
  vocabulary: ReadonlyMap<string, number>,
): string[] | null {
  let changed = false;
  const known = [...vocabulary.keys()];
  const out = words.map((w, i) => {
    if (vocabulary.has(w)) return w;
    if (i === words.length - 1 && known.some((k) => k.startsWith(w))) return w;
    const max = w.length >= 5 ? 2 : 1;
    let best: { word: string; distance: number; count: number } | undefined;
    for (const k of known) {
      const d = editDistance(w, k, max);
      if (d > max) continue;
      const count = vocabulary.get(k)!;
      if (!best || d < best.distance || (d === best.distance && count > best.count))
        best = { word: k, distance: d, count };
    }
    if (!best) return w;
    changed = true;
    return best.word;
  });
  return changed ? out : null;
}
