import { describe, expect, it } from 'vitest';
import { DomainError } from '../../platform/errors.js';
import { documentTypes } from './catalogue.js';
import { datePartsOf, formatNumber, placeDateLine, symbolOf, symbolTailOf } from './symbols.js';
import {
  allowedIncomingActions,
  allowedOutgoingActions,
  documentStates,
  incomingActions,
  incomingStates,
  nextIncomingState,
  nextOutgoingState,
  outgoingActions,
} from './workflow.js';

describe('outgoing workflow', () => {
  const expected: Record<string, Record<string, string>> = {
    draft: { revise: 'draft', submit: 'approved', cancel: 'cancelled' },
    returned: { revise: 'returned', submit: 'approved', cancel: 'cancelled' },
    in_review: { approve: 'approved', return: 'returned', cancel: 'cancelled' },
    approved: { return: 'returned', sign: 'signed', cancel: 'cancelled' },
    signed: { issue: 'issued' },
    issued: { recall: 'recalled' },
    recalled: {},
    registered: {},
    cancelled: {},
  };
  it('allows exactly the listed actions from every state', () => {
    for (const state of documentStates) {
      for (const action of outgoingActions) {
        const want = expected[state]![action];
        if (want)
          expect([state, action, nextOutgoingState(state, action)]).toEqual([state, action, want]);
        else expect(() => nextOutgoingState(state, action)).toThrow(DomainError);
      }
      expect(allowedOutgoingActions(state)).toEqual(Object.keys(expected[state]!));
    }
  });
  it('keeps a document in review while reviewers remain', () => {
    expect(nextOutgoingState('draft', 'submit', 2)).toBe('in_review');
    expect(nextOutgoingState('in_review', 'approve', 1)).toBe('in_review');
  });
});

describe('incoming workflow', () => {
  it('directs, notes, completes and returns only when allowed', () => {
    const table: Record<string, string[]> = {
      received: ['direct', 'return'],
      directed: ['direct', 'note', 'complete'],
      in_progress: ['direct', 'note', 'complete'],
      done: [],
      returned: [],
    };
    for (const state of incomingStates) {
      expect(allowedIncomingActions(state)).toEqual(table[state]);
      for (const action of incomingActions) {
        if (!table[state]!.includes(action))
          expect(() => nextIncomingState(state, action)).toThrow(DomainError);
      }
    }
    expect(nextIncomingState('received', 'direct')).toBe('directed');
    expect(nextIncomingState('in_progress', 'direct')).toBe('in_progress');
    expect(nextIncomingState('directed', 'note')).toBe('in_progress');
    expect(nextIncomingState('in_progress', 'complete')).toBe('done');
  });
});

describe('Decree 30 forms', () => {
  it('writes numbers, symbols and dates per Art. 8 and annex I', () => {
    expect(formatNumber(1)).toBe('01');
    expect(formatNumber(15)).toBe('15');
    expect(symbolOf(1, symbolTailOf('QĐ', 'STTTT', null))).toBe('01/QĐ-STTTT');
    expect(symbolOf(120, symbolTailOf(null, 'UBND', 'VX'))).toBe('120/UBND-VX');
    expect(datePartsOf('2021-02-05')).toEqual({ day: '05', month: '02', year: '2021' });
    expect(placeDateLine('Trà Vinh', '2021-07-15')).toBe('Trà Vinh, ngày 15 tháng 7 năm 2021');
  });
  it('has the 29 types of Art. 7, letters without an abbreviation', () => {
    expect(documentTypes).toHaveLength(29);
    expect(new Set(documentTypes.map((t) => t.key)).size).toBe(29);
    expect(documentTypes.find((t) => t.key === 'quyet-dinh')).toMatchObject({
      abbreviation: 'QĐ',
      title: 'QUYẾT ĐỊNH',
    });
    expect(documentTypes.filter((t) => !t.abbreviation).map((t) => t.key)).toEqual([
      'cong-van',
      'thu-cong',
    ]);
  });
});
