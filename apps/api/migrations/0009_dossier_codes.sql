-- Official dossier codes ({unit identifier}-{yymmdd}-{NNNN}, DOMAIN.md §3): one gap-free counter per
-- receiving unit per Vietnam day. The accepting transaction increments it with an upsert, so the
-- row lock serialises concurrent accepts and a rolled-back accept gives its number back. No upper
-- bound here: the service refuses number 10000 with DOSSIER_CODES_EXHAUSTED (409), not a 500.
create table dossier_code_seq (
  unit_code    text not null references units(code),
  day          date not null,
  last_number  integer not null check (last_number >= 1),
  primary key (unit_code, day)
);
