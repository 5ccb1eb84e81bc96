import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../db/client';
import { makeResident } from '../../test/factories';
import { createTestApp, type TestApp } from '../../test/test-app';
import { nationalSyncSink } from './national-sync.sink';
import { BIRTH_CODE, insertDossier, insertEvent } from './national-sync.test-support';

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

async function sinkFor(dossierId: string, type: string, statusCode: number) {
  const eventId = await insertEvent(db, app.clock, dossierId, type, statusCode);
  const row = await db
    .selectFrom('dossiers')
    .selectAll()
    .where('id', '=', dossierId)
    .executeTakeFirstOrThrow();
  await db
    .transaction()
    .execute((trx) =>
      nationalSyncSink(trx, app.clock, { id: eventId, type, at: app.clock.now() }, row),
    );
  const record = await db
    .selectFrom('national_sync_outbox')
    .select('payload')
    .where('dossier_event_id', '=', eventId)
    .executeTakeFirstOrThrow();
  return record.payload as Record<string, unknown>;
}

describe('the dossier-event sink', () => {
  it('a fresh online dossier: no flags; VNeID level from the submission event', async () => {
    const dossier = await insertDossier(db, app.clock, unit);
    await db
      .insertInto('dossier_events')
      .values({
        dossier_id: dossier.id,
        type: 'submitted',
        status_code: 1,
        at: app.clock.now(),
        actor_id: null,
        actor_kind: 'resident',
        unit_code: unit,
        public: true,
        note: null,
        data: JSON.stringify({ channel: 2, assuranceLevel: 2 }),
      })
      .execute();
    const payload = await sinkFor(dossier.id, 'assign', 1);
    expect(payload).toMatchObject({
      MaHoSo: dossier.reference,
      TrangThaiHoSo: 1,
      MaDinhDanhDonVi: null,
      ThanhToanTrucTuyen: 0,
      SoHoa: 0,
      KetQuaDienTu: 0,
      XacThucVNeID: 1,
      MucDoDinhDanh: 2,
      SoDinhDanhChuHoSo: '066190001234',
    });
  });

  it('paid online, files attached and an e-result: every flag set; unit identifier from units', async () => {
    const resident = await makeResident(app);
    const dossier = await insertDossier(db, app.clock, unit);
    const now = app.clock.now();
    await db
      .updateTable('units')
      .set({ identifier: 'H15.50.05.13' })
      .where('code', '=', unit)
      .execute();
    await db
      .insertInto('payments')
      .values({
        id: randomUUID(),
        dossier_id: dossier.id,
        user_id: resident.id,
        procedure_code: BIRTH_CODE,
        procedure_version: 1,
        unit_code: unit,
        amount_vnd: 8000,
        reference: 'CQS0123456789',
        state: 'paid',
        provider_txn_id: `txn-${dossier.id}`,
        bank_bin: '970418',
        account_number: '1234567890',
        account_name: 'TRUNG TAM PVHCC',
        is_demo: true,
        created_at: now,
        paid_at: now,
        expires_at: now,
        receipt_no: `BL-2026-${dossier.id.slice(0, 6)}`,
      })
      .execute();
    await db
      .insertInto('files')
      .values({
        id: randomUUID(),
        owner_user_id: resident.id,
        bundle_id: `dossier:${dossier.id}`,
        purpose: 'to-khai',
        original_name: 'to-khai.pdf',
        stored_name: `2026/11/${randomUUID()}`,
        media_type: 'application/pdf',
        size_bytes: 1000,
        sha256: 'a'.repeat(64),
        created_at: now,
      })
      .execute();
    await db
      .updateTable('dossiers')
      .set({
        code: 'H15.50.05.13-261128-0001',
        status_code: 9,
        state: 'finished',
        accepted_at: now,
        due_at: now,
        finished_at: now,
        fee_vnd: 8000,
        payment_state: 'paid',
        result_id: randomUUID(),
      })
      .where('id', '=', dossier.id)
      .execute();
    const payload = await sinkFor(dossier.id, 'sign', 9);
    expect(payload).toMatchObject({
      MaHoSo: 'H15.50.05.13-261128-0001',
      LaMaChinhThuc: 1,
      MaDinhDanhDonVi: 'H15.50.05.13',
      TrangThaiHoSo: 9,
      LePhi: 8000,
      TrangThaiThanhToan: 2,
      ThanhToanTrucTuyen: 1,
      SoHoa: 1,
      KetQuaDienTu: 1,
      XacThucVNeID: 0,
      MucDoDinhDanh: null,
    });
    await db.updateTable('units').set({ identifier: null }).where('code', '=', unit).execute();
  });
});
