import { Link } from 'react-router';
import { useSession } from '../../lib/session';
import { useUnit } from '../../lib/units';
import { useDocumentTitle } from '../../lib/use-document-title';
import { formatDate, formatDateTime } from '../dossiers/format';
import { INTAKE_PATH, readCreated } from './draft';
import { useFeedbackCategories } from './feedback-api';
import { useFeedbackT } from './feedback-i18n';
import { useCategoryName } from './steps';
import './feedback.css';

/** After sending: the reference, who handles it and by when, and where to follow it. */
export function Confirmation() {
  const { t } = useFeedbackT();
  const session = useSession();
  const categories = useFeedbackCategories();
  const name = useCategoryName(categories.data ?? []);
  const created = readCreated();
  useDocumentTitle(t('done.heading'));
  if (!created) {
    // Opened without having sent anything (a bookmark): start a report instead.
    return (
      <p>
        <Link className="btn btn--primary" to={INTAKE_PATH}>
          {t('title')}
        </Link>
      </p>
    );
  }
  const publicPath = `/phan-anh/${encodeURIComponent(created.reference)}`;
  return (
    <div className="feedback-narrow" data-testid="feedback-done">
      <div className="feedback-panel" role="status">
        <h1>{t('done.heading')}</h1>
        <p>{t('done.reference')}</p>
        <p className="feedback-panel__ref" data-testid="feedback-reference">
          {created.reference}
        </p>
        <p>{t('done.keep')}</p>
      </div>
      <dl className="facts">
        <div className="facts__row">
          <dt>{t('done.category')}</dt>
          <dd>
            {name(created.categoryCode)}{' '}
            {created.categorySuggested ? (
              <span className="muted">{t('done.suggested')}</span>
            ) : null}
          </dd>
        </div>
        <div className="facts__row">
          <dt>{t('done.unit')}</dt>
          <dd data-testid="feedback-unit">
            {created.assignedUnitCode ? (
              <UnitName code={created.assignedUnitCode} />
            ) : (
              t('done.unitPending')
            )}
          </dd>
        </div>
        <div className="facts__row">
          <dt>{t('done.due')}</dt>
          <dd data-testid="feedback-due">
            {created.dueAt ? (
              <time dateTime={created.dueAt} title={formatDateTime(created.dueAt)}>
                {formatDate(created.dueAt)}
              </time>
            ) : (
              t('done.dueNone')
            )}
          </dd>
        </div>
      </dl>
      <h2>{t('done.next')}</h2>
      <p>{t('done.nextText')}</p>
      {created.moderation === 'pending' ? <p className="notice">{t('done.moderation')}</p> : null}
      <div className="button-row">
        <Link className="btn btn--primary" to={publicPath} data-testid="feedback-public-link">
          {t('done.open')}
        </Link>
        {session.resident ? (
          <Link className="btn btn--secondary" to="/phan-anh/cua-toi">
            {t('done.mine')}
          </Link>
        ) : null}
        <Link className="btn btn--quiet" to={INTAKE_PATH}>
          {t('done.another')}
        </Link>
      </div>
    </div>
  );
}

function UnitName({ code }: { code: string }) {
  const unit = useUnit(code);
  return <>{unit.data?.fullName ?? code}</>;
}
