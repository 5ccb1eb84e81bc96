/**
 * Rows to seed the units table with, read from `apps/api/seed-data/admin-units/` (see
 * `seed-data/PROVENANCE.md`, section 1). Pure functions: no database access; file reads are
 * memoised per process.
 *
 * Trust levels (from PROVENANCE.md): codes, names, types and former units are high trust;
 * `population` is copied as published by sapnhap.bando.com.vn and is LOW trust (indicative
 * only, some values are clearly wrong); areas are published values (close to the geometry);
 * boundaries are a simplified cartographic map, not the legal boundary.
 */
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { foldVietnamese, type UnitKind } from '@cqs/shared';
import { z } from 'zod';
import { DEPARTMENT_SOURCE, PROVINCE_CODE, PROVINCIAL_BODIES } from './departments';
import type { GeoJSONGeometry, Position } from './units.geo';

export type { GeoJSONGeometry, GeoJSONMultiPolygon, GeoJSONPolygon, Position } from './units.geo';

export interface FormerUnitRow {
  code: string;
  fullName: string;
  districtName: string | null;
  provinceName: string | null;
  part: 'full' | 'partial';
}

export interface UnitSeedRow {
  code: string;
  kind: UnitKind;
  name: string;
  fullName: string;
  type: string;
  parentCode: string | null;
  nameEn: string | null;
  altSpellings: string[];
  areaKm2: number | null;
  /** As published by sapnhap.bando.com.vn – low trust, indicative only. */
  population: number | null;
  labelLon: number | null;
  labelLat: number | null;
  adminCentre: string | null;
  legalBasis: string | null;
  formerUnits: FormerUnitRow[];
  /** Short provenance string. */
  source: string;
  /** foldVietnamese() of name, full name, alt spellings, English name, code, former units. */
  searchText: string;
}

export interface NationalCommune {
  code: string;
  name: string;
  fullName: string;
  /** xã / phường / đặc khu */
  type: string;
  provinceCode: string;
  provinceName: string;
  labelLon: number;
  labelLat: number;
  areaKm2: number | null;
}

export interface NationalProvince {
  code: string;
  name: string;
  fullName: string;
  /** tỉnh / thành phố */
  type: string;
  nameEn: string;
  communeCount: number;
  wardCount: number;
  xaCount: number;
  specialZoneCount: number;
  areaKm2: number | null;
  /** As published – indicative. */
  population: number | null;
  labelLon: number;
  labelLat: number;
}

export const PROVINCE_SOURCE =
  'NQ 202/2025/QH15; mã: QĐ 19/2025/QĐ-TTg, CV 915/CTK-CSCL; diện tích, dân số (tham khảo): sapnhap.bando.com.vn';
export const COMMUNE_SOURCE =
  'NQ 1660/NQ-UBTVQH15; mã: QĐ 19/2025/QĐ-TTg, CV 1027/CTK-CSCL; diện tích, dân số (tham khảo): sapnhap.bando.com.vn';

// ---------------------------------------------------------------------------------------------
// File access

const SEED_DIR = '../../../seed-data/admin-units/';
/** File name → validated content: each file is read, unzipped and checked once per process. */
const fileCache = new Map<string, unknown>();

function readGzipJson(fileName: string): unknown {
  const url = new URL(SEED_DIR + fileName, import.meta.url);
  return JSON.parse(gunzipSync(readFileSync(url)).toString('utf8'));
}

function parseFile<T extends z.ZodType>(fileName: string, schema: T): z.infer<T> {
  if (fileCache.has(fileName)) return fileCache.get(fileName) as z.infer<T>;
  const result = schema.safeParse(readGzipJson(fileName));
  if (!result.success) {
    throw new Error(`seed-data/admin-units/${fileName}: ${z.prettifyError(result.error)}`);
  }
  fileCache.set(fileName, result.data);
  return result.data;
}

const byCode = (a: { code: string }, b: { code: string }) =>
  a.code < b.code ? -1 : a.code > b.code ? 1 : 0;

// ---------------------------------------------------------------------------------------------
// File shapes (only the fields used here; unknown fields are ignored)

const communeCode = z.string().regex(/^\d{5}$/, 'commune code must be 5 digits');
const provinceCode = z.string().regex(/^\d{2}$/, 'province code must be 2 digits');
const nullableNumber = z.number().nullable().optional();
const nullableString = z.string().nullable().optional();

const FormerUnitFile = z.object({
  code: z.string().min(1),
  full_name: z.string().min(1),
  district_name: nullableString,
  province_name: nullableString,
  part: z.enum(['full', 'partial']),
});

const CommuneFile = z.object({
  code: communeCode,
  name: z.string().min(1),
  full_name: z.string().min(1),
  type: z.string().min(1),
  name_en: nullableString,
  name_alt_spelling: nullableString,
  area_km2_published: nullableNumber,
  area_km2_geom: nullableNumber,
  population_published: nullableNumber,
  label_lon: z.number(),
  label_lat: z.number(),
  admin_center: nullableString,
  legal_basis: nullableString,
  former_units: z.array(FormerUnitFile).default([]),
});

const DakLakFile = z.object({
  province: z.object({
    code: provinceCode,
    name: z.string().min(1),
    full_name: z.string().min(1),
    type: z.string().min(1),
    name_en: nullableString,
    admin_center: nullableString,
    area_km2_published: nullableNumber,
    area_km2_geom: nullableNumber,
    population_published: nullableNumber,
    label_lon: z.number(),
    label_lat: z.number(),
    legal_basis: z
      .union([z.string(), z.array(z.string())])
      .nullable()
      .optional(),
    former_provinces: z.array(z.object({ code: z.string(), full_name: z.string() })).default([]),
  }),
  communes: z.array(CommuneFile),
});

const NationalCommunesFile = z.array(
  z.object({
    code: communeCode,
    name: z.string().min(1),
    full_name: z.string().min(1),
    type: z.string().min(1),
    province_code: provinceCode,
    province_name: z.string().min(1),
    label_lon: z.number(),
    label_lat: z.number(),
    area_km2_published: nullableNumber,
    area_km2_geom: nullableNumber,
  }),
);

const NationalProvincesFile = z.array(
  z.object({
    code: provinceCode,
    name: z.string().min(1),
    full_name: z.string().min(1),
    type: z.string().min(1),
    name_en: z.string(),
    commune_count: z.number().int(),
    ward_count: z.number().int(),
    xa_count: z.number().int(),
    special_zone_count: z.number().int(),
    area_km2_published: nullableNumber,
    area_km2_geom: nullableNumber,
    population_published: nullableNumber,
    label_lon: z.number(),
    label_lat: z.number(),
  }),
);

// Coordinates are checked by hand below: tens of thousands of positions.
const BoundariesFile = z.object({
  type: z.literal('FeatureCollection'),
  features: z.array(
    z.object({
      properties: z.object({ code: communeCode }),
      geometry: z.object({
        type: z.enum(['Polygon', 'MultiPolygon']),
        coordinates: z.array(z.unknown()),
      }),
    }),
  ),
});

// ---------------------------------------------------------------------------------------------
// Helpers

/** Folded, de-duplicated search text: each distinct folded part once, in order. */
export function buildSearchText(parts: readonly (string | null | undefined)[]): string {
  const seen = new Set<string>();
  for (const part of parts) {
    if (!part) continue;
    const folded = foldVietnamese(part);
    if (folded) seen.add(folded);
  }
  return [...seen].join(' ');
}

function assertUniqueCodes(codes: readonly string[], what: string): void {
  const seen = new Set<string>();
  for (const code of codes) {
    if (seen.has(code)) throw new Error(`Duplicate ${what} code ${code}`);
    seen.add(code);
  }
}

function isPosition(value: unknown): value is Position {
  return (
    Array.isArray(value) &&
    value.length >= 2 &&
    typeof value[0] === 'number' &&
    typeof value[1] === 'number' &&
    Number.isFinite(value[0]) &&
    Number.isFinite(value[1])
  );
}

function isRingList(value: unknown): value is Position[][] {
  return (
    Array.isArray(value) &&
    value.length > 0 &&
    value.every((ring) => Array.isArray(ring) && ring.length >= 4 && ring.every(isPosition))
  );
}

function withSearchText(row: Omit<UnitSeedRow, 'searchText'>): UnitSeedRow {
  return {
    ...row,
    searchText: buildSearchText([
      row.name,
      row.fullName,
      ...row.altSpellings,
      row.nameEn,
      row.code,
      ...row.formerUnits.map((f) => f.fullName),
    ]),
  };
}

// ---------------------------------------------------------------------------------------------
// Loaders

/**
 * Đắk Lắk: the province (66), its 102 communes (parentCode '66') and the provincial bodies
 * from ./departments.ts (parentCode '66'). Parents come before children.
 */
export function loadProvinceUnits(): UnitSeedRow[] {
  const file = parseFile('dak_lak_communes.json.gz', DakLakFile);
  const p = file.province;
  if (p.code !== PROVINCE_CODE) {
    throw new Error(`dak_lak_communes.json: expected province ${PROVINCE_CODE}, got ${p.code}`);
  }
  const legalBasis = Array.isArray(p.legal_basis) ? p.legal_basis.join('; ') : p.legal_basis;

  const province = withSearchText({
    code: p.code,
    kind: 'province',
    name: p.name,
    fullName: p.full_name,
    type: p.type,
    parentCode: null,
    nameEn: p.name_en ?? null,
    altSpellings: [],
    areaKm2: p.area_km2_published ?? p.area_km2_geom ?? null,
    population: p.population_published ?? null,
    labelLon: p.label_lon,
    labelLat: p.label_lat,
    adminCentre: p.admin_center ?? null,
    legalBasis: legalBasis || null,
    formerUnits: p.former_provinces.map((f) => ({
      code: f.code,
      fullName: f.full_name,
      districtName: null,
      provinceName: null,
      part: 'full' as const,
    })),
    source: PROVINCE_SOURCE,
  });

  const communes = [...file.communes].sort(byCode).map((c) =>
    withSearchText({
      code: c.code,
      kind: 'commune',
      name: c.name,
      fullName: c.full_name,
      type: c.type,
      parentCode: p.code,
      nameEn: c.name_en ?? null,
      altSpellings: c.name_alt_spelling ? [c.name_alt_spelling] : [],
      areaKm2: c.area_km2_published ?? c.area_km2_geom ?? null,
      population: c.population_published ?? null,
      labelLon: c.label_lon,
      labelLat: c.label_lat,
      adminCentre: c.admin_center ?? null,
      legalBasis: c.legal_basis ?? null,
      formerUnits: c.former_units.map((f) => ({
        code: f.code,
        fullName: f.full_name,
        districtName: f.district_name ?? null,
        provinceName: f.province_name ?? null,
        part: f.part,
      })),
      source: COMMUNE_SOURCE,
    }),
  );

  const bodies = PROVINCIAL_BODIES.map((b) =>
    withSearchText({
      code: b.code,
      kind: b.kind,
      name: b.name,
      fullName: b.fullName,
      type: b.type,
      parentCode: p.code,
      nameEn: b.nameEn,
      altSpellings: [...b.altSpellings],
      areaKm2: null,
      population: null,
      labelLon: null,
      labelLat: null,
      adminCentre: null,
      legalBasis: null,
      formerUnits: [],
      source: DEPARTMENT_SOURCE,
    }),
  );

  const rows = [province, ...communes, ...bodies];
  assertUniqueCodes(
    rows.map((r) => r.code),
    'unit',
  );
  return rows;
}

/** Commune code → boundary (Polygon or MultiPolygon, [lon, lat] WGS 84). */
export function loadCommuneBoundaries(): Map<string, GeoJSONGeometry> {
  const file = parseFile('dak_lak_communes.geojson.gz', BoundariesFile);
  const boundaries = new Map<string, GeoJSONGeometry>();
  for (const { properties, geometry } of file.features) {
    const { code } = properties;
    if (boundaries.has(code)) throw new Error(`Duplicate boundary for commune ${code}`);
    const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
    if (polygons.length === 0 || !polygons.every(isRingList)) {
      throw new Error(`Boundary of commune ${code} is not a valid ${geometry.type}`);
    }
    boundaries.set(
      code,
      geometry.type === 'Polygon'
        ? { type: 'Polygon', coordinates: geometry.coordinates as Position[][] }
        : { type: 'MultiPolygon', coordinates: geometry.coordinates as Position[][][] },
    );
  }
  return boundaries;
}

/** All 3,321 commune-level units nationally (state of 30/4/2026), sorted by code. */
export function loadNationalCommunes(): NationalCommune[] {
  const rows = parseFile('vn_communes_3321.json.gz', NationalCommunesFile)
    .map((c) => ({
      code: c.code,
      name: c.name,
      fullName: c.full_name,
      type: c.type,
      provinceCode: c.province_code,
      provinceName: c.province_name,
      labelLon: c.label_lon,
      labelLat: c.label_lat,
      areaKm2: c.area_km2_published ?? c.area_km2_geom ?? null,
    }))
    .sort(byCode);
  assertUniqueCodes(
    rows.map((r) => r.code),
    'national commune',
  );
  return rows;
}

/** The 34 provinces / centrally-run cities, sorted by code. */
export function loadNationalProvinces(): NationalProvince[] {
  const rows = parseFile('vn_provinces_34.json.gz', NationalProvincesFile)
    .map((p) => ({
      code: p.code,
      name: p.name,
      fullName: p.full_name,
      type: p.type,
      nameEn: p.name_en,
      communeCount: p.commune_count,
      wardCount: p.ward_count,
      xaCount: p.xa_count,
      specialZoneCount: p.special_zone_count,
      areaKm2: p.area_km2_published ?? p.area_km2_geom ?? null,
      population: p.population_published ?? null,
      labelLon: p.label_lon,
      labelLat: p.label_lat,
    }))
    .sort(byCode);
  assertUniqueCodes(
    rows.map((r) => r.code),
    'province',
  );
  return rows;
}
