-- Fees paid online by VietQR bank transfer (NAPAS 24/7 account transfer, service QRIBFTTA).
-- A payment intent carries a short reference that the resident's bank puts in the transfer note;
-- the payment gateway confirms the transfer with a signed call that quotes it.

-- The collection account of a receiving unit (commune or provincial service centre). Production has
-- none until an administrator adds one; demo mode adds clearly labelled demo accounts at start.
create table payment_accounts (
  unit_code       text primary key references units(code),
  -- NAPAS bank identification number of the beneficiary's bank.
  bank_bin        text not null check (bank_bin ~ '^[0-9]{6}$'),
  -- EMVCo field 38/01/01 is "ans" up to 19 characters.
  account_number  text not null check (account_number ~ '^[0-9A-Z]{1,19}$'),
  -- As banks print it: upper case, no diacritics.
  account_name    text not null check (account_name ~ '^[A-Z0-9 .,()&/-]{2,70}$'),
  is_demo         boolean not null default false,
  created_at      timestamptz not null,
  updated_at      timestamptz not null
);

create table payments (
  id               uuid primary key,
  -- A draft may be discarded after it was paid; the payment record stays.
  draft_id         uuid references drafts(id) on delete set null,
  dossier_id       uuid references dossiers(id),
  user_id          uuid not null references users(id),
  procedure_code   text not null,
  procedure_version integer not null,
  unit_code        text not null references units(code),
  amount_vnd       integer not null check (amount_vnd > 0),
  currency         text not null default 'VND' check (currency = 'VND'),
  reference        text not null unique check (reference ~ '^CQS[0-9A-Z]{10}$'),
  state            text not null check (state in ('pending', 'paid', 'expired', 'cancelled')),
  provider         text not null default 'vietqr' check (provider in ('vietqr')),
  provider_txn_id  text unique,
  -- The account the code pointed at, kept as shown: the receipt must name where the money went
  -- even if the unit's account changes later.
  bank_bin         text not null,
  account_number   text not null,
  account_name     text not null,
  is_demo          boolean not null,
  created_at       timestamptz not null,
  paid_at          timestamptz,
  expires_at       timestamptz not null,
  receipt_no       text unique,
  check ((state = 'paid') = (paid_at is not null and receipt_no is not null and provider_txn_id is not null))
);
-- At most one live intent per draft: a retried "pay" returns it instead of showing a second code.
create unique index payments_open_per_draft on payments(draft_id) where state in ('pending', 'paid');
create index payments_user_idx on payments(user_id, created_at desc);
create index payments_dossier_idx on payments(dossier_id);

-- Receipt numbers run per calendar year (Vietnam time): BL-2026-000001.
create table payment_receipt_seq (
  year     integer primary key,
  last_no  integer not null
);
