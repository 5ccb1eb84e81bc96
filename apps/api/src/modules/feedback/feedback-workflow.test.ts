import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  allowedFeedbackActions,
  applyFeedbackAction,
  type FeedbackRole,
  type FeedbackState,
  feedbackActionNames,
  feedbackActions,
  feedbackStates,
  isOpen,
  open311Status,
} from './feedback-workflow';

const roles: FeedbackRole[] = ['officer', 'resident', 'system'];

describe('feedback workflow (as data)', () => {
  it('walks the main path: assigned → in progress → info requested → in progress → resolved → rated (closed)', () => {
    let state: FeedbackState = 'assigned';
    const steps: [string, FeedbackRole, string | undefined, FeedbackState][] = [
      ['start', 'officer', undefined, 'in_progress'],
      ['request_info', 'officer', 'Số nhà cụ thể?', 'info_requested'],
      ['provide_info', 'resident', 'Số 12', 'in_progress'],
      ['resolve', 'officer', 'Đã vá ổ gà', 'resolved'],
      ['rate', 'resident', undefined, 'closed'],
    ];
    for (const [action, role, reason, expected] of steps) {
      const result = applyFeedbackAction(state, action, role, reason);
      expect(result.ok, `${action} from ${state}`).toBe(true);
      if (result.ok) state = result.to;
      expect(state).toBe(expected);
    }
  });

  it('refuses wrong roles, wrong states and missing reasons', () => {
    expect(applyFeedbackAction('assigned', 'resolve', 'resident', 'x')).toEqual({
      ok: false,
      reason: 'wrong_role',
    });
    expect(applyFeedbackAction('closed', 'resolve', 'officer', 'x')).toEqual({
      ok: false,
      reason: 'wrong_state',
    });
    expect(applyFeedbackAction('in_progress', 'reject', 'officer', '  ')).toEqual({
      ok: false,
      reason: 'reason_required',
    });
    expect(applyFeedbackAction('in_progress', 'nope', 'officer')).toEqual({
      ok: false,
      reason: 'unknown_action',
    });
  });

  it('keeps internal notes off the public timeline and reopening with the resident', () => {
    expect(feedbackActions.find((a) => a.name === 'internal_note')?.public).toBe(false);
    expect(allowedFeedbackActions('resolved', 'resident').sort()).toEqual(['rate', 'reopen']);
    expect(allowedFeedbackActions('resolved', 'system')).toEqual(['auto_close']);
    expect(open311Status('info_requested')).toBe('open');
    expect(open311Status('resolved')).toBe('closed');
  });

  const stepArb = fc.record({
    action: fc.constantFrom(...feedbackActionNames, 'unknown'),
    role: fc.constantFrom(...roles),
    reason: fc.option(fc.constantFrom('', '  ', 'Lý do cụ thể'), { nil: undefined }),
  });

  it('property: any sequence stays within the states, never leaves closed, and moves only as declared', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...feedbackStates),
        fc.array(stepArb, { maxLength: 40 }),
        (start, steps) => {
          let state: FeedbackState = start;
          for (const step of steps) {
            const result = applyFeedbackAction(state, step.action, step.role, step.reason);
            if (!result.ok) continue;
            const action = feedbackActions.find((a) => a.name === step.action)!;
            expect((action.roles as readonly string[]).includes(step.role)).toBe(true);
            expect((action.from as readonly string[]).includes(state)).toBe(true);
            if (action.requiresReason) expect(step.reason?.trim()).toBeTruthy();
            expect(feedbackStates).toContain(result.to);
            expect(result.to).toBe(action.to === 'same' ? state : action.to);
            // Nothing but notes and moderation happens to a closed report.
            if (state === 'closed') {
              expect(['internal_note', 'approve_moderation', 'hide']).toContain(step.action);
            }
            state = result.to;
          }
        },
      ),
    );
  });

  it('property: every open state can still reach closed', () => {
    const reachable = (from: FeedbackState): Set<FeedbackState> => {
      const seen = new Set<FeedbackState>([from]);
      const queue = [from];
      while (queue.length) {
        const s = queue.shift()!;
        for (const role of roles) {
          for (const name of allowedFeedbackActions(s, role)) {
            const r = applyFeedbackAction(s, name, role, 'lý do');
            if (r.ok && !seen.has(r.to)) {
              seen.add(r.to);
              queue.push(r.to);
            }
          }
        }
      }
      return seen;
    };
    fc.assert(
      fc.property(fc.constantFrom(...feedbackStates.filter(isOpen)), (state) => {
        expect(reachable(state).has('closed')).toBe(true);
      }),
    );
  });
});
