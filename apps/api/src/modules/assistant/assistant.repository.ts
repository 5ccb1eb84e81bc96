import type { CatalogueRecord, FeeOverrides } from '@cqs/shared';
import { sql } from 'kysely';
import type { Db } from '../../db/client';
import '../catalogue/catalogue.tables';
import '../dossiers/dossiers.tables';
import './assistant.tables';
import type { KnowledgeProcedure, KnowledgeSource, VersionSettings } from './assistant.knowledge';
import type { ConversationContext } from './assistant.router';

export interface StoredMessage {
  role: 'resident' | 'assistant';
  text: string;
  intent: string | null;
  outcome: string | null;
  procedureCode: string | null;
}

/** The only SQL of the assistant: the catalogue as knowledge, conversations, dossier owners. */
export class AssistantRepository implements KnowledgeSource {
  constructor(private readonly db: Db) {}

  /** Every procedure with the record of its newest version and the settings of all versions. */
  async load(): Promise<KnowledgeProcedure[]> {
    const [records, settings] = await Promise.all([
      this.db
        .selectFrom('procedures as p')
        .innerJoin('procedure_versions as v', (j) =>
          j.onRef('v.procedure_code', '=', 'p.code').onRef('v.version', '=', 'p.current_version'),
        )
        .select(['p.code', 'p.name', 'p.field', 'v.record'])
        .orderBy('p.code')
        .execute(),
      this.loadSettings(),
    ]);
    return records.map((r) => ({
      code: r.code,
      name: r.name,
      field: r.field,
      record: r.record as unknown as CatalogueRecord,
      versions: settings.get(r.code) ?? [],
    }));
  }

  /** The local settings of every version, ascending per procedure (a few thousand small rows). */
  async loadSettings(): Promise<Map<string, VersionSettings[]>> {
    const versions = await this.db
      .selectFrom('procedure_versions')
      .select([
        'procedure_code',
        'version',
        'effective_from',
        'offered_online',
        'online_level',
        'receiving_level',
        'responsible_unit_code',
        'fee_overrides',
        'local_notes',
      ])
      .orderBy('procedure_code')
      .orderBy('version')
      .execute();
    const byCode = new Map<string, VersionSettings[]>();
    for (const v of versions) {
      const list = byCode.get(v.procedure_code) ?? [];
      list.push({
        version: v.version,
        effectiveFrom: new Date(v.effective_from),
        offeredOnline: v.offered_online,
        onlineLevel: v.online_level,
        receivingLevel: v.receiving_level,
        responsibleUnitCode: v.responsible_unit_code,
        feeOverrides: (v.fee_overrides ?? {}) as FeeOverrides,
        localNotes: v.local_notes,
      });
      byCode.set(v.procedure_code, list);
    }
    return byCode;
  }

  /** Versions are append-only, so their count and newest publication identify the catalogue. */
  async signature(): Promise<string> {
    const row = await this.db
      .selectFrom('procedure_versions')
      .select([
        sql<number>`count(*)::int`.as('n'),
        sql<string | null>`max(published_at)::text`.as('latest'),
      ])
      .executeTakeFirstOrThrow();
    return `${row.n}:${row.latest ?? ''}`;
  }

  async findConversation(
    id: string,
  ): Promise<{ id: string; userId: string | null; context: ConversationContext } | undefined> {
    const row = await this.db
      .selectFrom('assistant_conversations')
      .select(['id', 'user_id', 'context'])
      .where('id', '=', id)
      .executeTakeFirst();
    return row ? { id: row.id, userId: row.user_id, context: row.context ?? {} } : undefined;
  }

  /** Creates or updates the conversation and appends the exchange, in one transaction. */
  async saveExchange(input: {
    id: string;
    userId: string | null;
    isNew: boolean;
    context: ConversationContext;
    messages: StoredMessage[];
    at: Date;
  }): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      if (input.isNew) {
        await trx
          .insertInto('assistant_conversations')
          .values({
            id: input.id,
            user_id: input.userId,
            context: JSON.stringify(input.context),
            created_at: input.at,
            updated_at: input.at,
          })
          .execute();
      } else {
        await trx
          .updateTable('assistant_conversations')
          .set({ context: JSON.stringify(input.context), updated_at: input.at })
          .where('id', '=', input.id)
          .execute();
      }
      await trx
        .insertInto('assistant_messages')
        .values(
          input.messages.map((m) => ({
            conversation_id: input.id,
            role: m.role,
            text: m.text,
            intent: m.intent,
            outcome: m.outcome,
            procedure_code: m.procedureCode,
            created_at: input.at,
          })),
        )
        .execute();
    });
  }

  async listMessages(conversationId: string): Promise<StoredMessage[]> {
    const rows = await this.db
      .selectFrom('assistant_messages')
      .select(['role', 'text', 'intent', 'outcome', 'procedure_code'])
      .where('conversation_id', '=', conversationId)
      .orderBy('id')
      .execute();
    return rows.map((r) => ({ ...r, procedureCode: r.procedure_code }));
  }

  /** Deletes conversations whose last message is older than `before` (messages cascade). */
  async deleteOlderThan(before: Date): Promise<number> {
    const rows = await this.db
      .deleteFrom('assistant_conversations')
      .where('updated_at', '<', before)
      .returning('id')
      .execute();
    return rows.length;
  }

  /** The commune a signed-in resident gave, to name their own service centre. */
  async findResidentCommune(userId: string): Promise<string | null> {
    const row = await this.db
      .selectFrom('users')
      .select('commune_code')
      .where('id', '=', userId)
      .executeTakeFirst();
    return row?.commune_code ?? null;
  }

  /** Who submitted the dossier with this code or reference (for the ownership check). */
  async findDossierOwner(code: string): Promise<{ id: string; userId: string | null } | undefined> {
    const row = await this.db
      .selectFrom('dossiers')
      .select(['id', 'applicant_user_id'])
      .where((eb) => eb.or([eb('reference', '=', code), eb('code', '=', code)]))
      .executeTakeFirst();
    return row ? { id: row.id, userId: row.applicant_user_id } : undefined;
  }
}
