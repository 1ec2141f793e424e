import { describe, expect, it } from 'vitest';
import { correctWords, editDistance } from './spelling.js';

const vocabulary = new Map([
  ['dang', 900],
  ['ky', 800],
  ['ki', 0],
  ['khai', 60],
  ['sinh', 50],
  ['kiem', 40],
  ['tra', 40],
]);
vocabulary.delete('ki');

describe('spelling', () => {
  it('measures edit distance, stopping past the limit', () => {
    expect(editDistance('sinhh', 'sinh', 2)).toBe(1);
    expect(editDistance('ky', 'ki', 1)).toBe(1);
    expect(editDistance('abcdef', 'a', 2)).toBe(3);
  });

  it('corrects unknown words to the closest, most frequent known one', () => {
    expect(correctWords(['dang', 'ki', 'khai', 'sinhh'], vocabulary)).toEqual([
      'dang',
      'ky',
      'khai',
      'sinh',
    ]);
    // The last word may be the start of a known word: nothing to correct.
    expect(correctWords(['kie'], vocabulary)).toBeNull();
    expect(correctWords(['zzzzzz'], vocabulary)).toBeNull();
  });
});
