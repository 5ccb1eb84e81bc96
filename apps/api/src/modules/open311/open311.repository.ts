import type { Db } from '../../db/client';
import { photoBundle } from '../feedback/feedback.service';
import type { Open311ClientRow } from './open311.tables';

export interface ServiceRow {
  code: string;
  parent_code: string | null;
  name_vi: string;
  name_en: string;
  description_vi: string | null;
  answer_days: number;
  parent_name_vi: string | null;
}

/** A report as the public may see it: never the reporter's name, phone or e-mail. */
export interface PublicRequestRow {
  id: string;
  reference: string;
  state: string;
  category_code: string;
  category_name: string;
  answer_days: number;
  description: string;
  public_answer: string | null;
  unit_name: string | null;
  created_at: Date;
  updated_at: Date;
  due_at: Date | null;
  address: string | null;
  commune_code: string | null;
  commune_name: string | null;
  lat: number | null;
  lng: number | null;
}

export interface RequestFilter {
  references?: string[];
  serviceCodes?: string[];
  states?: readonly string[];
  createdFrom?: Date;
  createdTo?: Date;
  updatedFrom?: Date;
  updatedTo?: Date;
  limit: number;
  offset: number;
}

export interface PublicUpdateRow {
  id: number;
  reference: string;
  type: string;
  state: string;
  at: Date;
  note: string | null;
}

/** The only SQL of the Open311 module: reads of the feedback tables, and API clients. */
export class Open311Repository {
  constructor(private readonly db: Db) {}

  async services(code?: string): Promise<ServiceRow[]> {
    let query = this.db
      .selectFrom('feedback_categories as c')
      .leftJoin('feedback_categories as p', 'p.code', 'c.parent_code')
      .select([
        'c.code',
        'c.parent_code',
        'c.name_vi',
        'c.name_en',
        'c.description_vi',
        'c.answer_days',
        'p.name_vi as parent_name_vi',
      ])
      .where('c.active', '=', true)
      .orderBy('c.sort_order')
      .orderBy('c.code');
    if (code !== undefined) query = query.where('c.code', '=', code);
    return query.execute();
  }

  private publicRequests() {
    return (
      this.db
        .selectFrom('feedback_reports as r')
        .innerJoin('feedback_categories as c', 'c.code', 'r.category_code')
        .leftJoin('units as u', 'u.code', 'r.assigned_unit_code')
        .leftJoin('units as commune', 'commune.code', 'r.commune_code')
        .select([
          'r.id',
          'r.reference',
          'r.state',
          'r.category_code',
          'c.name_vi as category_name',
          'c.answer_days',
          'r.description',
          'r.public_answer',
          'u.full_name as unit_name',
          'r.created_at',
          'r.updated_at',
          'r.due_at',
          'r.address',
          'r.commune_code',
          'commune.full_name as commune_name',
          'r.lat',
          'r.lng',
        ])
        // Reports held by the moderation check (or hidden by an officer) are not public.
        .where('r.moderation_state', '=', 'visible')
    );
  }

  async requests(filter: RequestFilter): Promise<PublicRequestRow[]> {
    let query = this.publicRequests();
    if (filter.references) query = query.where('r.reference', 'in', filter.references);
    if (filter.serviceCodes) query = query.where('r.category_code', 'in', filter.serviceCodes);
    if (filter.states) query = query.where('r.state', 'in', [...filter.states]);
    if (filter.createdFrom) query = query.where('r.created_at', '>=', filter.createdFrom);
    if (filter.createdTo) query = query.where('r.created_at', '<=', filter.createdTo);
    if (filter.updatedFrom) query = query.where('r.updated_at', '>=', filter.updatedFrom);
    if (filter.updatedTo) query = query.where('r.updated_at', '<=', filter.updatedTo);
    return query
      .orderBy('r.created_at', 'desc')
      .orderBy('r.reference', 'desc')
      .limit(filter.limit)
      .offset(filter.offset)
      .execute();
  }

  /** The first public photo of each report (the feedback core keeps them in `feedback:{id}`). */
  async firstPhotos(reportIds: string[]): Promise<Map<string, string>> {
    const out = new Map<string, string>();
    if (!reportIds.length) return out;
    const rows = await this.db
      .selectFrom('files')
      .select(['bundle_id', 'id'])
      .where(
        'bundle_id',
        'in',
        reportIds.map((id) => photoBundle(id)),
      )
      .where('deleted_at', 'is', null)
      .where('media_type', 'in', ['image/jpeg', 'image/png'])
      .orderBy('created_at')
      .orderBy('id')
      .execute();
    for (const row of rows) {
      const reportId = row.bundle_id.slice('feedback:'.length);
      if (!out.has(reportId)) out.set(reportId, row.id);
    }
    return out;
  }

  async referenceForToken(
    token: string,
  ): Promise<{ reference: string; moderation_state: string } | undefined> {
    return this.db
      .selectFrom('feedback_reports')
      .select(['reference', 'moderation_state'])
      .where('open311_token', '=', token)
      .executeTakeFirst();
  }

  /** Public events of public reports, oldest first (mySociety's servicerequestupdates). */
  async publicUpdates(from: Date, to: Date, limit: number): Promise<PublicUpdateRow[]> {
    return this.db
      .selectFrom('feedback_events as e')
      .innerJoin('feedback_reports as r', 'r.id', 'e.report_id')
      .select(['e.id', 'r.reference', 'e.type', 'e.state', 'e.at', 'e.note'])
      .where('e.public', '=', true)
      .where('r.moderation_state', '=', 'visible')
      .where('e.at', '>=', from)
      .where('e.at', '<=', to)
      .orderBy('e.at')
      .orderBy('e.id')
      .limit(limit)
      .execute();
  }

  async communeExists(code: string): Promise<boolean> {
    const row = await this.db
      .selectFrom('units')
      .select('code')
      .where('code', '=', code)
      .where('kind', '=', 'commune')
      .where('active', '=', true)
      .executeTakeFirst();
    return row !== undefined;
  }

  communes(): Promise<{ code: string; name: string; full_name: string }[]> {
    return this.db
      .selectFrom('units')
      .select(['code', 'name', 'full_name'])
      .where('kind', '=', 'commune')
      .where('active', '=', true)
      .execute();
  }

  async activeClientByKeyHash(hash: string): Promise<Open311ClientRow | undefined> {
    return this.db
      .selectFrom('open311_clients')
      .selectAll()
      .where('api_key_hash', '=', hash)
      .where('active', '=', true)
      .executeTakeFirst();
  }
}
