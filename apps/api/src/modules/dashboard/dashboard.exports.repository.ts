import type { Db } from '../../db/client';

/** The few names an export prints beside codes (the JSON views carry codes only). */
export class ExportsRepository {
  constructor(private readonly db: Db) {}

  async procedureNames(codes: string[]): Promise<Map<string, string>> {
    if (codes.length === 0) return new Map();
    const rows = await this.db
      .selectFrom('procedures')
      .select(['code', 'name'])
      .where('code', 'in', codes)
      .execute();
    return new Map(rows.map((r) => [r.code, r.name]));
  }

  async unitName(code: string): Promise<string> {
    const row = await this.db
      .selectFrom('units')
      .select('full_name')
      .where('code', '=', code)
      .executeTakeFirst();
    return row?.full_name ?? code;
  }
}
