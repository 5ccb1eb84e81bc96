import type { CatalogueRecord, DeadlineUnit } from '@cqs/shared';
import { sql } from 'kysely';
import type { Db } from '../../db/client';
import '../dossiers/dossiers.tables';
import '../catalogue/catalogue.tables';
import './reception.tables';

/** The only SQL of the reception desk. Construct it with the root handle or a transaction. */
export class ReceptionRepository {
  constructor(private readonly db: Db) {}

  /** Status 1 ("Mới đăng ký") dossiers of one unit, oldest first. */
  async listWaiting(unitCode: string, limit: number) {
    return this.db
      .selectFrom('dossiers as d')
      .innerJoin('procedures as p', 'p.code', 'd.procedure_code')
      .select([
        'd.id',
        'd.reference',
        'd.procedure_code',
        'p.name as procedure_name',
        'd.applicant_name',
        'd.applicant_citizen_id',
        'd.submitted_at',
        'd.channel',
        'd.row_version',
      ])
      .where('d.receiving_unit_code', '=', unitCode)
      .where('d.status_code', '=', 1)
      .orderBy('d.submitted_at', 'asc')
      .orderBy('d.id', 'asc')
      .limit(limit)
      .execute();
  }

  async findDossier(id: string) {
    return this.db
      .selectFrom('dossiers')
      .select([
        'id',
        'reference',
        'procedure_code',
        'procedure_version',
        'receiving_unit_code',
        'channel',
        'status_code',
        'row_version',
        'applicant_name',
        'applicant_email',
        'applicant_phone',
      ])
      .where('id', '=', id)
      .executeTakeFirst();
  }

  async findVersionRecord(procedureCode: string, version: number) {
    const row = await this.db
      .selectFrom('procedure_versions')
      .select(['record'])
      .where('procedure_code', '=', procedureCode)
      .where('version', '=', version)
      .executeTakeFirst();
    return (row?.record as CatalogueRecord | undefined) ?? null;
  }

  async findUnit(code: string) {
    return this.db
      .selectFrom('units')
      .select(['code', 'identifier', 'full_name'])
      .where('code', '=', code)
      .executeTakeFirst();
  }

  /**
   * Moves a dossier from status 1 to accepted when nobody changed it since the officer read it.
   * Returns null when the row version (or status) no longer matches: nothing was changed.
   */
  async markAccepted(
    id: string,
    expectedRowVersion: number,
    values: {
      dueAt: Date | null;
      now: Date;
      timeLimit: { amount: number; unit: DeadlineUnit } | null;
    },
  ) {
    const row = await this.db
      .updateTable('dossiers')
      .set({
        status_code: 2,
        state: 'accepted',
        due_at: values.dueAt,
        accepted_at: values.now,
        time_limit_amount: values.timeLimit?.amount ?? null,
        time_limit_unit: values.timeLimit?.unit ?? null,
        updated_at: values.now,
        row_version: sql<number>`row_version + 1`,
      })
      .where('id', '=', id)
      .where('row_version', '=', expectedRowVersion)
      .where('status_code', '=', 1)
      .returningAll()
      .executeTakeFirst();
    return row ?? null;
  }

  async setCode(id: string, code: string) {
    return this.db
      .updateTable('dossiers')
      .set({ code })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
  }

  /**
   * Next number of the unit's daily sequence. The upsert takes the row lock, which serialises
   * concurrent accepts of one unit until commit; a rollback returns the number.
   */
  async nextCodeNumber(unitCode: string, day: string): Promise<number> {
    const { rows } = await sql<{ last_number: number }>`
      insert into dossier_code_seq (unit_code, day, last_number) values (${unitCode}, ${day}, 1)
      on conflict (unit_code, day)
        do update set last_number = dossier_code_seq.last_number + 1
      returning last_number`.execute(this.db);
    return Number(rows[0]!.last_number);
  }
}
