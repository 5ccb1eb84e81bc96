import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type ActionInput,
  allowedActions,
  applyAction,
  type DossierState,
  type DossierWorkflowState,
  dossierStates,
  initialDossierState,
  isTerminal,
  type NationalStatusCode,
  nationalStatusLabels,
  statusCodeOf,
  terminalStates,
  type WorkflowAction,
  type WorkflowRole,
  workflowActions,
  workflowRoles,
} from './dossier-workflow';

const actions = workflowActions as readonly WorkflowAction[];
const byName = (name: string): WorkflowAction => {
  const found = actions.find((a) => a.name === name);
  if (!found) throw new Error(`no action ${name}`);
  return found;
};
const at = (
  state: DossierState,
  extra: Partial<DossierWorkflowState> = {},
): DossierWorkflowState => ({
  ...initialDossierState,
  state,
  ...extra,
});
/** Applies an action that must succeed; a refusal fails the test with its error code. */
function must(
  s: DossierWorkflowState,
  name: string,
  roles: WorkflowRole[],
  input: ActionInput = {},
) {
  const r = applyAction(s, byName(name), { roles }, input);
  if (!r.ok) throw new Error(`${name} from ${s.state}: ${r.error}`);
  return r;
}
const full: ActionInput = { reason: 'Lý do cụ thể', resultAttached: true };

/** All subsets of the workflow roles, including the empty one. */
const roleSubsets: WorkflowRole[][] = Array.from({ length: 1 << workflowRoles.length }, (_, mask) =>
  workflowRoles.filter((_, i) => mask & (1 << i)),
);

describe('states and national status codes', () => {
  it('maps every state to a code 1–10 and reaches every code', () => {
    for (const s of dossierStates) {
      expect(statusCodeOf[s]).toBeGreaterThanOrEqual(1);
      expect(statusCodeOf[s]).toBeLessThanOrEqual(10);
    }
    const codes = new Set(dossierStates.map((s) => statusCodeOf[s]));
    expect([...codes].sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(Object.keys(nationalStatusLabels)).toHaveLength(10);
    expect(nationalStatusLabels[5].vi).toBe('Yêu cầu bổ sung giấy tờ');
  });

  it('reaches every state from the initial one through the action graph', () => {
    const seen = new Set<DossierState>(['submitted']);
    const queue: DossierState[] = ['submitted'];
    while (queue.length) {
      const s = queue.shift() as DossierState;
      for (const a of allowedActions(s, workflowRoles)) {
        const r = applyAction(
          at(s, { previousState: 'processing' }),
          a,
          { roles: workflowRoles },
          full,
        );
        if (r.ok && !seen.has(r.next.state)) {
          seen.add(r.next.state);
          queue.push(r.next.state);
        }
      }
    }
    expect([...seen].sort()).toEqual([...dossierStates].sort());
  });

  it('declares terminal states 3, 8 and 10 only', () => {
    expect(terminalStates.map((s) => statusCodeOf[s]).sort((a, b) => a - b)).toEqual([3, 8, 10]);
  });

  it('labels every action in Vietnamese with diacritics and in English', () => {
    for (const a of actions) {
      expect(a.label.vi.length).toBeGreaterThan(3);
      expect(a.label.en.length).toBeGreaterThan(3);
      expect(a.roles).not.toContain('system');
    }
    expect(byName('accept').label.vi).toBe('Tiếp nhận hồ sơ');
  });
});

describe('DOMAIN.md §3 transitions', () => {
  // [action, from, expected next state, code edge]
  const table: [string, DossierState, DossierState, string][] = [
    ['accept', 'submitted', 'accepted', '1→2'],
    ['refuse_to_accept', 'submitted', 'not_accepted', '1→3'],
    ['guide_to_complete', 'submitted', 'submitted', '1→1'],
    ['assign', 'accepted', 'processing', '2→4'],
    ['request_supplement', 'processing', 'supplement_requested', '4→5'],
    ['resubmit', 'supplement_requested', 'processing', '5→4'],
    ['notify_financial_obligation', 'processing', 'financial_obligation', '4→6'],
    ['obligation_fulfilled', 'financial_obligation', 'processing', '6→4'],
    ['stop', 'processing', 'stopped', '4→8'],
    ['mark_finished', 'processing', 'finished', '4→9'],
    ['refuse_on_merits', 'processing', 'finished', '4→9 refused'],
    ['transfer', 'processing', 'processing', '4→4'],
    ['transfer_lien_thong', 'processing', 'processing', '4→4 liên thông'],
    ['submit_for_signature', 'processing', 'awaiting_signature', '4→4 trình ký'],
    ['sign', 'awaiting_signature', 'finished', '4→9'],
    ['accept_withdrawal', 'withdrawal_requested', 'stopped', '7→8'],
    ['return_result', 'finished', 'returned', '9→10'],
  ];
  it.each(table)('%s: %s → %s (%s)', (name, from, to) => {
    const r = applyAction(at(from), name as never, { roles: workflowRoles }, full);
    expect(r.ok && r.next.state).toBe(to);
  });

  it('lets every non-terminal state before the result go to 7, and a refusal return there', () => {
    for (const s of dossierStates) {
      const r = applyAction(
        at(s, { step: 'consultation' }),
        'request_withdrawal',
        { roles: ['resident'] },
        full,
      );
      const expected = !isTerminal(s) && s !== 'finished' && s !== 'withdrawal_requested';
      expect(r.ok, s).toBe(expected);
      if (!r.ok) continue;
      expect(statusCodeOf[r.next.state]).toBe(7);
      const back = applyAction(r.next, 'refuse_withdrawal', { roles: ['unit_leader'] }, full);
      expect(back.ok && back.next.state).toBe(s);
    }
  });

  it('falls back to processing (7 → 4) when no previous state was recorded', () => {
    const r = applyAction(
      at('withdrawal_requested'),
      'refuse_withdrawal',
      { roles: ['unit_leader'] },
      full,
    );
    expect(r.ok && [r.next.state, r.next.step]).toEqual(['processing', 'appraisal']);
  });

  it('records the outcome, the step, the form and the return channel', () => {
    const refused = applyAction(
      at('processing'),
      'refuse_on_merits',
      { roles: ['unit_leader'] },
      full,
    );
    expect(refused.ok && [refused.statusCode, refused.next.outcome]).toEqual([9, 'refused']);
    const lt = applyAction(
      at('processing'),
      'transfer_lien_thong',
      { roles: ['specialist'] },
      full,
    );
    expect(lt.ok && lt.next.step).toBe('lien_thong');
    expect(byName('refuse_to_accept').form).toBe('03');
    expect(byName('request_supplement').form).toBe('02');
    const paused = must(
      at('processing', { step: 'verification' }),
      'request_supplement',
      ['specialist'],
      full,
    );
    const resumed = must(paused.next, 'resubmit', ['resident']);
    expect(resumed.next.step).toBe('verification');
    const returned = applyAction(
      at('finished'),
      'return_result',
      { roles: ['receiving_officer'] },
      { channel: 'post' },
    );
    expect(returned.ok && returned.channel).toBe('post');
  });

  it('refuses with a stable error order: state, role, reason, result', () => {
    expect(applyAction(at('accepted'), 'sign', { roles: ['resident'] })).toEqual({
      ok: false,
      error: 'ACTION_NOT_ALLOWED_IN_STATE',
    });
    expect(applyAction(at('awaiting_signature'), 'sign', { roles: ['specialist'] })).toEqual({
      ok: false,
      error: 'ROLE_NOT_ALLOWED',
    });
    expect(
      applyAction(at('processing'), 'stop', { roles: ['unit_leader'] }, { reason: '  ' }),
    ).toEqual({ ok: false, error: 'REASON_REQUIRED' });
    expect(applyAction(at('awaiting_signature'), 'sign', { roles: ['unit_leader'] })).toEqual({
      ok: false,
      error: 'RESULT_REQUIRED',
    });
    expect(
      applyAction(at('awaiting_signature', { hasResult: true }), 'sign', { roles: ['unit_leader'] })
        .ok,
    ).toBe(true);
  });

  it('flags the second supplement request, not the first', () => {
    const first = must(at('processing'), 'request_supplement', ['specialist'], full);
    expect(first.flags).toEqual({});
    const again = must(first.next, 'resubmit', ['resident']);
    const second = must(again.next, 'request_supplement', ['specialist'], full);
    expect([second.flags, second.next.supplementRequests]).toEqual([{ secondSupplement: true }, 2]);
  });
});

/** Independent restatement of the rules from the table, to compare applyAction against. */
function oracle(
  s: DossierWorkflowState,
  a: WorkflowAction,
  roles: readonly WorkflowRole[],
  input: ActionInput,
): string {
  if (['not_accepted', 'stopped', 'returned'].includes(s.state) || !a.from.includes(s.state))
    return 'ACTION_NOT_ALLOWED_IN_STATE';
  if (!roles.some((r) => a.roles.includes(r))) return 'ROLE_NOT_ALLOWED';
  if (a.requiresReason && !(input.reason && input.reason.trim() !== '')) return 'REASON_REQUIRED';
  if (a.requiresResult && !s.hasResult && !input.resultAttached) return 'RESULT_REQUIRED';
  if (a.to === 'previous') return s.previousState ?? 'processing';
  if (a.to === 'same') return s.state;
  return a.to;
}

describe('oracle: applyAction agrees with the data table', () => {
  it('for every state, action, role subset, reason and result', () => {
    const inputs: ActionInput[] = [
      {},
      { reason: 'x' },
      { resultAttached: true },
      { reason: 'x', resultAttached: true },
      { reason: ' ' },
    ];
    let checked = 0;
    for (const state of dossierStates)
      for (const hasResult of [false, true])
        for (const a of actions)
          for (const roles of roleSubsets)
            for (const input of inputs) {
              const s = at(state, { hasResult, previousState: 'accepted' });
              const r = applyAction(s, a, { roles }, input);
              expect(r.ok ? r.next.state : r.error).toBe(oracle(s, a, roles, input));
              const listed = allowedActions(state, roles).some((x) => x.name === a.name);
              expect(listed).toBe(
                !isTerminal(state) &&
                  a.from.includes(state) &&
                  roles.some((x) => a.roles.includes(x)),
              );
              checked++;
            }
    expect(checked).toBe(
      dossierStates.length * 2 * actions.length * roleSubsets.length * inputs.length,
    );
  });
});

const stepArb = fc.record({
  action: fc.constantFrom(...actions),
  roles: fc.subarray([...workflowRoles]),
  reason: fc.option(fc.constantFrom('', '   ', 'Thiếu bản sao giấy khai sinh'), { nil: undefined }),
  resultAttached: fc.boolean(),
});

describe('property: random action sequences from the initial state', () => {
  it('never escapes the rules', () => {
    fc.assert(
      fc.property(fc.array(stepArb, { maxLength: 30 }), (steps) => {
        let s = initialDossierState;
        for (const step of steps) {
          const input: ActionInput = { reason: step.reason, resultAttached: step.resultAttached };
          const r = applyAction(s, step.action, { roles: step.roles }, input);
          if (isTerminal(s.state))
            expect(r).toEqual({ ok: false, error: 'ACTION_NOT_ALLOWED_IN_STATE' });
          if (!r.ok) continue;
          const a = step.action;
          // The step was allowed: state, role, reason and result were all checked.
          expect(a.from).toContain(s.state);
          expect(step.roles.some((x) => a.roles.includes(x))).toBe(true);
          if (a.requiresReason) expect(step.reason?.trim()).toBeTruthy();
          if (a.requiresResult) expect(s.hasResult || step.resultAttached).toBe(true);
          expect(dossierStates).toContain(r.next.state);
          expect(r.statusCode).toBe(statusCodeOf[r.next.state] as NationalStatusCode);
          if (statusCodeOf[r.next.state] === 10) expect(statusCodeOf[s.state]).toBe(9);
          const second = a.name === 'request_supplement' && s.supplementRequests >= 1;
          expect(r.flags.secondSupplement === true).toBe(second);
          if (a.to === 'previous') expect(r.next.state).toBe(s.previousState);
          if (a.to === 'same') expect(r.next).toEqual({ ...s, outcome: s.outcome });
          s = r.next;
        }
      }),
      { numRuns: 500 },
    );
  });

  it('always succeeds when following allowedActions with a complete input, and can finish', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(), { maxLength: 30 }), (choices) => {
        let s = initialDossierState;
        for (const c of choices) {
          const options = allowedActions(s.state, workflowRoles);
          if (isTerminal(s.state)) expect(options).toEqual([]);
          const a = options[c % Math.max(options.length, 1)];
          if (!a) break;
          const r = applyAction(s, a, { roles: a.roles }, full);
          expect(r.ok).toBe(true);
          if (!r.ok) break;
          if (r.next.state === 'returned') {
            expect(s.state).toBe('finished');
          }
          s = r.next;
        }
      }),
      { numRuns: 300 },
    );
    // Fixed path so the "10 only through 9" property is exercised, not vacuous.
    let s = initialDossierState;
    for (const name of ['accept', 'assign', 'submit_for_signature', 'sign', 'return_result']) {
      const r = applyAction(s, name as never, { roles: workflowRoles }, full);
      expect(r.ok, name).toBe(true);
      if (r.ok) s = r.next;
    }
    expect(statusCodeOf[s.state]).toBe(10);
  });
});
