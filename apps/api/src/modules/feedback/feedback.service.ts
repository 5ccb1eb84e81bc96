import { randomBytes, randomUUID } from 'node:crypto';
import type { FeedbackCreated, FeedbackPublic } from '@cqs/shared';
import type { Db } from '../../db/client';
import type { Actor, SignedInActor } from '../../http/actor';
import { AppError } from '../../http/errors';
import type { Clock } from '../../lib/clock';
import type { AccessPolicy } from '../access/policy';
import { appendAudit } from '../audit/audit.service';
import type { CalendarService } from '../calendar/calendar.service';
import { toLocal } from '../calendar/calendar.time';
import type { FilesService } from '../files/files.service';
import type { UnitsService } from '../units/units.service';
import type { FeedbackClassifierPort } from './feedback.classifier-port';
import { distanceM, statusFilter } from './feedback.filters';
import { notifyReceived, notifyUnitNew } from './feedback.notify';
import { type FeedbackPhotoInput, photoBundle, storePhotos } from './feedback.photos';
import { toPublic, toPublicListItem } from './feedback.public';
import type { FeedbackRepository } from './feedback.repository';
import { loadRules } from './feedback.rules';
import type { FeedbackCategoryRow, FeedbackReportRow } from './feedback.tables';
import { routeReport } from './feedback-routing';
import { type FeedbackState, feedbackStateLabels } from './feedback-workflow';

export interface CreateFeedbackInput {
  /** Empty: the classifier's suggestion. */
  categoryCode?: string | null | undefined;
  description: string;
  lat?: number | null | undefined;
  lng?: number | null | undefined;
  communeCode?: string | null | undefined;
  address?: string | null | undefined;
  anonymous: boolean;
  contact: { name?: string | null; email?: string | null; phone?: string | null };
  photos?: FeedbackPhotoInput[] | undefined;
}

export interface FeedbackOrigin {
  source: 'web' | 'open311';
  actor?: Actor | undefined;
  open311ClientId?: string | undefined;
  /** Open311: the token the client gets before the id is known (tokens/{token}). */
  open311Token?: string | undefined;
  requestId: string;
}

export interface FeedbackServiceDeps {
  db: Db;
  clock: Clock;
  repository: FeedbackRepository;
  units: UnitsService;
  calendar: CalendarService;
  files: FilesService;
  policy: AccessPolicy;
  classifier: FeedbackClassifierPort;
}

export const FEEDBACK_DESCRIPTION_LIMIT = 4000;
export const FEEDBACK_PHOTO_LIMIT = 5;
const REFERENCE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** `PA-yymmdd-XXXXXX`: the Vietnamese date of filing and six unambiguous random characters. */
export function feedbackReference(now: Date): string {
  const day = toLocal(now).date.replaceAll('-', '').slice(2);
  const bytes = randomBytes(6);
  let tail = '';
  for (const b of bytes) tail += REFERENCE_ALPHABET[b % REFERENCE_ALPHABET.length];
  return `PA-${day}-${tail}`;
}

/**
 * Community feedback: intake (web and Open311 share `create`), the public view and lists. The
 * officer and resident actions live in feedback.actions.ts; categories and rules in
 * feedback.admin.ts.
 */
export class FeedbackService {
  constructor(private readonly deps: FeedbackServiceDeps) {}

  get repository(): FeedbackRepository {
    return this.deps.repository;
  }

  async activeCategory(code: string): Promise<FeedbackCategoryRow> {
    const category = await this.deps.repository.findCategory(code);
    if (!category?.active) throw new AppError('FEEDBACK_CATEGORY_UNKNOWN');
    return category;
  }

  /** Files a report: checks, classification, routing, deadline, one transaction. */
  async create(
    input: CreateFeedbackInput,
    origin: FeedbackOrigin,
  ): Promise<FeedbackCreated & { token?: string }> {
    const { db, clock, repository, units, calendar, classifier } = this.deps;
    const photos = input.photos ?? [];
    try {
      // Everything that can be refused is checked before any byte is stored.
      const description = input.description.trim();
      if (!description || description.length > FEEDBACK_DESCRIPTION_LIMIT) {
        throw new AppError('VALIDATION_FAILED', {
          fields: [{ path: 'description', message: 'Nội dung từ 1 đến 4.000 ký tự' }],
        });
      }
      if (photos.length > FEEDBACK_PHOTO_LIMIT) throw new AppError('FEEDBACK_TOO_MANY_PHOTOS');
      const hasPoint = input.lat != null && input.lng != null;
      if ((input.lat == null) !== (input.lng == null)) {
        throw new AppError('VALIDATION_FAILED', {
          fields: [{ path: 'lat', message: 'Cần cả vĩ độ và kinh độ' }],
        });
      }
      if (!hasPoint && !input.communeCode) throw new AppError('FEEDBACK_LOCATION_MISSING');
      let communeCode: string;
      if (hasPoint) {
        communeCode = (await units.locate(input.lng!, input.lat!)).code;
      } else {
        const unit = await units.find(input.communeCode!);
        if (unit?.kind !== 'commune') {
          throw new AppError('VALIDATION_FAILED', {
            fields: [{ path: 'communeCode', message: 'Không có xã, phường với mã này' }],
          });
        }
        communeCode = unit.code;
      }
      const chosen = input.categoryCode?.trim() || null;
      if (chosen) await this.activeCategory(chosen);
      const verdict = classifier.classify(description);
      const suggestion = (await repository.findCategory(verdict.category))?.active
        ? verdict.category
        : 'khac';
      const categoryCode = chosen ?? suggestion;
      const category = await this.activeCategory(categoryCode);
      const flagged = chosen ? classifier.looksWrong(chosen, verdict) : false;
      const toTriage = !chosen && classifier.needsTriage(verdict);
      const moderation = classifier.moderate(`${description}\n${input.address ?? ''}`);

      const point = hasPoint ? { lat: input.lat!, lng: input.lng! } : null;
      const rules = await loadRules(repository);
      const route = routeReport(rules, { categoryCode, communeCode, point });
      if (!route.matched) throw new AppError('FEEDBACK_NO_ROUTE');
      const now = clock.now();
      const due = (await calendar.due(now, category.answer_days, 'working_days')).due;

      const actor: Actor = origin.actor ?? { kind: 'anonymous' };
      const reporterId = actor.kind === 'resident' ? actor.userId : null;
      const reporter = reporterId
        ? await db
            .selectFrom('users')
            .select(['full_name', 'email', 'phone'])
            .where('id', '=', reporterId)
            .executeTakeFirst()
        : undefined;
      const contact = {
        name: input.contact.name?.trim() || reporter?.full_name || null,
        email: input.contact.email?.trim() || reporter?.email || null,
        phone: input.contact.phone?.trim() || reporter?.phone || null,
      };

      const id = randomUUID();
      const stored = await storePhotos(this.deps, photos, id, reporterId, origin.requestId);
      photos.length = 0; // consumed (stored or discarded) from here on
      const state: FeedbackState = toTriage ? 'triage' : 'assigned';
      const reference = feedbackReference(now);
      const unit = await units.find(route.unitCode);
      try {
        await db.transaction().execute(async (trx) => {
          await repository.insertReport(trx, {
            id,
            reference,
            category_code: categoryCode,
            suggested_category: suggestion,
            classifier_confidence: verdict.confidence,
            category_flagged: flagged,
            description,
            lat: point?.lat ?? null,
            lng: point?.lng ?? null,
            commune_code: communeCode,
            address: input.address?.trim() || null,
            reporter_user_id: reporterId,
            reporter_name: contact.name,
            reporter_phone: contact.phone,
            reporter_email: contact.email,
            anonymous: input.anonymous,
            state,
            assigned_unit_code: route.unitCode,
            assigned_officer_id: null,
            due_at: due,
            paused_at: null,
            overdue_at_close: null,
            moderation_state: moderation.held ? 'pending' : 'visible',
            moderation_reasons: JSON.stringify(moderation.reasons),
            public_answer: null,
            answered_at: null,
            rating: null,
            rating_comment: null,
            resolved_at: null,
            closed_at: null,
            source: origin.source,
            open311_client_id: origin.open311ClientId ?? null,
            open311_token: origin.open311Token ?? null,
            created_at: now,
            updated_at: now,
          });
          await repository.insertEvent(trx, {
            report_id: id,
            type: 'submitted',
            state,
            at: now,
            actor_id: actor.kind === 'anonymous' ? null : actor.userId,
            actor_kind: actor.kind,
            unit_code: route.unitCode,
            public: true,
            note: null,
            data: JSON.stringify({
              ruleId: route.ruleId,
              photos: stored.map((f) => f.id),
              suggested: !chosen,
              flagged,
              moderationHeld: moderation.held,
            }),
          });
          await appendAudit(trx, clock, {
            actor,
            unitCode: route.unitCode,
            action: 'feedback.submit',
            objectType: 'feedback_report',
            objectId: id,
            requestId: origin.requestId,
            // The audit keeps who filed an anonymous report; the public never sees it.
            details: {
              reference,
              source: origin.source,
              anonymous: input.anonymous,
              reporterName: contact.name,
              categoryCode,
              communeCode,
            },
          });
          const title = description.slice(0, 80);
          await notifyReceived(trx, clock, {
            reportId: id,
            reference,
            title,
            recipientName: contact.name,
            email: contact.email,
            phone: contact.phone,
            receivedAt: now,
            answerBy: due,
          });
          await notifyUnitNew(trx, clock, repository, {
            reportId: id,
            reference,
            title,
            categoryName: category.name_vi,
            unitCode: route.unitCode,
            unitName: unit?.name ?? route.unitCode,
            dueAt: due,
            escalated: false,
          });
        });
      } catch (error) {
        await repository.discardFiles(
          stored.map((f) => f.id),
          now,
        );
        throw error;
      }
      return {
        id,
        reference,
        state,
        categoryCode,
        categorySuggested: !chosen,
        assignedUnitCode: route.unitCode,
        dueAt: due.toISOString(),
        moderation: moderation.held ? 'pending' : 'visible',
        ...(origin.open311Token ? { token: origin.open311Token } : {}),
      };
    } finally {
      for (const p of photos.splice(0)) await this.deps.files.discard(p.staged);
    }
  }

  /** The public view: FEEDBACK_NOT_FOUND for unknown, held or hidden reports. */
  async getPublic(idOrReference: string): Promise<FeedbackPublic> {
    const row = await this.deps.repository.findReport(idOrReference);
    if (row?.moderation_state !== 'visible') throw new AppError('FEEDBACK_NOT_FOUND');
    return this.publicView(row);
  }

  async publicView(row: FeedbackReportRow): Promise<FeedbackPublic> {
    const [events, photos, categories] = await Promise.all([
      this.deps.repository.listEvents(row.id, { publicOnly: true }),
      this.deps.files.listBundle(photoBundle(row.id)),
      this.categoryNames(),
    ]);
    return toPublic(row, {
      events,
      photos,
      categoryNames: categories,
      unitName: (code) => this.unitName(code),
    });
  }

  async list(query: {
    commune?: string | undefined;
    category?: string | undefined;
    status?: string | undefined;
    page: number;
    pageSize: number;
  }) {
    const states = statusFilter(query.status);
    const { rows, total } = await this.deps.repository.listReports({
      communeCode: query.commune,
      categoryCode: query.category,
      states,
      visibleOnly: true,
      limit: query.pageSize,
      offset: (query.page - 1) * query.pageSize,
    });
    const categories = await this.categoryNames();
    const items = [];
    for (const row of rows) {
      items.push(toPublicListItem(row, categories, (code) => this.unitName(code)));
    }
    return { items: await Promise.all(items), total, page: query.page, pageSize: query.pageSize };
  }

  /** Same category, within ~100 m, filed in the last 30 days; closed ones too. */
  async similar(query: { category: string; lat: number; lng: number }) {
    const radiusM = 100;
    const dLat = radiusM / 111_320;
    const dLng = radiusM / (111_320 * Math.cos((query.lat * Math.PI) / 180));
    const since = new Date(this.deps.clock.now().getTime() - 30 * 86_400_000);
    const rows = await this.deps.repository.similarCandidates({
      categoryCode: query.category,
      since,
      box: {
        minLat: query.lat - dLat,
        maxLat: query.lat + dLat,
        minLng: query.lng - dLng,
        maxLng: query.lng + dLng,
      },
    });
    const near = rows
      .map((row) => ({ row, distance: distanceM(query, { lat: row.lat!, lng: row.lng! }) }))
      .filter((c) => c.distance <= radiusM)
      .sort((a, b) => a.distance - b.distance);
    const categories = await this.categoryNames();
    const items = [];
    for (const c of near) {
      const item = await toPublicListItem(c.row, categories, (code) => this.unitName(code));
      items.push({ ...item, distanceM: Math.round(c.distance) });
    }
    return { items };
  }

  async follow(actor: SignedInActor, reference: string, requestId: string): Promise<void> {
    const row = await this.deps.repository.findReport(reference);
    if (row?.moderation_state !== 'visible') throw new AppError('FEEDBACK_NOT_FOUND');
    const { db, clock, repository } = this.deps;
    await db.transaction().execute(async (trx) => {
      const added = await repository.addFollower(trx, row.id, actor.userId, clock.now());
      if (added) {
        await appendAudit(trx, clock, {
          actor,
          action: 'feedback.follow',
          objectType: 'feedback_report',
          objectId: row.id,
          requestId,
        });
      }
    });
  }

  async categoryNames(): Promise<Map<string, string>> {
    const rows = await this.deps.repository.listCategories();
    return new Map(rows.map((r) => [r.code, r.name_vi]));
  }

  async unitName(code: string | null): Promise<string | null> {
    if (!code) return null;
    return (await this.deps.units.find(code))?.full_name ?? code;
  }

  stateLabel(state: string): string {
    return feedbackStateLabels[state as FeedbackState]?.vi ?? state;
  }
}

export { type FeedbackPhotoInput, photoBundle, statusFilter };
