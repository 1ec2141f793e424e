import { DomainError } from '../../platform/errors.js';

/**
 * The life of a document as pure functions (state, action) → next state | DomainError.
 * Who may take an action is the service's business; this file says only when.
 */
export const outgoingStates = [
  'draft',
  'in_review',
  'returned',
  'approved',
  'signed',
  'issued',
  'recalled',
  'cancelled',
] as const;
export type OutgoingState = (typeof outgoingStates)[number];
export const documentStates = [...outgoingStates, 'registered'] as const;

/** Before issuance a document is a draft of its chain (drafter, reviewers, signer, clerks). */
export const draftStates = ['draft', 'in_review', 'returned', 'approved', 'signed'] as const;
/** A cancelled draft was never issued: it stays its chain's, with its history. */
export const chainOnlyStates = [...draftStates, 'cancelled'] as const;
export const isChainOnlyState = (state: string): boolean =>
  (chainOnlyStates as readonly string[]).includes(state);
export type DocumentState = (typeof documentStates)[number];

export const outgoingActions = [
  'revise',
  'submit',
  'approve',
  'return',
  'sign',
  'issue',
  'recall',
  'cancel',
] as const;
export type OutgoingAction = (typeof outgoingActions)[number];

export const incomingStates = ['received', 'directed', 'in_progress', 'done', 'returned'] as const;
export type IncomingState = (typeof incomingStates)[number];
export const incomingActions = ['direct', 'note', 'complete', 'return'] as const;
export type IncomingAction = (typeof incomingActions)[number];

const outgoingFrom: Readonly<Record<OutgoingAction, readonly DocumentState[]>> = {
  revise: ['draft', 'returned'],
  submit: ['draft', 'returned'],
  approve: ['in_review'],
  return: ['in_review', 'approved'],
  sign: ['approved'],
  issue: ['signed'],
  recall: ['issued'],
  // Only before the signature: a signed document is the clerk's to issue, an issued one is
  // recalled (Art. 18), never cancelled.
  cancel: ['draft', 'in_review', 'returned', 'approved'],
};

const incomingFrom: Readonly<Record<IncomingAction, readonly IncomingState[]>> = {
  direct: ['received', 'directed', 'in_progress'],
  note: ['directed', 'in_progress'],
  complete: ['directed', 'in_progress'],
  return: ['received'],
};

export function allowedOutgoingActions(state: DocumentState): OutgoingAction[] {
  return outgoingActions.filter((a) => outgoingFrom[a].includes(state));
}

export function allowedIncomingActions(state: IncomingState): IncomingAction[] {
  return incomingActions.filter((a) => incomingFrom[a].includes(state));
}

const notNow = (state: string, action: string, allowed: string[]) =>
  new DomainError(
    'conflict',
    'document.invalid_state',
    {
      vi: 'Văn bản đang ở trạng thái không cho phép thao tác này.',
      en: 'The document is in a state that does not allow this action.',
    },
    { state, action, allowed },
  );

/**
 * Where an outgoing action takes a document. `reviewersLeft`: reviewers still to decide after
 * this one (approve) or in the chain being started (submit); no reviewer left → approved.
 */
export function nextOutgoingState(
  state: DocumentState,
  action: OutgoingAction,
  reviewersLeft = 0,
): DocumentState {
  if (!outgoingFrom[action].includes(state)) {
    throw notNow(state, action, allowedOutgoingActions(state));
  }
  switch (action) {
    case 'revise':
      return state;
    case 'submit':
    case 'approve':
      return reviewersLeft > 0 ? 'in_review' : 'approved';
    case 'return':
      return 'returned';
    case 'sign':
      return 'signed';
    case 'issue':
      return 'issued';
    case 'recall':
      return 'recalled';
    case 'cancel':
      return 'cancelled';
  }
}

export function nextIncomingState(state: IncomingState, action: IncomingAction): IncomingState {
  if (!incomingFrom[action].includes(state)) {
    throw notNow(state, action, allowedIncomingActions(state));
  }
  switch (action) {
    case 'direct':
      return state === 'received' ? 'directed' : state;
    case 'note':
      return 'in_progress';
    case 'complete':
      return 'done';
    case 'return':
      return 'returned';
  }
}
