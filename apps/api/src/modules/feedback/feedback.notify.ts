import type { Db } from '../../db/client';
import type { Clock } from '../../lib/clock';
import { toLocal } from '../calendar/calendar.time';
import { enqueueNotification } from '../notifications/notifications.service';
import type { FeedbackRepository } from './feedback.repository';

/** Roles that hear about a unit's reports (the permission `feedback.handle`). */
export const HANDLING_ROLES = ['specialist', 'unit_leader', 'receiving_officer'] as const;

export interface ResidentContact {
  recipientName: string | null;
  email: string | null;
  phone: string | null;
}

/** E-mail when the resident gave one, else SMS; nothing when neither (anonymous, no contact). */
function residentChannel(c: ResidentContact): { channel: 'email' | 'sms'; to: string } | null {
  if (c.email) return { channel: 'email', to: c.email };
  if (c.phone) return { channel: 'sms', to: c.phone };
  return null;
}

/** A contact typed by hand may be invalid: the report must still be filed, without the message. */
async function tryEnqueue(fn: () => Promise<unknown>): Promise<void> {
  try {
    await fn();
  } catch (error) {
    if ((error as { code?: string }).code !== 'NOTIFICATION_RECIPIENT_INVALID') throw error;
  }
}

export async function notifyReceived(
  trx: Db,
  clock: Clock,
  c: ResidentContact & {
    reportId: string;
    reference: string;
    title: string;
    receivedAt: Date;
    answerBy: Date;
  },
): Promise<void> {
  const target = residentChannel(c);
  if (!target) return;
  await tryEnqueue(() =>
    enqueueNotification(trx, clock, {
      channel: target.channel,
      recipient: target.to,
      template: 'feedback.received',
      payload: {
        ...(c.recipientName ? { recipientName: c.recipientName } : {}),
        feedbackReference: c.reference,
        title: c.title,
        receivedAt: c.receivedAt.toISOString(),
        answerBy: toLocal(c.answerBy).date,
      },
      dedupeKey: `feedback.received:${c.reportId}:${target.channel}`,
    }),
  );
}

export async function notifyResident(
  trx: Db,
  clock: Clock,
  c: ResidentContact & {
    reportId: string;
    eventId: number;
    reference: string;
    title: string;
    unitName: string;
    kind: 'answered' | 'info_requested';
    text: string;
  },
): Promise<void> {
  const target = residentChannel(c);
  if (!target) return;
  const base = {
    ...(c.recipientName ? { recipientName: c.recipientName } : {}),
    feedbackReference: c.reference,
    title: c.title,
    unitName: c.unitName,
  };
  await tryEnqueue(() =>
    c.kind === 'answered'
      ? enqueueNotification(trx, clock, {
          channel: target.channel,
          recipient: target.to,
          template: 'feedback.answered',
          payload: { ...base, answer: c.text },
          dedupeKey: `feedback.answered:${c.eventId}:${target.channel}`,
        })
      : enqueueNotification(trx, clock, {
          channel: target.channel,
          recipient: target.to,
          template: 'feedback.info_requested',
          payload: { ...base, question: c.text },
          dedupeKey: `feedback.info_requested:${c.eventId}:${target.channel}`,
        }),
  );
}

/** Everyone following the report (not the reporter): it was answered, or it closed. */
export async function notifyFollowers(
  trx: Db,
  clock: Clock,
  repository: FeedbackRepository,
  c: {
    reportId: string;
    reporterUserId: string | null;
    eventId: number;
    reference: string;
    title: string;
    unitName: string;
    kind: 'answered' | 'closed';
    answer: string | null;
  },
): Promise<void> {
  for (const follower of await repository.followerContacts(trx, c.reportId, c.reporterUserId)) {
    const target = residentChannel({ recipientName: null, ...follower });
    if (!target) continue;
    await tryEnqueue(() =>
      enqueueNotification(trx, clock, {
        channel: target.channel,
        recipient: target.to,
        template: 'feedback.follower_update',
        payload: {
          feedbackReference: c.reference,
          title: c.title,
          unitName: c.unitName,
          kind: c.kind,
          ...(c.answer ? { answer: c.answer } : {}),
        },
        dedupeKey: `feedback.follower_update:${c.eventId}:${follower.id}`,
      }),
    );
  }
}

/** Officers of the unit (granted there) with an e-mail address. */
async function unitRecipients(trx: Db, repository: FeedbackRepository, unitCode: string) {
  const officers = await repository.unitOfficerEmails(trx, unitCode, HANDLING_ROLES);
  return officers.filter((o): o is { id: string; email: string } => Boolean(o.email));
}

export async function notifyUnitNew(
  trx: Db,
  clock: Clock,
  repository: FeedbackRepository,
  c: {
    reportId: string;
    reference: string;
    title: string;
    categoryName: string;
    unitCode: string;
    unitName: string;
    dueAt: Date;
    escalated: boolean;
  },
): Promise<void> {
  for (const officer of await unitRecipients(trx, repository, c.unitCode)) {
    await tryEnqueue(() =>
      enqueueNotification(trx, clock, {
        channel: 'email',
        recipient: officer.email,
        template: 'feedback.unit_new',
        payload: {
          feedbackReference: c.reference,
          title: c.title,
          categoryName: c.categoryName,
          unitName: c.unitName,
          dueAt: c.dueAt.toISOString(),
          ...(c.escalated ? { escalated: true } : {}),
        },
        dedupeKey: `feedback.unit_new:${c.reportId}:${c.unitCode}:${officer.id}`,
      }),
    );
  }
}

export async function notifyUnitDeadline(
  trx: Db,
  clock: Clock,
  repository: FeedbackRepository,
  c: {
    kind: 'due_soon' | 'overdue';
    reportId: string;
    reference: string;
    title: string;
    unitCode: string;
    unitName: string;
    dueAt: Date;
    escalatedToName?: string | undefined;
  },
): Promise<void> {
  for (const officer of await unitRecipients(trx, repository, c.unitCode)) {
    const base = {
      feedbackReference: c.reference,
      title: c.title,
      unitName: c.unitName,
      dueAt: c.dueAt.toISOString(),
    };
    const key = `${c.reportId}:${c.unitCode}:${c.dueAt.toISOString()}:${officer.id}`;
    await tryEnqueue(() =>
      c.kind === 'due_soon'
        ? enqueueNotification(trx, clock, {
            channel: 'email',
            recipient: officer.email,
            template: 'feedback.unit_due_soon',
            payload: base,
            dedupeKey: `feedback.unit_due_soon:${key}`,
          })
        : enqueueNotification(trx, clock, {
            channel: 'email',
            recipient: officer.email,
            template: 'feedback.unit_overdue',
            payload: {
              ...base,
              ...(c.escalatedToName ? { escalatedToName: c.escalatedToName } : {}),
            },
            dedupeKey: `feedback.unit_overdue:${key}`,
          }),
    );
  }
}
