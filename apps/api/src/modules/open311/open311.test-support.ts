import { randomUUID } from 'node:crypto';
import type { Db } from '../../db/client';
import { sha256Hex } from '../../lib/tokens';

/** Test categories with codes of their own, so the feedback seed never collides with them. */
export const TEST_SERVICE = 'kiem-thu';
export const TEST_SUB_SERVICE = 'kiem-thu.o-ga';
export const TEST_API_KEY = 'o311_test_key_0123456789abcdef';

export async function seedServices(db: Db, now: Date): Promise<void> {
  await db
    .insertInto('feedback_categories')
    .values([
      {
        code: TEST_SERVICE,
        parent_code: null,
        name_vi: 'Kiểm thử & đường sá',
        name_en: 'Testing & roads',
        description_vi: 'Ổ gà, hư hỏng mặt đường <kiểm thử>',
        answer_days: 10,
        sort_order: 0,
        created_at: now,
      },
      {
        code: TEST_SUB_SERVICE,
        parent_code: TEST_SERVICE,
        name_vi: 'Ổ gà',
        name_en: 'Pothole',
        description_vi: null,
        answer_days: 5,
        sort_order: 1,
        created_at: now,
      },
      {
        code: 'kiem-thu-tat',
        parent_code: null,
        name_vi: 'Lĩnh vực đã tắt',
        name_en: 'Inactive',
        description_vi: null,
        active: false,
        sort_order: 2,
        created_at: now,
      },
    ])
    .onConflict((oc) => oc.column('code').doNothing())
    .execute();
}

export async function seedClient(db: Db, now: Date, key = TEST_API_KEY, active = true) {
  const id = randomUUID();
  await db
    .insertInto('open311_clients')
    .values({
      id,
      name: 'Ứng dụng kiểm thử',
      api_key_hash: sha256Hex(key),
      active,
      created_at: now,
    })
    .execute();
  return id;
}

export async function anyCommune(db: Db): Promise<{ code: string; full_name: string }> {
  return db
    .selectFrom('units')
    .select(['code', 'full_name'])
    .where('kind', '=', 'commune')
    .orderBy('code')
    .executeTakeFirstOrThrow();
}

let counter = 0;

export interface ReportOverrides {
  state?: string;
  category_code?: string;
  moderation_state?: 'visible' | 'pending' | 'hidden';
  created_at?: Date;
  updated_at?: Date;
  anonymous?: boolean;
  public_answer?: string | null;
  open311_token?: string | null;
  description?: string;
  lat?: number | null;
  lng?: number | null;
  address?: string | null;
}

/** A report row as the feedback core would store it, with a reporter's contacts to leak-check. */
export async function insertReport(
  db: Db,
  communeCode: string,
  now: Date,
  overrides: ReportOverrides = {},
): Promise<{ id: string; reference: string }> {
  counter += 1;
  const id = randomUUID();
  const reference = `PA-261128-T${String(counter).padStart(5, '0')}`;
  const created = overrides.created_at ?? now;
  await db
    .insertInto('feedback_reports')
    .values({
      id,
      reference,
      category_code: overrides.category_code ?? TEST_SUB_SERVICE,
      description: overrides.description ?? 'Ổ gà lớn trước cổng trường & chợ',
      lat: overrides.lat === undefined ? 12.6675 : overrides.lat,
      lng: overrides.lng === undefined ? 108.0378 : overrides.lng,
      commune_code: communeCode,
      address: overrides.address === undefined ? '12 Lê Duẩn' : overrides.address,
      reporter_name: 'Nguyễn Thị Bí Mật',
      reporter_phone: '0912345678',
      reporter_email: 'bi.mat@example.vn',
      anonymous: overrides.anonymous ?? false,
      state: overrides.state ?? 'assigned',
      assigned_unit_code: communeCode,
      due_at: new Date(created.getTime() + 14 * 86_400_000),
      moderation_state: overrides.moderation_state ?? 'visible',
      public_answer: overrides.public_answer ?? null,
      source: 'web',
      open311_token: overrides.open311_token ?? null,
      created_at: created,
      updated_at: overrides.updated_at ?? created,
    })
    .execute();
  return { id, reference };
}

export async function insertEvent(
  db: Db,
  reportId: string,
  at: Date,
  values: { type: string; state: string; public: boolean; note?: string | null },
): Promise<void> {
  await db
    .insertInto('feedback_events')
    .values({
      report_id: reportId,
      type: values.type,
      state: values.state,
      at,
      actor_kind: 'officer',
      public: values.public,
      note: values.note ?? null,
      data: '{}',
    })
    .execute();
}
