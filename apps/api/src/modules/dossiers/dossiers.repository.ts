import type { Db } from '../../db/client';
import './dossiers.tables';
import '../teams/assisted.tables';
import '../teams/teams.tables';

export class DossiersRepository {
  constructor(private readonly db: Db) {}

  findDraft(id: string, userId: string) {
    return this.db
      .selectFrom('drafts')
      .selectAll()
      .where('id', '=', id)
      .where('user_id', '=', userId)
      .executeTakeFirst();
  }

  /** Locks the draft row for the submitting transaction (PostgreSQL; PGlite is serial anyway). */
  lockDraft(id: string, userId: string) {
    return this.db
      .selectFrom('drafts')
      .selectAll()
      .where('id', '=', id)
      .where('user_id', '=', userId)
      .forUpdate()
      .executeTakeFirst();
  }

  listDrafts(userId: string) {
    return this.db
      .selectFrom('drafts')
      .selectAll()
      .where('user_id', '=', userId)
      .where('submitted_dossier_id', 'is', null)
      .orderBy('updated_at', 'desc')
      .limit(100)
      .execute();
  }

  findDossier(id: string) {
    return this.db.selectFrom('dossiers').selectAll().where('id', '=', id).executeTakeFirst();
  }

  findByReferenceOrCode(value: string) {
    return this.db
      .selectFrom('dossiers')
      .selectAll()
      .where((eb) => eb.or([eb('reference', '=', value), eb('code', '=', value)]))
      .executeTakeFirst();
  }

  listOfApplicant(userId: string) {
    return this.db
      .selectFrom('dossiers')
      .selectAll()
      .where('applicant_user_id', '=', userId)
      .orderBy('submitted_at', 'desc')
      .limit(200)
      .execute();
  }

  publicEvents(dossierId: string) {
    return this.db
      .selectFrom('dossier_events')
      .select(['type', 'status_code', 'at', 'note', 'data'])
      .where('dossier_id', '=', dossierId)
      .where('public', '=', true)
      .orderBy('id')
      .execute();
  }

  findRating(dossierId: string) {
    return this.db
      .selectFrom('dossier_ratings')
      .select(['stars', 'comment'])
      .where('dossier_id', '=', dossierId)
      .executeTakeFirst();
  }

  /** Names of the given procedures, for lists that show many dossiers or drafts. */
  async procedureNames(codes: string[]): Promise<Map<string, string>> {
    if (codes.length === 0) return new Map();
    const rows = await this.db
      .selectFrom('procedures')
      .select(['code', 'name'])
      .where('code', 'in', [...new Set(codes)])
      .execute();
    return new Map(rows.map((r) => [r.code, r.name]));
  }

  /**
   * The community digital team that helped submit each of these dossiers (assisted submission,
   * issue 8 §3), with the team's commune: the resident's list marks them.
   */
  async assistedMarks(
    dossierIds: string[],
  ): Promise<Map<string, { teamName: string; communeName: string }>> {
    if (dossierIds.length === 0) return new Map();
    const rows = await this.db
      .selectFrom('assisted_submissions as a')
      .innerJoin('teams as t', 't.id', 'a.team_id')
      .innerJoin('units as u', 'u.code', 'a.commune_code')
      .select(['a.dossier_id', 't.name as team_name', 'u.full_name as commune_name'])
      .where('a.dossier_id', 'in', dossierIds)
      .execute();
    return new Map(
      rows.map((r) => [r.dossier_id!, { teamName: r.team_name, communeName: r.commune_name }]),
    );
  }

  async referenceExists(reference: string): Promise<boolean> {
    const row = await this.db
      .selectFrom('dossiers')
      .select('id')
      .where('reference', '=', reference)
      .executeTakeFirst();
    return row !== undefined;
  }
}
