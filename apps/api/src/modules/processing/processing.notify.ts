import type { Db } from '../../db/client';
import type { Clock } from '../../lib/clock';
import { toLocal } from '../calendar/calendar.time';
import { statusLabel } from '../dossiers/dossiers.text';
import { enqueueNotification, isReachable } from '../notifications/notifications.service';
import type { TemplateName } from '../notifications/notifications.templates';
import type { WorkflowAction } from '../workflow/dossier-workflow';
import type { DossierRow } from './processing.repository';

export interface NotifyContext {
  action: WorkflowAction;
  dossier: DossierRow;
  eventId: number;
  procedureName: string;
  receivingUnitName: string;
  reason: string | null;
  documents: string[];
  amountVnd: number | null;
}

type Message = { template: TemplateName; payload: Record<string, unknown> };

/** The message a public action sends the resident; internal steps send none. */
function messageFor(c: NotifyContext): Message | null {
  const d = c.dossier;
  const reference = d.code ?? d.reference;
  const base = { recipientName: d.applicant_name, procedureName: c.procedureName };
  switch (c.action.name) {
    case 'guide_to_complete':
    case 'request_supplement':
      return {
        template: 'dossier.supplement_requested',
        payload: {
          ...base,
          dossierCode: reference,
          items: c.documents.length ? c.documents : [c.reason ?? 'Theo hướng dẫn của cán bộ'],
          ...(c.reason ? { note: c.reason } : {}),
        },
      };
    case 'refuse_to_accept':
    case 'refuse_on_merits':
      return {
        template: 'dossier.refused',
        payload: {
          ...base,
          reference,
          unitName: c.receivingUnitName,
          stage: c.action.name === 'refuse_to_accept' ? 'reception' : 'processing',
          reason: c.reason ?? '',
        },
      };
    case 'notify_financial_obligation':
      return {
        template: 'dossier.financial_obligation',
        payload: {
          ...base,
          dossierCode: reference,
          description: c.reason || 'Nghĩa vụ tài chính theo quy định của thủ tục',
          amountVnd: c.amountVnd,
        },
      };
    case 'sign':
    case 'mark_finished':
      return {
        template: 'dossier.result_ready',
        payload: {
          ...base,
          dossierCode: reference,
          // Online dossiers get the electronic result online; others collect it at the desk.
          delivery: d.channel === 2 ? 'online' : 'in_person',
          ...(d.channel === 2 ? {} : { pickupPlace: c.receivingUnitName }),
        },
      };
    default:
      if (!c.action.public) return null;
      return {
        template: 'dossier.status_changed',
        payload: {
          ...base,
          reference,
          event: c.action.label.vi,
          statusLabel: statusLabel(d.status_code),
          ...(c.reason ? { note: c.reason } : {}),
          ...(c.action.name === 'apologise' && d.apology_due_at
            ? { newDueDate: toLocal(new Date(d.apology_due_at)).date }
            : {}),
        },
      };
  }
}

/** Queues the resident's message (e-mail and SMS when known) in the action's transaction. */
export async function notifyResident(trx: Db, clock: Clock, c: NotifyContext): Promise<void> {
  const message = messageFor(c);
  if (!message) return;
  const contacts: ['email' | 'sms', string | null][] = [
    ['email', c.dossier.applicant_email],
    ['sms', c.dossier.applicant_phone],
  ];
  for (const [channel, recipient] of contacts) {
    if (!isReachable(channel, recipient)) continue;
    await enqueueNotification(trx, clock, {
      channel,
      recipient,
      template: message.template,
      payload: message.payload as never,
      dedupeKey: `dossier.${c.action.name}:${c.dossier.id}:${c.eventId}:${channel}`,
    });
  }
}
