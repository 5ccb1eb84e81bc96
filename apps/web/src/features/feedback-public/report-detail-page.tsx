import { useState } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import { ErrorMessage } from '../../components/error-message';
import { Loading } from '../../components/loading';
import { ApiClientError } from '../../lib/api';
import { residentSignInUrl, useSession } from '../../lib/session';
import { useDocumentTitle } from '../../lib/use-document-title';
import {
  type FeedbackReport,
  useFeedbackReport,
  useFollowReport,
  useOwnReport,
} from './feedback-api';
import { useFeedbackT } from './feedback-i18n';
import { InfoRequestForm, type OwnerDone, RateForm, ReopenForm } from './owner-actions';
import { Photos, PublicAnswer, ReportFacts, Timeline } from './report-parts';
import './feedback-public.css';

export function ReportDetailPage() {
  const { t } = useFeedbackT();
  const { ref = '' } = useParams();
  const report = useFeedbackReport(ref);
  const notFound =
    report.error instanceof ApiClientError &&
    (report.error.status === 404 || report.error.code === 'VALIDATION_FAILED');
  useDocumentTitle(
    report.data ? `${t('detail.caption')} ${report.data.reference}` : t('detail.title'),
  );

  return (
    <div className="fb">
      <nav aria-label={t('nav.list')} className="breadcrumbs">
        <ol>
          <li>
            <Link to="/">{t('nav.home')}</Link>
          </li>
          <li>
            <Link to="/phan-anh">{t('nav.list')}</Link>
          </li>
          <li aria-current="page">{report.data?.reference ?? ref}</li>
        </ol>
      </nav>
      {notFound ? (
        <div className="not-found" data-testid="feedback-not-found">
          <h1>{t('detail.notFoundHeading')}</h1>
          <p>{t('detail.notFoundText')}</p>
          <Link className="btn btn--primary" to="/phan-anh">
            {t('detail.backToList')}
          </Link>
        </div>
      ) : report.isPending ? (
        <Loading />
      ) : report.isError ? (
        <ErrorMessage error={report.error} onRetry={() => report.refetch()} />
      ) : (
        <DetailView report={report.data} />
      )}
    </div>
  );
}

function DetailView({ report }: { report: FeedbackReport }) {
  const { t } = useFeedbackT();
  const [done, setDone] = useState<OwnerDone | null>(null);
  return (
    <article data-testid="feedback-detail">
      <p className="caption">
        {t('detail.caption')} · {report.categoryName}
      </p>
      <h1 className="fb-title">
        {t('detail.reference')}: <span className="nowrap">{report.reference}</span>
      </h1>
      {done ? (
        <div className="notice fb-done" role="status" data-testid="feedback-owner-done">
          <p>{t(`owner.${done}.done`)}</p>
        </div>
      ) : null}
      <OwnerActions report={report} onDone={setDone} />
      <ReportFacts report={report} />
      <section className="section" aria-labelledby="fb-desc-heading">
        <h2 id="fb-desc-heading">{t('detail.description')}</h2>
        <p className="fb-description" data-testid="feedback-description">
          {report.description}
        </p>
      </section>
      <Photos report={report} />
      <PublicAnswer report={report} />
      <Timeline report={report} />
      <FollowBox report={report} />
    </article>
  );
}

/**
 * The reporter's actions, shown only to the resident who sent the report and only those the API
 * allows now (`GET /api/my/feedback`: canProvideInfo, canRate, canReopen within 7 days).
 */
function OwnerActions({
  report,
  onDone,
}: {
  report: FeedbackReport;
  onDone: (what: OwnerDone) => void;
}) {
  const { t } = useFeedbackT();
  const session = useSession();
  const own = useOwnReport(report.reference, session.resident !== null).data;
  if (!own || !(own.canProvideInfo || own.canRate || own.canReopen)) return null;
  const until = own.actionDeadline ? new Date(own.actionDeadline) : null;
  return (
    <section
      className="section fb-owner-area"
      aria-labelledby="fb-owner-heading"
      data-testid="feedback-owner"
    >
      <h2 id="fb-owner-heading">{t('owner.heading')}</h2>
      {own.canProvideInfo ? <InfoRequestForm report={report} onDone={onDone} /> : null}
      {own.canRate ? <RateForm report={report} onDone={onDone} /> : null}
      {own.canReopen && until ? <ReopenForm report={report} until={until} onDone={onDone} /> : null}
    </section>
  );
}

/** "Theo dõi": a signed-in person is told when the report is answered. */
function FollowBox({ report }: { report: FeedbackReport }) {
  const { t } = useFeedbackT();
  const session = useSession();
  const location = useLocation();
  const follow = useFollowReport(report.reference);
  if (report.state === 'closed') return null;
  return (
    <section className="section card fb-follow" aria-labelledby="fb-follow-heading">
      <h2 id="fb-follow-heading">{t('follow.heading')}</h2>
      <p>{t('follow.lead')}</p>
      {follow.isSuccess ? (
        <p className="fb-follow__done" role="status" data-testid="feedback-following">
          <span aria-hidden="true">✓ </span>
          {t('follow.done')}
        </p>
      ) : session.user ? (
        <>
          {follow.isError ? <ErrorMessage error={follow.error} /> : null}
          <button
            type="button"
            className="btn btn--secondary"
            disabled={follow.isPending}
            onClick={() => follow.mutate()}
            data-testid="feedback-follow"
          >
            {follow.isPending ? t('follow.sending') : t('follow.button')}
          </button>
        </>
      ) : (
        <a
          className="btn btn--secondary"
          href={residentSignInUrl(location.pathname)}
          data-testid="feedback-follow-sign-in"
        >
          {t('follow.signIn')}
        </a>
      )}
    </section>
  );
}
