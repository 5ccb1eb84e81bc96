import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorMessage } from '../../components/error-message';
import { Loading } from '../../components/loading';
import { useSession } from '../../lib/session';
import { useDocumentTitle } from '../../lib/use-document-title';
import { AssistedMark, StatusTag } from './dossier-parts';
import { type DossierSummary, type DraftSummary, useMyDossiers, useMyDrafts } from './dossiers-api';
import { formatDate, formatDateTime } from './format';
import { SignInNeeded } from './sign-in-needed';
import './dossiers.css';

export function MyDossiersPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('dossiers.mine.title'));
  const session = useSession();
  const signedIn = session.resident !== null;
  const dossiers = useMyDossiers(signedIn);
  const drafts = useMyDrafts(signedIn);

  return (
    <div className="dossiers">
      <h1>{t('dossiers.mine.heading')}</h1>
      {session.isPending ? (
        <Loading />
      ) : !signedIn ? (
        <SignInNeeded officer={session.officer !== null} />
      ) : (
        <>
          <p className="lead">{t('dossiers.mine.lead')}</p>
          <DraftsSection query={drafts} />
          <section aria-labelledby="mine-submitted" className="section">
            <h2 id="mine-submitted">{t('dossiers.mine.submittedHeading')}</h2>
            {dossiers.isPending ? <Loading /> : null}
            {dossiers.isError ? (
              <ErrorMessage error={dossiers.error} onRetry={() => dossiers.refetch()} />
            ) : null}
            {dossiers.data?.items.length === 0 ? (
              <div className="empty" data-testid="my-dossiers-empty">
                <p className="empty__title">{t('dossiers.mine.empty')}</p>
                <p>{t('dossiers.mine.emptyHint')}</p>
                <Link className="btn btn--primary" to="/thu-tuc">
                  {t('dossiers.mine.findProcedure')}
                </Link>
              </div>
            ) : null}
            {dossiers.data && dossiers.data.items.length > 0 ? (
              <ul className="dossier-list">
                {dossiers.data.items.map((d) => (
                  <DossierItem key={d.id} dossier={d} />
                ))}
              </ul>
            ) : null}
          </section>
          <p>
            <Link to="/tra-cuu-ho-so">{t('dossiers.mine.trackOther')}</Link>
          </p>
        </>
      )}
    </div>
  );
}

function DossierItem({ dossier }: { dossier: DossierSummary }) {
  const { t } = useTranslation();
  const headingId = `dossier-${dossier.id}`;
  return (
    <li className="dossier-item" data-testid={`my-dossier-${dossier.reference}`}>
      <h3 id={headingId} className="dossier-item__title">
        <Link to={`/ho-so-cua-toi/${encodeURIComponent(dossier.id)}`}>{dossier.procedureName}</Link>
      </h3>
      <p className="dossier-item__status">
        <StatusTag statusCode={dossier.statusCode} label={dossier.statusLabel} />
      </p>
      <AssistedMark by={dossier.assistedBy} />
      <dl className="dossier-item__meta">
        <div>
          <dt>{dossier.code ? t('dossiers.code') : t('dossiers.reference')}</dt>
          <dd className="nowrap">{dossier.code ?? dossier.reference}</dd>
        </div>
        <div>
          <dt>{t('dossiers.who')}</dt>
          <dd>{dossier.receivingUnitName}</dd>
        </div>
        <div>
          <dt>{t('dossiers.submittedOn')}</dt>
          <dd>
            <time dateTime={dossier.submittedAt}>{formatDate(dossier.submittedAt)}</time>
          </dd>
        </div>
        <div>
          <dt>{t('dossiers.dueOn')}</dt>
          <dd>
            {dossier.dueAt ? (
              <time dateTime={dossier.dueAt}>{formatDate(dossier.dueAt)}</time>
            ) : (
              t('dossiers.dueUnknownShort')
            )}
          </dd>
        </div>
      </dl>
    </li>
  );
}

function DraftsSection({ query }: { query: ReturnType<typeof useMyDrafts> }) {
  const { t } = useTranslation();
  // Drafts are a shortcut back into an unfinished form: if they fail to load, say so quietly and
  // still show the submitted dossiers.
  if (query.isPending) return null;
  if (query.isError) return <ErrorMessage error={query.error} onRetry={() => query.refetch()} />;
  if (query.data.items.length === 0) return null;
  return (
    <section aria-labelledby="mine-drafts" className="section">
      <h2 id="mine-drafts">{t('dossiers.mine.draftsHeading')}</h2>
      <ul className="dossier-list">
        {query.data.items.map((d) => (
          <DraftItem key={d.id} draft={d} />
        ))}
      </ul>
    </section>
  );
}

function DraftItem({ draft }: { draft: DraftSummary }) {
  const { t } = useTranslation();
  return (
    <li className="dossier-item dossier-item--draft" data-testid={`my-draft-${draft.id}`}>
      <h3 className="dossier-item__title">{draft.procedureName}</h3>
      <p className="dossier-item__status">
        <span className="tag dossier-status dossier-status--draft">
          {t('dossiers.mine.draftTag')}
        </span>
      </p>
      <p className="muted">
        {t('dossiers.mine.draftSaved', { when: formatDateTime(draft.updatedAt) })}
      </p>
      <Link
        className="btn btn--secondary"
        to={`/nop-ho-so/ho-so/${encodeURIComponent(draft.id)}`}
        aria-label={t('dossiers.mine.continueNamed', { name: draft.procedureName })}
      >
        {t('dossiers.mine.continue')}
      </Link>
    </li>
  );
}
