import type { AssistedState } from '@cqs/shared';
import { sql } from 'kysely';
import type { z } from 'zod';
import type { Db } from '../../db/client';
import '../dossiers/dossiers.tables';
import '../notifications/notifications.tables';
import './assisted.tables';
import type { Insertable } from 'kysely';
import type {
  AssistedConsentCodesTable,
  AssistedConsentsTable,
  AssistedRow,
  AssistedSubmissionsTable,
  ConsentCodeRow,
  ConsentRow,
} from './assisted.tables';
import { REDACTED_CODE } from './assisted.templates';

type State = z.infer<typeof AssistedState>;

/** The only SQL of assisted submission. Built over the root handle or over a transaction. */
export class AssistedRepository {
  constructor(private readonly db: Db) {}

  async insert(row: Insertable<AssistedSubmissionsTable>): Promise<void> {
    await this.db.insertInto('assisted_submissions').values(row).execute();
  }

  find(id: string): Promise<AssistedRow | undefined> {
    return this.db
      .selectFrom('assisted_submissions')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
  }

  /** Only the member's own records: another member's, or a resident's other dossiers, never. */
  findOwned(id: string, userId: string): Promise<AssistedRow | undefined> {
    return this.db
      .selectFrom('assisted_submissions')
      .selectAll()
      .where('id', '=', id)
      .where('created_by', '=', userId)
      .executeTakeFirst();
  }

  lock(id: string): Promise<AssistedRow | undefined> {
    return this.db
      .selectFrom('assisted_submissions')
      .selectAll()
      .where('id', '=', id)
      .forUpdate()
      .executeTakeFirst();
  }

  async listOwned(
    userId: string,
    filter: { state?: State | undefined },
    page: { page: number; pageSize: number },
  ): Promise<{ rows: AssistedRow[]; total: number }> {
    let query = this.db.selectFrom('assisted_submissions').where('created_by', '=', userId);
    if (filter.state) query = query.where('state', '=', filter.state);
    const total = await query
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const rows = await query
      .selectAll()
      .orderBy('updated_at', 'desc')
      .orderBy('id')
      .limit(page.pageSize)
      .offset((page.page - 1) * page.pageSize)
      .execute();
    return { rows, total: Number(total.n) };
  }

  async saveDraft(
    id: string,
    answers: Record<string, unknown>,
    currentStep: string | null | undefined,
    now: Date,
  ): Promise<boolean> {
    const result = await this.db
      .updateTable('assisted_submissions')
      .set({
        answers: JSON.stringify(answers),
        ...(currentStep !== undefined ? { current_step: currentStep } : {}),
        updated_at: now,
      })
      .where('id', '=', id)
      .where('state', '=', 'draft')
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  async setState(id: string, changes: Partial<AssistedRow>, now: Date): Promise<void> {
    const { answers: _answers, ...rest } = changes;
    await this.db
      .updateTable('assisted_submissions')
      .set({ ...rest, updated_at: now })
      .where('id', '=', id)
      .execute();
  }

  async insertEvent(event: {
    assistedId: string;
    type: string;
    at: Date;
    actorId: string | null;
    data?: Record<string, unknown>;
  }): Promise<void> {
    await this.db
      .insertInto('assisted_events')
      .values({
        assisted_id: event.assistedId,
        type: event.type,
        at: event.at,
        actor_id: event.actorId,
        data: JSON.stringify(event.data ?? {}),
      })
      .execute();
  }

  events(assistedId: string) {
    return this.db
      .selectFrom('assisted_events')
      .select(['type', 'at', 'actor_id', 'data'])
      .where('assisted_id', '=', assistedId)
      .orderBy('id')
      .execute();
  }

  /** Names in the purpose text, read through this handle (a transaction's, on PGlite). */
  async purposeFacts(record: AssistedRow) {
    const row = await this.db
      .selectFrom('team_members as m')
      .innerJoin('teams as t', 't.id', 'm.team_id')
      .innerJoin('units as u', 'u.code', 't.commune_code')
      .select(['m.full_name', 't.name as team_name', 'u.full_name as commune_name'])
      .where('m.id', '=', record.member_id)
      .executeTakeFirstOrThrow();
    const procedure = await this.db
      .selectFrom('procedures')
      .select('name')
      .where('code', '=', record.procedure_code)
      .executeTakeFirstOrThrow();
    return {
      memberName: row.full_name,
      teamName: row.team_name,
      communeName: row.commune_name,
      procedureName: procedure.name,
    };
  }

  // Consents --------------------------------------------------------------------------------

  async insertConsent(row: Insertable<AssistedConsentsTable>): Promise<void> {
    await this.db.insertInto('assisted_consents').values(row).execute();
  }

  latestConsent(assistedId: string): Promise<ConsentRow | undefined> {
    return this.db
      .selectFrom('assisted_consents')
      .selectAll()
      .where('assisted_id', '=', assistedId)
      .orderBy('given_at', 'desc')
      .orderBy('id')
      .executeTakeFirst();
  }

  async consentMethods(assistedIds: string[]): Promise<Map<string, ConsentRow['method']>> {
    if (assistedIds.length === 0) return new Map();
    const rows = await this.db
      .selectFrom('assisted_consents')
      .select(['assisted_id', 'method', 'given_at'])
      .where('assisted_id', 'in', assistedIds)
      .orderBy('given_at')
      .execute();
    // Ordered oldest first: the newest consent of each record wins.
    return new Map(rows.map((r) => [r.assisted_id, r.method]));
  }

  // One-time codes ---------------------------------------------------------------------------

  async insertCode(row: Insertable<AssistedConsentCodesTable>): Promise<void> {
    await this.db.insertInto('assisted_consent_codes').values(row).execute();
  }

  latestCode(assistedId: string): Promise<ConsentCodeRow | undefined> {
    return this.db
      .selectFrom('assisted_consent_codes')
      .selectAll()
      .where('assisted_id', '=', assistedId)
      .orderBy('created_at', 'desc')
      .orderBy('id')
      .executeTakeFirst();
  }

  async codesSince(assistedId: string, since: Date): Promise<number> {
    const row = await this.db
      .selectFrom('assisted_consent_codes')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('assisted_id', '=', assistedId)
      .where('created_at', '>', since)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  /**
   * Claims one attempt on an open code, atomically: two guesses racing each use one, and none is
   * possible after the limit. Returns the attempts used, or null when none was left.
   */
  async claimAttempt(codeId: string, maxAttempts: number): Promise<number | null> {
    const row = await this.db
      .updateTable('assisted_consent_codes')
      .set((eb) => ({ attempts: eb('attempts', '+', 1) }))
      .where('id', '=', codeId)
      .where('closed_at', 'is', null)
      .where('attempts', '<', maxAttempts)
      .returning('attempts')
      .executeTakeFirst();
    return row ? row.attempts : null;
  }

  /** Closes a code once (used): false when it was already closed by a concurrent request. */
  async closeCode(codeId: string, now: Date): Promise<boolean> {
    const result = await this.db
      .updateTable('assisted_consent_codes')
      .set({ closed_at: now })
      .where('id', '=', codeId)
      .where('closed_at', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  async closeOpenCodes(assistedId: string, now: Date): Promise<void> {
    await this.db
      .updateTable('assisted_consent_codes')
      .set({ closed_at: now })
      .where('assisted_id', '=', assistedId)
      .where('closed_at', 'is', null)
      .execute();
  }

  /**
   * The code travels in the outbox payload until the SMS is sent; once it is used or replaced,
   * the stored copy is overwritten so that only the salted hash remains at rest. A message not
   * sent yet is cancelled (the newer code or the consent makes it useless).
   */
  async redactCodeMessages(assistedId: string): Promise<void> {
    const prefix = `assisted.code:${assistedId}:%`;
    await this.db
      .updateTable('outbox')
      .set({ state: 'cancelled' })
      .where('dedupe_key', 'like', prefix)
      .where('state', '=', 'pending')
      .execute();
    await this.db
      .updateTable('outbox')
      .set({
        payload: sql<string>`jsonb_set(payload, '{code}', to_jsonb(${REDACTED_CODE}::text))`,
      })
      .where('dedupe_key', 'like', prefix)
      .where(sql<boolean>`payload->>'code' <> ${REDACTED_CODE}`)
      .execute();
  }

  /** Demo mode: the resident's texts of this record as queued in the outbox, newest first. */
  demoMessages(assistedId: string) {
    return this.db
      .selectFrom('outbox')
      .select(['recipient', 'template', 'payload', 'created_at'])
      .where('dedupe_key', 'like', `assisted.%:${assistedId}:%`)
      .where('channel', '=', 'sms')
      .orderBy('created_at', 'desc')
      .limit(10)
      .execute();
  }

  // Linking residents ------------------------------------------------------------------------

  /**
   * Consented records not yet linked to an account that a signing-in resident matches: by ID
   * number when the member typed one, otherwise by the phone the one-time code went to (the
   * resident proved it is theirs) and the identity provider's phone number.
   */
  async unlinkedFor(user: { citizenId: string | null; phone: string | null }) {
    if (!user.citizenId && !user.phone) return [];
    return this.db
      .selectFrom('assisted_submissions as a')
      .selectAll('a')
      .where('a.resident_user_id', 'is', null)
      .where('a.state', '<>', 'cancelled')
      .where((eb) =>
        eb.or([
          ...(user.citizenId ? [eb('a.resident_citizen_id', '=', user.citizenId)] : []),
          ...(user.phone
            ? [
                eb.and([
                  eb('a.resident_citizen_id', 'is', null),
                  eb('a.resident_phone', '=', user.phone),
                ]),
              ]
            : []),
        ]),
      )
      .where((eb) =>
        eb.exists(
          eb
            .selectFrom('assisted_consents as c')
            .select('c.id')
            .whereRef('c.assisted_id', '=', 'a.id')
            .where('c.method', '=', 'otp'),
        ),
      )
      .execute();
  }

  /** Resident accounts holding this ID number, or this phone when no ID number is known. */
  async residentsMatching(citizenId: string | null, phone: string) {
    let query = this.db.selectFrom('users').select(['id', 'email']).where('kind', '=', 'resident');
    query = citizenId
      ? query.where('citizen_id', '=', citizenId)
      : query.where((eb) =>
          eb.or([eb('phone', '=', phone), eb('phone', '=', `0${phone.slice(3)}`)]),
        );
    return query.limit(2).execute();
  }

  /** Gives a dossier submitted before the resident had an account to that account. */
  async attachDossier(dossierId: string, userId: string, now: Date): Promise<void> {
    await this.db
      .updateTable('dossiers')
      .set({ applicant_user_id: userId, updated_at: now })
      .where('id', '=', dossierId)
      .where('applicant_user_id', 'is', null)
      .execute();
  }

  async dossierRefs(ids: string[]) {
    if (ids.length === 0) return new Map<string, DossierRef>();
    const rows = await this.db
      .selectFrom('dossiers')
      .select(['id', 'reference', 'code', 'status_code', 'submitted_at'])
      .where('id', 'in', ids)
      .execute();
    return new Map<string, DossierRef>(rows.map((r) => [r.id, r]));
  }

  async procedureNames(codes: string[]): Promise<Map<string, string>> {
    if (codes.length === 0) return new Map();
    const rows = await this.db
      .selectFrom('procedures')
      .select(['code', 'name'])
      .where('code', 'in', [...new Set(codes)])
      .execute();
    return new Map(rows.map((r) => [r.code, r.name]));
  }

  async userEmail(userId: string): Promise<string | null> {
    const row = await this.db
      .selectFrom('users')
      .select('email')
      .where('id', '=', userId)
      .executeTakeFirst();
    return row?.email ?? null;
  }
}

export interface DossierRef {
  id: string;
  reference: string;
  code: string | null;
  status_code: number;
  submitted_at: Date;
}
