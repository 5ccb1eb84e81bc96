/**
 * The facts the service index needs about one dossier, and the counters a dossier contributes to
 * the daily rollup. Pure: no database, no clock. The same fold serves the incremental sink (one
 * event at a time, the previous facts read back from `dashboard_dossier_facts`) and the raw path
 * (every event of the dossier from `dossier_events`), so the two cannot drift apart.
 */
import { type IsoDate, toLocal } from '../calendar/calendar.time';

/** The dossier row fields the index reads (a subset of the processing projection). */
export interface DossierSnapshot {
  id: string;
  code: string | null;
  receiving_unit_code: string;
  procedure_code: string;
  channel: number;
  fee_vnd: number | null;
  payment_state: 'not_required' | 'unpaid' | 'paid';
  accepted_at: Date | string | null;
  due_at: Date | string | null;
  apology_due_at: Date | string | null;
  finished_at: Date | string | null;
  outcome: 'approved' | 'refused' | null;
  result_id: string | null;
  counted_late: boolean;
}

/** Facts read beside the row, through the same transaction (DOMAIN.md §5: capture them then). */
export interface DossierExtras {
  /** The procedure version offers end-to-end online service (toàn trình). */
  endToEndOffered: boolean;
  /** A confirmed online (VietQR) payment is linked to the dossier. */
  paidOnline: boolean;
  /** Component files are attached to the dossier. */
  hasFiles: boolean;
  /** Assurance level recorded at submission (2 = VNeID level 2 account). */
  assuranceLevel: 1 | 2 | null;
}

export interface DossierFacts {
  dossierId: string;
  code: string | null;
  unitCode: string;
  procedureCode: string;
  channel: number;
  acceptedAt: string | null;
  dueAt: string | null;
  apologyDueAt: string | null;
  finishedAt: string | null;
  outcome: 'approved' | 'refused' | null;
  /** Stop or accepted withdrawal: the end of processing when nothing was finished. */
  stoppedAt: string | null;
  withdrawn: boolean;
  supplementRequests: number;
  secondSupplementAt: string | null;
  countedLate: boolean;
  endToEndOffered: boolean;
  feeBearing: boolean;
  paidOnline: boolean;
  eResult: boolean;
  hasFiles: boolean;
  assuranceLevel: 1 | 2 | null;
}

export interface DossierEventFact {
  type: string;
  at: Date;
}

const iso = (d: Date | string | null): string | null =>
  d === null ? null : (d instanceof Date ? d : new Date(d)).toISOString();

/** Folds one event into the facts; row-derived fields always come from the row as it is now. */
export function foldEvent(
  prev: DossierFacts | null,
  event: DossierEventFact,
  row: DossierSnapshot,
  extras: DossierExtras,
): DossierFacts {
  const at = event.at.toISOString();
  const supplementRequests =
    (prev?.supplementRequests ?? 0) + (event.type === 'request_supplement' ? 1 : 0);
  const ends = event.type === 'accept_withdrawal' || event.type === 'stop';
  return {
    dossierId: row.id,
    code: row.code,
    unitCode: row.receiving_unit_code,
    procedureCode: row.procedure_code,
    channel: row.channel,
    acceptedAt: iso(row.accepted_at),
    dueAt: iso(row.due_at),
    apologyDueAt: iso(row.apology_due_at),
    finishedAt: iso(row.finished_at),
    outcome: row.outcome,
    stoppedAt: prev?.stoppedAt ?? (ends ? at : null),
    withdrawn: (prev?.withdrawn ?? false) || event.type === 'accept_withdrawal',
    supplementRequests,
    secondSupplementAt:
      prev?.secondSupplementAt ??
      (event.type === 'request_supplement' && supplementRequests === 2 ? at : null),
    countedLate: row.counted_late,
    endToEndOffered: extras.endToEndOffered,
    feeBearing: (row.fee_vnd ?? 0) > 0 || row.payment_state !== 'not_required',
    paidOnline: extras.paidOnline && row.payment_state === 'paid',
    eResult: row.result_id !== null,
    hasFiles: extras.hasFiles,
    assuranceLevel: extras.assuranceLevel,
  };
}

/** The Vietnam calendar date of an instant. */
export const dayOf = (instant: string): IsoDate => toLocal(new Date(instant)).date;

export type Timeliness =
  | { kind: 'on_time'; day: IsoDate; finishAt: string }
  | { kind: 'late'; day: IsoDate; finishAt: string | null; secondSupplement: boolean }
  | { kind: 'due_open'; day: IsoDate };

/**
 * DOMAIN.md §5 "on time", decided once per dossier on one day: finished (Đã xử lý xong, else a
 * stop or withdrawal) by the due date → on time on the finish day; a second supplement request →
 * late on that day; finished after the due date → late on the due day; still running → open on
 * the due day, which counts as late once that day has closed. The due date already excludes
 * supplement pauses; an apology's new date never replaces it (DOMAIN.md §4).
 */
export function timelinessOf(f: DossierFacts): Timeliness | null {
  if (!f.acceptedAt || !f.dueAt) return null;
  const finishAt = f.finishedAt ?? f.stoppedAt;
  if (f.countedLate) {
    return {
      kind: 'late',
      day: dayOf(f.secondSupplementAt ?? f.dueAt),
      finishAt,
      secondSupplement: true,
    };
  }
  if (finishAt) {
    if (Date.parse(finishAt) <= Date.parse(f.dueAt)) {
      return { kind: 'on_time', day: dayOf(finishAt), finishAt };
    }
    return { kind: 'late', day: dayOf(f.dueAt), finishAt, secondSupplement: false };
  }
  return { kind: 'due_open', day: dayOf(f.dueAt) };
}

export const counterKeys = [
  'received',
  'online',
  'online_vneid',
  'e2e_eligible',
  'e2e_online',
  'fee_bearing',
  'paid_online',
  'timely_on_time',
  'timely_late',
  'timely_due_open',
  'finished',
  'e_result',
  'digitised',
  'processing_ms',
] as const;
export type CounterKey = (typeof counterKeys)[number];
export type Counters = Record<CounterKey, number>;

export const emptyCounters = (): Counters =>
  Object.fromEntries(counterKeys.map((k) => [k, 0])) as Counters;

/** A dossier counts once its finish is "Đã xử lý xong" with an outcome (not a stop). */
export const isFinished = (f: DossierFacts): boolean => f.finishedAt !== null && f.outcome !== null;

/**
 * What one dossier adds to the daily counters, by Vietnam day: volume counters on the acceptance
 * day, timeliness on its decision day, results on the finish day. Not accepted → nothing.
 */
export function contribution(f: DossierFacts | null): Map<IsoDate, Counters> {
  const out = new Map<IsoDate, Counters>();
  if (!f?.acceptedAt) return out;
  const add = (day: IsoDate, key: CounterKey, n = 1) => {
    if (n === 0) return;
    const c = out.get(day) ?? emptyCounters();
    out.set(day, c);
    c[key] += n;
  };
  const accepted = dayOf(f.acceptedAt);
  const online = f.channel === 2;
  add(accepted, 'received');
  if (online) add(accepted, 'online');
  if (online && f.assuranceLevel === 2) add(accepted, 'online_vneid');
  if (f.endToEndOffered) add(accepted, 'e2e_eligible');
  if (f.endToEndOffered && online) add(accepted, 'e2e_online');
  if (f.feeBearing) add(accepted, 'fee_bearing');
  if (f.feeBearing && f.paidOnline) add(accepted, 'paid_online');
  const t = timelinessOf(f);
  if (t) add(t.day, `timely_${t.kind}`);
  if (isFinished(f)) {
    const day = dayOf(f.finishedAt!);
    add(day, 'finished');
    if (f.eResult) add(day, 'e_result');
    if (f.eResult && f.hasFiles) add(day, 'digitised');
    add(day, 'processing_ms', Math.max(0, Date.parse(f.finishedAt!) - Date.parse(f.acceptedAt)));
  }
  return out;
}

/** new − old, per day, dropping days where nothing changed. */
export function contributionDelta(
  before: DossierFacts | null,
  after: DossierFacts | null,
): Map<IsoDate, Counters> {
  const delta = new Map<IsoDate, Counters>();
  const apply = (m: Map<IsoDate, Counters>, sign: 1 | -1) => {
    for (const [day, c] of m) {
      const d = delta.get(day) ?? emptyCounters();
      delta.set(day, d);
      for (const k of counterKeys) d[k] += sign * c[k];
    }
  };
  apply(contribution(after), 1);
  apply(contribution(before), -1);
  for (const [day, c] of delta) if (counterKeys.every((k) => c[k] === 0)) delta.delete(day);
  return delta;
}

export function addCounters(into: Counters, c: Counters): Counters {
  for (const k of counterKeys) into[k] += c[k];
  return into;
}
