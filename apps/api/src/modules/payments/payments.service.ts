import { randomInt, randomUUID } from 'node:crypto';
import type { PaymentReceipt, PaymentStatus, PaymentView } from '@cqs/shared';
import QRCode from 'qrcode';
import type { Db } from '../../db/client';
import type { SignedInActor } from '../../http/actor';
import { AppError } from '../../http/errors';
import type { Clock } from '../../lib/clock';
import { maskCitizenId } from '../../lib/personal-data';
import { appendAudit } from '../audit/audit.service';
import type { CatalogueService } from '../catalogue/catalogue.service';
import { DossiersRepository } from '../dossiers/dossiers.repository';
import { assertSubmittableOnline } from '../dossiers/drafts.service';
import { findStoredAnswer, requestHash, runIdempotent } from '../idempotency/idempotency.service';
import { UsersRepository } from '../identity/users.repository';
import type { UnitsService } from '../units/units.service';
import { PaymentsRepository } from './payments.repository';
import type { PaymentRow } from './payments.tables';
import { buildVietQrPayload } from './payments.vietqr';
import { vndInWords } from './payments.words';

export interface PaymentsDeps {
  db: Db;
  clock: Clock;
  catalogue: CatalogueService;
  units: UnitsService;
  /** Demo accounts receive no money: production must never show one as a place to pay. */
  allowDemoAccounts: boolean;
  /** How long a payment code stays valid. */
  intentTtlMs?: number;
}

// No 0/O, 1/I/L: the reference is typed into a banking app when a resident cannot scan.
const REFERENCE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
const DEFAULT_TTL_MS = 24 * 3_600_000;

export function newPaymentReference(): string {
  let tail = '';
  for (let i = 0; i < 10; i++) tail += REFERENCE_ALPHABET[randomInt(REFERENCE_ALPHABET.length)];
  return `CQS${tail}`;
}

/** A pending intent past its expiry reads as expired before any job has marked it. */
export function effectiveState(row: PaymentRow, now: Date): PaymentRow['state'] {
  return row.state === 'pending' && row.expires_at.getTime() <= now.getTime()
    ? 'expired'
    : row.state;
}

export function statusOf(row: PaymentRow, now: Date): PaymentStatus {
  return {
    paymentId: row.id,
    reference: row.reference,
    amountVnd: row.amount_vnd,
    state: effectiveState(row, now),
    expiresAt: row.expires_at.toISOString(),
    paidAt: row.paid_at?.toISOString() ?? null,
    receiptNo: row.receipt_no,
    dossierId: row.dossier_id,
  };
}

interface Due {
  draftId: string;
  dossierId: string | null;
  procedureCode: string;
  procedureVersion: number;
  amountVnd: number;
  unitCode: string;
  unitName: string;
  account: { bank_bin: string; account_number: string; account_name: string; is_demo: boolean };
}

/**
 * Payment intents for the online fee of a draft (or of the dossier it became), the resident's
 * reads of them, and receipts. Confirmation by the gateway lives in payments.confirm.ts.
 */
export class PaymentsService {
  private readonly repository: PaymentsRepository;

  constructor(private readonly deps: PaymentsDeps) {
    this.repository = new PaymentsRepository(deps.db);
  }

  /** Creates the intent for a draft's online fee, or returns the live one (one per draft). */
  async createForDraft(
    actor: SignedInActor,
    draftId: string,
    idempotencyKey: string | null,
    requestId: string,
  ): Promise<{ statusCode: number; body: PaymentView; replayed: boolean }> {
    const { db, clock } = this.deps;
    const id = idempotencyKey
      ? {
          scope: actor.userId,
          key: idempotencyKey,
          requestHash: requestHash('POST', `/api/drafts/${draftId}/payment`, {}),
        }
      : null;
    if (id) {
      const stored = await findStoredAnswer<PaymentView>(db, id);
      if (stored) return stored;
    }
    // Reads through the root handle happen before the transaction: on PGlite it holds the only
    // connection.
    const due = await this.due(actor, draftId);
    const work = async (trx: Db) => this.write(trx, actor, due, requestId);
    if (id) return runIdempotent(db, clock, id, work);
    return { ...(await db.transaction().execute(work)), replayed: false };
  }

  async status(actor: SignedInActor, paymentId: string): Promise<PaymentStatus> {
    return statusOf(await this.owned(actor, paymentId), this.deps.clock.now());
  }

  async receipt(actor: SignedInActor, paymentId: string): Promise<PaymentReceipt> {
    const { db, units } = this.deps;
    const row = await this.owned(actor, paymentId);
    if (row.state !== 'paid' || !row.receipt_no || !row.paid_at || !row.provider_txn_id)
      throw new AppError('PAYMENT_NOT_PAID');
    const user = await new UsersRepository(db).findById(row.user_id);
    const unit = await units.find(row.unit_code);
    const procedure = await db
      .selectFrom('procedures')
      .select('name')
      .where('code', '=', row.procedure_code)
      .executeTakeFirst();
    const dossier = row.dossier_id
      ? await new DossiersRepository(db).findDossier(row.dossier_id)
      : undefined;
    return {
      receiptNo: row.receipt_no,
      reference: row.reference,
      providerTxnId: row.provider_txn_id,
      payer: {
        name: user?.full_name ?? '',
        citizenIdMasked: maskCitizenId(user?.citizen_id ?? null),
      },
      unit: { code: row.unit_code, name: unit?.full_name ?? row.unit_code },
      procedure: {
        code: row.procedure_code,
        name: procedure?.name ?? row.procedure_code,
        version: row.procedure_version,
      },
      dossierReference: dossier ? (dossier.code ?? dossier.reference) : null,
      amountVnd: row.amount_vnd,
      amountInWords: vndInWords(row.amount_vnd),
      currency: 'VND',
      paidAt: row.paid_at.toISOString(),
      account: {
        bankBin: row.bank_bin,
        accountNumber: row.account_number,
        accountName: row.account_name,
      },
      isDemo: row.is_demo,
    };
  }

  /** Another resident's payment is "not found", never "forbidden": its existence is not told. */
  async owned(actor: SignedInActor, paymentId: string): Promise<PaymentRow> {
    const row = await this.repository.findOwned(paymentId, actor.userId);
    if (!row) throw new AppError('PAYMENT_NOT_FOUND');
    return row;
  }

  /** What is owed for this draft, to whom: the dossier's fee once submitted, else the version in force. */
  private async due(actor: SignedInActor, draftId: string): Promise<Due> {
    const { db, catalogue, units } = this.deps;
    const dossiers = new DossiersRepository(db);
    const draft = await dossiers.findDraft(draftId, actor.userId);
    if (!draft) throw new AppError('DRAFT_NOT_FOUND');
    let base: Omit<Due, 'account' | 'unitName'>;
    if (draft.submitted_dossier_id) {
      // A dossier keeps the fee of the version it was received under (DOMAIN.md §2).
      const dossier = await dossiers.findDossier(draft.submitted_dossier_id);
      if (!dossier?.fee_vnd || dossier.fee_vnd <= 0 || dossier.payment_state === 'not_required')
        throw new AppError('PAYMENT_NOT_REQUIRED');
      base = {
        draftId,
        dossierId: dossier.id,
        procedureCode: dossier.procedure_code,
        procedureVersion: dossier.procedure_version,
        amountVnd: dossier.fee_vnd,
        unitCode: dossier.receiving_unit_code,
      };
    } else {
      const user = await new UsersRepository(db).findById(actor.userId);
      const procedure = await catalogue.get(draft.procedure_code, {
        actor,
        ...(user?.commune_code ? { communeCode: user.commune_code } : {}),
      });
      assertSubmittableOnline(procedure);
      const fee = procedure.fees.find((f) => f.channel === 'truc_tuyen')?.feeVnd ?? null;
      if (!fee || fee <= 0) throw new AppError('PAYMENT_NOT_REQUIRED');
      const unitCode = procedure.whereToSubmit.unitCode;
      if (!unitCode) {
        throw new AppError('RECEIVING_UNIT_REQUIRED', {
          messageVi:
            'Chưa xác định được xã/phường nơi tiếp nhận hồ sơ, nên chưa tạo được mã thanh toán. Vui lòng cập nhật xã/phường nơi cư trú.',
        });
      }
      base = {
        draftId,
        dossierId: null,
        procedureCode: procedure.code,
        procedureVersion: procedure.version,
        amountVnd: fee,
        unitCode,
      };
    }
    const unit = await units.find(base.unitCode);
    const unitName = unit?.full_name ?? base.unitCode;
    const account = await this.repository.findAccount(base.unitCode);
    if (!account || (account.is_demo && !this.deps.allowDemoAccounts)) {
      throw new AppError('PAYMENT_ACCOUNT_MISSING', {
        messageVi: `${unitName} chưa đăng ký tài khoản nhận thanh toán trực tuyến, nên chưa thể thanh toán bằng mã QR. Ông/Bà vẫn có thể nộp hồ sơ và nộp phí, lệ phí trực tiếp tại Trung tâm Phục vụ hành chính công; hoặc liên hệ Trung tâm để được hướng dẫn.`,
      });
    }
    return { ...base, unitName, account };
  }

  private async write(
    trx: Db,
    actor: SignedInActor,
    due: Due,
    requestId: string,
  ): Promise<{ statusCode: number; body: PaymentView }> {
    const { clock } = this.deps;
    const repository = new PaymentsRepository(trx);
    const now = clock.now();
    // The draft lock orders this against submission and a concurrent second tap.
    const draft = await repository.lockDraft(due.draftId);
    if (!draft) throw new AppError('DRAFT_NOT_FOUND');
    const open = await repository.lockOpenForDraft(due.draftId);
    if (open?.state === 'paid') return { statusCode: 200, body: await this.view(open, due) };
    if (open) {
      const sameTerms =
        open.amount_vnd === due.amountVnd &&
        open.unit_code === due.unitCode &&
        open.account_number === due.account.account_number &&
        open.bank_bin === due.account.bank_bin;
      if (sameTerms && effectiveState(open, now) === 'pending')
        return { statusCode: 200, body: await this.view(open, due) };
      // An expired code, or one for an amount or account that no longer applies, is retired so
      // that a late transfer quoting it is not taken as payment of the new terms.
      await repository.setState(open.id, sameTerms ? 'expired' : 'cancelled');
    }
    let reference = newPaymentReference();
    while (await repository.referenceExists(reference)) reference = newPaymentReference();
    const row: PaymentRow = {
      id: randomUUID(),
      draft_id: due.draftId,
      dossier_id: due.dossierId,
      user_id: actor.userId,
      procedure_code: due.procedureCode,
      procedure_version: due.procedureVersion,
      unit_code: due.unitCode,
      amount_vnd: due.amountVnd,
      currency: 'VND',
      reference,
      state: 'pending',
      provider: 'vietqr',
      provider_txn_id: null,
      bank_bin: due.account.bank_bin,
      account_number: due.account.account_number,
      account_name: due.account.account_name,
      is_demo: due.account.is_demo,
      created_at: now,
      paid_at: null,
      expires_at: new Date(now.getTime() + (this.deps.intentTtlMs ?? DEFAULT_TTL_MS)),
      receipt_no: null,
    };
    await repository.insert(row);
    await appendAudit(trx, clock, {
      actor,
      action: 'payment.create',
      unitCode: due.unitCode,
      objectType: 'payment',
      objectId: row.id,
      requestId,
      details: {
        reference,
        amountVnd: due.amountVnd,
        draftId: due.draftId,
        dossierId: due.dossierId,
        procedureCode: due.procedureCode,
        procedureVersion: due.procedureVersion,
        ...(open ? { replaces: open.id } : {}),
      },
    });
    return { statusCode: 201, body: await this.view(row, due) };
  }

  private async view(row: PaymentRow, due: Pick<Due, 'unitName'>): Promise<PaymentView> {
    const qrPayload = buildVietQrPayload({
      bankBin: row.bank_bin,
      accountNumber: row.account_number,
      amountVnd: row.amount_vnd,
      purpose: row.reference,
    });
    return {
      ...statusOf(row, this.deps.clock.now()),
      currency: 'VND',
      unitCode: row.unit_code,
      unitName: due.unitName,
      bankBin: row.bank_bin,
      // Shown in full: a resident who cannot scan types it, and it is the unit's published
      // collection account, not personal data.
      accountNumber: row.account_number,
      accountName: row.account_name,
      isDemo: row.is_demo,
      qrPayload,
      qrImageDataUrl: await QRCode.toDataURL(qrPayload, {
        errorCorrectionLevel: 'M',
        margin: 2,
        width: 320,
      }),
      createdAt: row.created_at.toISOString(),
    };
  }
}
