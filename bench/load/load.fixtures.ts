import { sql } from 'kysely';
import type { App } from '../../apps/api/src/app';
import type { Db } from '../../apps/api/src/db/client';
import type { Clock } from '../../apps/api/src/lib/clock';
import { createOfficer } from '../../apps/api/src/modules/identity/officers.admin';
import { totpCode } from '../../apps/api/src/modules/identity/totp';
import { makeResident } from '../../apps/api/src/test/factories';
import type { ReadyDraft, ResidentSession } from './load.protocol';

/**
 * "Xác nhận thông tin về cư trú": a common commune procedure offered online whose form asks for
 * no uploaded document, so a draft can be made ready without files and cloned.
 */
export const PROCEDURE_CODE = '1.010041';

const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Phan', 'Vũ', 'Võ', 'Đặng'];
const MIDDLE = ['Văn', 'Thị', 'Hữu', 'Minh', 'Thu', 'Đức', 'Ngọc', 'Quang'];
const GIVEN = ['An', 'Bình', 'Châu', 'Dũng', 'Hoa', 'Khánh', 'Lan', 'Mai', 'Nam', 'Phúc', 'Yến'];

export interface Resident extends ResidentSession {
  id: string;
  phone: string;
}

/**
 * Residents with a profile and a live session, made by the api tests' own factory (as the OIDC
 * callback leaves them), spread over the communes with varied names and phones.
 */
export async function makeResidents(app: App, db: Db, clock: Clock, count: number) {
  const communes = await db
    .selectFrom('units')
    .select('code')
    .where('kind', '=', 'commune')
    .orderBy('code')
    .execute();
  const residents: Resident[] = [];
  for (let i = 0; i < count; i++) {
    const phone = `09${String(10_000_000 + i * 7919).slice(-8)}`;
    const made = await makeResident(
      { services: app.services, clock, database: { db } },
      {
        fullName: `${FAMILY[i % FAMILY.length]} ${MIDDLE[i % MIDDLE.length]} ${GIVEN[i % GIVEN.length]}`,
        citizenId: `066090${String(100_000 + i).slice(-6)}`,
        phone,
        email: `cong.dan.${i}@example.vn`,
        communeCode: communes[i % communes.length]!.code,
      },
    );
    residents.push({
      id: made.id,
      phone,
      cookie: made.headers.cookie!,
      csrf: made.headers['x-csrf-token']!,
    });
  }
  return residents;
}

const headersOf = (r: ResidentSession) => ({ cookie: r.cookie, 'x-csrf-token': r.csrf });

/** One draft per resident through the real routes (prefilled from the identity), answered in full. */
export async function makeTemplateDrafts(app: App, residents: Resident[]): Promise<string[]> {
  const ids: string[] = [];
  for (const resident of residents) {
    const created = await app.server.inject({
      method: 'POST',
      url: '/api/drafts',
      headers: headersOf(resident),
      payload: { procedureCode: PROCEDURE_CODE },
    });
    if (created.statusCode !== 201) throw new Error(`draft: ${created.statusCode} ${created.body}`);
    const draft = created.json() as { id: string; answers: Record<string, unknown> };
    const saved = await app.server.inject({
      method: 'PUT',
      url: `/api/drafts/${draft.id}`,
      headers: headersOf(resident),
      payload: {
        answers: {
          ...draft.answers,
          content: 'thuong_tru',
          purpose: 'Bổ sung hồ sơ xin việc',
          commitment: true,
        },
        currentStep: 'content',
      },
    });
    if (saved.statusCode !== 200) throw new Error(`draft save: ${saved.statusCode} ${saved.body}`);
    ids.push(draft.id);
  }
  return ids;
}

/**
 * `count` drafts ready to submit, copied in one statement from the residents' answered drafts
 * (the same answers the real routes saved), spread over the residents.
 */
export async function cloneDrafts(
  db: Db,
  templates: string[],
  residentIndex: Map<string, number>,
  count: number,
): Promise<ReadyDraft[]> {
  const perTemplate = Math.ceil(count / templates.length);
  const { rows } = await sql<{ id: string; user_id: string }>`
    insert into drafts (id, user_id, procedure_code, procedure_version, answers, current_step,
      created_at, updated_at)
    select gen_random_uuid(), d.user_id, d.procedure_code, d.procedure_version, d.answers,
      d.current_step, now(), now()
    from drafts d cross join generate_series(1, ${perTemplate}) g
    where d.id in (${sql.join(templates)})
    returning id, user_id`.execute(db);
  // Interleaved by resident, so concurrent connections submit for different people.
  const drafts = rows.map((r) => ({ id: r.id, resident: residentIndex.get(r.user_id)! }));
  drafts.sort((a, b) => a.id.localeCompare(b.id));
  return drafts.slice(0, count);
}

/** Submits drafts through the real route (setup only: the dossiers tracking looks up). */
export async function submitForTracking(
  app: App,
  residents: Resident[],
  drafts: ReadyDraft[],
): Promise<{ code: string; last4: string }[]> {
  const out: { code: string; last4: string }[] = [];
  for (const draft of drafts) {
    const resident = residents[draft.resident]!;
    const res = await app.server.inject({
      method: 'POST',
      url: `/api/drafts/${draft.id}/submit`,
      headers: { ...headersOf(resident), 'idempotency-key': `setup-${draft.id}` },
      payload: {},
    });
    if (res.statusCode !== 201) throw new Error(`setup submission: ${res.statusCode} ${res.body}`);
    out.push({
      code: (res.json() as { reference: string }).reference,
      last4: resident.phone.slice(-4),
    });
  }
  const probe = await app.server.inject({
    url: `/api/tracking?code=${out[0]!.code}&last4=${out[0]!.last4}`,
  });
  if (probe.statusCode !== 200) throw new Error(`tracking: ${probe.statusCode} ${probe.body}`);
  return out;
}

/** A province dashboard viewer signed in through the real route (password + TOTP). */
export async function signInDashboardViewer(app: App, db: Db, clock: Clock): Promise<string> {
  const officer = { username: `bench.load.${Date.now()}`, password: 'Bench-load-2026-dai-du!' };
  const { totpSecret } = await createOfficer(db, clock, {
    ...officer,
    fullName: 'Cán bộ xem bảng điều hành (benchmark tải)',
    grants: [{ role: 'dashboard_viewer', unitCode: '66' }],
  });
  const login = await app.server.inject({
    method: 'POST',
    url: '/api/auth/officer/login',
    payload: { ...officer, totp: totpCode(totpSecret, clock.now()) },
  });
  if (login.statusCode !== 200) throw new Error(`officer sign-in: ${login.body}`);
  return login.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
}

/** Commune label points that really fall inside their commune (feedback refuses outside points). */
export async function pointsInsideCommunes(app: App, db: Db, wanted: number) {
  const rows = await db
    .selectFrom('units')
    .select(['code', 'label_lat', 'label_lon'])
    .where('kind', '=', 'commune')
    .where('label_lat', 'is not', null)
    .orderBy('code')
    .execute();
  const points: { lat: number; lng: number }[] = [];
  for (const r of rows) {
    if (points.length >= wanted) break;
    const located = await app.services.units.locate(r.label_lon!, r.label_lat!).catch(() => null);
    if (located?.code === r.code) points.push({ lat: r.label_lat!, lng: r.label_lon! });
  }
  if (points.length === 0) throw new Error('no commune with an inner label point');
  return points;
}
