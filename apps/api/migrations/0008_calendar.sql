-- Working-day calendar (DOMAIN.md §4): the special days of each year — statutory holidays,
-- compensatory days, swapped days off, official break days, make-up working Saturdays, proposed
-- holidays — as DATA an administrator confirms, because the Prime Minister fixes Tết and the
-- National Day break every year. Ordinary Saturdays and Sundays are not stored.

create table calendar_years (
  year          integer primary key check (year between 2021 and 2199),
  -- official_data: imported from the published decisions; computed: derived from the Labour Code
  -- (Art. 111(3), 112) and the lunar calendar, waiting for a person to check it.
  origin        text not null check (origin in ('official_data', 'computed')),
  confirmed     boolean not null default false,
  confirmed_by  uuid references users(id),
  confirmed_at  timestamptz,
  check (confirmed or (confirmed_by is null and confirmed_at is null))
);

create table calendar_days (
  date        date primary key,
  kind        text not null check (kind in (
                'statutory', 'compensatory', 'weekend_in_break', 'swapped_day_off',
                'make_up_working_day', 'official_break_day', 'proposed_holiday')),
  name        text not null,
  applies_to  text not null check (applies_to in ('all_employees', 'civil_servants_public_employees')),
  source      text not null,
  note        text
);
