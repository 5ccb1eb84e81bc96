import type { ShowcaseContent } from '@cqs/shared';
import type { ColumnType, Generated, Selectable } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
/** jsonb: read as the value, written as JSON text. */
type Json<T> = ColumnType<T, string, string>;

export interface ShowcaseImagesTable {
  id: string;
  commune_code: string;
  source_file_id: string | null;
  large_key: string;
  large_width: number;
  large_height: number;
  large_bytes: number;
  thumb_key: string;
  thumb_width: number;
  thumb_height: number;
  thumb_bytes: number;
  is_demo: Generated<boolean>;
  created_by: string | null;
  created_at: Timestamp;
}

export interface ShowcasePagesTable {
  commune_code: string;
  draft: Json<ShowcaseContent>;
  draft_version: Generated<number>;
  draft_updated_at: Timestamp;
  draft_updated_by: string | null;
  published: Json<ShowcaseContent> | null;
  published_images: ColumnType<string[], string, string>;
  published_version: number | null;
  published_at: Timestamp | null;
  published_by: string | null;
  is_demo: Generated<boolean>;
  created_at: Timestamp;
}

export type ShowcaseEventKind = 'draft_saved' | 'image_added' | 'published' | 'unpublished';

export interface ShowcaseEventsTable {
  id: string;
  commune_code: string;
  kind: ShowcaseEventKind;
  draft_version: number;
  actor_id: string | null;
  at: Timestamp;
  details: Json<Record<string, unknown>>;
}

export type ShowcaseImageRow = Selectable<ShowcaseImagesTable>;
export type ShowcasePageRow = Selectable<ShowcasePagesTable>;

declare module '../../db/types' {
  interface Database {
    showcase_images: ShowcaseImagesTable;
    showcase_pages: ShowcasePagesTable;
    showcase_events: ShowcaseEventsTable;
  }
}
