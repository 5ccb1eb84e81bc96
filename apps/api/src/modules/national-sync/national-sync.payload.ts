import { NATIONAL_SYNC_FORMAT_VERSION, type NationalSyncPayload } from '@cqs/shared';
import { AppError } from '../../http/errors';

type StatusCode = 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 | 10;

/**
 * What the dossier services hand over with every event they write: the dossier as it is after the
 * event. Each flag is captured when its event happens, because none can be reconstructed later
 * (DOMAIN.md §5).
 */
export interface NationalSyncInput {
  /** dossier_events.id of the event just written in the same transaction. */
  eventId: number;
  /** dossier_events.type, e.g. 'submitted', 'accepted', 'request_supplement'. */
  eventType: string;
  /** dossier_events.at */
  at: Date;
  dossier: {
    id: string;
    /** Official code, null until accepted. */
    code: string | null;
    /** Temporary reference TN-… */
    reference: string;
    procedureCode: string;
    procedureVersion: number;
    receivingUnitCode: string;
    handlingUnitCode: string;
    /** Receiving unit's identifier (prefix of official codes), null until set. */
    receivingUnitIdentifier: string | null;
    /** 1 in person, 2 online, 3 public post. */
    channel: 1 | 2 | 3;
    /** National status code after the event. */
    statusCode: StatusCode;
    submittedAt: Date;
    acceptedAt: Date | null;
    /** Due date on form 01 (the baseline). */
    dueAt: Date | null;
    /** New date promised by an apology (form 04). */
    apologyDueAt: Date | null;
    finishedAt: Date | null;
    returnedAt: Date | null;
    /** 'in_person' | 'online' | 'post' (dossiers.return_channel); null until returned. */
    returnChannel: string | null;
    feeVnd: number | null;
    paymentState: 'not_required' | 'unpaid' | 'paid';
    paidOnline: boolean;
    /** Components digitised / result issued electronically. */
    digitised: boolean;
    /** Result issued electronically, when the caller knows it apart from `digitised`. */
    electronicResult?: boolean;
    /** VNeID assurance level (1 or 2) when the resident signed in via VNeID; null otherwise. */
    applicantAssuranceLevel: number | null;
    applicantCitizenId: string | null;
  };
}

const VIETNAM_OFFSET_MS = 7 * 3_600_000;

/**
 * yyyyMMddHHmmss in Asia/Ho_Chi_Minh. Vietnam keeps UTC+07:00 all year (no daylight saving), so a
 * fixed offset is exact.
 */
export function portalDateTime(at: Date): string {
  return new Date(at.getTime() + VIETNAM_OFFSET_MS)
    .toISOString()
    .slice(0, 19)
    .replace(/[-T:]/g, '');
}

function optionalDate(at: Date | null): string | null {
  return at ? portalDateTime(at) : null;
}

const returnChannels: Record<string, 1 | 2 | 3> = { in_person: 1, online: 2, post: 3 };

function returnChannel(value: string | null): 1 | 2 | 3 | null {
  if (value === null) return null;
  const code = returnChannels[value];
  // Guessing would report a wrong channel to the portal: refuse, so the caller's change rolls back.
  if (!code) throw new AppError('NATIONAL_SYNC_PAYLOAD_INVALID');
  return code;
}
const paymentStates = { not_required: 0, unpaid: 1, paid: 2 } as const;

/** 12-digit personal identification numbers only; anything else is not sent. */
function citizenId(value: string | null): string | null {
  const trimmed = value?.trim() ?? '';
  return /^\d{12}$/.test(trimmed) ? trimmed : null;
}

/**
 * The record in the portal's vocabulary. Not validated here: the caller validates with
 * NationalSyncPayload, so a builder bug and bad input fail the same way.
 */
export function buildNationalSyncPayload(input: NationalSyncInput): NationalSyncPayload {
  const d = input.dossier;
  const level = d.applicantAssuranceLevel;
  const vneid = level === 1 || level === 2;
  return {
    PhienBanDinhDang: NATIONAL_SYNC_FORMAT_VERSION,
    MaHoSo: d.code ?? d.reference,
    LaMaChinhThuc: d.code ? 1 : 0,
    MaHoSoTam: d.reference,
    MaTTHC: d.procedureCode,
    PhienBanTTHC: d.procedureVersion,
    MaDonViTiepNhan: d.receivingUnitCode,
    MaDinhDanhDonVi: d.receivingUnitIdentifier,
    MaDonViXuLy: d.handlingUnitCode,
    KenhThucHien: d.channel,
    TrangThaiHoSo: d.statusCode,
    NgayNopHoSo: portalDateTime(d.submittedAt),
    NgayTiepNhan: optionalDate(d.acceptedAt),
    NgayHenTra: optionalDate(d.dueAt),
    NgayHenTraMoi: optionalDate(d.apologyDueAt),
    NgayKetThucXuLy: optionalDate(d.finishedAt),
    NgayTra: optionalDate(d.returnedAt),
    HinhThucTraKetQua: returnChannel(d.returnChannel),
    LePhi: d.feeVnd,
    TrangThaiThanhToan: paymentStates[d.paymentState],
    ThanhToanTrucTuyen: d.paidOnline ? 1 : 0,
    SoHoa: d.digitised ? 1 : 0,
    KetQuaDienTu: (d.electronicResult ?? d.digitised) ? 1 : 0,
    XacThucVNeID: vneid ? 1 : 0,
    MucDoDinhDanh: vneid ? level : null,
    SoDinhDanhChuHoSo: citizenId(d.applicantCitizenId),
    SuKien: {
      MaSuKien: input.eventId,
      LoaiSuKien: input.eventType,
      ThoiDiem: portalDateTime(input.at),
    },
  };
}
