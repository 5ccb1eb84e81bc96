import type { ColumnType, Generated, Selectable } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;

export const notificationChannels = ['email', 'sms', 'zalo'] as const;
export type NotificationChannel = (typeof notificationChannels)[number];
export type OutboxState = 'pending' | 'sending' | 'sent' | 'failed' | 'cancelled';

export interface OutboxTable {
  id: string;
  kind: Generated<'notification'>;
  channel: NotificationChannel;
  recipient: string;
  template: string;
  locale: Generated<'vi'>;
  payload: ColumnType<unknown, string, string>;
  dedupe_key: string;
  state: Generated<OutboxState>;
  attempts: Generated<number>;
  next_attempt_at: Timestamp;
  locked_until: Timestamp | null;
  last_error: string | null;
  provider_message_id: string | null;
  created_at: Timestamp;
  sent_at: Timestamp | null;
}

export type OutboxRow = Selectable<OutboxTable>;

declare module '../../db/types' {
  interface Database {
    outbox: OutboxTable;
  }
}
