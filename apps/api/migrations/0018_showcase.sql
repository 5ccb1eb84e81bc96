-- Commune showcase ("Mỗi xã một KOL", DOMAIN.md §8, issue 8 point 5): one page per commune with
-- an introduction, photos, local products and featured local ambassadors. Officers edit a draft;
-- publishing copies the draft into the published column in one statement (with the event and the
-- audit row in the same transaction), so the public never sees a half-edited page.

-- Photos, already stripped of metadata by the files module, resized into two WebP variants kept in
-- the file storage (keys `yyyy/mm/uuid` like every stored file).
create table showcase_images (
  id             uuid primary key,
  commune_code   text not null references units(code),
  -- The upload the variants were made from (metadata removed by the files module); null for
  -- generated demo placeholders.
  source_file_id uuid references files(id),
  large_key      text not null,
  large_width    integer not null check (large_width > 0),
  large_height   integer not null check (large_height > 0),
  large_bytes    integer not null,
  thumb_key      text not null,
  thumb_width    integer not null check (thumb_width > 0),
  thumb_height   integer not null check (thumb_height > 0),
  thumb_bytes    integer not null,
  is_demo        boolean not null default false,
  created_by     uuid references users(id),
  created_at     timestamptz not null
);
create index showcase_images_commune_idx on showcase_images(commune_code);

create table showcase_pages (
  commune_code       text primary key references units(code),
  -- The working copy (introduction, photos, products, ambassadors in their order), JSON checked
  -- by the shared zod schema ShowcaseContent.
  draft              jsonb not null,
  -- Optimistic concurrency: every save and publish names the version it was made from.
  draft_version      integer not null default 1,
  draft_updated_at   timestamptz not null,
  draft_updated_by   uuid references users(id),
  -- What the public sees; null while never published or after unpublishing.
  published          jsonb,
  -- The image ids the published copy shows: only those are served to everybody.
  published_images   jsonb not null default '[]',
  published_version  integer,
  published_at       timestamptz,
  published_by       uuid references users(id),
  -- Generated demo content ("[DEMO]" texts); never presented as real.
  is_demo            boolean not null default false,
  created_at         timestamptz not null
);
create index showcase_pages_published_idx on showcase_pages(commune_code) where published is not null;

-- Every change of a page, in order (append-only, like dossier events).
create table showcase_events (
  id            uuid primary key,
  commune_code  text not null references units(code),
  kind          text not null check (kind in ('draft_saved', 'image_added', 'published',
                  'unpublished')),
  draft_version integer not null,
  actor_id      uuid references users(id),
  at            timestamptz not null,
  details       jsonb not null default '{}'
);
create index showcase_events_commune_idx on showcase_events(commune_code, at);
create trigger showcase_events_no_change before update or delete on showcase_events
  for each row execute function dossier_events_append_only();
