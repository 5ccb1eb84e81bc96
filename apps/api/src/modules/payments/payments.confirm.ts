import { randomUUID } from 'node:crypto';
import { type PaymentStatus, PaymentWebhook, type PaymentWebhookResult } from '@cqs/shared';
import type { Db } from '../../db/client';
import type { SignedInActor } from '../../http/actor';
import { AppError } from '../../http/errors';
import type { Clock } from '../../lib/clock';
import { appendAudit } from '../audit/audit.service';
import { UsersRepository } from '../identity/users.repository';
import { enqueueNotification, isReachable } from '../notifications/notifications.service';
import { type DossierEventSink, recordDossierEvent } from '../processing/processing.events';
import { PaymentsRepository } from './payments.repository';
import { statusOf } from './payments.service';
import { signWebhook, verifyWebhookSignature } from './payments.signature';
import type { PaymentRow } from './payments.tables';

export interface ConfirmDeps {
  db: Db;
  clock: Clock;
  /** Null: nothing can be verified, so every confirmation is refused. */
  webhookSecret: string | null;
  /** Fed with the payment event in its transaction (national-portal sync). */
  sinks?: readonly DossierEventSink[];
}

function vietnamYear(at: Date): number {
  return Number(
    new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric' }).format(at),
  );
}

function result(row: PaymentRow): PaymentWebhookResult {
  return {
    paymentId: row.id,
    reference: row.reference,
    state: row.state,
    receiptNo: row.receipt_no,
    paidAt: row.paid_at?.toISOString() ?? null,
  };
}

/**
 * The payment gateway's side: a signed confirmation that a transfer quoting a reference arrived.
 * One transaction marks the intent paid, numbers the receipt, marks the dossier paid when the
 * draft was already submitted, writes the audit row and queues the receipt to the resident. The
 * gateway retries until it gets a 2xx, so the same transaction id answers the same result again.
 */
export class PaymentConfirmation {
  constructor(private readonly deps: ConfirmDeps) {}

  /** Throws PAYMENT_SIGNATURE_INVALID unless the header signs exactly these bytes, recently. */
  assertSigned(rawBody: string, signatureHeader: unknown): void {
    if (
      !verifyWebhookSignature(
        this.deps.webhookSecret,
        rawBody,
        signatureHeader,
        this.deps.clock.now(),
      )
    )
      throw new AppError('PAYMENT_SIGNATURE_INVALID');
  }

  /** The whole webhook path for a raw request: signature, then body, then confirmation. */
  async receive(
    rawBody: string,
    signatureHeader: unknown,
    requestId: string,
  ): Promise<PaymentWebhookResult> {
    this.assertSigned(rawBody, signatureHeader);
    let parsed: unknown;
    try {
      parsed = JSON.parse(rawBody);
    } catch {
      throw new AppError('MALFORMED_JSON');
    }
    const body = PaymentWebhook.safeParse(parsed);
    if (!body.success) throw new AppError('VALIDATION_FAILED');
    return this.confirm(body.data, requestId);
  }

  /** Call only after assertSigned on the raw bytes this body was parsed from. */
  async confirm(body: PaymentWebhook, requestId: string): Promise<PaymentWebhookResult> {
    const { db, clock } = this.deps;
    return db.transaction().execute(async (trx) => {
      const repository = new PaymentsRepository(trx);
      const replay = await repository.findByProviderTxn(body.providerTxnId);
      if (replay) {
        if (replay.reference !== body.reference) throw new AppError('PAYMENT_ALREADY_PAID');
        return result(replay);
      }
      const payment = await repository.lockByReference(body.reference);
      if (!payment) throw new AppError('PAYMENT_NOT_FOUND');
      // A concurrent duplicate waited on the row lock; the first one's result is the answer.
      if (payment.state === 'paid') {
        if (payment.provider_txn_id === body.providerTxnId) return result(payment);
        throw new AppError('PAYMENT_ALREADY_PAID');
      }
      const paidAt = new Date(body.paidAt);
      if (payment.state !== 'pending' || paidAt.getTime() > payment.expires_at.getTime())
        throw new AppError('PAYMENT_NOT_PAYABLE');
      if (body.amountVnd !== payment.amount_vnd) throw new AppError('PAYMENT_AMOUNT_MISMATCH');

      // Locked like submission locks it, so a dossier created meanwhile is seen here, or this
      // payment is seen by the submission.
      const draft = payment.draft_id ? await repository.lockDraft(payment.draft_id) : undefined;
      const dossierId = payment.dossier_id ?? draft?.submitted_dossier_id ?? null;
      const receiptNo = await repository.nextReceiptNo(vietnamYear(clock.now()));
      await repository.markPaid(payment.id, {
        providerTxnId: body.providerTxnId,
        paidAt,
        receiptNo,
        dossierId,
      });
      const now = clock.now();
      const dossier = dossierId
        ? await trx
            .updateTable('dossiers')
            .set((eb) => ({
              payment_state: 'paid',
              updated_at: now,
              row_version: eb('row_version', '+', 1),
            }))
            .where('id', '=', dossierId)
            .returningAll()
            .executeTakeFirst()
        : undefined;
      if (dossier && dossierId) {
        // Public: the resident sees the payment on the dossier's timeline and the tracking page;
        // the national portal learns that the fee was paid online.
        await recordDossierEvent(
          trx,
          clock,
          this.deps.sinks ?? [],
          {
            dossierId,
            type: 'payment_received',
            statusCode: dossier.status_code,
            at: now,
            actorId: null,
            actorKind: 'system',
            unitCode: dossier.receiving_unit_code,
            public: true,
            note: `Đã nhận thanh toán ${payment.amount_vnd.toLocaleString('vi-VN')} đồng, biên lai ${receiptNo}`,
            data: { paymentId: payment.id, receiptNo },
          },
          dossier,
        );
      }
      await appendAudit(trx, clock, {
        actor: { kind: 'anonymous' },
        action: 'payment.confirm',
        unitCode: payment.unit_code,
        objectType: 'payment',
        objectId: payment.id,
        requestId,
        details: {
          reference: payment.reference,
          amountVnd: payment.amount_vnd,
          providerTxnId: body.providerTxnId,
          paidAt: paidAt.toISOString(),
          receiptNo,
          dossierId,
        },
      });
      await this.queueReceipt(trx, payment, { receiptNo, paidAt, dossier });
      const paid = await repository.findById(payment.id);
      return result(paid!);
    });
  }

  /**
   * The bank's side of a transfer, for demo mode and tests: builds the gateway's signed
   * confirmation and passes it through the same verification as a real webhook call.
   */
  async simulatePay(
    actor: SignedInActor,
    payment: PaymentRow,
    requestId: string,
  ): Promise<PaymentStatus> {
    const { clock, webhookSecret } = this.deps;
    if (!webhookSecret) throw new AppError('PAYMENT_SIGNATURE_INVALID');
    if (payment.user_id !== actor.userId) throw new AppError('PAYMENT_NOT_FOUND');
    const now = clock.now();
    if (payment.state === 'pending') {
      const raw = JSON.stringify({
        reference: payment.reference,
        amountVnd: payment.amount_vnd,
        providerTxnId: `SIM-${randomUUID()}`,
        paidAt: now.toISOString(),
      });
      await this.receive(raw, signWebhook(webhookSecret, raw, now), requestId);
    }
    const row = await new PaymentsRepository(this.deps.db).findById(payment.id);
    return statusOf(row!, clock.now());
  }

  private async queueReceipt(
    trx: Db,
    payment: PaymentRow,
    facts: {
      receiptNo: string;
      paidAt: Date;
      dossier: { reference: string; code: string | null } | undefined;
    },
  ): Promise<void> {
    const user = await new UsersRepository(trx).findById(payment.user_id);
    if (!user) return;
    const procedure = await trx
      .selectFrom('procedures')
      .select('name')
      .where('code', '=', payment.procedure_code)
      .executeTakeFirst();
    const payload = {
      recipientName: user.full_name,
      // Before submission there is no dossier yet: the payment reference identifies the matter.
      dossierCode: facts.dossier
        ? (facts.dossier.code ?? facts.dossier.reference)
        : payment.reference,
      description: `Phí, lệ phí nộp trực tuyến: ${procedure?.name ?? payment.procedure_code}`,
      amountVnd: payment.amount_vnd,
      paidAt: facts.paidAt.toISOString(),
      receiptNumber: facts.receiptNo,
    };
    for (const [channel, recipient] of [
      ['email', user.email],
      ['sms', user.phone],
    ] as const) {
      if (!isReachable(channel, recipient)) continue;
      await enqueueNotification(trx, this.deps.clock, {
        channel,
        recipient,
        template: 'payment.receipt',
        payload,
        dedupeKey: `payment.receipt:${payment.id}:${channel}`,
      });
    }
  }
}
