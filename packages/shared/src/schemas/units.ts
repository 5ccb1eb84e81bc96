import { z } from 'zod';
import { UnitCode } from './common';

export const unitKinds = [
  'province',
  'commune',
  'department',
  'service_centre',
  'external',
] as const;
export const UnitKind = z.enum(unitKinds);
export type UnitKind = z.infer<typeof UnitKind>;

export const UnitSummary = z.object({
  code: z.string(),
  name: z.string(),
  fullName: z.string(),
  kind: UnitKind,
  type: z.string().describe('xã, phường, đặc khu, tỉnh, sở …'),
  parentCode: z.string().nullable(),
});
export type UnitSummary = z.infer<typeof UnitSummary>;

export const FormerUnit = z.object({
  code: z.string(),
  fullName: z.string(),
  districtName: z.string().nullable(),
  provinceName: z.string().nullable(),
  part: z.enum(['full', 'partial']),
});

export const UnitDetail = UnitSummary.extend({
  nameEn: z.string().nullable(),
  altSpellings: z.array(z.string()),
  areaKm2: z.number().nullable(),
  population: z.number().nullable(),
  labelPoint: z.object({ lon: z.number(), lat: z.number() }).nullable(),
  adminCentre: z.string().nullable(),
  legalBasis: z.string().nullable(),
  formerUnits: z.array(FormerUnit),
  source: z.string().nullable(),
});
export type UnitDetail = z.infer<typeof UnitDetail>;

export const UnitListQuery = z
  .object({
    q: z.string().trim().max(100, 'Từ khóa tìm kiếm tối đa 100 ký tự').optional(),
    kind: UnitKind.optional(),
    parent: UnitCode.optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
    offset: z.coerce.number().int().min(0).max(100000).default(0),
  })
  .strict();
export type UnitListQuery = z.infer<typeof UnitListQuery>;

export const UnitList = z.object({ items: z.array(UnitSummary), total: z.number().int() });
export type UnitList = z.infer<typeof UnitList>;

export const LocateQuery = z
  .object({
    lat: z.coerce.number().min(-90, 'Vĩ độ phải từ -90 đến 90').max(90, 'Vĩ độ phải từ -90 đến 90'),
    lon: z.coerce
      .number()
      .min(-180, 'Kinh độ phải từ -180 đến 180')
      .max(180, 'Kinh độ phải từ -180 đến 180'),
  })
  .strict();
export type LocateQuery = z.infer<typeof LocateQuery>;

/** [longitude, latitude] in WGS 84, rounded to 4 decimals (~11 m). */
const MapPosition = z.tuple([z.number(), z.number()]);

/**
 * Simplified commune boundaries for drawing the province as SVG without a tile server
 * (GET /api/units/map). Each commune lists every ring of every part, outer rings and holes
 * alike, closed (first = last) with at least 4 positions: draw one path per commune with
 * `fill-rule="evenodd"`.
 */
export const CommuneMap = z.object({
  bbox: z
    .tuple([z.number(), z.number(), z.number(), z.number()])
    .describe('[minLon, minLat, maxLon, maxLat] of all rings'),
  communes: z.array(
    z.object({
      code: z.string(),
      name: z.string().describe('Full name, e.g. "Phường Buôn Ma Thuột"'),
      rings: z.array(z.array(MapPosition).min(4)),
    }),
  ),
});
export type CommuneMap = z.infer<typeof CommuneMap>;
