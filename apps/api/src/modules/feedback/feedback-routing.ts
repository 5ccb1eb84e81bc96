/**
 * Routing as data: ordered first-match rules over category and place → the responsible unit.
 * Pure; the service loads the rules, locates the point's commune and calls `routeReport`.
 *
 * A rule matches when
 * - its category is empty, equal to the report's, or the main category of the report's
 *   sub-category ('moi-truong' matches 'moi-truong.rac-thai');
 * - its commune is empty or the report's commune;
 * - its area is empty or contains the report's point (a report without a point never matches
 *   an area rule).
 * The target is a unit, or 'commune': the report's own commune.
 */
import { buildCommuneLocator, type GeoJSONGeometry } from '../units/units.geo';

export interface RoutingRule {
  id: string;
  position: number;
  categoryCode: string | null;
  communeCode: string | null;
  area: GeoJSONGeometry | null;
  targetKind: 'unit' | 'commune';
  targetUnitCode: string | null;
  note: string | null;
  active: boolean;
}

export interface RoutingSample {
  categoryCode: string;
  communeCode: string | null;
  point: { lat: number; lng: number } | null;
}

export type RoutingOutcome =
  | { matched: true; ruleId: string; position: number; unitCode: string }
  | { matched: false };

export function mainCategory(code: string): string {
  return code.split('.')[0]!;
}

export function categoryMatches(ruleCategory: string | null, reportCategory: string): boolean {
  return (
    ruleCategory === null ||
    ruleCategory === reportCategory ||
    ruleCategory === mainCategory(reportCategory)
  );
}

export function areaContains(area: GeoJSONGeometry, point: { lat: number; lng: number }): boolean {
  return buildCommuneLocator(new Map([['area', area]])).locate(point.lng, point.lat) === 'area';
}

export function ruleMatches(rule: RoutingRule, sample: RoutingSample): boolean {
  if (!rule.active) return false;
  if (!categoryMatches(rule.categoryCode, sample.categoryCode)) return false;
  if (rule.communeCode !== null && rule.communeCode !== sample.communeCode) return false;
  if (rule.area !== null && (!sample.point || !areaContains(rule.area, sample.point))) {
    return false;
  }
  // A rule sending to "the commune" cannot serve a report whose commune is unknown.
  if (rule.targetKind === 'commune' && !sample.communeCode) return false;
  return true;
}

export function routeReport(rules: readonly RoutingRule[], sample: RoutingSample): RoutingOutcome {
  const ordered = [...rules].sort((a, b) => a.position - b.position);
  for (const rule of ordered) {
    if (!ruleMatches(rule, sample)) continue;
    const unitCode = rule.targetKind === 'commune' ? sample.communeCode : rule.targetUnitCode;
    if (unitCode) return { matched: true, ruleId: rule.id, position: rule.position, unitCode };
  }
  return { matched: false };
}
