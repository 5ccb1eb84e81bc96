import type { MyFeedbackItem, MyFeedbackList, MyFeedbackQuery } from '@cqs/shared';
import type { SignedInActor } from '../../http/actor';
import type { Clock } from '../../lib/clock';
import type { FeedbackRepository } from './feedback.repository';
import type { FeedbackService } from './feedback.service';
import type { FeedbackReportRow } from './feedback.tables';
import {
  applyFeedbackAction,
  type FeedbackState,
  feedbackStateLabels,
  open311Status,
  REOPEN_WINDOW_DAYS,
} from './feedback-workflow';

const DAY_MS = 86_400_000;
const iso = (d: Date | null) => (d ? d.toISOString() : null);

/**
 * "My reports" for a signed-in resident: their own reports (held ones too), newest first, each
 * with the actions the same rules as `FeedbackActions` would accept right now, so the page
 * offers only buttons that work.
 */
export class MyFeedback {
  constructor(
    private readonly deps: {
      clock: Clock;
      repository: FeedbackRepository;
      feedback: FeedbackService;
    },
  ) {}

  async list(actor: SignedInActor, query: MyFeedbackQuery): Promise<MyFeedbackList> {
    const { rows, total } = await this.deps.repository.listReports({
      reporterUserId: actor.userId,
      limit: query.pageSize,
      offset: (query.page - 1) * query.pageSize,
    });
    const categories = await this.deps.feedback.categoryNames();
    const now = this.deps.clock.now();
    const items: MyFeedbackItem[] = [];
    for (const row of rows) {
      items.push({
        id: row.id,
        reference: row.reference,
        title: row.description.slice(0, 120),
        categoryCode: row.category_code,
        categoryName: categories.get(row.category_code) ?? row.category_code,
        state: row.state,
        stateLabel: feedbackStateLabels[row.state as FeedbackState]?.vi ?? row.state,
        status: open311Status(row.state as FeedbackState),
        moderation: row.moderation_state,
        communeCode: row.commune_code,
        communeName: await this.deps.feedback.unitName(row.commune_code),
        createdAt: row.created_at.toISOString(),
        dueAt: iso(row.due_at),
        answeredAt: iso(row.answered_at),
        rating: row.rating,
        ...residentActions(row, now),
      });
    }
    return { items, total, page: query.page, pageSize: query.pageSize };
  }
}

/** Mirrors FeedbackActions.rate/reopen/provideInfo: the workflow table plus the 7-day window. */
export function residentActions(row: FeedbackReportRow, now: Date) {
  const state = row.state as FeedbackState;
  const allowed = (action: string) => applyFeedbackAction(state, action, 'resident', '-').ok;
  const answeredAt = row.resolved_at ?? row.answered_at;
  const deadline = answeredAt ? new Date(answeredAt.getTime() + REOPEN_WINDOW_DAYS * DAY_MS) : null;
  const inWindow = deadline !== null && now.getTime() <= deadline.getTime();
  const canRate = allowed('rate') && inWindow;
  const canReopen = allowed('reopen') && inWindow;
  return {
    canRate,
    canReopen,
    canProvideInfo: allowed('provide_info'),
    actionDeadline: canRate || canReopen ? deadline!.toISOString() : null,
  };
}
