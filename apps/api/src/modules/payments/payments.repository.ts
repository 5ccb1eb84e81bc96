import type { Insertable } from 'kysely';
import { sql } from 'kysely';
import type { Db } from '../../db/client';
import type { PaymentAccountRow, PaymentRow, PaymentsTable } from './payments.tables';
import './payments.tables';

export interface PaymentAccountInput {
  unitCode: string;
  bankBin: string;
  accountNumber: string;
  accountName: string;
  isDemo?: boolean;
}

export const ACCOUNT_RULES = {
  bankBin: /^\d{6}$/,
  accountNumber: /^[0-9A-Z]{1,19}$/,
  accountName: /^[A-Z0-9 .,()&/-]{2,70}$/,
};

/** The only place with SQL for payments and collection accounts. */
export class PaymentsRepository {
  constructor(private readonly db: Db) {}

  findAccount(unitCode: string): Promise<PaymentAccountRow | undefined> {
    return this.db
      .selectFrom('payment_accounts')
      .selectAll()
      .where('unit_code', '=', unitCode)
      .executeTakeFirst();
  }

  /** Adds or replaces a unit's collection account (an administrator's action). */
  async upsertAccount(input: PaymentAccountInput, now: Date): Promise<void> {
    await this.db
      .insertInto('payment_accounts')
      .values({
        unit_code: input.unitCode,
        bank_bin: input.bankBin,
        account_number: input.accountNumber,
        account_name: input.accountName,
        is_demo: input.isDemo ?? false,
        created_at: now,
        updated_at: now,
      })
      .onConflict((oc) =>
        oc.column('unit_code').doUpdateSet({
          bank_bin: input.bankBin,
          account_number: input.accountNumber,
          account_name: input.accountName,
          is_demo: input.isDemo ?? false,
          updated_at: now,
        }),
      )
      .execute();
  }

  /** Inserts demo accounts where a unit has none; never overwrites an account. */
  async insertMissingAccounts(rows: PaymentAccountInput[], now: Date): Promise<number> {
    if (rows.length === 0) return 0;
    const result = await this.db
      .insertInto('payment_accounts')
      .values(
        rows.map((r) => ({
          unit_code: r.unitCode,
          bank_bin: r.bankBin,
          account_number: r.accountNumber,
          account_name: r.accountName,
          is_demo: r.isDemo ?? false,
          created_at: now,
          updated_at: now,
        })),
      )
      .onConflict((oc) => oc.column('unit_code').doNothing())
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0);
  }

  findById(id: string): Promise<PaymentRow | undefined> {
    return this.db.selectFrom('payments').selectAll().where('id', '=', id).executeTakeFirst();
  }

  findOwned(id: string, userId: string): Promise<PaymentRow | undefined> {
    return this.db
      .selectFrom('payments')
      .selectAll()
      .where('id', '=', id)
      .where('user_id', '=', userId)
      .executeTakeFirst();
  }

  lockByReference(reference: string): Promise<PaymentRow | undefined> {
    return this.db
      .selectFrom('payments')
      .selectAll()
      .where('reference', '=', reference)
      .forUpdate()
      .executeTakeFirst();
  }

  findByProviderTxn(providerTxnId: string): Promise<PaymentRow | undefined> {
    return this.db
      .selectFrom('payments')
      .selectAll()
      .where('provider_txn_id', '=', providerTxnId)
      .executeTakeFirst();
  }

  /** The live (pending or paid) intent of a draft, locked for the transaction deciding on it. */
  lockOpenForDraft(draftId: string): Promise<PaymentRow | undefined> {
    return this.db
      .selectFrom('payments')
      .selectAll()
      .where('draft_id', '=', draftId)
      .where('state', 'in', ['pending', 'paid'])
      .forUpdate()
      .executeTakeFirst();
  }

  async referenceExists(reference: string): Promise<boolean> {
    const row = await this.db
      .selectFrom('payments')
      .select('id')
      .where('reference', '=', reference)
      .executeTakeFirst();
    return row !== undefined;
  }

  async insert(row: Insertable<PaymentsTable>): Promise<void> {
    await this.db.insertInto('payments').values(row).execute();
  }

  async setState(id: string, state: 'expired' | 'cancelled'): Promise<void> {
    await this.db.updateTable('payments').set({ state }).where('id', '=', id).execute();
  }

  async markPaid(
    id: string,
    values: { providerTxnId: string; paidAt: Date; receiptNo: string; dossierId: string | null },
  ): Promise<void> {
    await this.db
      .updateTable('payments')
      .set({
        state: 'paid',
        provider_txn_id: values.providerTxnId,
        paid_at: values.paidAt,
        receipt_no: values.receiptNo,
        dossier_id: values.dossierId,
      })
      .where('id', '=', id)
      .where('state', '=', 'pending')
      .execute();
  }

  /** Next receipt number of the year; the upsert holds the row lock until commit. */
  async nextReceiptNo(year: number): Promise<string> {
    const { rows } = await sql<{ last_no: number }>`
      insert into payment_receipt_seq (year, last_no) values (${year}, 1)
      on conflict (year) do update set last_no = payment_receipt_seq.last_no + 1
      returning last_no`.execute(this.db);
    return `BL-${year}-${String(rows[0]!.last_no).padStart(6, '0')}`;
  }

  /** The confirmed payment of a draft, read by submission under its draft lock. */
  findPaidForDraft(draftId: string) {
    return this.db
      .selectFrom('payments')
      .select(['id', 'amount_vnd'])
      .where('draft_id', '=', draftId)
      .where('state', '=', 'paid')
      .executeTakeFirst();
  }

  async linkDossier(paymentId: string, dossierId: string): Promise<void> {
    await this.db
      .updateTable('payments')
      .set({ dossier_id: dossierId })
      .where('id', '=', paymentId)
      .execute();
  }

  /** The draft row, locked: submission locks it too, so "paid" and "submitted" never cross. */
  lockDraft(draftId: string) {
    return this.db
      .selectFrom('drafts')
      .select(['id', 'submitted_dossier_id'])
      .where('id', '=', draftId)
      .forUpdate()
      .executeTakeFirst();
  }
}
