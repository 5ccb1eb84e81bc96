import { Link } from 'react-router';
import { useDocumentTitle } from '../../lib/use-document-title';
import { ASSISTED_HOME, type AssistedView } from './assisted-api';
import { formatDateTime } from './format';
import { useAt } from './i18n';

/** After submission: the reference, where it went, and what the resident sees and receives. */
export function DoneView({ record }: { record: AssistedView }) {
  const { t } = useAt();
  useDocumentTitle(`${t('done.heading')} — ${record.procedureName}`);
  const dossier = record.dossier;
  return (
    <div className="as-page as-narrow" data-testid="as-done">
      <div className="notice notice--success as-done__banner">
        <h1>{t('done.heading')}</h1>
        <p>
          {record.procedureName} — {record.resident.fullName}
        </p>
      </div>
      {dossier ? (
        <dl className="as-meta as-meta--wide">
          <div>
            <dt>{t('done.reference')}</dt>
            <dd className="as-reference" data-testid="as-done-reference">
              {dossier.code ?? dossier.reference}
            </dd>
          </div>
          <div>
            <dt>{t('done.status')}</dt>
            <dd>{dossier.statusLabel}</dd>
          </div>
          <div>
            <dt>{t('done.submittedAt')}</dt>
            <dd>
              <time dateTime={dossier.submittedAt}>{formatDateTime(dossier.submittedAt)}</time>
            </dd>
          </div>
        </dl>
      ) : null}
      <ul className="as-next-steps">
        <li>{record.resident.accountLinked ? t('done.linked') : t('done.notLinked')}</li>
        <li>{t('done.track')}</li>
        <li>{t('done.activity')}</li>
      </ul>
      <div className="button-row">
        <Link className="btn btn--primary" to={`${ASSISTED_HOME}/moi`} data-testid="as-another">
          {t('done.another')}
        </Link>
        <Link className="btn btn--secondary" to={ASSISTED_HOME}>
          {t('flow.toList')}
        </Link>
      </div>
    </div>
  );
}
