import { NationalSyncPayload } from '@cqs/shared';
import { describe, expect, it } from 'vitest';
import {
  buildNationalSyncPayload,
  type NationalSyncInput,
  portalDateTime,
} from './national-sync.payload';

/** A returned, paid-online, digitised dossier: every field has a value. */
function fullInput(): NationalSyncInput {
  return {
    eventId: 4812,
    eventType: 'return_result',
    at: new Date('2026-05-05T09:15:07+07:00'),
    dossier: {
      id: '0b8f2a8e-6c1d-4f43-9d0e-2f7a1c3b5d71',
      code: 'H15.50.05.13-260429-0975',
      reference: 'TN-260429-7KQ2MZ',
      procedureCode: '1.001193',
      procedureVersion: 3,
      receivingUnitCode: '24133',
      handlingUnitCode: '66-STP',
      receivingUnitIdentifier: 'H15.50.05.13',
      channel: 2,
      statusCode: 10,
      // 23:30 UTC on 28/4 is already 29/4 in Vietnam.
      submittedAt: new Date('2026-04-28T23:30:00Z'),
      acceptedAt: new Date('2026-04-29T14:59:00+07:00'),
      dueAt: new Date('2026-05-04T17:00:00+07:00'),
      apologyDueAt: new Date('2026-05-06T17:00:00+07:00'),
      finishedAt: new Date('2026-05-04T16:20:45+07:00'),
      returnedAt: new Date('2026-05-05T09:15:07+07:00'),
      returnChannel: 'online',
      feeVnd: 8000,
      paymentState: 'paid',
      paidOnline: true,
      digitised: true,
      applicantAssuranceLevel: 2,
      applicantCitizenId: '066190001234',
    },
  };
}

describe('the record in the national portal vocabulary', () => {
  it('maps every field, dates as yyyyMMddHHmmss in Vietnam time', () => {
    const payload = buildNationalSyncPayload(fullInput());
    expect(payload).toEqual({
      PhienBanDinhDang: 1,
      MaHoSo: 'H15.50.05.13-260429-0975',
      LaMaChinhThuc: 1,
      MaHoSoTam: 'TN-260429-7KQ2MZ',
      MaTTHC: '1.001193',
      PhienBanTTHC: 3,
      MaDonViTiepNhan: '24133',
      MaDinhDanhDonVi: 'H15.50.05.13',
      MaDonViXuLy: '66-STP',
      KenhThucHien: 2,
      TrangThaiHoSo: 10,
      NgayNopHoSo: '20260429063000',
      NgayTiepNhan: '20260429145900',
      NgayHenTra: '20260504170000',
      NgayHenTraMoi: '20260506170000',
      NgayKetThucXuLy: '20260504162045',
      NgayTra: '20260505091507',
      HinhThucTraKetQua: 2,
      LePhi: 8000,
      TrangThaiThanhToan: 2,
      ThanhToanTrucTuyen: 1,
      SoHoa: 1,
      KetQuaDienTu: 1,
      XacThucVNeID: 1,
      MucDoDinhDanh: 2,
      SoDinhDanhChuHoSo: '066190001234',
      SuKien: { MaSuKien: 4812, LoaiSuKien: 'return_result', ThoiDiem: '20260505091507' },
    });
    expect(NationalSyncPayload.safeParse(payload).success).toBe(true);
  });

  it('formats instants around midnight and the year end in +07:00', () => {
    expect(portalDateTime(new Date('2026-12-31T16:59:59Z'))).toBe('20261231235959');
    expect(portalDateTime(new Date('2026-12-31T17:00:00Z'))).toBe('20270101000000');
    expect(portalDateTime(new Date('2024-02-28T17:00:00.999Z'))).toBe('20240229000000');
  });

  it('a fresh online submission: temporary reference, no dates yet, flags off', () => {
    const input = fullInput();
    Object.assign(input.dossier, {
      code: null,
      statusCode: 1,
      acceptedAt: null,
      dueAt: null,
      apologyDueAt: null,
      finishedAt: null,
      returnedAt: null,
      returnChannel: null,
      feeVnd: null,
      paymentState: 'not_required',
      paidOnline: false,
      digitised: false,
      applicantAssuranceLevel: null,
      applicantCitizenId: null,
    });
    const payload = buildNationalSyncPayload(input);
    expect(payload).toMatchObject({
      MaHoSo: 'TN-260429-7KQ2MZ',
      LaMaChinhThuc: 0,
      TrangThaiHoSo: 1,
      NgayTiepNhan: null,
      NgayHenTra: null,
      NgayHenTraMoi: null,
      NgayKetThucXuLy: null,
      NgayTra: null,
      HinhThucTraKetQua: null,
      LePhi: null,
      TrangThaiThanhToan: 0,
      ThanhToanTrucTuyen: 0,
      SoHoa: 0,
      KetQuaDienTu: 0,
      XacThucVNeID: 0,
      MucDoDinhDanh: null,
      SoDinhDanhChuHoSo: null,
    });
    expect(NationalSyncPayload.safeParse(payload).success).toBe(true);
  });

  it('keeps the e-result flag apart from digitisation when the caller knows it', () => {
    const input = fullInput();
    input.dossier.digitised = true;
    input.dossier.electronicResult = false;
    expect(buildNationalSyncPayload(input)).toMatchObject({ SoHoa: 1, KetQuaDienTu: 0 });
  });

  it('VNeID level 1, unpaid fee, in-person return, post channel', () => {
    const input = fullInput();
    Object.assign(input.dossier, {
      applicantAssuranceLevel: 1,
      paymentState: 'unpaid',
      paidOnline: false,
      returnChannel: 'in_person',
      channel: 3,
    });
    expect(buildNationalSyncPayload(input)).toMatchObject({
      XacThucVNeID: 1,
      MucDoDinhDanh: 1,
      TrangThaiThanhToan: 1,
      ThanhToanTrucTuyen: 0,
      HinhThucTraKetQua: 1,
      KenhThucHien: 3,
    });
    input.dossier.returnChannel = 'post';
    expect(buildNationalSyncPayload(input).HinhThucTraKetQua).toBe(3);
  });

  it('sends only a well-formed 12-digit personal number, never a malformed one', () => {
    const input = fullInput();
    input.dossier.applicantCitizenId = ' 066190001234 ';
    expect(buildNationalSyncPayload(input).SoDinhDanhChuHoSo).toBe('066190001234');
    input.dossier.applicantCitizenId = '12345';
    expect(buildNationalSyncPayload(input).SoDinhDanhChuHoSo).toBeNull();
  });

  it('refuses an unknown return channel instead of guessing one', () => {
    const input = fullInput();
    input.dossier.returnChannel = 'pigeon';
    expect(() => buildNationalSyncPayload(input)).toThrow(
      expect.objectContaining({ code: 'NATIONAL_SYNC_PAYLOAD_INVALID' }),
    );
  });
});

describe('NationalSyncPayload refuses records the portal could not use', () => {
  const valid = () => buildNationalSyncPayload(fullInput());
  const cases: [string, (p: Record<string, unknown>) => void, string][] = [
    ['status 11', (p) => (p.TrangThaiHoSo = 11), 'TrangThaiHoSo'],
    ['status 0', (p) => (p.TrangThaiHoSo = 0), 'TrangThaiHoSo'],
    ['channel 4', (p) => (p.KenhThucHien = 4), 'KenhThucHien'],
    [
      'ISO date instead of yyyyMMddHHmmss',
      (p) => (p.NgayHenTra = '2026-05-04T17:00:00+07:00'),
      'NgayHenTra',
    ],
    ['month 13', (p) => (p.NgayTiepNhan = '20261329145900'), 'NgayTiepNhan'],
    ['hour 24', (p) => (p.NgayNopHoSo = '20260429240000'), 'NgayNopHoSo'],
    ['flag 2', (p) => (p.SoHoa = 2), 'SoHoa'],
    ['boolean flag', (p) => (p.ThanhToanTrucTuyen = true), 'ThanhToanTrucTuyen'],
    ['VNeID without level', (p) => (p.MucDoDinhDanh = null), 'MucDoDinhDanh'],
    ['level without VNeID', (p) => (p.XacThucVNeID = 0), 'MucDoDinhDanh'],
    ['paid online but unpaid', (p) => (p.TrangThaiThanhToan = 1), 'ThanhToanTrucTuyen'],
    ['accepted without reception date', (p) => (p.NgayTiepNhan = null), 'NgayTiepNhan'],
    ['returned without return date', (p) => (p.NgayTra = null), 'NgayTra'],
    ['temporary code that differs from the reference', (p) => (p.LaMaChinhThuc = 0), 'MaHoSo'],
    ['11-digit personal number', (p) => (p.SoDinhDanhChuHoSo = '06619000123'), 'SoDinhDanhChuHoSo'],
    ['negative fee', (p) => (p.LePhi = -1), 'LePhi'],
    ['unknown field', (p) => (p.HoTenChuHoSo = 'H’Hen Niê'), ''],
    ['missing procedure code', (p) => delete p.MaTTHC, 'MaTTHC'],
    [
      'event type with spaces',
      (p) => ((p.SuKien as Record<string, unknown>).LoaiSuKien = 'x y'),
      'SuKien.LoaiSuKien',
    ],
  ];
  it.each(cases)('%s', (_name, spoil, path) => {
    const payload = valid() as unknown as Record<string, unknown>;
    payload.SuKien = { ...(payload.SuKien as object) };
    spoil(payload);
    const result = NationalSyncPayload.safeParse(payload);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path.join('.'))).toContain(path);
  });

  it('withdrawal or stop straight from status 1 needs no reception date', () => {
    for (const status of [3, 7, 8]) {
      const payload = { ...valid(), TrangThaiHoSo: status, NgayTiepNhan: null, NgayTra: null };
      expect(NationalSyncPayload.safeParse(payload).success).toBe(true);
    }
  });
});
