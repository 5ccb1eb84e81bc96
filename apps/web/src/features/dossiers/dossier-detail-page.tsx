import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ErrorMessage } from '../../components/error-message';
import { Loading } from '../../components/loading';
import { ApiClientError } from '../../lib/api';
import { formatVnd } from '../../lib/procedures';
import { useSession } from '../../lib/session';
import { useDocumentTitle } from '../../lib/use-document-title';
import { AssistedMark, Timeline, WhereWhoWhen } from './dossier-parts';
import { type DossierDetail, useMyDossier } from './dossiers-api';
import {
  ApologyDates,
  DoneNotice,
  FormLinks,
  ResultBox,
  SupplementBox,
  WithdrawBox,
} from './follow-up';
import { RatingForm, RatingGiven } from './rating-form';
import { SignInNeeded } from './sign-in-needed';
import './dossiers.css';

export function DossierDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const session = useSession();
  const signedIn = session.resident !== null;
  const dossier = useMyDossier(id, signedIn);
  const notFound =
    dossier.error instanceof ApiClientError &&
    (dossier.error.status === 404 || dossier.error.code === 'VALIDATION_FAILED');
  useDocumentTitle(dossier.data?.procedureName ?? t('dossiers.detail.title'));

  return (
    <div className="dossiers">
      <nav aria-label={t('procedure.breadcrumb')} className="breadcrumbs">
        <ol>
          <li>
            <Link to="/">{t('nav.home')}</Link>
          </li>
          <li>
            <Link to="/ho-so-cua-toi">{t('dossiers.mine.title')}</Link>
          </li>
          <li aria-current="page">{dossier.data?.code ?? dossier.data?.reference ?? '…'}</li>
        </ol>
      </nav>
      {session.isPending ? (
        <Loading />
      ) : !signedIn ? (
        <>
          <h1>{t('dossiers.detail.title')}</h1>
          <SignInNeeded officer={session.officer !== null} />
        </>
      ) : notFound ? (
        <div className="not-found" data-testid="dossier-not-found">
          <h1>{t('dossiers.detail.notFoundHeading')}</h1>
          <p>{t('dossiers.detail.notFoundText')}</p>
          <Link className="btn btn--primary" to="/ho-so-cua-toi">
            {t('dossiers.mine.title')}
          </Link>
        </div>
      ) : dossier.isPending ? (
        <Loading />
      ) : dossier.isError ? (
        <ErrorMessage error={dossier.error} onRetry={() => dossier.refetch()} />
      ) : (
        <DetailView dossier={dossier.data} />
      )}
    </div>
  );
}

function DetailView({ dossier }: { dossier: DossierDetail }) {
  const { t } = useTranslation();
  const [done, setDone] = useState<'resubmitted' | 'withdrawn' | null>(null);
  const canRate = dossier.statusCode === 9 || dossier.statusCode === 10;

  return (
    <article data-testid="dossier-detail">
      <p className="caption">{t('dossiers.detail.caption')}</p>
      <h1>{dossier.procedureName}</h1>
      <p className="dossier-ref">
        {dossier.code ? (
          <>
            {t('dossiers.code')}: <strong className="nowrap">{dossier.code}</strong>
            <br />
          </>
        ) : null}
        {t('dossiers.reference')}: <strong className="nowrap">{dossier.reference}</strong>
      </p>
      <AssistedMark by={dossier.assistedBy} />

      {/* What the resident must do now comes first. */}
      {done ? <DoneNotice what={done} /> : null}
      {dossier.pendingRequest ? (
        <SupplementBox
          dossierId={dossier.id}
          request={dossier.pendingRequest}
          onDone={() => setDone('resubmitted')}
        />
      ) : null}
      {dossier.result ? <ResultBox dossierId={dossier.id} result={dossier.result} /> : null}

      <WhereWhoWhen
        statusCode={dossier.statusCode}
        statusLabel={dossier.statusLabel}
        unitName={dossier.receivingUnitName}
        submittedAt={dossier.submittedAt}
        dueAt={dossier.dueAt}
        dueContent={
          dossier.apologyDueAt && dossier.dueAt ? (
            <ApologyDates dueAt={dossier.dueAt} apologyDueAt={dossier.apologyDueAt} />
          ) : undefined
        }
        statusTestId="dossier-status"
      />

      {dossier.nextStep ? (
        <div className="next-step">
          <h2>{t('dossiers.nextStep')}</h2>
          <p data-testid="dossier-next-step">{dossier.nextStep}</p>
        </div>
      ) : null}

      <section aria-labelledby="fee-heading" className="section">
        <h2 id="fee-heading">{t('dossiers.detail.feeHeading')}</h2>
        <FeeLine dossier={dossier} />
      </section>

      <FormLinks dossierId={dossier.id} forms={dossier.forms} />

      <section aria-labelledby="timeline-heading" className="section">
        <h2 id="timeline-heading">{t('dossiers.timeline')}</h2>
        <Timeline items={dossier.timeline} headingId="timeline-heading" />
      </section>

      {dossier.rating ? (
        <RatingGiven stars={dossier.rating.stars} comment={dossier.rating.comment} />
      ) : canRate ? (
        <RatingForm dossierId={dossier.id} />
      ) : null}

      {dossier.canWithdraw ? (
        <WithdrawBox dossierId={dossier.id} onDone={() => setDone('withdrawn')} />
      ) : null}
    </article>
  );
}

function FeeLine({ dossier }: { dossier: DossierDetail }) {
  const { t } = useTranslation();
  if (dossier.paymentState === 'not_required' || !dossier.feeVnd) {
    return <p data-testid="dossier-fee">{t('dossiers.detail.feeNone')}</p>;
  }
  return (
    <p data-testid="dossier-fee">
      <strong>{formatVnd(dossier.feeVnd)}</strong>
      <span aria-hidden="true"> · </span>
      {dossier.paymentState === 'paid'
        ? t('dossiers.detail.feePaid')
        : t('dossiers.detail.feeUnpaid')}
    </p>
  );
}
