import { type Action, type OfficerRole, permissions } from '@cqs/shared';
import type { Actor } from '../../http/actor';
import { AppError } from '../../http/errors';

/** Resolves a unit to itself and its ancestors (commune → province). */
export interface UnitLineage {
  lineage(unitCode: string): Promise<string[]>;
}

/**
 * The one answer to "may this actor do this action on a record owned by unit X". A grant at a
 * unit covers that unit and everything below it: a province-level role covers the province's
 * communes and departments; a commune role covers only its commune. Used by every module.
 */
export class AccessPolicy {
  constructor(private readonly units: UnitLineage) {}

  async can(actor: Actor, action: Action, unitCode: string): Promise<boolean> {
    if (actor.kind !== 'officer') return false;
    const allowedRoles: readonly string[] = permissions[action];
    const lineage = await this.units.lineage(unitCode);
    if (lineage.length === 0) return false;
    return actor.grants.some((g) => allowedRoles.includes(g.role) && lineage.includes(g.unitCode));
  }

  async assert(actor: Actor, action: Action, unitCode: string): Promise<void> {
    if (!(await this.can(actor, action, unitCode))) throw new AppError('FORBIDDEN');
  }

  /** The roles the actor holds over `unitCode` (granted there or at a unit above it). */
  async rolesAt(actor: Actor, unitCode: string): Promise<OfficerRole[]> {
    if (actor.kind !== 'officer') return [];
    const lineage = await this.units.lineage(unitCode);
    const roles = new Set<OfficerRole>();
    for (const g of actor.grants) if (lineage.includes(g.unitCode)) roles.add(g.role);
    return [...roles];
  }

  /** Units (of those given) the actor may act on, for filtering lists without leaking counts. */
  async filterUnits(actor: Actor, action: Action, unitCodes: string[]): Promise<string[]> {
    const allowed: string[] = [];
    for (const code of unitCodes) if (await this.can(actor, action, code)) allowed.push(code);
    return allowed;
  }
}
