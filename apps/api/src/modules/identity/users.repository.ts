import type { OfficerRole } from '@cqs/shared';
import type { Db } from '../../db/client';
import type { NewUser, UserRow } from '../../db/types';

export class UsersRepository {
  constructor(private readonly db: Db) {}

  async findById(id: string): Promise<UserRow | undefined> {
    return this.db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
  }

  async findByUsername(username: string): Promise<UserRow | undefined> {
    return this.db
      .selectFrom('users')
      .selectAll()
      .where('username', '=', username)
      .executeTakeFirst();
  }

  async findResident(issuer: string, subject: string): Promise<UserRow | undefined> {
    return this.db
      .selectFrom('users')
      .selectAll()
      .where('oidc_issuer', '=', issuer)
      .where('oidc_subject', '=', subject)
      .executeTakeFirst();
  }

  async insert(user: NewUser): Promise<void> {
    await this.db.insertInto('users').values(user).execute();
  }

  async updateResidentProfile(id: string, profile: Partial<NewUser>): Promise<void> {
    await this.db.updateTable('users').set(profile).where('id', '=', id).execute();
  }

  async grantsOf(
    userId: string,
  ): Promise<{ role: OfficerRole; unitCode: string; unitName: string }[]> {
    const rows = await this.db
      .selectFrom('grants')
      .innerJoin('units', 'units.code', 'grants.unit_code')
      .select(['grants.role', 'grants.unit_code', 'units.full_name'])
      .where('grants.user_id', '=', userId)
      .orderBy('units.full_name')
      .orderBy('grants.role')
      .execute();
    return rows.map((r) => ({
      role: r.role as OfficerRole,
      unitCode: r.unit_code,
      unitName: r.full_name,
    }));
  }

  async addGrant(userId: string, role: OfficerRole, unitCode: string, at: Date): Promise<void> {
    await this.db
      .insertInto('grants')
      .values({ user_id: userId, role, unit_code: unitCode, granted_at: at })
      .onConflict((oc) => oc.doNothing())
      .execute();
  }

  /** Counts a failed sign-in and locks the account once the limit is reached. */
  async recordFailure(id: string, maxFailures: number, lockUntil: Date): Promise<void> {
    await this.db
      .updateTable('users')
      .set((eb) => ({
        failed_logins: eb('failed_logins', '+', 1),
        locked_until: eb
          .case()
          .when('failed_logins', '>=', maxFailures - 1)
          .then(lockUntil)
          .else(eb.ref('locked_until'))
          .end(),
      }))
      .where('id', '=', id)
      .execute();
  }

  /**
   * Marks a TOTP time step as used. Returns false when this or a later step was already used,
   * so a code can never be replayed, even by two requests racing.
   */
  async consumeTotpStep(id: string, step: number, at: Date): Promise<boolean> {
    const result = await this.db
      .updateTable('users')
      .set({ totp_last_step: step, failed_logins: 0, locked_until: null, updated_at: at })
      .where('id', '=', id)
      .where((eb) => eb.or([eb('totp_last_step', 'is', null), eb('totp_last_step', '<', step)]))
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }
}
