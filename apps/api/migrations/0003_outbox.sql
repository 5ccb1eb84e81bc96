-- Outbox: messages to send (notifications by e-mail, SMS, Zalo OA), written in the same transaction
-- as the business change that causes them and delivered afterwards by OutboxWorker.

create table outbox (
  id                  uuid primary key,
  kind                text not null default 'notification' check (kind in ('notification')),
  channel             text not null check (channel in ('email','sms','zalo')),
  -- E-mail address or phone number in +84 form; personal data, never copied into logs or last_error.
  recipient           text not null,
  template            text not null,
  locale              text not null default 'vi' check (locale in ('vi')),
  payload             jsonb not null,
  -- A retried business action produces the same key, so it never queues a second message.
  dedupe_key          text not null unique,
  state               text not null default 'pending'
                        check (state in ('pending','sending','sent','failed','cancelled')),
  -- Incremented when a worker claims the row, so a send interrupted by a crash still counts.
  attempts            integer not null default 0 check (attempts >= 0),
  next_attempt_at     timestamptz not null,
  -- While 'sending': the claim expires here; an expired claim means the sender crashed.
  locked_until        timestamptz,
  -- A short technical reason (status code, error class); never personal data.
  last_error          text,
  provider_message_id text,
  created_at          timestamptz not null,
  sent_at             timestamptz,
  check ((state = 'sending') = (locked_until is not null)),
  check ((state = 'sent') = (sent_at is not null))
);
-- The worker's claim query: due pending rows and expired 'sending' claims.
create index outbox_due_idx on outbox(state, next_attempt_at);
