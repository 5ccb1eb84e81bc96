import { foldVietnamese } from '@cqs/shared';
import { describe, expect, it } from 'vitest';
import { DEPARTMENT_SOURCE, PROVINCIAL_BODIES } from './departments';
import {
  buildSearchText,
  loadCommuneBoundaries,
  loadNationalCommunes,
  loadNationalProvinces,
  loadProvinceUnits,
  type UnitSeedRow,
} from './units.seed-data';

const units = loadProvinceUnits();
const communes = units.filter((u) => u.kind === 'commune');
const byCode = new Map(units.map((u) => [u.code, u]));
const get = (code: string): UnitSeedRow => {
  const row = byCode.get(code);
  if (!row) throw new Error(`unit ${code} missing`);
  return row;
};

describe('loadProvinceUnits – communes', () => {
  it('has exactly 102 communes: 88 xã and 14 phường (NQ 1660/NQ-UBTVQH15)', () => {
    expect(communes).toHaveLength(102);
    expect(communes.filter((c) => c.type === 'xã')).toHaveLength(88);
    expect(communes.filter((c) => c.type === 'phường')).toHaveLength(14);
  });

  it('gives every commune parent 66 and a 5-digit string code, without duplicates', () => {
    for (const c of communes) {
      expect(c.parentCode, c.code).toBe('66');
      expect(c.code, c.fullName).toMatch(/^\d{5}$/);
    }
    expect(new Set(units.map((u) => u.code)).size).toBe(units.length);
  });

  it('fills label points, areas and a provenance string for every commune', () => {
    for (const c of communes) {
      expect(c.labelLon, c.code).toBeGreaterThan(107);
      expect(c.labelLon, c.code).toBeLessThan(110);
      expect(c.labelLat, c.code).toBeGreaterThan(12);
      expect(c.labelLat, c.code).toBeLessThan(14);
      expect(c.areaKm2, c.code).toBeGreaterThan(0);
      expect(c.source, c.code).toContain('1660/NQ-UBTVQH15');
      expect(c.legalBasis, c.code).toContain('1660/NQ-UBTVQH15');
      expect(c.population === null || typeof c.population === 'number').toBe(true);
    }
  });

  it('keeps the former units of Phường Tuy Hòa (22015)', () => {
    const tuyHoa = get('22015');
    expect(tuyHoa.fullName).toBe('Phường Tuy Hòa');
    expect(tuyHoa.nameEn).toBe('Tuy Hoa');
    expect(tuyHoa.formerUnits).toContainEqual({
      code: '22015',
      fullName: 'Phường 1',
      districtName: 'Thành phố Tuy Hoà',
      provinceName: 'Tỉnh Phú Yên',
      part: 'full',
    });
    expect(tuyHoa.formerUnits.find((f) => f.fullName === 'Phường 9')?.part).toBe('partial');
    expect(tuyHoa.formerUnits).toHaveLength(8);
    // Published population is kept (low trust, but present).
    expect(tuyHoa.population).toBe(126118);
  });

  it('indexes the alternative spelling and former unit names in searchText', () => {
    const tuyHoa = get('22015');
    expect(tuyHoa.altSpellings).toEqual(['Phường Tuy Hoà']);
    expect(tuyHoa.searchText).toContain(foldVietnamese('Phường Tuy Hoà'));
    expect(tuyHoa.searchText).toContain(foldVietnamese('Tuy Hoà'));
    expect(tuyHoa.searchText).toContain('phuong 1');
    expect(tuyHoa.searchText).toContain('xa hoa tri');
    expect(tuyHoa.searchText).toContain('22015');
    expect(tuyHoa.searchText).toBe(foldVietnamese(tuyHoa.searchText)); // fully folded
  });

  it('keeps unchanged and renamed communes (e.g. Xã Ea H’Leo, Xã Buôn Đôn)', () => {
    const names = communes.map((c) => c.fullName);
    expect(names).toContain("Xã Ea H'Leo");
    expect(names).toContain('Xã Buôn Đôn');
  });
});

describe('loadProvinceUnits – province', () => {
  it('has the province row 66 without parent, formed from Phú Yên (54) and Đắk Lắk (66)', () => {
    const province = get('66');
    expect(units[0]).toBe(province);
    expect(province).toMatchObject({
      kind: 'province',
      name: 'Đắk Lắk',
      fullName: 'Tỉnh Đắk Lắk',
      type: 'tỉnh',
      parentCode: null,
      nameEn: 'Dak Lak',
    });
    expect(province.formerUnits.map((f) => f.code)).toEqual(['54', '66']);
    expect(province.legalBasis).toContain('202/2025/QH15');
    expect(province.searchText).toContain('dak lak');
    expect(province.searchText).toContain('phu yen');
    expect(units.filter((u) => u.kind === 'province')).toHaveLength(1);
  });
});

describe('loadProvinceUnits – provincial bodies', () => {
  const expected: [string, string][] = [
    ['66-UBND', 'Ủy ban nhân dân tỉnh Đắk Lắk'],
    ['66-TTPVHCC', 'Trung tâm Phục vụ hành chính công tỉnh Đắk Lắk'],
    ['66-VP', 'Văn phòng Ủy ban nhân dân tỉnh Đắk Lắk'],
    ['66-SNV', 'Sở Nội vụ tỉnh Đắk Lắk'],
    ['66-STP', 'Sở Tư pháp tỉnh Đắk Lắk'],
    ['66-STC', 'Sở Tài chính tỉnh Đắk Lắk'],
    ['66-SCT', 'Sở Công Thương tỉnh Đắk Lắk'],
    ['66-SNNMT', 'Sở Nông nghiệp và Môi trường tỉnh Đắk Lắk'],
    ['66-SXD', 'Sở Xây dựng tỉnh Đắk Lắk'],
    ['66-SKHCN', 'Sở Khoa học và Công nghệ tỉnh Đắk Lắk'],
    ['66-SVHTTDL', 'Sở Văn hóa, Thể thao và Du lịch tỉnh Đắk Lắk'],
    ['66-SGDDT', 'Sở Giáo dục và Đào tạo tỉnh Đắk Lắk'],
    ['66-SYT', 'Sở Y tế tỉnh Đắk Lắk'],
    ['66-TTR', 'Thanh tra tỉnh Đắk Lắk'],
    ['66-SDTTG', 'Sở Dân tộc và Tôn giáo tỉnh Đắk Lắk'],
  ];

  it('has the 15 bodies with correct Vietnamese names (NFC, with diacritics)', () => {
    const bodies = units.filter((u) => u.kind === 'department' || u.kind === 'service_centre');
    expect(bodies.map((b) => [b.code, b.fullName])).toEqual(expected);
    for (const b of bodies) {
      expect(b.fullName.normalize('NFC')).toBe(b.fullName);
      expect(b.fullName).toMatch(/[^ -~]/); // contains non-ASCII letters: not stripped of diacritics
      expect(b.parentCode).toBe('66');
      expect(b.nameEn).toMatch(/^(Dak Lak |Office of the Dak Lak )/);
      expect(b.source).toBe(DEPARTMENT_SOURCE);
    }
    expect(DEPARTMENT_SOURCE).toBe(
      'Nghị định 45/2025/NĐ-CP, Điều 9 (cơ cấu chuẩn; danh sách của Đắk Lắk cần quản trị viên xác nhận)',
    );
  });

  it('makes the service centre a service_centre and everything else a department', () => {
    expect(get('66-TTPVHCC').kind).toBe('service_centre');
    expect(get('66-UBND').kind).toBe('department');
    expect(get('66-SYT')).toMatchObject({ kind: 'department', type: 'sở', name: 'Sở Y tế' });
    expect(PROVINCIAL_BODIES.filter((b) => b.kind === 'service_centre')).toHaveLength(1);
  });

  it('finds departments by folded abbreviations and alternative spellings', () => {
    expect(get('66-SVHTTDL').searchText).toContain('so van hoa the thao va du lich');
    expect(get('66-SGDDT').searchText).toContain(foldVietnamese('Sở GD&ĐT'));
    expect(get('66-UBND').searchText).toContain('ubnd tinh dak lak');
  });

  it('lists parents before children', () => {
    const index = new Map(units.map((u, i) => [u.code, i]));
    for (const [i, u] of units.entries()) {
      if (u.parentCode) expect(index.get(u.parentCode)!).toBeLessThan(i);
    }
  });
});

describe('buildSearchText', () => {
  it('folds, drops empty parts and de-duplicates identical folded parts', () => {
    expect(buildSearchText(['Phường Tuy Hòa', 'Phường Tuy Hoà', null, '', 'Đắk Lắk'])).toBe(
      'phuong tuy hoa dak lak',
    );
  });
});

describe('loadCommuneBoundaries', () => {
  it('has one Polygon/MultiPolygon per commune, keyed by the same codes', () => {
    const boundaries = loadCommuneBoundaries();
    expect([...boundaries.keys()].sort()).toEqual(communes.map((c) => c.code).sort());
    for (const geometry of boundaries.values()) {
      expect(['Polygon', 'MultiPolygon']).toContain(geometry.type);
    }
    expect([...boundaries.values()].some((g) => g.type === 'MultiPolygon')).toBe(true);
  });
});

describe('national lists', () => {
  const nationalCommunes = loadNationalCommunes();
  const provinces = loadNationalProvinces();

  it('has 3,321 communes and 34 provinces with unique string codes', () => {
    expect(nationalCommunes).toHaveLength(3321);
    expect(provinces).toHaveLength(34);
    expect(new Set(nationalCommunes.map((c) => c.code)).size).toBe(3321);
    expect(new Set(provinces.map((p) => p.code)).size).toBe(34);
    expect(provinces.reduce((sum, p) => sum + p.communeCount, 0)).toBe(3321);
  });

  it('keeps leading zeros', () => {
    expect(nationalCommunes[0]).toMatchObject({ code: '00004', fullName: 'Phường Ba Đình' });
    expect(provinces[0]).toMatchObject({ code: '01', fullName: 'Thành phố Hà Nội' });
  });

  it('agrees with the Đắk Lắk list', () => {
    const dakLak = nationalCommunes.filter((c) => c.provinceCode === '66');
    expect(dakLak.map((c) => c.code)).toEqual(communes.map((c) => c.code));
    expect(provinces.find((p) => p.code === '66')).toMatchObject({
      fullName: 'Tỉnh Đắk Lắk',
      communeCount: 102,
      wardCount: 14,
      xaCount: 88,
    });
  });
});

describe('memoisation', () => {
  it('returns fresh arrays with equal content on every call', () => {
    const again = loadProvinceUnits();
    expect(again).not.toBe(units);
    expect(again).toEqual(units);
    again[1]!.formerUnits.length = 0;
    expect(loadProvinceUnits()[1]!.formerUnits).toEqual(units[1]!.formerUnits);
  });
});
