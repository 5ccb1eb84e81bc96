/**
 * Who files what, for the province-scale dashboard benchmark: the 102 communes weighted by their
 * published population, and the seeded catalogue's procedures weighted by an assumed mix (no
 * public per-procedure volume data exists in ../shared/data). Commune-level civil status and
 * certification dominate; province-level procedures (10 %) are received by the provincial Public
 * Administration Service Centre. Time limits and fees come from each version's own record through
 * the app's functions, so a generated dossier gets what the reception desk would give it.
 */
import type { CatalogueRecord } from '@cqs/shared';
import { sql } from 'kysely';
import type { Db } from '../apps/api/src/db/client';
import { onlineTimeLimit } from '../apps/api/src/modules/reception/reception.service';

export interface MixProcedure {
  code: string;
  version: number;
  atCentre: boolean;
  offeredOnline: boolean;
  endToEnd: boolean;
  limitAmount: number | null;
  limitUnit: 'working_days' | 'calendar_days' | 'working_hours' | null;
  /** Fee by channel (1 in person, 2 online, 3 post); null when the record gives none. */
  fees: [number | null, number | null, number | null];
  weight: number;
}

/** Share of all dossiers per group, and the named procedures' share inside their group. */
const GROUPS: { share: number; field: string | null; top: Record<string, number> }[] = [
  // Chứng thực: copies certified from originals and signatures are the daily bulk of a commune.
  { share: 0.3, field: 'Chứng thực', top: { '2.000815': 0.7, '2.000884': 0.2 } },
  {
    share: 0.25,
    field: 'Hộ tịch',
    top: {
      '1.001193': 0.3, // khai sinh
      '1.004873': 0.18, // xác nhận tình trạng hôn nhân
      '1.000894': 0.14, // kết hôn
      '2.000635': 0.14, // bản sao trích lục hộ tịch
      '1.000656': 0.1, // khai tử
      '1.004859': 0.04, // thay đổi, cải chính hộ tịch
    },
  },
  {
    share: 0.12,
    field: 'Đăng ký, quản lý cư trú',
    top: { '1.004194': 0.35, '1.004222': 0.3, '1.010041': 0.15 },
  },
  {
    share: 0.05,
    field: 'Cấp, quản lý căn cước',
    top: { '1.014061': 0.35, '1.014063': 0.3, '1.014064': 0.15, '1.014062': 0.1 },
  },
  { share: 0.04, field: 'Đất đai', top: { '1.013978': 0.4 } },
  { share: 0.14, field: null, top: {} }, // every other commune-level procedure
];
const CENTRE_SHARE = 0.1;
/** Province-level procedures drawn for the service centre (a long tail is realistic, all 1,211 is not). */
const CENTRE_PROCEDURES = 120;
/** Offered-online procedures of these fields are published as toàn trình (the province sets it). */
const END_TO_END_FIELDS = new Set([
  'Hộ tịch',
  'Đăng ký, quản lý cư trú',
  'Cấp, quản lý căn cước',
  'Thành lập và hoạt động doanh nghiệp (hộ kinh doanh)',
]);

const CHANNEL_KEYS = ['truc_tiep', 'truc_tuyen', 'buu_chinh'] as const;

/** Named shares first, the rest of the group by 1/rank over code order (a long tail). */
function spread(codes: string[], top: Record<string, number>): Map<string, number> {
  const out = new Map<string, number>();
  let named = 0;
  for (const c of codes) {
    if (top[c] !== undefined) {
      out.set(c, top[c]);
      named += top[c];
    }
  }
  const rest = codes.filter((c) => top[c] === undefined).sort();
  const harmonic = rest.reduce((s, _c, i) => s + 1 / (i + 1), 0);
  rest.forEach((c, i) => {
    out.set(c, ((1 - named) * (1 / (i + 1))) / harmonic);
  });
  return out;
}

/**
 * The procedure mix from the seeded catalogue. Publishes toàn trình versions where the province
 * would (a new version, as a publication does: versions are immutable).
 */
export async function loadProcedureMix(db: Db): Promise<MixProcedure[]> {
  const rows = await db
    .selectFrom('procedures as p')
    .innerJoin('procedure_versions as v', (j) =>
      j.onRef('v.procedure_code', '=', 'p.code').onRef('v.version', '=', 'p.current_version'),
    )
    .select(['p.code', 'p.field', 'v.version', 'v.record', 'v.offered_online', 'v.online_level'])
    .select('v.receiving_level')
    .orderBy('p.code')
    .execute();
  const commune = rows.filter((r) => r.receiving_level === 'commune');
  const province = rows.filter((r) => r.receiving_level === 'province');
  const weights = new Map<string, number>();
  const namedFields = new Set(GROUPS.flatMap((g) => (g.field ? [g.field] : [])));
  for (const g of GROUPS) {
    const codes = commune
      .filter((r) => (g.field ? r.field === g.field : !namedFields.has(r.field)))
      .map((r) => r.code);
    for (const [c, w] of spread(codes, g.top)) weights.set(c, w * g.share);
  }
  // Every n-th province-level procedure by code (about 110), so fields mix without a hand-picked list.
  const centre = province.filter(
    (_r, i) => i % Math.ceil(province.length / CENTRE_PROCEDURES) === 0,
  );
  for (const [c, w] of spread(
    centre.map((r) => r.code),
    {},
  ))
    weights.set(c, w * CENTRE_SHARE);

  const out: MixProcedure[] = [];
  for (const r of [...commune, ...centre]) {
    const weight = weights.get(r.code) ?? 0;
    if (weight <= 0) continue;
    const record = r.record as unknown as CatalogueRecord;
    const limit = onlineTimeLimit(record);
    const fees = CHANNEL_KEYS.map((k) => {
      const fee = record.channels.find((c) => c.channel === k)?.fee_vnd;
      return fee == null ? null : fee;
    }) as MixProcedure['fees'];
    const endToEnd = r.offered_online && END_TO_END_FIELDS.has(r.field);
    let version = r.version;
    if (endToEnd && r.online_level !== 'toan_trinh') {
      version = await publishEndToEnd(db, r.code, r.version);
    }
    out.push({
      code: r.code,
      version,
      atCentre: r.receiving_level === 'province',
      offeredOnline: r.offered_online,
      endToEnd,
      limitAmount: limit?.amount ?? null,
      limitUnit: limit?.unit ?? null,
      fees,
      weight,
    });
  }
  return out;
}

async function publishEndToEnd(db: Db, code: string, version: number): Promise<number> {
  const next = version + 1;
  await sql`
    insert into procedure_versions (procedure_code, version, record, offered_online, online_level,
      receiving_level, responsible_unit_code, fee_overrides, local_notes, published_at,
      published_by, effective_from)
    select procedure_code, ${next}, record, offered_online, 'toan_trinh', receiving_level,
      responsible_unit_code, fee_overrides, 'Benchmark: toàn trình', published_at, null,
      effective_from
    from procedure_versions where procedure_code = ${code} and version = ${version}`.execute(db);
  await db
    .updateTable('procedures')
    .set({ current_version: next })
    .where('code', '=', code)
    .execute();
  return next;
}

/** Communes by published population (the weight of each in the draw). */
export async function loadCommunes(db: Db): Promise<{ code: string; population: number }[]> {
  const rows = await db
    .selectFrom('units')
    .select(['code', 'population'])
    .where('kind', '=', 'commune')
    .orderBy('code')
    .execute();
  return rows.map((r) => ({ code: r.code, population: Number(r.population ?? 0) || 1 }));
}

/**
 * `size` slots holding item indexes (1-based, for SQL arrays) in proportion to the weights
 * (largest remainder; every item keeps at least one slot). `array[1 + floor(random() * size)]`
 * is then a weighted draw inside one SQL statement.
 */
export function weightedSlots(weights: readonly number[], size: number): number[] {
  const total = weights.reduce((s, w) => s + w, 0);
  const exact = weights.map((w) => (w / total) * size);
  const counts = exact.map((x) => Math.max(1, Math.floor(x)));
  let left = size - counts.reduce((s, c) => s + c, 0);
  const order = exact
    .map((x, i) => ({ i, frac: x - Math.floor(x) }))
    .sort((a, b) => b.frac - a.frac);
  for (let k = 0; left > 0; k = (k + 1) % order.length, left -= 1) counts[order[k]!.i]! += 1;
  const slots: number[] = [];
  counts.forEach((c, i) => {
    for (let k = 0; k < c; k += 1) slots.push(i + 1);
  });
  return slots.slice(0, size);
}
