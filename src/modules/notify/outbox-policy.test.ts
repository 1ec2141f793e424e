import { describe, expect, it } from 'vitest';
import { backoffMs, errorCategory, isPermanentFailure, messageIdFor } from './outbox-policy.js';

const min = 60_000;

describe('outbox policy', () => {
  it('backs off 1, 2, 4 … minutes, at most an hour', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 40].map(backoffMs)).toEqual([
      1 * min,
      2 * min,
      4 * min,
      8 * min,
      16 * min,
      32 * min,
      60 * min,
      60 * min,
      60 * min,
    ]);
  });

  it('keeps codes only, never the text of an error', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), {
      code: 'ESOCKET',
      originalCode: 'ECONNREFUSED',
    });
    expect(errorCategory(refused)).toBe('ESOCKET ECONNREFUSED');
    const rejected = Object.assign(new Error('550 <ba.nguyen@example.vn>: no such user'), {
      code: 'EENVELOPE',
      responseCode: 550,
      response: '550 <ba.nguyen@example.vn>: no such user',
      permanent: true,
    });
    expect(errorCategory(rejected)).toBe('EENVELOPE 550');
    expect(isPermanentFailure(rejected)).toBe(true);
    expect(errorCategory({ code: 'ba.nguyen@example.vn' })).toBe('EUNKNOWN');
    expect(errorCategory('boom')).toBe('EUNKNOWN');
  });

  it('retries a refused login and a temporary refusal', () => {
    expect(isPermanentFailure({ code: 'EAUTH', responseCode: 535, permanent: true })).toBe(false);
    expect(isPermanentFailure({ code: 'EENVELOPE', responseCode: 451, permanent: false })).toBe(
      false,
    );
    expect(isPermanentFailure({ code: 'ECONNECTION' })).toBe(false);
  });

  it('derives a stable Message-ID from the outbox id and the sender domain', () => {
    const id = '6f1c1d1e-0000-4000-8000-000000000001';
    expect(messageIdFor(id, 'Một cửa Trà Vinh <no-reply@travinh.gov.vn>')).toBe(
      `<${id}@travinh.gov.vn>`,
    );
    expect(messageIdFor(id, 'no-reply@localhost')).toBe(`<${id}@localhost>`);
    expect(messageIdFor(id, 'nobody')).toBe(`<${id}@openprovince.invalid>`);
  });
});
