import type { DashboardExportQuery } from '@cqs/shared';
import type { OfficerActor } from '../../http/actor';
import type { AccessPolicy } from '../access/policy';
import { appendAudit } from '../audit/audit.service';
import type { ExportViewDeps } from './dashboard.exports.builder';
import { renderPdf } from './dashboard.exports.pdf';
import { exportBuilders } from './dashboard.exports.views';
import { renderXlsx } from './dashboard.exports.xlsx';

export interface ExportFile {
  body: Buffer;
  fileName: string;
  contentType: string;
}

const CONTENT_TYPES = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
} as const;

/**
 * Every dashboard view to Excel or PDF: the same service calls as the view's JSON route (so the
 * same access checks and the same numbers), rendered, then one audit row `dashboard.export`
 * (view, format, unit, period) written before the file is handed out.
 */
export class DashboardExports {
  constructor(private readonly deps: ExportViewDeps & { policy: AccessPolicy }) {}

  async export(
    actor: OfficerActor,
    query: DashboardExportQuery,
    requestId: string,
  ): Promise<ExportFile> {
    const { view, format, ...params } = query;
    const doc = await exportBuilders[view](this.deps, actor, params);
    const body = format === 'xlsx' ? await renderXlsx(doc) : await renderPdf(doc);
    const roles = await this.deps.policy.rolesAt(actor, doc.unit.code);
    await this.deps.db.transaction().execute((trx) =>
      appendAudit(trx, this.deps.clock, {
        actor,
        role: roles[0] ?? null,
        unitCode: doc.unit.code,
        action: 'dashboard.export',
        objectType: 'dashboard_view',
        objectId: view,
        requestId,
        details: {
          view,
          format,
          unit: doc.unit.code,
          period: doc.period,
          query: params,
          rows: doc.tables.reduce((n, t) => n + t.rows.length, 0),
          bytes: body.length,
        },
      }),
    );
    return { body, fileName: `${doc.fileStem}.${format}`, contentType: CONTENT_TYPES[format] };
  }
}
