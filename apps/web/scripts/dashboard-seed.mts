/**
 * Synthetic dossiers for looking at the operations dashboard (not for tests): a few to a few
 * dozen per commune since the start of the quarter, accepted, finished on time or late, some still
 * open past due, some online, paid online, with e-results — each change written with its event
 * through the real dashboard sink, so the rollups, drill-downs and alerts see them. Run against
 * the PostgreSQL database of a running demo platform (the live stream then announces them):
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/dbweb npx tsx apps/web/scripts/dashboard-seed.mts
 *   LIVE=1 …  adds one dossier every few seconds until stopped (to watch the page update).
 *
 * Dossiers are labelled DB-SEED in their reference; procedures are the catalogue's first ones.
 */
import { randomUUID } from 'node:crypto';
import { openDatabase } from '../../api/src/db/client';
import { systemClock } from '../../api/src/lib/clock';
import { dashboardRollupSink } from '../../api/src/modules/dashboard/dashboard.rollup';
import { recordDossierEvent } from '../../api/src/modules/processing/processing.events';
import type { DossierPatch } from '../../api/src/modules/processing/processing.repository';

const url = process.env.DATABASE_URL;
if (!url) throw new Error('DATABASE_URL is required (the running platform’s PostgreSQL)');
const database = await openDatabase({ url, poolMax: 2 });
const db = database.db;

// A fixed seed: the same data for the same database, so screenshots can be compared.
let state = Number(process.env.SEED ?? 766);
const random = () => {
  state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
  return state / 2 ** 31;
};
const pick = <T,>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
const hours = (n: number) => n * 3_600_000;

const communes = (
  await db
    .selectFrom('units')
    .select('code')
    .where('kind', '=', 'commune')
    .orderBy('code')
    .execute()
).map((u) => u.code);
// Everyday commune procedures (birth, marriage, death registration, household business).
const commonCodes = ['1.001193', '1.000894', '1.000656', '1.001612', '1.004884', '1.001266'];
const procedures = await db
  .selectFrom('procedures')
  .select(['code', 'current_version'])
  .where('code', 'in', commonCodes)
  .orderBy('code')
  .execute();
if (procedures.length === 0)
  throw new Error('none of the usual commune procedures is in the catalogue');

async function event(id: string, type: string, at: Date, patch: DossierPatch, data = {}) {
  await db.transaction().execute(async (trx) => {
    const row = await trx
      .updateTable('dossiers')
      .set({ ...patch, updated_at: at })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordDossierEvent(
      trx,
      systemClock,
      [dashboardRollupSink],
      {
        dossierId: id,
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

let seq = 0;
/** One dossier's life: submitted, accepted, maybe finished (on time or late). */
async function dossier(unit: string, submittedAt: Date, now: Date, quality: number) {
  const id = randomUUID();
  seq += 1;
  const procedure = pick(procedures);
  const online = random() < 0.25 + quality * 0.5;
  await db
    .insertInto('dossiers')
    .values({
      id,
      reference: `DB-SEED-${id.slice(0, 8).toUpperCase()}`,
      code: `H15.50.${unit}-${String(seq).padStart(5, '0')}`,
      procedure_code: procedure.code,
      procedure_version: procedure.current_version,
      receiving_unit_code: unit,
      handling_unit_code: unit,
      channel: online ? 2 : 1,
      status_code: 1,
      state: 'submitted',
      answers: '{}',
      applicant_name: pick([
        'Nguyễn Thị Hoa',
        'Y Bih Niê',
        'Trần Văn Nam',
        "H'Hen Êban",
        'Lê Minh Tuấn',
      ]),
      fee_vnd: null,
      payment_state: 'not_required',
      submitted_at: submittedAt,
      created_at: submittedAt,
      updated_at: submittedAt,
    })
    .execute();
  await event(
    id,
    'submitted',
    submittedAt,
    {},
    { assuranceLevel: online && random() < 0.7 ? 2 : 1 },
  );
  const accepted = new Date(submittedAt.getTime() + hours(2));
  const days = pick([3, 5, 7, 10]);
  const due = new Date(accepted.getTime() + hours(24 * Math.round(days * 1.4)));
  await event(id, 'accepted', accepted, {
    state: 'accepted',
    status_code: 2,
    accepted_at: accepted,
    time_limit_amount: days,
    time_limit_unit: 'working_days',
    due_at: due,
  });
  // Better communes finish more, and more often on time.
  const late = random() > 0.55 + quality * 0.43;
  const finishAt = new Date(
    late
      ? due.getTime() + hours(24 * (1 + Math.floor(random() * 6)))
      : accepted.getTime() + (due.getTime() - accepted.getTime()) * random(),
  );
  if (finishAt.getTime() < now.getTime() && random() < 0.85) {
    await event(id, 'sign', finishAt, {
      state: 'finished',
      status_code: 9,
      finished_at: finishAt,
      outcome: 'approved',
      result_id: random() < 0.5 + quality * 0.45 ? randomUUID() : null,
    });
  }
}

const now = new Date();
const quarterStart = new Date(
  Date.UTC(now.getUTCFullYear(), Math.floor(now.getUTCMonth() / 3) * 3, 1, 1),
);
const span = now.getTime() - quarterStart.getTime();

if (process.env.LIVE === '1') {
  console.log('Một hồ sơ mới mỗi 4 giây (Ctrl+C để dừng) / one dossier every 4 s');
  for (;;) {
    const unit = pick(communes);
    await dossier(unit, new Date(Date.now() - hours(3)), new Date(), random());
    console.log(`+1 ${unit}`);
    await new Promise((r) => setTimeout(r, 4_000));
  }
} else {
  let count = 0;
  for (const unit of communes) {
    const quality = random();
    const n = 3 + Math.floor(random() * 22);
    for (let i = 0; i < n; i += 1) {
      await dossier(unit, new Date(quarterStart.getTime() + span * random() * 0.95), now, quality);
      count += 1;
    }
  }
  console.log(`${count} hồ sơ trong ${communes.length} xã, phường / dossiers seeded`);
  await database.close();
}
