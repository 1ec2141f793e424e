import { describe, expect, it } from 'vitest';
import { DomainError } from '../../platform/errors.js';
import {
  actionNames,
  allowedActions,
  defaultWorkflow,
  type DossierAction,
  dossierActions,
  type DossierState,
  dossierStates,
  initialPosition,
  isTerminal,
  type Position,
  publicStates,
  stateNames,
  type StepRole,
  terminalStates,
  transition,
  type Transition,
  validateWorkflow,
  type WorkflowStep,
} from './workflow/index.js';

/** `state@step` or `state@step~resumeState` (the notation of the tables below). */
const pos = (at: string): Position => {
  const m = /^(\w+)@(-?\d+)(?:~(\w+))?$/.exec(at);
  if (!m) throw new Error(`bad position ${at}`);
  return {
    state: m[1] as DossierState,
    stepIndex: Number(m[2]),
    resumeState: (m[3] as DossierState | undefined) ?? null,
  };
};
const at = (p: Position): string =>
  `${p.state}@${p.stepIndex}${p.resumeState ? `~${p.resumeState}` : ''}`;

/** A transition in the tables' notation: `next [clock=…] [settles] [finishes]`. */
const outcome = (t: Transition): string =>
  [
    at(t.next),
    t.effects.clock ? `clock=${t.effects.clock}` : '',
    t.effects.settles ? 'settles' : '',
    t.effects.finishes ? 'finishes' : '',
  ]
    .filter(Boolean)
    .join(' ');

/** The outcome of `action` at `p`, or '409' when it is refused as an illegal transition. */
const attempt = (p: Position, action: DossierAction, steps: readonly WorkflowStep[]): string => {
  try {
    return outcome(transition(p, action, steps));
  } catch (error) {
    if (error instanceof DomainError && error.code === 'dossier.illegal_transition') return '409';
    throw error;
  }
};

const conflictOf = (p: Position, action: DossierAction, steps: readonly WorkflowStep[]) => {
  try {
    transition(p, action, steps);
  } catch (error) {
    return error;
  }
  throw new Error(`${action} at ${at(p)} was accepted`);
};

const step = (
  key: string,
  role: StepRole,
  sharePercent: number,
  agencyId?: string,
): WorkflowStep => ({
  key,
  name: { vi: key, en: key },
  role,
  agency: agencyId ? { kind: 'agency', agencyId } : { kind: 'receiving' },
  sharePercent,
});

/** Every action refused: the row of a terminal position. */
const nothing: Record<DossierAction, string> = {
  submit: '409',
  receive: '409',
  refuse_reception: '409',
  request_supplement: '409',
  supplement: '409',
  start: '409',
  forward: '409',
  accept_transfer: '409',
  pause: '409',
  resume: '409',
  approve: '409',
  refuse: '409',
  attach_result: '409',
  return: '409',
  withdraw: '409',
  cancel: '409',
  extend: '409',
};

/**
 * Every (position × action) pair on the default workflow
 * 0 receive (one-stop) → 1 process (specialist) → 2 approve (leader) → 3 return (one-stop).
 */
const defaultTable: Record<string, Record<DossierAction, string>> = {
  'draft@0': {
    submit: 'submitted@0',
    receive: '409',
    refuse_reception: '409',
    request_supplement: '409',
    supplement: '409',
    start: '409',
    forward: '409',
    accept_transfer: '409',
    pause: '409',
    resume: '409',
    approve: '409',
    refuse: '409',
    attach_result: '409',
    return: '409',
    withdraw: '409',
    cancel: 'cancelled@0',
    extend: '409',
  },
  'submitted@0': {
    submit: '409',
    receive: 'received@1 clock=start',
    refuse_reception: 'refused@0',
    request_supplement: 'awaiting_supplement@0~submitted',
    supplement: '409',
    start: '409',
    forward: '409',
    accept_transfer: '409',
    pause: '409',
    resume: '409',
    approve: '409',
    refuse: '409',
    attach_result: '409',
    return: '409',
    withdraw: 'withdrawn@0',
    cancel: 'cancelled@0',
    extend: '409',
  },
  'received@1': {
    submit: '409',
    receive: '409',
    refuse_reception: '409',
    request_supplement: 'awaiting_supplement@1~received clock=stop',
    supplement: '409',
    start: 'in_process@1',
    forward: '409',
    accept_transfer: '409',
    pause: '409',
    resume: '409',
    approve: '409',
    refuse: '409',
    attach_result: '409',
    return: '409',
    withdraw: 'withdrawn@1 finishes',
    cancel: '409',
    extend: 'received@1',
  },
  'in_process@1': {
    submit: '409',
    receive: '409',
    refuse_reception: '409',
    request_supplement: 'awaiting_supplement@1~in_process clock=stop',
    supplement: '409',
    start: '409',
    forward: 'in_process@2',
    accept_transfer: '409',
    pause: 'paused@1~in_process clock=stop',
    resume: '409',
    approve: '409',
    refuse: '409',
    attach_result: '409',
    return: '409',
    withdraw: 'withdrawn@1 finishes',
    cancel: '409',
    extend: 'in_process@1',
  },
  'in_process@2': {
    submit: '409',
    receive: '409',
    refuse_reception: '409',
    request_supplement: 'awaiting_supplement@2~in_process clock=stop',
    supplement: '409',
    start: '409',
    forward: '409',
    accept_transfer: '409',
    pause: 'paused@2~in_process clock=stop',
    resume: '409',
    approve: 'approved@3',
    refuse: 'refused@2 settles finishes',
    attach_result: '409',
    return: '409',
    withdraw: 'withdrawn@2 finishes',
    cancel: '409',
    extend: 'in_process@2',
  },
  'awaiting_supplement@0~submitted': {
    submit: '409',
    receive: '409',
    refuse_reception: '409',
    request_supplement: '409',
    supplement: 'submitted@0',
    start: '409',
    forward: '409',
    accept_transfer: '409',
    pause: '409',
    resume: '409',
    approve: '409',
    refuse: '409',
    attach_result: '409',
    return: '409',
    withdraw: 'withdrawn@0',
    cancel: 'cancelled@0',
    extend: '409',
  },
  'awaiting_supplement@1~received': {
    submit: '409',
    receive: '409',
    refuse_reception: '409',
    request_supplement: '409',
    supplement: 'received@1 clock=resume',
    start: '409',
    forward: '409',
    accept_transfer: '409',
    pause: '409',
    resume: '409',
    approve: '409',
    refuse: '409',
    attach_result: '409',
    return: '409',
    withdraw: 'withdrawn@1 finishes',
    cancel: 'cancelled@1 finishes',
    extend: 'awaiting_supplement@1~received',
  },
  'awaiting_supplement@1~in_process': {
    submit: '409',
    receive: '409',
    refuse_reception: '409',
    request_supplement: '409',
    supplement: 'in_process@1 clock=resume',
    start: '409',
    forward: '409',
    accept_transfer: '409',
    pause: '409',
    resume: '409',
    approve: '409',
    refuse: '409',
    attach_result: '409',
    return: '409',
    withdraw: 'withdrawn@1 finishes',
    cancel: 'cancelled@1 finishes',
    extend: 'awaiting_supplement@1~in_process',
  },
  'awaiting_supplement@2~in_process': {
    submit: '409',
    receive: '409',
    refuse_reception: '409',
    request_supplement: '409',
    supplement: 'in_process@2 clock=resume',
    start: '409',
    forward: '409',
    accept_transfer: '409',
    pause: '409',
    resume: '409',
    approve: '409',
    refuse: '409',
    attach_result: '409',
    return: '409',
    withdraw: 'withdrawn@2 finishes',
    cancel: 'cancelled@2 finishes',
    extend: 'awaiting_supplement@2~in_process',
  },
  'paused@1~in_process': {
    submit: '409',
    receive: '409',
    refuse_reception: '409',
    request_supplement: '409',
    supplement: '409',
    start: '409',
    forward: '409',
    accept_transfer: '409',
    pause: '409',
    resume: 'in_process@1 clock=resume',
    approve: '409',
    refuse: '409',
    attach_result: '409',
    return: '409',
    withdraw: 'withdrawn@1 finishes',
    cancel: '409',
    extend: 'paused@1~in_process',
  },
  'paused@2~in_process': {
    submit: '409',
    receive: '409',
    refuse_reception: '409',
    request_supplement: '409',
    supplement: '409',
    start: '409',
    forward: '409',
    accept_transfer: '409',
    pause: '409',
    resume: 'in_process@2 clock=resume',
    approve: '409',
    refuse: '409',
    attach_result: '409',
    return: '409',
    withdraw: 'withdrawn@2 finishes',
    cancel: '409',
    extend: 'paused@2~in_process',
  },
  // Not reachable on this single-agency workflow, but a legal position: the rules still hold.
  'transferred@2': {
    submit: '409',
    receive: '409',
    refuse_reception: '409',
    request_supplement: '409',
    supplement: '409',
    start: '409',
    forward: '409',
    accept_transfer: 'in_process@2',
    pause: '409',
    resume: '409',
    approve: '409',
    refuse: '409',
    attach_result: '409',
    return: '409',
    withdraw: 'withdrawn@2 finishes',
    cancel: '409',
    extend: 'transferred@2',
  },
  'approved@3': {
    submit: '409',
    receive: '409',
    refuse_reception: '409',
    request_supplement: '409',
    supplement: '409',
    start: '409',
    forward: '409',
    accept_transfer: '409',
    pause: '409',
    resume: '409',
    approve: '409',
    refuse: '409',
    attach_result: 'result_ready@3 settles finishes',
    return: '409',
    withdraw: '409',
    cancel: '409',
    extend: '409',
  },
  'result_ready@3': {
    submit: '409',
    receive: '409',
    refuse_reception: '409',
    request_supplement: '409',
    supplement: '409',
    start: '409',
    forward: '409',
    accept_transfer: '409',
    pause: '409',
    resume: '409',
    approve: '409',
    refuse: '409',
    attach_result: '409',
    return: 'returned@3',
    withdraw: '409',
    cancel: '409',
    extend: '409',
  },
  'returned@3': nothing,
  'refused@0': nothing,
  'refused@2': nothing,
  'withdrawn@0': nothing,
  'withdrawn@2': nothing,
  'cancelled@0': nothing,
  'cancelled@1': nothing,
};

describe('default workflow: every state × action', () => {
  it('covers every state', () => {
    const covered = new Set(Object.keys(defaultTable).map((k) => pos(k).state));
    expect([...covered].sort()).toEqual([...dossierStates].sort());
  });

  for (const [position, row] of Object.entries(defaultTable)) {
    it(`at ${position}`, () => {
      const p = pos(position);
      const actual = Object.fromEntries(
        dossierActions.map((a) => [a, attempt(p, a, defaultWorkflow)]),
      );
      expect(actual).toEqual(row);
      const legal = dossierActions.filter((a) => row[a] !== '409');
      expect(allowedActions(p, defaultWorkflow)).toEqual(legal);
      for (const action of dossierActions.filter((a) => row[a] === '409')) {
        const error = conflictOf(p, action, defaultWorkflow);
        expect(error).toBeInstanceOf(DomainError);
        expect(error).toMatchObject({
          kind: 'conflict',
          code: 'dossier.illegal_transition',
          extensions: { state: p.state, action, allowedActions: legal },
        });
      }
    });
  }
});

/** Receive → process → process at another agency (liên thông) → process → leader → return. */
const interAgency: readonly WorkflowStep[] = [
  step('receive', 'one_stop_officer', 10),
  step('process', 'specialist', 20),
  step('other-agency', 'specialist', 30, 'so-tnmt'),
  step('consolidate', 'specialist', 20),
  step('approve', 'leader', 10),
  step('return', 'one_stop_officer', 10),
];

describe('performers', () => {
  const performer = (position: string, action: DossierAction, steps = defaultWorkflow) =>
    transition(pos(position), action, steps).performer;
  const official = (roles: StepRole[], stepIndex: number, agencyId?: string) => ({
    kind: 'official',
    roles,
    agency: agencyId ? { kind: 'agency', agencyId } : { kind: 'receiving' },
    stepIndex,
  });

  it('gives applicant actions to the applicant', () => {
    expect(performer('draft@0', 'submit')).toEqual({ kind: 'applicant' });
    expect(performer('draft@0', 'cancel')).toEqual({ kind: 'applicant' });
    expect(performer('awaiting_supplement@1~in_process', 'supplement')).toEqual({
      kind: 'applicant',
    });
    expect(performer('paused@1~in_process', 'withdraw')).toEqual({ kind: 'applicant' });
  });

  it('gives step actions to the current step’s role at its agency', () => {
    expect(performer('submitted@0', 'receive')).toEqual(official(['one_stop_officer'], 0));
    expect(performer('submitted@0', 'refuse_reception')).toEqual(official(['one_stop_officer'], 0));
    expect(performer('submitted@0', 'request_supplement')).toEqual(
      official(['one_stop_officer'], 0),
    );
    expect(performer('received@1', 'request_supplement')).toEqual(official(['specialist'], 1));
    expect(performer('received@1', 'start')).toEqual(official(['specialist'], 1));
    expect(performer('in_process@1', 'forward')).toEqual(official(['specialist'], 1));
    expect(performer('in_process@1', 'pause')).toEqual(official(['specialist'], 1));
    expect(performer('paused@2~in_process', 'resume')).toEqual(official(['leader'], 2));
    expect(performer('in_process@2', 'approve')).toEqual(official(['leader'], 2));
    expect(performer('in_process@2', 'refuse')).toEqual(official(['leader'], 2));
    expect(performer('approved@3', 'attach_result')).toEqual(official(['one_stop_officer'], 3));
    expect(performer('result_ready@3', 'return')).toEqual(official(['one_stop_officer'], 3));
  });

  it('gives desk actions to the receiving agency', () => {
    expect(performer('submitted@0', 'cancel')).toEqual(official(['one_stop_officer'], 0));
    expect(performer('awaiting_supplement@2~in_process', 'cancel')).toEqual(
      official(['one_stop_officer'], 2),
    );
    expect(performer('in_process@1', 'extend')).toEqual(
      official(['one_stop_officer', 'leader'], 1),
    );
  });

  it('gives a transferred dossier to the receiving step’s agency', () => {
    expect(performer('transferred@2', 'accept_transfer', interAgency)).toEqual(
      official(['specialist'], 2, 'so-tnmt'),
    );
    expect(performer('transferred@3', 'accept_transfer', interAgency)).toEqual(
      official(['specialist'], 3),
    );
  });
});

/** Applies `actions` in turn from `from` and returns every outcome. */
const walk = (from: Position, actions: DossierAction[], steps: readonly WorkflowStep[]) => {
  let p = from;
  return actions.map((action) => {
    const t = transition(p, action, steps);
    p = t.next;
    return outcome(t);
  });
};

describe('inter-agency (liên thông) workflow', () => {
  it('is a valid workflow', () => {
    expect(validateWorkflow(interAgency)).toBeNull();
  });

  it('transfers to the other agency and back, then approves', () => {
    expect(
      walk(
        initialPosition,
        [
          'submit',
          'receive',
          'start',
          'forward',
          'accept_transfer',
          'forward',
          'accept_transfer',
          'forward',
          'approve',
          'attach_result',
          'return',
        ],
        interAgency,
      ),
    ).toEqual([
      'submitted@0',
      'received@1 clock=start',
      'in_process@1',
      'transferred@2',
      'in_process@2',
      'transferred@3',
      'in_process@3',
      'in_process@4',
      'approved@5',
      'result_ready@5 settles finishes',
      'returned@5',
    ]);
  });

  it('allows only acceptance, withdrawal and extension of a transferred dossier', () => {
    expect(allowedActions(pos('transferred@2'), interAgency)).toEqual([
      'accept_transfer',
      'withdraw',
      'extend',
    ]);
  });

  it('lets the other agency ask for a supplement and pause after accepting', () => {
    expect(
      walk(
        pos('in_process@2'),
        ['request_supplement', 'supplement', 'pause', 'resume', 'forward'],
        interAgency,
      ),
    ).toEqual([
      'awaiting_supplement@2~in_process clock=stop',
      'in_process@2 clock=resume',
      'paused@2~in_process clock=stop',
      'in_process@2 clock=resume',
      'transferred@3',
    ]);
  });

  it('transfers to a leader of another agency', () => {
    const steps = [
      step('receive', 'one_stop_officer', 10),
      step('process', 'specialist', 50),
      step('approve', 'leader', 30, 'ubnd-huyen'),
      step('return', 'one_stop_officer', 10),
    ];
    expect(walk(pos('in_process@1'), ['forward', 'accept_transfer', 'approve'], steps)).toEqual([
      'transferred@2',
      'in_process@2',
      'approved@3',
    ]);
  });
});

describe('no step can be skipped', () => {
  const expectConflict = (position: string, action: DossierAction, steps = defaultWorkflow) => {
    const p = pos(position);
    expect(conflictOf(p, action, steps)).toMatchObject({
      kind: 'conflict',
      code: 'dossier.illegal_transition',
      extensions: { state: p.state, action, allowedActions: allowedActions(p, steps) },
    });
  };

  it('refuses approval before the leader’s step', () => {
    expectConflict('in_process@1', 'approve');
    expectConflict('in_process@3', 'approve', interAgency);
    expectConflict('received@1', 'approve');
  });

  it('refuses a forward from the leader’s step (the leader approves or refuses)', () => {
    expectConflict('in_process@2', 'forward');
    expectConflict('in_process@4', 'forward', interAgency);
  });

  it('refuses a forward past the end', () => {
    expectConflict('approved@3', 'forward');
    expectConflict('result_ready@3', 'forward');
    expectConflict('returned@3', 'forward');
  });

  it('refuses processing before reception and results before approval', () => {
    expectConflict('submitted@0', 'start');
    expectConflict('submitted@0', 'forward');
    expectConflict('in_process@2', 'attach_result');
    expectConflict('approved@3', 'return');
  });

  it('lets a leader in the middle refuse or forward but not approve', () => {
    const steps = [
      step('receive', 'one_stop_officer', 10),
      step('review', 'leader', 20),
      step('process', 'specialist', 40),
      step('approve', 'leader', 20),
      step('return', 'one_stop_officer', 10),
    ];
    expect(allowedActions(pos('in_process@1'), steps)).toEqual([
      'request_supplement',
      'forward',
      'pause',
      'refuse',
      'withdraw',
      'extend',
    ]);
    expectConflict('in_process@1', 'approve', steps);
    expectConflict('in_process@2', 'refuse', steps);
  });

  it('approves at once on a three-step workflow', () => {
    const steps = [
      step('receive', 'one_stop_officer', 20),
      step('approve', 'leader', 60),
      step('return', 'one_stop_officer', 20),
    ];
    expect(walk(pos('received@1'), ['start', 'approve'], steps)).toEqual([
      'in_process@1',
      'approved@2',
    ]);
    expectConflict('in_process@1', 'forward', steps);
  });
});

describe('supplements', () => {
  it('return the dossier to the state it was asked in', () => {
    const back = (from: string) =>
      walk(pos(from), ['request_supplement', 'supplement'], defaultWorkflow)[1];
    expect(back('submitted@0')).toBe('submitted@0');
    expect(back('received@1')).toBe('received@1 clock=resume');
    expect(back('in_process@1')).toBe('in_process@1 clock=resume');
    expect(back('in_process@2')).toBe('in_process@2 clock=resume');
  });

  it('can be asked again after supplementing', () => {
    expect(
      walk(
        pos('in_process@1'),
        ['request_supplement', 'supplement', 'request_supplement', 'supplement', 'forward'],
        defaultWorkflow,
      ),
    ).toEqual([
      'awaiting_supplement@1~in_process clock=stop',
      'in_process@1 clock=resume',
      'awaiting_supplement@1~in_process clock=stop',
      'in_process@1 clock=resume',
      'in_process@2',
    ]);
  });
});

describe('inconsistent input is a bug, not a 409', () => {
  const bad = [
    'draft@1',
    'submitted@1',
    'received@0',
    'received@2',
    'in_process@0',
    'in_process@3',
    'transferred@1',
    'transferred@3',
    'approved@2',
    'result_ready@2',
    'returned@4',
    'refused@3',
    'withdrawn@3',
    'cancelled@-1',
    'awaiting_supplement@1',
    'awaiting_supplement@1~submitted',
    'awaiting_supplement@2~received',
    'awaiting_supplement@1~paused',
    'paused@1',
    'paused@1~received',
    'in_process@1~in_process',
  ];
  for (const position of bad) {
    it(`rejects ${position}`, () => {
      const p = pos(position);
      expect(() => transition(p, 'withdraw', defaultWorkflow)).toThrow(/Invalid dossier position/);
      expect(() => allowedActions(p, defaultWorkflow)).toThrow(/Invalid dossier position/);
      expect(() => transition(p, 'withdraw', defaultWorkflow)).not.toThrow(DomainError);
    });
  }

  it('rejects a fractional step and an invalid workflow', () => {
    expect(() =>
      transition(
        { state: 'in_process', stepIndex: 1.5, resumeState: null },
        'pause',
        defaultWorkflow,
      ),
    ).toThrow(/Invalid dossier position/);
    expect(() => transition(initialPosition, 'submit', defaultWorkflow.slice(1))).toThrow(
      /Invalid dossier workflow/,
    );
  });
});

describe('validateWorkflow', () => {
  const base = defaultWorkflow;
  const withStep = (i: number, patch: Partial<WorkflowStep>) =>
    base.map((s, j) => (j === i ? { ...s, ...patch } : s));
  const cases: [string, readonly WorkflowStep[], RegExp | null][] = [
    ['the default workflow', base, null],
    ['the inter-agency workflow', interAgency, null],
    ['two steps', [base[0]!, base[3]!], /at least 3 steps/],
    ['no steps', [], /at least 3 steps/],
    ['reception by a specialist', withStep(0, { role: 'specialist' }), /first step/],
    [
      'reception at another agency',
      withStep(0, { agency: { kind: 'agency', agencyId: 'x' } }),
      /first step/,
    ],
    ['return by a leader', withStep(3, { role: 'leader' }), /last step/],
    [
      'return at another agency',
      withStep(3, { agency: { kind: 'agency', agencyId: 'x' } }),
      /last step/,
    ],
    ['no leader before the return', withStep(2, { role: 'specialist' }), /approval by a leader/],
    ['a duplicate key', withStep(2, { key: 'process' }), /used twice/],
    ['an empty key', withStep(1, { key: ' ' }), /no key/],
    ['an empty agency id', withStep(1, { agency: { kind: 'agency', agencyId: '' } }), /no agency/],
    ['a negative share', withStep(1, { sharePercent: -10 }), /invalid share/],
    ['a NaN share', withStep(1, { sharePercent: Number.NaN }), /invalid share/],
    ['shares summing to 90', withStep(1, { sharePercent: 50 }), /sum to 90/],
  ];
  for (const [name, steps, reason] of cases) {
    it(`${reason ? 'rejects' : 'accepts'} ${name}`, () => {
      const result = validateWorkflow(steps);
      if (reason) expect(result).toMatch(reason);
      else expect(result).toBeNull();
    });
  }
});

describe('names and state sets', () => {
  it('names every state and action in both languages', () => {
    for (const s of dossierStates) expect(stateNames[s].vi && stateNames[s].en).toBeTruthy();
    for (const a of dossierActions) expect(actionNames[a].vi && actionNames[a].en).toBeTruthy();
    expect(stateNames.submitted.vi).toBe('Chờ tiếp nhận');
    expect(stateNames.transferred.vi).toBe('Chuyển liên thông');
  });

  it('knows the terminal and public states', () => {
    expect(dossierStates.filter(isTerminal)).toEqual([
      'refused',
      'returned',
      'withdrawn',
      'cancelled',
    ]);
    expect(terminalStates).toHaveLength(4);
    expect(publicStates).not.toContain('draft');
    expect(publicStates).toHaveLength(dossierStates.length - 1);
  });
});

// ── Property test: random action sequences on random valid workflows ───────────────────────

/** mulberry32: a small seeded PRNG, so a failure replays identically. */
const prng = (seed: number) => () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};

const randomWorkflow = (random: () => number): WorkflowStep[] => {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
  const agencyIds = [undefined, undefined, 'so-tnmt', 'ubnd-huyen'];
  const middle = Math.floor(random() * 5); // processing steps: 0..4
  const steps = [step('receive', 'one_stop_officer', 0)];
  for (let i = 0; i < middle; i++) {
    const role = pick<StepRole>(['specialist', 'specialist', 'leader', 'one_stop_officer']);
    steps.push(step(`process-${i}`, role, 0, pick(agencyIds)));
  }
  steps.push(step('approve', 'leader', 0, pick(agencyIds)));
  steps.push(step('return', 'one_stop_officer', 0));
  // Integer shares summing to 100.
  let left = 100;
  for (const s of steps.slice(0, -1)) {
    s.sharePercent = Math.floor(random() * (left + 1) * 0.5);
    left -= s.sharePercent;
  }
  steps[steps.length - 1]!.sharePercent = left;
  return steps;
};

describe('random walks', () => {
  it('keep every invariant over a few thousand steps', () => {
    const random = prng(20251128);
    let steps = randomWorkflow(random);
    let p: Position = initialPosition;
    let clock: 'idle' | 'running' | 'stopped' = 'idle';
    let received = false;
    const seen = new Set<DossierState>();
    let finished = 0;

    for (let i = 0; i < 5000; i++) {
      if (isTerminal(p.state)) {
        // Terminal: nothing is allowed, whatever is tried. Start a new dossier.
        expect(allowedActions(p, steps)).toEqual([]);
        expect(attempt(p, dossierActions[i % dossierActions.length]!, steps)).toBe('409');
        finished++;
        steps = randomWorkflow(random);
        p = initialPosition;
        clock = 'idle';
        received = false;
      }
      expect(validateWorkflow(steps)).toBeNull();
      const last = steps.length - 1;
      const allowed = allowedActions(p, steps);
      // allowedActions is exactly what transition accepts.
      const accepted = dossierActions.filter((a) => attempt(p, a, steps) !== '409');
      expect(allowed).toEqual(accepted);
      expect(allowed.length).toBeGreaterThan(0);

      // Mostly legal moves, sometimes any action (which must then be refused or taken).
      const action =
        random() < 0.8
          ? allowed[Math.floor(random() * allowed.length)]!
          : dossierActions[Math.floor(random() * dossierActions.length)]!;
      if (!allowed.includes(action)) {
        expect(attempt(p, action, steps)).toBe('409');
        continue;
      }
      const t = transition(p, action, steps);
      const { next, effects } = t;
      seen.add(next.state);

      // Positions stay in range; no step is skipped or revisited.
      expect(next.stepIndex).toBeGreaterThanOrEqual(0);
      expect(next.stepIndex).toBeLessThanOrEqual(last);
      expect([0, 1]).toContain(next.stepIndex - p.stepIndex);
      if (['approved', 'result_ready', 'returned'].includes(next.state)) {
        expect(next.stepIndex).toBe(last);
      } else {
        expect(next.stepIndex).toBeLessThan(last);
      }
      if (next.state === 'in_process' || next.state === 'transferred') {
        expect(next.stepIndex).toBeGreaterThanOrEqual(1);
      }
      expect(next.resumeState !== null).toBe(
        next.state === 'awaiting_supplement' || next.state === 'paused',
      );
      if (next.state === 'transferred') {
        expect(steps[next.stepIndex]!.agency).not.toEqual(steps[next.stepIndex - 1]!.agency);
      }
      if (action === 'approve') expect(steps[p.stepIndex]!.role).toBe('leader');
      if (action === 'forward') expect(p.stepIndex + 1).toBeLessThan(last);

      // The clock starts once, stops only while running, resumes only while stopped.
      if (effects.clock === 'start') {
        expect(clock).toBe('idle');
        clock = 'running';
        received = true;
      } else if (effects.clock === 'stop') {
        expect(clock).toBe('running');
        clock = 'stopped';
      } else if (effects.clock === 'resume') {
        expect(clock).toBe('stopped');
        clock = 'running';
      }
      if (['in_process', 'received', 'transferred', 'approved'].includes(next.state)) {
        expect(clock).toBe('running');
      }

      // Settling and finishing.
      expect(effects.settles).toBe(action === 'attach_result' || action === 'refuse');
      if (effects.settles) expect(effects.finishes).toBe(true);
      if (action === 'withdraw' || action === 'cancel') expect(effects.finishes).toBe(received);
      if (action === 'refuse_reception') expect(effects.finishes).toBe(false);
      expect(effects.finishes).toBe(
        effects.settles || (received && (action === 'withdraw' || action === 'cancel')),
      );

      // The performer is the applicant exactly for the applicant's actions.
      const byApplicant =
        ['submit', 'supplement', 'withdraw'].includes(action) ||
        (action === 'cancel' && p.state === 'draft');
      expect(t.performer.kind).toBe(byApplicant ? 'applicant' : 'official');
      if (t.performer.kind === 'official') expect(t.performer.stepIndex).toBe(p.stepIndex);

      p = next;
    }

    // The walk went everywhere and finished many dossiers.
    expect([...seen].sort()).toEqual(dossierStates.filter((s) => s !== 'draft').sort());
    expect(finished).toBeGreaterThan(50);
  });
});
