import type { OfficerRole } from '@cqs/shared';
import { expect } from 'vitest';
import { makeOfficer, type SignedIn, signInOfficer } from '../../test/factories';
import type { TestApp } from '../../test/test-app';
import { type MultipartPart, multipart } from '../files/files.test-fixtures';

/** A commune whose label point lies inside its own boundary, with that point. */
export async function communeWithPoint(app: TestApp, skip = 0) {
  const rows = await app.database.db
    .selectFrom('units')
    .select(['code', 'full_name', 'label_lat', 'label_lon'])
    .where('kind', '=', 'commune')
    .where('label_lat', 'is not', null)
    .orderBy('code')
    .execute();
  let seen = 0;
  for (const r of rows) {
    const located = await app.services.units.locate(r.label_lon!, r.label_lat!).catch(() => null);
    if (located?.code !== r.code) continue;
    if (seen++ < skip) continue;
    return { code: r.code, name: r.full_name, lat: r.label_lat!, lng: r.label_lon! };
  }
  throw new Error('no commune with an inner label point');
}

export async function fileReport(
  app: TestApp,
  fields: Record<string, string>,
  options: { headers?: Record<string, string>; photos?: MultipartPart[] } = {},
) {
  const body = multipart([
    ...Object.entries(fields).map(([name, value]) => ({ name, value })),
    ...(options.photos ?? []),
  ]);
  return app.server.inject({
    method: 'POST',
    url: '/api/feedback/reports',
    payload: body.payload,
    headers: { ...body.headers, ...(options.headers ?? {}) },
  });
}

export async function officerOf(
  app: TestApp,
  unitCode: string,
  role: OfficerRole = 'specialist',
  email?: string,
): Promise<SignedIn & { id: string }> {
  const officer = await makeOfficer(app, [{ role, unitCode }]);
  if (email) {
    await app.database.db
      .updateTable('users')
      .set({ email })
      .where('id', '=', officer.id)
      .execute();
  }
  return { ...(await signInOfficer(app, officer)), id: officer.id };
}

export async function act(app: TestApp, who: SignedIn, id: string, body: Record<string, unknown>) {
  return app.server.inject({
    method: 'POST',
    url: `/api/officer/feedback/${id}/actions`,
    headers: { cookie: who.cookie, 'x-csrf-token': who.csrf },
    payload: body,
  });
}

export async function rowVersion(app: TestApp, id: string): Promise<number> {
  const row = await app.database.db
    .selectFrom('feedback_reports')
    .select('row_version')
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  return row.row_version;
}

export async function counts(app: TestApp) {
  const db = app.database.db;
  const n = async (table: 'feedback_reports' | 'feedback_events' | 'outbox') =>
    Number(
      (
        await db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const liveFiles = Number(
    (
      await db
        .selectFrom('files')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .where('bundle_id', 'like', 'feedback:%')
        .where('deleted_at', 'is', null)
        .executeTakeFirstOrThrow()
    ).n,
  );
  return {
    reports: await n('feedback_reports'),
    events: await n('feedback_events'),
    outbox: await n('outbox'),
    liveFiles,
  };
}

export function expectError(
  res: { statusCode: number; json(): unknown },
  status: number,
  code: string,
) {
  expect({
    status: res.statusCode,
    code: (res.json() as { error?: { code?: string } }).error?.code,
  }).toEqual({
    status,
    code,
  });
}
