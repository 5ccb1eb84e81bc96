import { Link } from 'react-router';
import { ErrorMessage } from '../../components/error-message';
import { Loading } from '../../components/loading';
import { useDocumentTitle } from '../../lib/use-document-title';
import { ASSISTED_HOME, type AssistedItem, assistedPath, useAssistedList } from './assisted-api';
import { formatDateTime } from './format';
import { useAt } from './i18n';

/** `/can-bo/to-cong-nghe/ho-tro`: the dossiers this member helped with (theirs only). */
export function AssistedListPage() {
  const { t } = useAt();
  useDocumentTitle(t('list.title'));
  const list = useAssistedList();
  return (
    <div className="as-page" data-testid="as-list-page">
      <h1>{t('list.title')}</h1>
      <p className="lead">{t('list.lead')}</p>
      <p>
        <Link
          className="btn btn--primary btn--big"
          to={`${ASSISTED_HOME}/moi`}
          data-testid="as-start"
        >
          {t('list.start')}
        </Link>
      </p>
      {list.isPending ? <Loading /> : null}
      {list.isError ? <ErrorMessage error={list.error} onRetry={() => list.refetch()} /> : null}
      {list.data?.items.length === 0 ? (
        <div className="empty" data-testid="as-list-empty">
          <p className="empty__title">{t('list.empty')}</p>
          <p>{t('list.emptyHint')}</p>
        </div>
      ) : null}
      {list.data && list.data.items.length > 0 ? (
        <ul className="as-list">
          {list.data.items.map((item) => (
            <Item key={item.id} item={item} />
          ))}
        </ul>
      ) : null}
    </div>
  );
}

function Item({ item }: { item: AssistedItem }) {
  const { t } = useAt();
  const draft = item.state === 'draft';
  return (
    <li className="as-item" data-testid={`as-item-${item.id}`}>
      <h2 className="as-item__title">{item.procedureName}</h2>
      <p>
        <span className={`tag as-state as-state--${item.state}`}>
          {t(`list.states.${item.state}`)}
        </span>
      </p>
      <dl className="as-meta">
        <div>
          <dt>{t('list.resident')}</dt>
          <dd>{item.resident.fullName}</dd>
        </div>
        <div>
          <dt>{t('list.phone')}</dt>
          <dd className="nowrap">{item.resident.phoneMasked}</dd>
        </div>
        {item.resident.citizenIdMasked ? (
          <div>
            <dt>{t('list.citizenId')}</dt>
            <dd className="nowrap">{item.resident.citizenIdMasked}</dd>
          </div>
        ) : null}
        <div>
          <dt>{t('list.consent')}</dt>
          <dd>
            {item.consentMethod ? t(`consent.methods.${item.consentMethod}`) : t('list.noConsent')}
          </dd>
        </div>
        {item.dossier ? (
          <div className="as-meta__wide">
            <dt>{t('list.reference')}</dt>
            <dd>
              {item.dossier.code ?? item.dossier.reference}
              <span className="muted"> — {item.dossier.statusLabel}</span>
            </dd>
          </div>
        ) : null}
        <div>
          <dt>{t('list.updated')}</dt>
          <dd>
            <time dateTime={item.updatedAt}>{formatDateTime(item.updatedAt)}</time>
          </dd>
        </div>
      </dl>
      <Link
        className={`btn ${draft ? 'btn--primary' : 'btn--secondary'}`}
        to={assistedPath(item.id)}
        aria-label={t(draft ? 'list.continueNamed' : 'list.openNamed', {
          name: item.resident.fullName,
        })}
      >
        {draft ? t('list.continue') : t('list.open')}
      </Link>
    </li>
  );
}
