import { describe, expect, it } from 'vitest';
import { buildCommuneLocator, type GeoJSONGeometry, type Position } from '../units/units.geo';
import { loadCommuneBoundaries } from '../units/units.seed-data';
import { RULE_SEEDS } from './feedback.seed-data';
import { type RoutingRule, routeReport } from './feedback-routing';

const rule = (over: Partial<RoutingRule>): RoutingRule => ({
  id: over.id ?? 'r',
  position: 0,
  categoryCode: null,
  communeCode: null,
  area: null,
  targetKind: 'unit',
  targetUnitCode: 'X',
  note: null,
  active: true,
  ...over,
});

const seeded: RoutingRule[] = RULE_SEEDS.map((r, i) =>
  rule({
    id: `seed${i}`,
    position: r.position,
    categoryCode: r.categoryCode,
    targetKind: r.targetKind,
    targetUnitCode: r.targetUnitCode,
  }),
);

// A square around (108.0, 12.7), in the middle of Đắk Lắk.
const square: GeoJSONGeometry = {
  type: 'Polygon',
  coordinates: [
    [
      [107.99, 12.69],
      [108.01, 12.69],
      [108.01, 12.71],
      [107.99, 12.71],
      [107.99, 12.69],
    ],
  ],
};

describe('routing rules (first match)', () => {
  it('sends power lines to the power company and everything else to the commune', () => {
    const power = routeReport(seeded, {
      categoryCode: 'dien-chieu-sang.luoi-dien',
      communeCode: '24133',
      point: null,
    });
    expect(power).toMatchObject({ matched: true, unitCode: '66-PC' });
    for (const categoryCode of ['dien-chieu-sang.den-duong', 'dat-dai', 'moi-truong']) {
      expect(
        routeReport(seeded, { categoryCode, communeCode: '24133', point: null }),
      ).toMatchObject({ matched: true, unitCode: '24133' });
    }
  });

  it('lets a main category match its sub-categories, not the other way round', () => {
    const rules = [
      rule({ id: 'main', position: 1, categoryCode: 'moi-truong', targetUnitCode: 'ENV' }),
      rule({ id: 'sub', position: 2, categoryCode: 'giao-thong.cau', targetUnitCode: 'BRIDGE' }),
    ];
    const sample = (categoryCode: string) => ({ categoryCode, communeCode: 'C', point: null });
    expect(routeReport(rules, sample('moi-truong.rac-thai'))).toMatchObject({ unitCode: 'ENV' });
    expect(routeReport(rules, sample('giao-thong'))).toEqual({ matched: false });
  });

  it('uses order, skips inactive rules, and matches area rules only for points inside', () => {
    const rules = [
      rule({ id: 'late', position: 20, targetUnitCode: 'LATE' }),
      rule({ id: 'off', position: 1, targetUnitCode: 'OFF', active: false }),
      rule({ id: 'area', position: 5, area: square, targetUnitCode: 'AREA' }),
      rule({ id: 'commune', position: 10, communeCode: 'C1', targetUnitCode: 'C1-UNIT' }),
    ];
    const inside = { lat: 12.7, lng: 108.0 };
    const outside = { lat: 12.72, lng: 108.0 };
    expect(
      routeReport(rules, { categoryCode: 'khac', communeCode: 'C1', point: inside }),
    ).toMatchObject({ ruleId: 'area', unitCode: 'AREA' });
    expect(
      routeReport(rules, { categoryCode: 'khac', communeCode: 'C1', point: outside }),
    ).toMatchObject({ ruleId: 'commune' });
    // No point: an area rule cannot match.
    expect(
      routeReport(rules, { categoryCode: 'khac', communeCode: 'C2', point: null }),
    ).toMatchObject({ ruleId: 'late' });
  });

  it('routes a point a few metres either side of a shared commune border to each commune', () => {
    const boundaries = loadCommuneBoundaries() as Map<string, GeoJSONGeometry>;
    const locator = buildCommuneLocator(boundaries);
    // Find a border vertex of some commune where 10 m east and 10 m west fall in two communes.
    const step = 0.0001; // ≈ 11 m
    let found: { west: [number, number]; east: [number, number]; a: string; b: string } | null =
      null;
    outer: for (const [, geometry] of boundaries) {
      const rings: Position[][] =
        geometry.type === 'Polygon' ? geometry.coordinates : geometry.coordinates.flat();
      for (const ring of rings) {
        for (const [x, y] of ring) {
          const a = locator.locate(x - step, y);
          const b = locator.locate(x + step, y);
          if (a && b && a !== b) {
            found = { west: [x - step, y], east: [x + step, y], a, b };
            break outer;
          }
        }
      }
    }
    expect(found).not.toBeNull();
    const { west, east, a, b } = found!;
    const route = (p: [number, number]) =>
      routeReport(seeded, {
        categoryCode: 'giao-thong',
        communeCode: locator.locate(p[0], p[1]),
        point: { lng: p[0], lat: p[1] },
      });
    expect(route(west)).toMatchObject({ matched: true, unitCode: a });
    expect(route(east)).toMatchObject({ matched: true, unitCode: b });
  });
});
