import type { ColumnType, Selectable } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;

export interface PaymentAccountsTable {
  unit_code: string;
  bank_bin: string;
  account_number: string;
  account_name: string;
  is_demo: ColumnType<boolean, boolean | undefined, boolean>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export type PaymentStateValue = 'pending' | 'paid' | 'expired' | 'cancelled';

export interface PaymentsTable {
  id: string;
  draft_id: string | null;
  dossier_id: string | null;
  user_id: string;
  procedure_code: string;
  procedure_version: number;
  unit_code: string;
  amount_vnd: number;
  currency: ColumnType<'VND', 'VND' | undefined, 'VND'>;
  reference: string;
  state: PaymentStateValue;
  provider: ColumnType<'vietqr', 'vietqr' | undefined, 'vietqr'>;
  provider_txn_id: string | null;
  bank_bin: string;
  account_number: string;
  account_name: string;
  is_demo: boolean;
  created_at: Timestamp;
  paid_at: Timestamp | null;
  expires_at: Timestamp;
  receipt_no: string | null;
}

export interface PaymentReceiptSeqTable {
  year: number;
  last_no: number;
}

export type PaymentRow = Selectable<PaymentsTable>;
export type PaymentAccountRow = Selectable<PaymentAccountsTable>;

declare module '../../db/types' {
  interface Database {
    payment_accounts: PaymentAccountsTable;
    payments: PaymentsTable;
    payment_receipt_seq: PaymentReceiptSeqTable;
  }
}
