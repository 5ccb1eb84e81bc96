import type { MyFeedbackItem } from '@cqs/shared';
import { Link, useLocation } from 'react-router';
import { ErrorMessage } from '../../components/error-message';
import { Loading } from '../../components/loading';
import { residentSignInUrl, useSession } from '../../lib/session';
import { useDocumentTitle } from '../../lib/use-document-title';
import { formatDate } from '../dossiers/format';
import { INTAKE_PATH } from './draft';
import { useMyReports } from './feedback-api';
import { useFeedbackT } from './feedback-i18n';
import './feedback.css';

/** `/phan-anh/cua-toi`: the signed-in resident's reports — state, who has them, by when. */
export function MyReportsPage() {
  const { t } = useFeedbackT();
  useDocumentTitle(t('mine.title'));
  const session = useSession();
  const signedIn = session.resident !== null;
  const reports = useMyReports(signedIn);
  return (
    <div className="feedback-mine">
      <h1>{t('mine.title')}</h1>
      {session.isPending ? (
        <Loading />
      ) : !signedIn ? (
        <SignInNeeded officer={session.officer !== null} />
      ) : (
        <>
          <p className="lead">{t('mine.lead')}</p>
          {reports.isPending ? <Loading /> : null}
          {reports.isError ? (
            <ErrorMessage error={reports.error} onRetry={() => reports.refetch()} />
          ) : null}
          {reports.data?.items.length === 0 ? (
            <div className="empty" data-testid="my-reports-empty">
              <p className="empty__title">{t('mine.empty')}</p>
              <Link className="btn btn--primary" to={INTAKE_PATH}>
                {t('mine.new')}
              </Link>
            </div>
          ) : null}
          {reports.data && reports.data.items.length > 0 ? (
            <>
              <ul className="feedback-mine__list">
                {reports.data.items.map((r) => (
                  <ReportItem key={r.reference} report={r} />
                ))}
              </ul>
              <p>
                <Link className="btn btn--secondary" to={INTAKE_PATH}>
                  {t('mine.new')}
                </Link>
              </p>
            </>
          ) : null}
        </>
      )}
    </div>
  );
}

function ReportItem({ report }: { report: MyFeedbackItem }) {
  const { t } = useFeedbackT();
  return (
    <li className="feedback-mine__item" data-testid={`my-report-${report.reference}`}>
      <h2 className="feedback-mine__title">
        <Link to={`/phan-anh/${encodeURIComponent(report.reference)}`}>{report.categoryName}</Link>
      </h2>
      <p className="feedback-mine__text">{report.title}</p>
      <p>
        <span className="tag">{report.stateLabel}</span>
      </p>
      {report.moderation === 'pending' ? <p className="hint">{t('mine.held')}</p> : null}
      <dl className="feedback-mine__meta">
        <div>
          <dt>{t('mine.reference')}</dt>
          <dd className="nowrap">{report.reference}</dd>
        </div>
        <div>
          <dt>{t('mine.place')}</dt>
          <dd>{report.communeName ?? t('mine.unitNone')}</dd>
        </div>
        <div>
          <dt>{t('mine.sent')}</dt>
          <dd>
            <time dateTime={report.createdAt}>{formatDate(report.createdAt)}</time>
          </dd>
        </div>
        <div>
          <dt>{t('mine.due')}</dt>
          <dd>
            {report.dueAt ? (
              <time dateTime={report.dueAt}>{formatDate(report.dueAt)}</time>
            ) : (
              t('mine.dueNone')
            )}
          </dd>
        </div>
      </dl>
    </li>
  );
}

/** The same pattern as the dossiers' SignInNeeded, with this page's words. */
function SignInNeeded({ officer }: { officer: boolean }) {
  const { t } = useFeedbackT();
  const location = useLocation();
  return (
    <div className="card" data-testid="my-reports-sign-in">
      <h2>{t('mine.signInHeading')}</h2>
      <p>{officer ? t('mine.signInOfficer') : t('mine.signInText')}</p>
      {officer ? null : (
        <p>
          <a
            className="btn btn--primary"
            href={residentSignInUrl(`${location.pathname}${location.search}`)}
          >
            {t('mine.signIn')}
          </a>
        </p>
      )}
    </div>
  );
}
