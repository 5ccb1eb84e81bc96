import { useEffect, useMemo, useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import { ErrorMessage } from '../../components/error-message';
import { Loading } from '../../components/loading';
import { ApiClientError } from '../../lib/api';
import { useDocumentTitle } from '../../lib/use-document-title';
import { formatDateTime } from '../processing/format';
import { FeedbackBandTag, FeedbackDue } from './feedback-band';
import {
  type FeedbackReport,
  useAllUnits,
  useFeedbackCategories,
  useFeedbackReport,
} from './feedback-officer-api';
import { useF } from './i18n';
import { InternalNotesPanel, PublicReplyPanel } from './reply-panels';
import { ReportActions } from './report-actions';
import { Classification, ReportContent, Reporter, ReportTimeline } from './report-parts';
import '../processing/processing.css';
import './feedback-officer.css';

/** Names for codes from the cached lists; the code itself until they arrive. */
export function useNames() {
  const units = useAllUnits();
  const categories = useFeedbackCategories();
  return useMemo(() => {
    const unitNames = new Map((units.data?.items ?? []).map((u) => [u.code, u.fullName]));
    const categoryNames = new Map((categories.data ?? []).map((c) => [c.code, c.nameVi]));
    return {
      unitName: (code: string) => unitNames.get(code) ?? code,
      categoryName: (code: string) => categoryNames.get(code) ?? code,
      categories: categories.data ?? [],
      units: units.data?.items ?? [],
    };
  }, [units.data, categories.data]);
}

/** "Phản ánh" workspace: what was reported, where, by when, and what the officer may do. */
export function ReportPage() {
  const { t } = useF();
  const { id = '' } = useParams();
  const query = useFeedbackReport(id);
  const report = query.data;
  useDocumentTitle(report ? `${report.reference} — ${t('report.title')}` : t('report.title'));
  const names = useNames();
  const [notice, setNotice] = useState<{ kind: 'ok' | 'warning'; text: string } | null>(null);
  const noticeRef = useRef<HTMLParagraphElement>(null);
  // The panels are rebuilt after an action: focus the outcome instead of losing it.
  useEffect(() => {
    if (notice) noticeRef.current?.focus();
  }, [notice]);

  const notFound =
    query.error instanceof ApiClientError &&
    (query.error.status === 404 || query.error.status === 403 || query.error.status === 400);
  const callbacks = {
    onDone: (label: string) => setNotice({ kind: 'ok', text: t('action.done', { action: label }) }),
    onConflict: (message: string) => {
      setNotice({ kind: 'warning', text: `${message} ${t('action.reloaded')}` });
      void query.refetch();
    },
  };

  return (
    <div className="proc fbo" data-testid="fb-report">
      <p className="caption">
        <Link to="/can-bo/phan-anh">{t('report.back')}</Link>
      </p>
      {query.isPending ? (
        <Loading />
      ) : notFound ? (
        <>
          <h1>{t('report.notFound')}</h1>
          <p>{t('report.notFoundText')}</p>
        </>
      ) : query.isError && !report ? (
        <ErrorMessage error={query.error} onRetry={() => query.refetch()} />
      ) : report ? (
        <>
          <ReportHeader report={report} />
          <div role="status" aria-live="polite">
            {notice ? (
              <p
                ref={noticeRef}
                tabIndex={-1}
                className={`notice notice--${notice.kind}`}
                data-testid="fb-notice"
              >
                {notice.text}
              </p>
            ) : null}
          </div>
          <div className="ws-grid" key={report.rowVersion}>
            <div className="ws-main">
              <ReportContent report={report} />
              <PublicReplyPanel report={report} {...callbacks} />
              <ReportActions report={report} {...callbacks} />
              <InternalNotesPanel report={report} {...callbacks} />
              <ReportTimeline report={report} unitName={names.unitName} />
            </div>
            <aside className="ws-side">
              <Classification report={report} categoryName={names.categoryName} />
              <Reporter report={report} />
            </aside>
          </div>
        </>
      ) : null}
    </div>
  );
}

function ReportHeader({ report }: { report: FeedbackReport }) {
  const { t } = useF();
  return (
    <header className="ws-header">
      <p className="proc-sub">{report.categoryName}</p>
      <h1 className="ws-title" data-testid="fb-reference">
        {report.reference}
      </h1>
      <dl className="ws-facts">
        <div>
          <dt>{t('report.state')}</dt>
          <dd data-testid="fb-state" data-state={report.state}>
            <strong>{t(`state.${report.state}` as 'state.submitted', report.stateLabel)}</strong>
          </dd>
        </div>
        <div>
          <dt>{t('report.due')}</dt>
          <dd data-testid="fb-due">
            <FeedbackBandTag band={report.band} />
            <FeedbackDue dueAt={report.dueAt} />
            {report.escalationLevel > 0 ? (
              <span className="proc-sub">
                {t('report.escalated', { level: report.escalationLevel })}
              </span>
            ) : null}
          </dd>
        </div>
        <div>
          <dt>{t('report.unit')}</dt>
          <dd>{report.assignedUnitName}</dd>
        </div>
        <div>
          <dt>{t('report.received')}</dt>
          <dd>{formatDateTime(report.createdAt)}</dd>
        </div>
      </dl>
    </header>
  );
}
