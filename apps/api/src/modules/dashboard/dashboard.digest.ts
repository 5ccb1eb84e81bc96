import type { DashboardAlert } from '@cqs/shared';
import type { Db } from '../../db/client';
import type { Clock } from '../../lib/clock';
import { PeriodicRunner } from '../../lib/periodic';
import type { CalendarService } from '../calendar/calendar.service';
import { toLocal } from '../calendar/calendar.time';
import { enqueueNotification } from '../notifications/notifications.service';
import type { AlertsService } from './dashboard.alerts';
import { type DigestRecipient, DigestRepository } from './dashboard.digest.repository';
import type { DigestCounts } from './dashboard.digest.template';
import { DashboardRepository } from './dashboard.repository';

/** Who gets the digest: the leaders and the steering committee's dashboard viewers. */
export const DIGEST_ROLES = ['unit_leader', 'dashboard_viewer'] as const;
const MAX_LINES = 20;
const LEVEL_ORDER = { overdue: 0, due_soon: 1, below_threshold: 2 } as const;

export interface DigestDeps {
  db: Db;
  clock: Clock;
  calendar: CalendarService;
  alerts: AlertsService;
  /** The Vietnam hour (0–23) from which the day's digest goes out. */
  hour: number;
}

export type DigestOutcome =
  | { ran: false; reason: 'before_hour' | 'day_off' | 'done' }
  | { ran: true; day: string; recipients: number; queued: number };

/**
 * Once per Vietnam working day, from `hour` on: one e-mail per leader (unit_leader or
 * dashboard_viewer with an e-mail) summarising the alerts of the units they oversee, queued
 * through the outbox. Leaders with nothing to report get no e-mail. Idempotent: each message's
 * dedupe key is `dashboard.digest:<day>:<user>`, and a finished day is marked, so a second pass,
 * a restart or a second API process sends nothing twice.
 */
export async function runDigest(deps: DigestDeps): Promise<DigestOutcome> {
  const { db, clock, calendar, alerts } = deps;
  const repo = new DigestRepository(db);
  const now = clock.now();
  const { date, ms } = toLocal(now);
  if (ms < deps.hour * 3_600_000) return { ran: false, reason: 'before_hour' };
  // Alerts are counted in working days; on days off nobody is at the office to act on them.
  if (!(await calendar.isWorkingDay(date))) return { ran: false, reason: 'day_off' };
  if (await repo.dayDone(date)) return { ran: false, reason: 'done' };

  const dashboardRepo = new DashboardRepository(db);
  const subtree = new Map<string, string[]>();
  const under = async (code: string) => {
    let units = subtree.get(code);
    if (!units) {
      units = await dashboardRepo.unitsUnder(code);
      subtree.set(code, units);
    }
    return units;
  };
  const recipients = await repo.recipients(DIGEST_ROLES);
  let queued = 0;
  for (const r of recipients) {
    const tops = await topUnits(r, under);
    const items: DashboardAlert[] = [];
    for (const unit of tops) items.push(...(await alerts.forScope(unit, await under(unit))).items);
    if (items.length === 0) continue;
    items.sort((a, b) => LEVEL_ORDER[a.level] - LEVEL_ORDER[b.level] || b.count - a.count);
    const names = await dashboardRepo.unitNames(tops);
    const payload = {
      recipientName: r.fullName,
      date,
      scopeName: tops.map((u) => names.get(u) ?? u).join(', '),
      counts: countsOf(items),
      lines: items.slice(0, MAX_LINES).map(lineOf),
      more: Math.max(0, items.length - MAX_LINES),
    };
    const result = await db.transaction().execute((trx) =>
      enqueueNotification(trx, clock, {
        channel: 'email',
        recipient: r.email,
        template: 'dashboard.digest',
        payload,
        dedupeKey: `dashboard.digest:${date}:${r.id}`,
      }),
    );
    if (result.queued) queued += 1;
  }
  await repo.markDone(date, recipients.length, queued, clock.now());
  return { ran: true, day: date, recipients: recipients.length, queued };
}

/** The officer's digest units without those already inside another of them. */
async function topUnits(
  r: DigestRecipient,
  under: (code: string) => Promise<string[]>,
): Promise<string[]> {
  const tops: string[] = [];
  for (const code of r.unitCodes) {
    let inside = false;
    for (const other of r.unitCodes) {
      if (other !== code && (await under(other)).includes(code)) inside = true;
    }
    if (!inside) tops.push(code);
  }
  return tops;
}

function countsOf(items: DashboardAlert[]): DigestCounts {
  const sum = (kind: DashboardAlert['kind'], level: DashboardAlert['level']) =>
    items.filter((i) => i.kind === kind && i.level === level).reduce((s, i) => s + i.count, 0);
  return {
    dossierOverdue: sum('dossier', 'overdue'),
    dossierDueSoon: sum('dossier', 'due_soon'),
    feedbackOverdue: sum('feedback', 'overdue'),
    feedbackDueSoon: sum('feedback', 'due_soon'),
    taskOverdue: sum('task', 'overdue'),
    taskDueSoon: sum('task', 'due_soon'),
    indicatorsBelow: items.filter((i) => i.kind === 'indicator').length,
  };
}

/** "Phường Tân An: 3 hồ sơ quá hạn (H15…-0001, H15…-0002, …)" */
function lineOf(item: DashboardAlert): string {
  const refs = item.examples.slice(0, 3).map((e) => e.ref);
  const more = item.count > refs.length && refs.length ? ', …' : '';
  return `${item.unit.name}: ${item.label}${refs.length ? ` (${refs.join(', ')}${more})` : ''}`;
}

/** Checks every `intervalMs` whether today's digest is due; started by server.ts. */
export class DigestWorker {
  private readonly runner: PeriodicRunner;

  constructor(
    deps: DigestDeps & { intervalMs: number; logger: { error(obj: unknown, msg?: string): void } },
  ) {
    this.runner = new PeriodicRunner({
      name: 'dashboard digest',
      intervalMs: deps.intervalMs,
      pass: () => runDigest(deps),
      logger: deps.logger,
    });
  }

  start(): void {
    this.runner.start();
  }

  stop(): Promise<void> {
    return this.runner.stop();
  }
}
