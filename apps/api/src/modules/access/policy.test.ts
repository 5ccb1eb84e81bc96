import { type Action, type OfficerRole, officerRoles, permissions } from '@cqs/shared';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Actor } from '../../http/actor';
import { AccessPolicy, type UnitLineage } from './policy';

// A small tree like the real one: province 66 → communes and departments.
const parents: Record<string, string | null> = {
  '66': null,
  '24133': '66',
  '22015': '66',
  '24373': '66',
  '66-STP': '66',
  '66-SYT': '66',
};
const units = Object.keys(parents);
const lineage: UnitLineage = {
  async lineage(code) {
    const chain: string[] = [];
    let current: string | null | undefined = code;
    while (current && current in parents) {
      chain.push(current);
      current = parents[current];
    }
    return chain;
  },
};
const policy = new AccessPolicy(lineage);
const actions = Object.keys(permissions) as Action[];

function officer(grants: { role: OfficerRole; unitCode: string }[]): Actor {
  return {
    kind: 'officer',
    userId: 'u',
    sessionIdHash: 'h',
    csrfToken: 'c',
    grants,
    activeUnitCode: null,
  };
}

/** Independent statement of the rule: a grant covers its unit and, for the province, every unit. */
function oracle(
  grants: { role: OfficerRole; unitCode: string }[],
  action: Action,
  unit: string,
): boolean {
  const allowed: readonly string[] = permissions[action];
  return grants.some(
    (g) =>
      allowed.includes(g.role) && (g.unitCode === unit || (g.unitCode === '66' && unit in parents)),
  );
}

describe('AccessPolicy', () => {
  it('a commune role covers only its commune', async () => {
    const leader = officer([{ role: 'unit_leader', unitCode: '24133' }]);
    expect(await policy.can(leader, 'officers.read', '24133')).toBe(true);
    expect(await policy.can(leader, 'officers.read', '22015')).toBe(false);
    expect(await policy.can(leader, 'officers.read', '66')).toBe(false);
    expect(await policy.can(leader, 'officers.read', '66-STP')).toBe(false);
  });

  it('a province role covers the province, its communes and departments', async () => {
    const admin = officer([{ role: 'province_admin', unitCode: '66' }]);
    for (const unit of units) expect(await policy.can(admin, 'audit.read', unit)).toBe(true);
  });

  it('a role without the permission grants nothing, even at the province', async () => {
    const receiver = officer([{ role: 'receiving_officer', unitCode: '66' }]);
    expect(await policy.can(receiver, 'audit.read', '24133')).toBe(false);
  });

  it('anonymous visitors and residents are never allowed, and unknown units are refused', async () => {
    expect(await policy.can({ kind: 'anonymous' }, 'officers.read', '24133')).toBe(false);
    const resident: Actor = {
      kind: 'resident',
      userId: 'r',
      sessionIdHash: 'h',
      csrfToken: 'c',
      assuranceLevel: 2,
    };
    expect(await policy.can(resident, 'officers.read', '24133')).toBe(false);
    const admin = officer([{ role: 'system_admin', unitCode: '66' }]);
    expect(await policy.can(admin, 'officers.read', '99999')).toBe(false);
  });

  it('agrees with the rule for any officer, action and unit (property)', async () => {
    const grant = fc.record({
      role: fc.constantFrom(...officerRoles),
      unitCode: fc.constantFrom(...units),
    });
    await fc.assert(
      fc.asyncProperty(
        fc.array(grant, { maxLength: 4 }),
        fc.constantFrom(...actions),
        fc.constantFrom(...units),
        async (grants, action, unit) => {
          expect(await policy.can(officer(grants), action, unit)).toBe(
            oracle(grants, action, unit),
          );
        },
      ),
      { numRuns: 500 },
    );
  });
});
