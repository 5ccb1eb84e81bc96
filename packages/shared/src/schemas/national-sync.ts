import { z } from 'zod';

/**
 * Feed to the National Public Service Portal (Cổng Dịch vụ công quốc gia, DVCQG): one JSON record
 * per dossier event, in the portal's vocabulary (DOMAIN.md §3 status 1–10 and channel 1–3; §5 flags
 * for the service index). Field names follow the DVCQG dossier-sync style; the field table and the
 * reasons are in docs/NATIONAL-SYNC.md.
 */

/** yyyyMMddHHmmss in Asia/Ho_Chi_Minh (UTC+07:00, no daylight saving), as the DVCQG sync API uses. */
export const PortalDateTime = z
  .string()
  .regex(
    /^\d{4}(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])([01]\d|2[0-3])[0-5]\d[0-5]\d$/,
    'Thời điểm phải theo định dạng yyyyMMddHHmmss (giờ Việt Nam)',
  );

const Flag = z.union([z.literal(0), z.literal(1)]);

/** Format version; a change that a receiver must know about increments it. */
export const NATIONAL_SYNC_FORMAT_VERSION = 1;

export const NationalSyncPayload = z
  .object({
    PhienBanDinhDang: z.literal(NATIONAL_SYNC_FORMAT_VERSION),
    /** Official code once accepted; before that the temporary reference (TN-…). */
    MaHoSo: z.string().min(1).max(64),
    /** 1 = MaHoSo is the official code, 0 = it is still the temporary reference. */
    LaMaChinhThuc: Flag,
    MaHoSoTam: z.string().min(1).max(64),
    MaTTHC: z.string().min(1).max(32),
    PhienBanTTHC: z.number().int().min(1),
    MaDonViTiepNhan: z.string().min(1).max(32),
    /** The receiving unit's identifier (prefix of official codes); null until one is set. */
    MaDinhDanhDonVi: z.string().min(1).max(64).nullable(),
    MaDonViXuLy: z.string().min(1).max(32),
    /** 1 in person, 2 online, 3 public post. */
    KenhThucHien: z.union([z.literal(1), z.literal(2), z.literal(3)]),
    /** National status code 1–10. */
    TrangThaiHoSo: z.number().int().min(1).max(10),
    NgayNopHoSo: PortalDateTime,
    NgayTiepNhan: PortalDateTime.nullable(),
    /** Appointment date on form 01: the statistics baseline. */
    NgayHenTra: PortalDateTime.nullable(),
    /** New appointment date promised by an apology (form 04); NgayHenTra stays the baseline. */
    NgayHenTraMoi: PortalDateTime.nullable(),
    /** "Đã xử lý xong" time (or refusal, stop, withdrawal). */
    NgayKetThucXuLy: PortalDateTime.nullable(),
    /** Result handed to the applicant. */
    NgayTra: PortalDateTime.nullable(),
    /** How the result was returned: 1 in person, 2 online, 3 public post; null until returned. */
    HinhThucTraKetQua: z.union([z.literal(1), z.literal(2), z.literal(3)]).nullable(),
    /** Fee in đồng; null when the procedure has none. */
    LePhi: z.number().int().min(0).nullable(),
    /** 0 not required, 1 unpaid, 2 paid. */
    TrangThaiThanhToan: z.union([z.literal(0), z.literal(1), z.literal(2)]),
    ThanhToanTrucTuyen: Flag,
    /** Component documents digitised (service index, digitisation group). */
    SoHoa: Flag,
    /** Result issued electronically. */
    KetQuaDienTu: Flag,
    /** 1 when the applicant signed in with VNeID. */
    XacThucVNeID: Flag,
    /** VNeID assurance level (1 or 2); null without VNeID. */
    MucDoDinhDanh: z.union([z.literal(1), z.literal(2)]).nullable(),
    /**
     * 12-digit personal identification number of the applicant: the portal files the dossier in
     * the citizen's account and personal data store by it (see docs/NATIONAL-SYNC.md).
     */
    SoDinhDanhChuHoSo: z
      .string()
      .regex(/^\d{12}$/, 'Số định danh cá nhân gồm đúng 12 chữ số')
      .nullable(),
    /** The event that produced this record. */
    SuKien: z
      .object({
        MaSuKien: z.number().int().min(1),
        LoaiSuKien: z
          .string()
          .min(1)
          .max(64)
          .regex(/^[a-z][a-z0-9_]*$/),
        ThoiDiem: PortalDateTime,
      })
      .strict(),
  })
  .strict()
  .superRefine((p, ctx) => {
    if (p.XacThucVNeID === 1 && p.MucDoDinhDanh === null) {
      ctx.addIssue({
        code: 'custom',
        path: ['MucDoDinhDanh'],
        message: 'Có xác thực VNeID thì phải có mức độ định danh',
      });
    }
    if (p.XacThucVNeID === 0 && p.MucDoDinhDanh !== null) {
      ctx.addIssue({
        code: 'custom',
        path: ['MucDoDinhDanh'],
        message: 'Không xác thực VNeID thì không có mức độ định danh',
      });
    }
    if (p.ThanhToanTrucTuyen === 1 && p.TrangThaiThanhToan !== 2) {
      ctx.addIssue({
        code: 'custom',
        path: ['ThanhToanTrucTuyen'],
        message: 'Thanh toán trực tuyến chỉ có khi hồ sơ đã nộp phí',
      });
    }
    if (p.LaMaChinhThuc === 0 && p.MaHoSo !== p.MaHoSoTam) {
      ctx.addIssue({
        code: 'custom',
        path: ['MaHoSo'],
        message: 'Chưa có mã chính thức thì mã hồ sơ là mã tạm',
      });
    }
    if (p.TrangThaiHoSo >= 2 && p.TrangThaiHoSo !== 3 && p.NgayTiepNhan === null) {
      // 7 (withdrawal) and 8 (stop) can follow status 1 directly, before any acceptance.
      if (p.TrangThaiHoSo !== 7 && p.TrangThaiHoSo !== 8) {
        ctx.addIssue({
          code: 'custom',
          path: ['NgayTiepNhan'],
          message: 'Hồ sơ đã được tiếp nhận thì phải có ngày tiếp nhận',
        });
      }
    }
    if (p.TrangThaiHoSo === 10 && p.NgayTra === null) {
      ctx.addIssue({
        code: 'custom',
        path: ['NgayTra'],
        message: 'Hồ sơ đã trả kết quả thì phải có ngày trả',
      });
    }
  });
export type NationalSyncPayload = z.infer<typeof NationalSyncPayload>;

// ---- Administration: failed syncs and retries ----

export const nationalSyncStates = ['pending', 'sent', 'failed'] as const;
export type NationalSyncState = (typeof nationalSyncStates)[number];

export const NationalSyncListQuery = z
  .object({
    state: z.enum(nationalSyncStates).default('failed'),
    limit: z.coerce.number().int().min(1).max(200).default(50),
    /** Id of the last item of the previous page (items come newest first). */
    cursor: z.coerce.number().int().min(1).optional(),
  })
  .strict();
export type NationalSyncListQuery = z.infer<typeof NationalSyncListQuery>;

export const NationalSyncItem = z.object({
  id: z.number().int(),
  state: z.enum(nationalSyncStates),
  dossierId: z.string(),
  dossierCode: z.string().nullable(),
  dossierReference: z.string(),
  eventId: z.number().int(),
  eventType: z.string(),
  statusCode: z.number().int(),
  attempts: z.number().int(),
  /** Technical reason of the last failed attempt (status and a body excerpt); no personal data. */
  lastError: z.string().nullable(),
  /** HTTP status of the last answer; null when no answer came (network, timeout). */
  lastStatus: z.number().int().nullable(),
  createdAt: z.string(),
  nextAttemptAt: z.string().nullable(),
  sentAt: z.string().nullable(),
  /** Pending but held back: an earlier record of the same dossier is pending or failed. */
  blocked: z.boolean(),
});
export type NationalSyncItem = z.infer<typeof NationalSyncItem>;

export const NationalSyncList = z.object({
  /** 'portal' = NATIONAL_SYNC_URL set; 'simulator' = demo's built-in endpoint; 'off' = not configured. */
  target: z.enum(['portal', 'simulator', 'off']),
  configured: z.boolean(),
  counts: z.object({ pending: z.number().int(), sent: z.number().int(), failed: z.number().int() }),
  items: z.array(NationalSyncItem),
  nextCursor: z.number().int().nullable(),
});
export type NationalSyncList = z.infer<typeof NationalSyncList>;

export const NationalSyncIdParam = z.object({ id: z.coerce.number().int().min(1) }).strict();
export type NationalSyncIdParam = z.infer<typeof NationalSyncIdParam>;

export const NationalSyncRetryResult = z.object({ retried: z.number().int() });
export type NationalSyncRetryResult = z.infer<typeof NationalSyncRetryResult>;

/** What the portal (and the built-in simulator) answers to an accepted record. */
export const NationalSyncAck = z.object({ ok: z.literal(true), MaHoSo: z.string() });
export type NationalSyncAck = z.infer<typeof NationalSyncAck>;
