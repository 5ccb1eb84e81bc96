-- Idempotency-Key support for writes a client may retry (submission, payments, Open311 POST).
create table idempotency_keys (
  scope         text not null,            -- who: a user id, or an API client
  key           text not null,            -- the client's Idempotency-Key
  request_hash  text not null,            -- sha256 of method, route and canonical body
  status_code   integer not null,
  response      jsonb not null,
  created_at    timestamptz not null,
  expires_at    timestamptz not null,
  primary key (scope, key)
);
create index idempotency_keys_expiry_idx on idempotency_keys(expires_at);
