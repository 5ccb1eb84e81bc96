/**
 * Form 05 (Phiếu kiểm soát quá trình giải quyết hồ sơ) as a projection of the dossier's events:
 * one row per hand-off, who handed over to whom, when, and whether the party handing over did so
 * before, on or after the step due date in force for it (DOMAIN.md §3: the sheet is a projection
 * of the events, never stored on its own).
 */

export interface PrintEvent {
  id: number;
  type: string;
  at: Date;
  actorId: string | null;
  unitCode: string | null;
  note: string | null;
  data: Record<string, unknown>;
}

/** One side of a hand-off: the one-stop desk of a unit, a processing unit, or the applicant. */
export type Party =
  | { kind: 'desk'; unitCode: string; officerId: string | null }
  | {
      kind: 'unit';
      unitCode: string;
      officerId: string | null;
      officerName?: string;
      role?: 'leader';
    }
  | { kind: 'applicant' };

export type HandOffResult = 'early' | 'on_time' | 'late';

export interface HandOff {
  eventId: number;
  type: string;
  from: Party;
  to: Party;
  at: Date;
  /** The due date the party handing over had to meet; null when none is known. */
  dueAt: Date | null;
  result: HandOffResult | null;
  note: string | null;
}

export interface ControlSheetDossier {
  dueAt: Date | null;
  receivingUnitCode: string;
  handlingUnitCode: string;
}

/** Same rule as CalendarService.timeliness for a finished step (earlier day, same day, after). */
export type Judge = (due: Date, at: Date) => HandOffResult;

const HAND_OFF_TYPES = new Set([
  'accepted',
  'assign',
  'transfer',
  'transfer_lien_thong',
  'submit_for_signature',
  'return_for_revision',
  'sign',
  'refuse_on_merits',
  'mark_finished',
  'return_result',
]);

/**
 * Events whose `dueAt` must not move the due date in force: a request to the applicant or an
 * apology's promise (the original due date stays the baseline, DOMAIN.md §4).
 */
const NOT_THE_DOSSIER_DUE = new Set(['request_supplement', 'guide_to_complete', 'apologise']);

const HAND_OFF_NOTES: Record<string, string> = {
  accepted: 'Tiếp nhận, chuyển xử lý',
  assign: 'Phân công xử lý',
  transfer: 'Chuyển đơn vị xử lý',
  transfer_lien_thong: 'Chuyển liên thông',
  submit_for_signature: 'Trình ký',
  return_for_revision: 'Trả lại để chỉnh sửa',
  sign: 'Đã ký duyệt kết quả',
  refuse_on_merits: 'Từ chối giải quyết',
  mark_finished: 'Hoàn thành xử lý, chuyển trả kết quả',
  return_result: 'Trả kết quả cho người nộp',
};

function str(value: unknown): string | null {
  return typeof value === 'string' && value.length > 0 ? value : null;
}

function instant(value: unknown): Date | null {
  const s = str(value);
  if (!s) return null;
  const d = new Date(s);
  return Number.isNaN(d.getTime()) ? null : d;
}

export function isHandOff(type: string): boolean {
  return HAND_OFF_TYPES.has(type);
}

/** The hand-offs of a dossier in event order (events must be sorted by id). */
export function controlSheetRows(
  dossier: ControlSheetDossier,
  events: PrintEvent[],
  judge: Judge,
): HandOff[] {
  const firstTransfer = events.find(
    (e) => e.type === 'transfer' || e.type === 'transfer_lien_thong',
  );
  const firstHandler = str(firstTransfer?.data.fromUnitCode) ?? dossier.handlingUnitCode;
  let holderUnit = firstHandler;
  let specialist: string | null = null;
  let overallDue = dossier.dueAt;
  let stepDue: Date | null = null;
  const rows: HandOff[] = [];

  for (const e of events) {
    if (isHandOff(e.type)) {
      const d = e.data;
      const actorUnit = e.unitCode ?? holderUnit;
      let from: Party;
      let to: Party;
      switch (e.type) {
        case 'accepted':
          from = { kind: 'desk', unitCode: dossier.receivingUnitCode, officerId: e.actorId };
          to = {
            kind: 'unit',
            unitCode: str(d.toUnitCode) ?? str(d.handlingUnitCode) ?? firstHandler,
            officerId: str(d.toOfficerId),
          };
          break;
        case 'assign':
          from = {
            kind: 'unit',
            unitCode: actorUnit,
            officerId: str(d.fromOfficerId) ?? e.actorId,
          };
          to = {
            kind: 'unit',
            unitCode: actorUnit,
            officerId: str(d.toOfficerId),
            ...(str(d.toOfficerName) ? { officerName: str(d.toOfficerName)! } : {}),
          };
          specialist = str(d.toOfficerId) ?? specialist;
          break;
        case 'transfer':
        case 'transfer_lien_thong':
          from = {
            kind: 'unit',
            unitCode: str(d.fromUnitCode) ?? holderUnit,
            officerId: e.actorId,
          };
          to = {
            kind: 'unit',
            unitCode: str(d.toUnitCode) ?? holderUnit,
            officerId: str(d.toOfficerId),
          };
          break;
        case 'submit_for_signature':
          from = { kind: 'unit', unitCode: holderUnit, officerId: e.actorId };
          to = {
            kind: 'unit',
            unitCode: holderUnit,
            officerId: str(d.toOfficerId),
            role: 'leader',
          };
          specialist = e.actorId ?? specialist;
          break;
        case 'return_for_revision':
          from = { kind: 'unit', unitCode: holderUnit, officerId: e.actorId, role: 'leader' };
          to = { kind: 'unit', unitCode: holderUnit, officerId: str(d.toOfficerId) ?? specialist };
          break;
        case 'return_result':
          // Results are handed over at the receiving unit's desk, wherever the dossier was handled
          // (the event's unit is the handling unit).
          from = { kind: 'desk', unitCode: dossier.receivingUnitCode, officerId: e.actorId };
          to = { kind: 'applicant' };
          break;
        default: // sign, refuse_on_merits, mark_finished: the result goes back to the desk
          from = { kind: 'unit', unitCode: holderUnit, officerId: e.actorId };
          to = { kind: 'desk', unitCode: dossier.receivingUnitCode, officerId: null };
      }
      const due = stepDue ?? overallDue;
      const extra = e.note ? `: ${e.note}` : '';
      rows.push({
        eventId: e.id,
        type: e.type,
        from,
        to,
        at: e.at,
        dueAt: due,
        result: due ? judge(due, e.at) : null,
        note: `${HAND_OFF_NOTES[e.type] ?? e.type}${extra}`,
      });
      // The receiving side now holds the dossier, with the step due date this hand-off set.
      if (to.kind === 'unit') holderUnit = to.unitCode;
      stepDue = instant(d.stepDueAt);
    }
    if (!NOT_THE_DOSSIER_DUE.has(e.type)) overallDue = instant(e.data.dueAt) ?? overallDue;
  }
  return rows;
}

/** Units that held the dossier (in order) and units consulted through liên thông. */
export function unitsInvolved(rows: HandOff[]): { handling: string[]; coordinating: string[] } {
  const handling: string[] = [];
  const coordinating: string[] = [];
  for (const r of rows) {
    if (r.to.kind !== 'unit') continue;
    const list = r.type === 'transfer_lien_thong' ? coordinating : handling;
    if (!list.includes(r.to.unitCode)) list.push(r.to.unitCode);
  }
  return { handling, coordinating };
}
