import type { z } from 'zod';
import type { Db } from '../../db/client';
import type { OfficerActor } from '../../http/actor';
import { AppError } from '../../http/errors';
import type { Clock } from '../../lib/clock';
import type { TaskQueries } from '../tasks/tasks.queries';
import type { AlertsService } from './dashboard.alerts';
import type { ExportDocument } from './dashboard.exports.model';
import type { DashboardFeedbackService } from './dashboard.feedback.service';
import type { DashboardService } from './dashboard.service';

/** What an export's builder may call: the services behind the views' JSON routes. */
export interface ExportViewDeps {
  db: Db;
  clock: Clock;
  dashboard: DashboardService;
  alerts: AlertsService;
  tasks: TaskQueries;
  feedback?: DashboardFeedbackService;
}

/** Builds one view's export content from the view's own query parameters. */
export type Builder = (
  deps: ExportViewDeps,
  actor: OfficerActor,
  query: Record<string, string>,
) => Promise<ExportDocument>;

/** The view's own query schema, so an export accepts exactly what its page's JSON route does. */
export function parse<S extends z.ZodType>(schema: S, query: Record<string, string>): z.output<S> {
  const result = schema.safeParse(query);
  if (!result.success) {
    throw new AppError('VALIDATION_FAILED', {
      fields: result.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
    });
  }
  return result.data;
}
