import { randomUUID } from 'node:crypto';
import type { TestApp } from '../../test/test-app';
import { recordDossierEvent } from '../processing/processing.events';
import type { DossierPatch } from '../processing/processing.repository';
import { dashboardRollupSink } from './dashboard.rollup';

/**
 * Two procedures: one offered end to end online (toàn trình) and one not offered online. The seed
 * sets no online level, so each gets a new version with the setting, as a publication would.
 */
export async function proceduresByLevel(app: TestApp) {
  const db = app.database.db;
  const base = await db
    .selectFrom('procedures as p')
    .innerJoin('procedure_versions as v', (j) =>
      j.onRef('v.procedure_code', '=', 'p.code').onRef('v.version', '=', 'p.current_version'),
    )
    .selectAll('v')
    .orderBy('p.code')
    .limit(2)
    .execute();
  const publish = async (row: (typeof base)[number], online: boolean) => {
    const version = row.version + 1;
    await db
      .insertInto('procedure_versions')
      .values({
        procedure_code: row.procedure_code,
        version,
        record: JSON.stringify(row.record),
        offered_online: online,
        online_level: online ? 'toan_trinh' : null,
        receiving_level: row.receiving_level,
        responsible_unit_code: row.responsible_unit_code,
        fee_overrides: JSON.stringify(row.fee_overrides),
        local_notes: null,
        published_at: row.published_at,
        published_by: null,
        effective_from: row.effective_from,
      })
      .execute();
    await db
      .updateTable('procedures')
      .set({ current_version: version })
      .where('code', '=', row.procedure_code)
      .execute();
    return { code: row.procedure_code, version };
  };
  return { endToEnd: await publish(base[0]!, true), inPerson: await publish(base[1]!, false) };
}

export interface NewSynthetic {
  unit: string;
  procedure: { code: string; version: number };
  channel: 1 | 2 | 3;
  submittedAt: Date;
  feeVnd?: number | null;
  assuranceLevel?: 1 | 2 | null;
}

let seq = 0;

/**
 * A dossier written straight to the tables with its 'submitted' event through the real sink:
 * tests choose every date and flag without driving the whole one-stop workflow.
 */
export async function newDossier(app: TestApp, d: NewSynthetic): Promise<string> {
  const id = randomUUID();
  seq += 1;
  await app.database.db
    .insertInto('dossiers')
    .values({
      id,
      reference: `TN-DASH-${id.slice(0, 8).toUpperCase()}`,
      code: `DASH-${String(seq).padStart(5, '0')}-${id.slice(0, 4)}`,
      procedure_code: d.procedure.code,
      procedure_version: d.procedure.version,
      receiving_unit_code: d.unit,
      handling_unit_code: d.unit,
      channel: d.channel,
      status_code: 1,
      state: 'submitted',
      answers: '{}',
      applicant_name: 'Y Bih Niê',
      fee_vnd: d.feeVnd ?? null,
      payment_state: d.feeVnd ? 'unpaid' : 'not_required',
      submitted_at: d.submittedAt,
      created_at: d.submittedAt,
      updated_at: d.submittedAt,
    })
    .execute();
  await event(
    app,
    id,
    'submitted',
    d.submittedAt,
    {},
    { assuranceLevel: d.assuranceLevel ?? null },
  );
  return id;
}

/** Applies `patch` to the dossier and records the event through the dashboard sink, in one transaction. */
export async function event(
  app: TestApp,
  dossierId: string,
  type: string,
  at: Date,
  patch: DossierPatch = {},
  data: Record<string, unknown> = {},
): Promise<void> {
  await app.database.db.transaction().execute(async (trx) => {
    const row = await trx
      .updateTable('dossiers')
      .set({ ...patch, updated_at: at })
      .where('id', '=', dossierId)
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordDossierEvent(
      trx,
      app.clock,
      [dashboardRollupSink],
      {
        dossierId,
        type,
        statusCode: row.status_code,
        at,
        actorId: null,
        actorKind: 'system',
        unitCode: row.handling_unit_code,
        public: false,
        note: null,
        data,
      },
      row,
    );
  });
}

/** A confirmed online payment linked to the dossier (then the 'payment_received' event). */
export async function payOnline(app: TestApp, dossierId: string, userId: string, at: Date) {
  const d = await app.database.db
    .selectFrom('dossiers')
    .selectAll()
    .where('id', '=', dossierId)
    .executeTakeFirstOrThrow();
  const ref = randomUUID().replace(/-/g, '').slice(0, 10).toUpperCase();
  await app.database.db
    .insertInto('payments')
    .values({
      id: randomUUID(),
      dossier_id: dossierId,
      user_id: userId,
      procedure_code: d.procedure_code,
      procedure_version: d.procedure_version,
      unit_code: d.receiving_unit_code,
      amount_vnd: d.fee_vnd ?? 10000,
      reference: `CQS${ref}`,
      state: 'paid',
      provider_txn_id: `txn-${dossierId}`,
      bank_bin: '970418',
      account_number: '1234567890',
      account_name: 'TRUNG TAM PVHCC',
      is_demo: true,
      created_at: at,
      paid_at: at,
      expires_at: at,
      receipt_no: `BL-2026-${ref}`,
    })
    .execute();
  await event(app, dossierId, 'payment_received', at, { payment_state: 'paid' });
}

/** A component file attached to the dossier (digitised components). */
export async function attachFile(app: TestApp, dossierId: string, userId: string, at: Date) {
  await app.database.db
    .insertInto('files')
    .values({
      id: randomUUID(),
      owner_user_id: userId,
      bundle_id: `dossier:${dossierId}`,
      purpose: 'to-khai',
      original_name: 'to-khai.pdf',
      stored_name: `2026/04/${randomUUID()}`,
      media_type: 'application/pdf',
      size_bytes: 1000,
      sha256: 'b'.repeat(64),
      created_at: at,
    })
    .execute();
}

/** Vietnam local time → instant. */
export const vn = (local: string) => new Date(`${local}+07:00`);
