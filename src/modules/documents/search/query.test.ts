import { describe, expect, it } from 'vitest';
import { fold, signerKeyOf, snippetOf, termsOf, tsqueryOf, wordsOf } from './query.js';

describe('the query side of the folded index', () => {
  it('folds Vietnamese: no diacritics, đ → d, lower case', () => {
    expect(fold('Quyết định ĐỔI MỚI')).toBe('quyet dinh doi moi');
    expect(wordsOf('  Về việc: 12/QĐ-STTTT; về việc ')).toEqual([
      've',
      'viec',
      '12',
      'qd',
      'stttt',
    ]);
  });

  it('asks for every word whole, a word ending in * as a prefix; no words, no query', () => {
    expect(tsqueryOf(termsOf('Quyết định'))).toBe('quyet & dinh');
    expect(tsqueryOf(termsOf('chuyển đ* số'))).toBe('chuyen & d:* & so');
    expect(tsqueryOf(termsOf('viec viec* *'))).toBe('viec:*');
    expect(tsqueryOf(termsOf(`'); DROP TABLE x:*; -- *`))).toBe('drop & table & x');
    expect(tsqueryOf(termsOf(' * '))).toBeNull();
    expect(signerKeyOf(' Lê  Văn Hẳn ')).toBe('le van han');
  });

  it('cuts a passage of the original text around the first word found', () => {
    const text = `${'Mở đầu. '.repeat(30)}Điều 1. Phê duyệt Kế hoạch chuyển đổi số năm 2026. ${'Kết. '.repeat(40)}`;
    const snippet = snippetOf(text, ['chuyen', 'doi'], 20)!;
    expect(snippet).toContain('chuyển đổi số');
    expect(snippet.startsWith('…')).toBe(true);
    expect(snippet.endsWith('…')).toBe(true);
    expect(snippetOf('Không có', ['xyz'])).toBeNull();
    // Matches start a word: "so" does not match inside "hoso".
    expect(snippetOf('hoso', ['so'])).toBeNull();
    // Any accent and case of the folded word, đ included; the word may start the text.
    expect(snippetOf('ĐỔI MỚI phương thức', ['doi', 'moi'])).toBe('ĐỔI MỚI phương thức');
    expect(snippetOf('Về việc ĐIỀU CHỈNH', ['dieu'], 3)).toBe('…ệc ĐIỀ…');
  });
});
