import type { UnitsService } from '../units/units.service';
import type { Issuer } from './pdf-layout';

/**
 * The issuing body printed top-left of a form, from the unit hierarchy: a commune's one-stop
 * desk is its Public Administration Service Centre under the commune People's Committee
 * (DOMAIN.md §1); a provincial body sits under the Provincial People's Committee.
 */
export async function issuerOf(
  units: Pick<UnitsService, 'find'>,
  unitCode: string,
  /** `authority`: the unit itself signs (form 04 from its head), not its one-stop desk. */
  as: 'desk' | 'authority' = 'desk',
): Promise<Issuer> {
  const unit = await units.find(unitCode);
  if (!unit) return { authority: '', office: unitCode, unitName: unitCode, place: '' };
  const parent = unit.parent_code ? await units.find(unit.parent_code) : undefined;
  if (unit.kind === 'commune' && as === 'authority') {
    return {
      authority: '',
      office: `Ủy ban nhân dân ${unit.full_name}`,
      unitName: unit.full_name,
      place: unit.name,
    };
  }
  if (unit.kind === 'commune') {
    return {
      authority: `Ủy ban nhân dân ${unit.full_name}`,
      office: 'Trung tâm Phục vụ hành chính công',
      unitName: unit.full_name,
      place: unit.name,
    };
  }
  const isCommittee = /^Ủy ban nhân dân/i.test(unit.full_name);
  return {
    authority:
      parent && !isCommittee && unit.kind !== 'province'
        ? `Ủy ban nhân dân ${parent.full_name}`
        : '',
    office: unit.kind === 'province' ? `Ủy ban nhân dân ${unit.full_name}` : unit.full_name,
    unitName: unit.full_name,
    place: parent?.name ?? unit.name,
  };
}
