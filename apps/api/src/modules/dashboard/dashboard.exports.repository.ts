import type { Db } from '../../db/client';

/** The unit name an export prints in its heading (procedure names come with the views). */
export class ExportsRepository {
  constructor(private readonly db: Db) {}

  async unitName(code: string): Promise<string> {
    const row = await this.db
      .selectFrom('units')
      .select('full_name')
      .where('code', '=', code)
      .executeTakeFirst();
    return row?.full_name ?? code;
  }
}
