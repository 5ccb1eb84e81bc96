import type { ColumnType, Generated } from 'kysely';
import type { ConversationContext } from './assistant.router';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type Json<T> = ColumnType<T, string, string>;

export interface AssistantConversationsTable {
  id: string;
  user_id: string | null;
  context: Json<ConversationContext>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface AssistantMessagesTable {
  id: Generated<string>;
  conversation_id: string;
  role: 'resident' | 'assistant';
  text: string;
  intent: string | null;
  outcome: string | null;
  procedure_code: string | null;
  created_at: Timestamp;
}

declare module '../../db/types' {
  interface Database {
    assistant_conversations: AssistantConversationsTable;
    assistant_messages: AssistantMessagesTable;
  }
}
