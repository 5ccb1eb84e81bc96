import type { Db } from '../../db/client';

export class AdminRepository {
  constructor(private readonly db: Db) {}

  async officersOfUnit(unitCode: string) {
    return this.db
      .selectFrom('grants')
      .innerJoin('users', 'users.id', 'grants.user_id')
      .select(['users.id', 'users.full_name', 'users.username', 'users.is_demo', 'grants.role'])
      .where('grants.unit_code', '=', unitCode)
      .where('users.disabled', '=', false)
      .orderBy('users.full_name')
      .execute();
  }

  async auditOfUnit(unitCode: string, limit: number, beforeId?: number) {
    let query = this.db
      .selectFrom('audit_log')
      .selectAll()
      .where('unit_code', '=', unitCode)
      .orderBy('id', 'desc')
      .limit(limit);
    if (beforeId) query = query.where('id', '<', beforeId);
    return query.execute();
  }
}
