import { randomUUID } from 'node:crypto';
import type { Db } from '../../db/client';
import type { Clock } from '../../lib/clock';
import { RecipientInvalidError } from './notifications.errors';
import { parsePayload } from './notifications.render';
import { OutboxRepository } from './notifications.repository';
import type { NotificationChannel } from './notifications.tables';
import type { TemplateName, TemplatePayload } from './notifications.templates';

export interface EnqueueNotification<N extends TemplateName> {
  channel: NotificationChannel;
  /** E-mail address, or a Vietnamese mobile number (0xxxxxxxxx or +84xxxxxxxxx) for SMS/Zalo. */
  recipient: string;
  template: N;
  payload: TemplatePayload<N>;
  /**
   * Stable for one business fact, e.g. `dossier.accepted:<dossier id>:email`: a retried action
   * produces the same key, so the message is queued once.
   */
  dedupeKey: string;
}

export interface EnqueueResult {
  /** The outbox id, or null when a message with this dedupe key was already queued. */
  id: string | null;
  queued: boolean;
}

// No whitespace (so no header injection), one @, a dot in the domain; deliberately simple.
const EMAIL = /^[^\s@<>()[\]",;:\\]+@[^\s@<>()[\]",;:\\]+\.[^\s@<>()[\]",;:\\]+$/;
// Vietnamese mobile numbers start with 03, 05, 07, 08 or 09 and have ten digits.
const VN_MOBILE = /^(?:\+?84|0)([35789]\d{8})$/;

/** The stored form of a recipient: e-mail lower-cased, phones as +84… (one form per person). */
export function normaliseRecipient(channel: NotificationChannel, recipient: string): string {
  const value = recipient.trim();
  if (channel === 'email') {
    if (value.length > 254 || !EMAIL.test(value)) throw new RecipientInvalidError(channel);
    return value.toLowerCase();
  }
  const match = VN_MOBILE.exec(value.replace(/[\s.-]/g, ''));
  if (!match) throw new RecipientInvalidError(channel);
  return `+84${match[1]}`;
}

/**
 * Whether a contact we hold (from the identity provider or typed at a counter) can be messaged:
 * a malformed one must not block the business action, it is simply skipped.
 */
export function isReachable(
  channel: NotificationChannel,
  recipient: string | null | undefined,
): recipient is string {
  if (!recipient) return false;
  try {
    normaliseRecipient(channel, recipient);
    return true;
  } catch {
    return false;
  }
}

/**
 * Queues a notification. Call it INSIDE the business action's transaction, with the change, its
 * event and its audit row: the message is sent only if they commit, and never without them.
 * The payload is checked against the template now, so a wrong call fails the action instead of
 * leaving an unsendable message behind. A duplicate dedupe key is a no-op.
 */
export async function enqueueNotification<N extends TemplateName>(
  trx: Db,
  clock: Clock,
  input: EnqueueNotification<N>,
): Promise<EnqueueResult> {
  const payload = parsePayload(input.template, input.payload);
  const recipient = normaliseRecipient(input.channel, input.recipient);
  const id = await new OutboxRepository(trx).insert({
    id: randomUUID(),
    channel: input.channel,
    recipient,
    template: input.template,
    payload,
    dedupeKey: input.dedupeKey,
    now: clock.now(),
  });
  return { id, queued: id !== null };
}

/** Withdraws a queued message that no worker has picked up yet (e.g. the action was undone). */
export async function cancelNotification(trx: Db, dedupeKey: string): Promise<boolean> {
  return new OutboxRepository(trx).cancelPending(dedupeKey);
}
