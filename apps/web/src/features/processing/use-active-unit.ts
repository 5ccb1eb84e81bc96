import { useSession } from '../../lib/session';
import { type OfficerUnit, unitsOf } from '../officer/officer-layout';

/** The unit chosen in the officer's unit switcher, with the officer's roles there. */
export function useActiveUnit(): { unit: OfficerUnit | null; officerId: string | null } {
  const { officer } = useSession();
  if (!officer) return { unit: null, officerId: null };
  const unit = unitsOf(officer).find((u) => u.unitCode === officer.activeUnitCode) ?? null;
  return { unit, officerId: officer.id };
}
