import type { Db } from '../../db/client';
import './results.tables';
import type { Insertable } from 'kysely';
import type {
  DossierResultRow,
  NewDossierResultRow,
  ResultSigningKeyRow,
  ResultSigningKeysTable,
} from './results.tables';

/** The only SQL of e-results. */
export class ResultsRepository {
  constructor(private readonly db: Db) {}

  async insert(trx: Db, row: NewDossierResultRow): Promise<void> {
    await trx.insertInto('dossier_results').values(row).execute();
  }

  /** Remembers a public key the first time it signs, so results outlive a key rotation. */
  async rememberKey(trx: Db, row: Insertable<ResultSigningKeysTable>): Promise<void> {
    await trx
      .insertInto('result_signing_keys')
      .values(row)
      .onConflict((oc) => oc.column('key_id').doNothing())
      .execute();
  }

  async find(id: string, trx: Db = this.db): Promise<DossierResultRow | undefined> {
    return trx.selectFrom('dossier_results').selectAll().where('id', '=', id).executeTakeFirst();
  }

  async findBySha256(sha256: string): Promise<DossierResultRow | undefined> {
    return this.db
      .selectFrom('dossier_results')
      .selectAll()
      .where('sha256', '=', sha256)
      .executeTakeFirst();
  }

  async listForDossier(dossierId: string, trx: Db = this.db): Promise<DossierResultRow[]> {
    return trx
      .selectFrom('dossier_results')
      .selectAll()
      .where('dossier_id', '=', dossierId)
      .orderBy('issued_at')
      .orderBy('id')
      .execute();
  }

  async isOfficer(userId: string): Promise<boolean> {
    const row = await this.db
      .selectFrom('users')
      .select('kind')
      .where('id', '=', userId)
      .executeTakeFirst();
    return row?.kind === 'officer';
  }

  async findKey(keyId: string): Promise<ResultSigningKeyRow | undefined> {
    return this.db
      .selectFrom('result_signing_keys')
      .selectAll()
      .where('key_id', '=', keyId)
      .executeTakeFirst();
  }

  async listKeys(): Promise<ResultSigningKeyRow[]> {
    return this.db
      .selectFrom('result_signing_keys')
      .selectAll()
      .orderBy('first_used_at')
      .orderBy('key_id')
      .execute();
  }

  /** First revocation only (the table's trigger refuses any other change). */
  async revoke(trx: Db, id: string, at: Date, reason: string): Promise<boolean> {
    const result = await trx
      .updateTable('dossier_results')
      .set({ revoked_at: at, revoked_reason: reason })
      .where('id', '=', id)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }
}
