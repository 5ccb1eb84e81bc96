/**
 * Sample residents for the local development identity provider.
 *
 * THESE ARE FICTITIOUS DEMO PEOPLE. Names, citizen ID numbers, birthdates and
 * phone numbers were made up for demos and automated tests; any resemblance to
 * a real person is accidental. Never load them into a production database.
 *
 * Citizen ID (CCCD, 12 digits) structure used below:
 *   - 3 digits: province of birth registration (066 = Đắk Lắk, 054 = Phú Yên,
 *     the codes of the provinces before the 2025 merger)
 *   - 1 digit: gender + century of birth (0 male 1900s, 1 female 1900s,
 *     2 male 2000s, 3 female 2000s)
 *   - 2 digits: last two digits of the birth year
 *   - 6 digits: random
 *
 * Commune codes and full names were taken from
 * `apps/api/seed-data/admin-units/dak_lak_communes.json.gz` (the post-2025-07-01
 * communes of Tỉnh Đắk Lắk); `sample-residents.test.ts` re-checks them against
 * that file.
 */

export type VneidLevel = 1 | 2;

export type Gender = 'male' | 'female';

export interface SampleCommune {
  /** 5-digit commune code (Quyết định 19/2025/QĐ-TTg). */
  readonly code: string;
  readonly fullName: string;
}

export interface SampleResident {
  /** Stable OIDC subject identifier. */
  readonly sub: string;
  readonly name: string;
  /** 12-digit citizen ID (số định danh cá nhân / CCCD). */
  readonly citizenId: string;
  /** YYYY-MM-DD */
  readonly birthdate: string;
  readonly gender: Gender;
  /** 10-digit Vietnamese mobile number. */
  readonly phoneNumber: string;
  /** E-mail on the reserved example.vn domain: fictitious, never deliverable. */
  readonly email: string;
  /** Street / village part of the permanent address (below commune level). */
  readonly streetAddress: string;
  /** Commune of the permanent address. */
  readonly commune: SampleCommune;
  /** VNeID electronic identification level. */
  readonly level: VneidLevel;
}

export const PROVINCE_FULL_NAME = 'Tỉnh Đắk Lắk';

// Codes and names copied from seed-data/admin-units/dak_lak_communes.json.gz.
const COMMUNES = {
  buonMaThuot: { code: '24133', fullName: 'Phường Buôn Ma Thuột' },
  tuyHoa: { code: '22015', fullName: 'Phường Tuy Hòa' },
  songCau: { code: '22051', fullName: 'Phường Sông Cầu' },
  buonHo: { code: '24305', fullName: 'Phường Buôn Hồ' },
  krongPac: { code: '24490', fullName: 'Xã Krông Pắc' },
  eaKar: { code: '24373', fullName: 'Xã Ea Kar' },
  cuMgar: { code: '24280', fullName: "Xã Cư M'gar" },
  lienSonLak: { code: '24580', fullName: 'Xã Liên Sơn Lắk' },
  eaSup: { code: '24211', fullName: 'Xã Ea Súp' },
  songHinh: { code: '22207', fullName: 'Xã Sông Hinh' },
} as const satisfies Record<string, SampleCommune>;

export const sampleResidents: readonly SampleResident[] = Object.freeze([
  {
    sub: 'demo-resident-01',
    name: "H'Linh Niê",
    citizenId: '066194452518',
    birthdate: '1994-03-14',
    gender: 'female',
    phoneNumber: '0941771448',
    email: 'hlinh.nie@example.vn',
    streetAddress: 'Tổ dân phố 7',
    commune: COMMUNES.buonMaThuot,
    level: 2,
  },
  {
    sub: 'demo-resident-02',
    name: 'Y Bhin Mlô',
    citizenId: '066088331556',
    birthdate: '1988-11-02',
    gender: 'male',
    phoneNumber: '0328952973',
    email: 'ybhin.mlo@example.vn',
    streetAddress: 'Buôn Mới',
    commune: COMMUNES.krongPac,
    level: 2,
  },
  {
    sub: 'demo-resident-03',
    name: 'Trần Thị Thu Hà',
    citizenId: '054179638781',
    birthdate: '1979-07-21',
    gender: 'female',
    phoneNumber: '0860299472',
    email: 'thuha.tran@example.vn',
    streetAddress: 'Khu phố 4',
    commune: COMMUNES.tuyHoa,
    level: 2,
  },
  {
    sub: 'demo-resident-04',
    name: 'Lê Minh Quân',
    citizenId: '066203407491',
    birthdate: '2003-01-09',
    gender: 'male',
    phoneNumber: '0935164455',
    email: 'minhquan.le@example.vn',
    streetAddress: 'Thôn 5',
    commune: COMMUNES.eaKar,
    level: 1,
  },
  {
    sub: 'demo-resident-05',
    name: "H'Mai Êban",
    citizenId: '066301010921',
    birthdate: '2001-05-30',
    gender: 'female',
    phoneNumber: '0374490143',
    email: 'hmai.eban@example.vn',
    streetAddress: 'Buôn Mới',
    commune: COMMUNES.cuMgar,
    level: 1,
  },
  {
    sub: 'demo-resident-06',
    name: 'Y Thim Bdap',
    citizenId: '066065235579',
    birthdate: '1965-09-12',
    gender: 'male',
    phoneNumber: '0858912129',
    email: 'ythim.bdap@example.vn',
    streetAddress: 'Thôn 2',
    commune: COMMUNES.lienSonLak,
    level: 1,
  },
  {
    sub: 'demo-resident-07',
    name: 'Phạm Quốc Bảo',
    citizenId: '054099951421',
    birthdate: '1999-12-25',
    gender: 'male',
    phoneNumber: '0944253507',
    email: 'quocbao.pham@example.vn',
    streetAddress: 'Khu phố 2',
    commune: COMMUNES.songCau,
    level: 2,
  },
  {
    sub: 'demo-resident-08',
    name: 'Nông Thị Hằng',
    citizenId: '066305520908',
    birthdate: '2005-08-17',
    gender: 'female',
    phoneNumber: '0785620189',
    email: 'hang.nong@example.vn',
    streetAddress: 'Thôn 8',
    commune: COMMUNES.eaSup,
    level: 1,
  },
  {
    sub: 'demo-resident-09',
    name: 'Võ Thị Ngọc Ánh',
    citizenId: '054172013922',
    birthdate: '1972-04-03',
    gender: 'female',
    phoneNumber: '0350841174',
    email: 'ngocanh.vo@example.vn',
    streetAddress: 'Thôn 1',
    commune: COMMUNES.songHinh,
    level: 2,
  },
  {
    sub: 'demo-resident-10',
    name: 'Nguyễn Đức Thịnh',
    citizenId: '066200354000',
    birthdate: '2000-02-29',
    gender: 'male',
    phoneNumber: '0925884491',
    email: 'ducthinh.nguyen@example.vn',
    streetAddress: 'Tổ dân phố 1',
    commune: COMMUNES.buonHo,
    level: 1,
  },
] satisfies SampleResident[]);

export function findSampleResident(sub: string): SampleResident | undefined {
  return sampleResidents.find((r) => r.sub === sub);
}

/** `066194452518` → `0661******18` (first 4 and last 2 digits visible). */
export function maskCitizenId(citizenId: string): string {
  if (citizenId.length <= 6) return '*'.repeat(citizenId.length);
  return `${citizenId.slice(0, 4)}${'*'.repeat(citizenId.length - 6)}${citizenId.slice(-2)}`;
}

/** Full permanent address, e.g. "Tổ dân phố 7, Phường Buôn Ma Thuột, Tỉnh Đắk Lắk". */
export function formattedAddress(resident: SampleResident): string {
  return `${resident.streetAddress}, ${resident.commune.fullName}, ${PROVINCE_FULL_NAME}`;
}
