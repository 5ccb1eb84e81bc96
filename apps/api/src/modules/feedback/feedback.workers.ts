import type { Db } from '../../db/client';
import type { Clock } from '../../lib/clock';
import { PeriodicRunner } from '../../lib/periodic';
import type { CalendarService } from '../calendar/calendar.service';
import type { UnitsService } from '../units/units.service';
import { type FeedbackActions, overdueAtClose } from './feedback.actions';
import { dueSoonUntil } from './feedback.deadline';
import { notifyUnitDeadline } from './feedback.notify';
import type { FeedbackRepository } from './feedback.repository';
import { DEFAULT_DEPARTMENT_CODE, PEOPLES_COMMITTEE_CODE } from './feedback.seed-data';
import type { FeedbackReportRow } from './feedback.tables';
import { REOPEN_WINDOW_DAYS } from './feedback-workflow';

/** Working days the next level gets after an escalation (a shorter, urgent limit). */
export const ESCALATION_WORKING_DAYS = 5;
const DAY_MS = 86_400_000;

export interface FeedbackWorkerDeps {
  db: Db;
  clock: Clock;
  repository: FeedbackRepository;
  units: UnitsService;
  calendar: CalendarService;
  actions: FeedbackActions;
}

/**
 * Where an overdue report goes next: a commune's (or external body's) report to the department
 * of its category (the main category's when a sub-category has none), else the province's
 * default department; a department's to the Provincial People's Committee; the Committee's
 * nowhere (null).
 */
export async function escalationTarget(
  row: FeedbackReportRow,
  deps: Pick<FeedbackWorkerDeps, 'repository' | 'units'>,
): Promise<string | null> {
  const current = row.assigned_unit_code;
  if (current === PEOPLES_COMMITTEE_CODE || row.escalation_level >= 2) return null;
  const unit = current ? await deps.units.find(current) : undefined;
  const atDepartment = unit?.kind === 'department' || unit?.kind === 'province';
  if (row.escalation_level >= 1 || atDepartment) return PEOPLES_COMMITTEE_CODE;
  const category = await deps.repository.findCategory(row.category_code);
  const parent = category?.parent_code
    ? await deps.repository.findCategory(category.parent_code)
    : undefined;
  return category?.department_code ?? parent?.department_code ?? DEFAULT_DEPARTMENT_CODE;
}

/** Escalates every open report whose deadline has passed; returns how many moved. */
export async function runEscalation(deps: FeedbackWorkerDeps): Promise<number> {
  const now = deps.clock.now();
  let moved = 0;
  for (const row of await deps.repository.overdueOpen(now)) {
    const target = await escalationTarget(row, deps);
    if (!target) continue;
    const due = (await deps.calendar.due(now, ESCALATION_WORKING_DAYS, 'working_days')).due;
    const from = row.assigned_unit_code;
    const fromName = (await deps.units.find(from ?? ''))?.full_name ?? from ?? '';
    const toName = (await deps.units.find(target))?.full_name ?? target;
    await deps.actions.applySystem(row, 'escalate', {
      change: {
        assigned_unit_code: target,
        assigned_officer_id: null,
        escalation_level: row.escalation_level + 1,
        due_at: due,
      },
      note: `Quá hạn tại ${fromName}, chuyển ${toName}`,
      data: { fromUnitCode: from, toUnitCode: target, previousDueAt: row.due_at?.toISOString() },
      unitCode: target,
      newUnit: { code: target, escalated: true },
      extra: async (trx) => {
        if (!from || !row.due_at) return;
        await notifyUnitDeadline(trx, deps.clock, deps.repository, {
          kind: 'overdue',
          reportId: row.id,
          reference: row.reference,
          title: row.description.slice(0, 80),
          unitCode: from,
          unitName: fromName,
          dueAt: row.due_at,
          escalatedToName: toName,
        });
      },
    });
    moved += 1;
  }
  return moved;
}

/** Closes answered reports the resident neither rated nor reopened within 7 days. */
export async function runAutoClose(deps: FeedbackWorkerDeps): Promise<number> {
  const now = deps.clock.now();
  const before = new Date(now.getTime() - REOPEN_WINDOW_DAYS * DAY_MS);
  let closed = 0;
  for (const row of await deps.repository.answeredBefore(before)) {
    await deps.actions.applySystem(row, 'auto_close', {
      change: { closed_at: now, overdue_at_close: overdueAtClose(row) },
      note: null,
      data: {},
      unitCode: row.assigned_unit_code,
    });
    closed += 1;
  }
  return closed;
}

/** Tells the unit's officers about deadlines due soon (once per report and deadline). */
export async function runDueSoon(deps: FeedbackWorkerDeps): Promise<number> {
  const now = deps.clock.now();
  const until = await dueSoonUntil(deps.calendar, now);
  // dueBetween's upper bound is exclusive; a deadline at exactly `until` is due soon too.
  const rows = await deps.repository.dueBetween(now, new Date(until.getTime() + 1));
  for (const row of rows) {
    if (!row.assigned_unit_code || !row.due_at) continue;
    const unitName =
      (await deps.units.find(row.assigned_unit_code))?.full_name ?? row.assigned_unit_code;
    await deps.db.transaction().execute((trx) =>
      notifyUnitDeadline(trx, deps.clock, deps.repository, {
        kind: 'due_soon',
        reportId: row.id,
        reference: row.reference,
        title: row.description.slice(0, 80),
        unitCode: row.assigned_unit_code!,
        unitName,
        dueAt: row.due_at!,
      }),
    );
  }
  return rows.length;
}

/** Runs the three passes every `intervalMs`; started from server.ts like the outbox worker. */
export class FeedbackWorker {
  private readonly runner: PeriodicRunner;

  constructor(
    private readonly deps: FeedbackWorkerDeps & {
      intervalMs: number;
      logger: { error(obj: unknown, msg?: string): void };
    },
  ) {
    this.runner = new PeriodicRunner({
      name: 'feedback worker',
      intervalMs: deps.intervalMs,
      pass: () => this.runOnce(),
      logger: deps.logger,
    });
  }

  async runOnce(): Promise<{ escalated: number; closed: number; dueSoon: number }> {
    const escalated = await runEscalation(this.deps);
    const closed = await runAutoClose(this.deps);
    const dueSoon = await runDueSoon(this.deps);
    return { escalated, closed, dueSoon };
  }

  start(): void {
    this.runner.start();
  }

  stop(): Promise<void> {
    return this.runner.stop();
  }
}
