import type { GeoJSONGeometry } from '../units/units.geo';
import type { FeedbackRepository } from './feedback.repository';
import type { FeedbackRuleRow } from './feedback.tables';
import type { RoutingRule } from './feedback-routing';

export function toRoutingRule(row: FeedbackRuleRow): RoutingRule {
  return {
    id: row.id,
    position: row.position,
    categoryCode: row.category_code,
    communeCode: row.commune_code,
    area: (row.area as GeoJSONGeometry | null) ?? null,
    targetKind: row.target_kind,
    targetUnitCode: row.target_unit_code,
    note: row.note,
    active: row.active,
  };
}

export async function loadRules(repository: FeedbackRepository): Promise<RoutingRule[]> {
  return (await repository.listRules()).map(toRoutingRule);
}
