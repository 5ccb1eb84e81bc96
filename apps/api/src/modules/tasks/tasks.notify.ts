import { permissions } from '@cqs/shared';
import type { Db } from '../../db/client';
import type { Clock } from '../../lib/clock';
import { enqueueNotification } from '../notifications/notifications.service';
import type { TemplateName, TemplatePayload } from '../notifications/notifications.templates';
import type { TasksRepository } from './tasks.repository';

/** Who hears about a unit's assignments: the roles that report on it, granted at that unit. */
export const ASSIGNEE_ROLES = permissions['tasks.report'];
/** Who hears about an escalation: the leaders of the level above. */
export const LEADER_ROLES = permissions['tasks.assign'];

export type Recipient = { id: string; email: string };

/**
 * Queues one e-mail per recipient inside the caller's transaction. `key` names the business fact
 * (e.g. the event id): with the recipient it forms the dedupe key, so a retried pass queues nothing
 * twice. Several roles of one person give one message.
 */
export async function notifyAll<N extends TemplateName>(
  trx: Db,
  clock: Clock,
  recipients: Recipient[],
  template: N,
  payload: TemplatePayload<N>,
  key: string,
): Promise<number> {
  const seen = new Set<string>();
  for (const r of recipients) {
    if (seen.has(r.id)) continue;
    seen.add(r.id);
    await enqueueNotification(trx, clock, {
      channel: 'email',
      recipient: r.email,
      template,
      payload,
      dedupeKey: `${template}:${key}:${r.id}`,
    });
  }
  return seen.size;
}

export async function assigneeRecipients(
  trx: Db,
  repository: TasksRepository,
  unitCode: string,
): Promise<Recipient[]> {
  return repository.officersAt(trx, unitCode, ASSIGNEE_ROLES);
}

/**
 * The assigner side: the officer who created the task; when that account has no e-mail (or the
 * task was seeded), the leaders of the assigning unit.
 */
export async function assignerRecipients(
  trx: Db,
  repository: TasksRepository,
  task: { created_by: string | null; from_unit_code: string },
): Promise<Recipient[]> {
  const creator = await repository.officerEmail(trx, task.created_by);
  if (creator) return [creator];
  return repository.officersAt(trx, task.from_unit_code, LEADER_ROLES);
}
