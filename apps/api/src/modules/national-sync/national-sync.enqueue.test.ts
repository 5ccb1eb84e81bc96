import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../db/client';
import { createTestApp, type TestApp } from '../../test/test-app';
import { enqueueNationalSync } from './national-sync.service';
import { insertDossier, insertEvent, recordEvent, syncInput } from './national-sync.test-support';

let app: TestApp;
let db: Db;
const unit = '24133';

beforeAll(async () => {
  app = await createTestApp();
  db = app.database.db;
});
afterAll(async () => {
  await app.close();
});

async function eventsOf(dossierId: string) {
  return db.selectFrom('dossier_events').select('id').where('dossier_id', '=', dossierId).execute();
}

describe('enqueueNationalSync inside the business transaction', () => {
  it('writes one pending record per event, due now, with the validated payload', async () => {
    app.clock.set(new Date('2026-04-29T14:59:00+07:00'));
    const dossier = await insertDossier(db, app.clock, unit);
    const eventId = await recordEvent(db, app.clock, dossier, unit, 'submitted');
    const row = await db
      .selectFrom('national_sync_outbox')
      .selectAll()
      .where('dossier_event_id', '=', eventId)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      dossier_id: dossier.id,
      event_type: 'submitted',
      status_code: 1,
      state: 'pending',
      attempts: 0,
      last_error: null,
      sent_at: null,
    });
    expect(row.next_attempt_at.toISOString()).toBe('2026-04-29T07:59:00.000Z');
    expect(row.payload).toMatchObject({
      MaHoSo: dossier.reference,
      TrangThaiHoSo: 1,
      KenhThucHien: 2,
      NgayNopHoSo: '20260429145900',
      SuKien: { MaSuKien: eventId, LoaiSuKien: 'submitted', ThoiDiem: '20260429145900' },
    });
  });

  it('a second call for the same event adds nothing', async () => {
    const dossier = await insertDossier(db, app.clock, unit);
    const eventId = await recordEvent(db, app.clock, dossier, unit, 'submitted');
    const input = syncInput(dossier, unit, { id: eventId, type: 'submitted', at: app.clock.now() });
    await db.transaction().execute((trx) => enqueueNationalSync(trx, app.clock, input));
    const rows = await db
      .selectFrom('national_sync_outbox')
      .select('id')
      .where('dossier_id', '=', dossier.id)
      .execute();
    expect(rows).toHaveLength(1);
  });

  it('an invalid record throws and rolls the caller’s event back with it', async () => {
    const dossier = await insertDossier(db, app.clock, unit);
    const attempt = db.transaction().execute(async (trx) => {
      const eventId = await insertEvent(trx, app.clock, dossier.id, 'accepted', 2);
      // Status 2 without a reception date: the portal could not use it.
      await enqueueNationalSync(
        trx,
        app.clock,
        syncInput(
          dossier,
          unit,
          { id: eventId, type: 'accepted', at: app.clock.now() },
          {
            statusCode: 2,
            acceptedAt: null,
          },
        ),
      );
    });
    await expect(attempt).rejects.toMatchObject({
      code: 'NATIONAL_SYNC_PAYLOAD_INVALID',
      fields: [expect.objectContaining({ path: 'NgayTiepNhan' })],
    });
    expect(await eventsOf(dossier.id)).toEqual([]);
    const records = await db
      .selectFrom('national_sync_outbox')
      .select('id')
      .where('dossier_id', '=', dossier.id)
      .execute();
    expect(records).toEqual([]);
  });

  it('refuses an event that belongs to another dossier', async () => {
    const a = await insertDossier(db, app.clock, unit);
    const b = await insertDossier(db, app.clock, unit);
    const attempt = db.transaction().execute(async (trx) => {
      const eventOfB = await insertEvent(trx, app.clock, b.id, 'submitted', 1);
      await enqueueNationalSync(
        trx,
        app.clock,
        syncInput(a, unit, { id: eventOfB, type: 'submitted', at: app.clock.now() }),
      );
    });
    await expect(attempt).rejects.toMatchObject({ code: 'NATIONAL_SYNC_PAYLOAD_INVALID' });
    expect(await eventsOf(b.id)).toEqual([]);
  });
});
