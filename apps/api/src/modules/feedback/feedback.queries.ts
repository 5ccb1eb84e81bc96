import type { Actor, OfficerActor } from '../../http/actor';
import { AppError } from '../../http/errors';
import type { Clock } from '../../lib/clock';
import type { AccessPolicy } from '../access/policy';
import type { CalendarService } from '../calendar/calendar.service';
import type { FilesService } from '../files/files.service';
import type { UnitsService } from '../units/units.service';
import { band, dueSoonUntil } from './feedback.deadline';
import type { FeedbackRepository } from './feedback.repository';
import { type FeedbackService, photoBundle, statusFilter } from './feedback.service';
import type { FeedbackReportRow } from './feedback.tables';
import { allowedFeedbackActions, type FeedbackState, feedbackActions } from './feedback-workflow';

/** Officer inbox, triage queue, the officer's full view, statistics and public photos. */
export class FeedbackQueries {
  constructor(
    private readonly deps: {
      clock: Clock;
      calendar: CalendarService;
      repository: FeedbackRepository;
      units: UnitsService;
      policy: AccessPolicy;
      files: FilesService;
      feedback: FeedbackService;
    },
  ) {}

  /** Public photos of visible reports; officers who may handle the report see any. */
  registerPhotoAccess(): void {
    this.deps.files.addReadCheck(async (actor: Actor, file) => {
      if (!file.bundleId.startsWith('feedback:')) return false;
      const row = await this.deps.repository.findReport(file.bundleId.slice('feedback:'.length));
      if (!row) return false;
      if (row.moderation_state === 'visible') return true;
      return this.deps.policy.can(actor, 'feedback.handle', row.assigned_unit_code ?? '66');
    });
  }

  async openPhoto(reference: string, fileId: string) {
    const row = await this.deps.repository.findReport(reference);
    if (row?.moderation_state !== 'visible') throw new AppError('FEEDBACK_NOT_FOUND');
    const photos = await this.deps.files.listBundle(photoBundle(row.id));
    if (!photos.some((p) => p.id === fileId)) throw new AppError('FILE_NOT_FOUND');
    return this.deps.files.openForRead({ kind: 'anonymous' }, fileId, '');
  }

  /** Units below (and at) the officer's grants that hold feedback.handle. */
  private async handledUnits(actor: OfficerActor, unitCode?: string): Promise<string[]> {
    if (unitCode) {
      await this.deps.policy.assert(actor, 'feedback.handle', unitCode);
      return [unitCode];
    }
    const all = await this.deps.units.list({ limit: 10_000, offset: 0 });
    const codes = all.items.map((u) => u.code);
    return this.deps.policy.filterUnits(actor, 'feedback.handle', codes);
  }

  async inbox(
    actor: OfficerActor,
    query: {
      unitCode?: string | undefined;
      state?: string | undefined;
      /** A main category includes its sub-categories. */
      category?: string | undefined;
      band?: string | undefined;
      page: number;
      pageSize: number;
    },
  ) {
    const unitCodes = await this.handledUnits(actor, query.unitCode);
    const { rows, total } = await this.deps.repository.listReports({
      unitCodes,
      states: statusFilter(query.state),
      ...(query.category ? { categoryCode: query.category } : {}),
      limit: 500,
      offset: 0,
    });
    const now = this.deps.clock.now();
    const dueSoonBy = await dueSoonUntil(this.deps.calendar, now);
    const items = rows
      .map((row) => ({ row, band: band(row, now, dueSoonBy) }))
      .filter((x) => !query.band || x.band === query.band)
      .sort(
        (a, b) => (a.row.due_at?.getTime() ?? Infinity) - (b.row.due_at?.getTime() ?? Infinity),
      );
    const page = items.slice((query.page - 1) * query.pageSize, query.page * query.pageSize);
    return {
      items: page.map((x) => this.summary(x.row, x.band)),
      total: query.band ? items.length : total,
      page: query.page,
      pageSize: query.pageSize,
    };
  }

  async triageQueue(actor: OfficerActor, page: number, pageSize: number) {
    return this.inbox(actor, { state: 'triage', page, pageSize });
  }

  /** Everything an officer of the unit sees, internal notes and contacts included. */
  async officerView(actor: OfficerActor, id: string) {
    const row = await this.deps.repository.findReport(id);
    if (!row) throw new AppError('FEEDBACK_NOT_FOUND');
    await this.deps.policy.assert(actor, 'feedback.handle', row.assigned_unit_code ?? '66');
    const now = this.deps.clock.now();
    const [events, publicView] = await Promise.all([
      this.deps.repository.listEvents(row.id, { publicOnly: false }),
      this.deps.feedback.publicView(row),
    ]);
    return {
      ...publicView,
      reporterName: row.reporter_name,
      reporterPhone: row.reporter_phone,
      reporterEmail: row.reporter_email,
      anonymous: row.anonymous,
      suggestedCategory: row.suggested_category,
      classifierConfidence: row.classifier_confidence,
      categoryFlagged: row.category_flagged,
      moderationState: row.moderation_state,
      moderationReasons: row.moderation_reasons,
      escalationLevel: row.escalation_level,
      assignedOfficerId: row.assigned_officer_id,
      rowVersion: row.row_version,
      band: band(row, now, await dueSoonUntil(this.deps.calendar, now)),
      allowedActions: allowedFeedbackActions(row.state as FeedbackState, 'officer').map((name) => ({
        name,
        label: feedbackActions.find((a) => a.name === name)!.label.vi,
      })),
      internalEvents: events.map((e) => ({
        id: Number(e.id),
        type: e.type,
        state: e.state,
        at: e.at.toISOString(),
        actorKind: e.actor_kind,
        unitCode: e.unit_code,
        public: e.public,
        note: e.note,
      })),
    };
  }

  async stats(unitCode: string) {
    const row = await this.deps.repository.unitStats(unitCode, this.deps.clock.now());
    return statsOf(unitCode, row);
  }

  async statsByUnit() {
    const rows = await this.deps.repository.statsByUnit(this.deps.clock.now());
    const items = [];
    for (const row of rows) {
      const code = row.unit_code ?? '';
      const unit = await this.deps.units.find(code);
      items.push({ ...statsOf(code, row), unitName: unit?.full_name ?? code });
    }
    return { items };
  }

  private summary(row: FeedbackReportRow, b: string) {
    return {
      id: row.id,
      reference: row.reference,
      categoryCode: row.category_code,
      categoryFlagged: row.category_flagged,
      state: row.state,
      assignedUnitCode: row.assigned_unit_code,
      assignedOfficerId: row.assigned_officer_id,
      communeCode: row.commune_code,
      description: row.description.slice(0, 200),
      dueAt: row.due_at?.toISOString() ?? null,
      moderationState: row.moderation_state,
      escalationLevel: row.escalation_level,
      rowVersion: row.row_version,
      band: b,
      createdAt: row.created_at.toISOString(),
    };
  }
}

function statsOf(
  unitCode: string,
  row: {
    closed: string;
    on_time: string;
    overdue: string;
    open: string;
    open_overdue: string;
    avg_rating: string | null;
  },
) {
  const closed = Number(row.closed);
  const onTime = Number(row.on_time);
  return {
    unitCode,
    closed,
    onTime,
    overdue: Number(row.overdue),
    open: Number(row.open),
    openOverdue: Number(row.open_overdue),
    onTimeRate: closed ? onTime / closed : null,
    averageRating: row.avg_rating === null ? null : Math.round(Number(row.avg_rating) * 100) / 100,
  };
}
