-- Assistant conversations (issue 6). What is kept: the context needed for follow-up questions
-- (procedure, section, offered choices, a dossier code waiting for its check digits) and the
-- messages with phone numbers, ID numbers and check digits masked. Deleted by a worker after the
-- retention period (ASSISTANT_RETENTION_DAYS), counted from the last message.

create table assistant_conversations (
  id          uuid primary key,
  -- The signed-in resident, if any: only they may continue the conversation.
  user_id     uuid references users(id) on delete cascade,
  context     jsonb not null default '{}'::jsonb,
  created_at  timestamptz not null,
  updated_at  timestamptz not null
);
create index assistant_conversations_updated_idx on assistant_conversations(updated_at);

create table assistant_messages (
  id               bigserial primary key,
  conversation_id  uuid not null references assistant_conversations(id) on delete cascade,
  role             text not null check (role in ('resident', 'assistant')),
  -- Masked text (see maskPersonalNumbers); never an ID number or a phone number.
  text             text not null,
  intent           text,
  outcome          text,
  procedure_code   text,
  created_at       timestamptz not null
);
create index assistant_messages_conversation_idx on assistant_messages(conversation_id, id);
