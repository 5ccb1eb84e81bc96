import type { DraftView, SubmitResult } from '@cqs/shared';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorMessage } from '../../components/error-message';
import { Loading } from '../../components/loading';
import { useDocumentTitle } from '../../lib/use-document-title';
import { formatDateTime } from './flow';
import { resultStorageKey } from './review-step';
import { getMyDossier } from './submit-api';

interface Shown {
  dossierId: string;
  reference: string;
  receivingUnitName: string;
  submittedAt: string;
  paymentState?: SubmitResult['paymentState'];
}

function stored(draftId: string): Shown | null {
  try {
    const text = sessionStorage.getItem(resultStorageKey(draftId));
    if (!text) return null;
    const r = JSON.parse(text) as SubmitResult;
    return {
      dossierId: r.dossierId,
      reference: r.reference,
      receivingUnitName: r.receivingUnit.name,
      submittedAt: r.submittedAt,
      paymentState: r.paymentState,
    };
  } catch {
    return null;
  }
}

/** "Đã nộp hồ sơ": the reference (big, copyable), where it went and what happens next. */
export function Confirmation({ draft }: { draft: DraftView }) {
  const { t } = useTranslation();
  useDocumentTitle(t('submit.done.title'));
  const local = stored(draft.id);
  // After a reload on another tab, or with storage blocked, the dossier itself is the source.
  const remote = useQuery({
    queryKey: ['my-dossier', draft.submittedDossierId],
    queryFn: () => getMyDossier(draft.submittedDossierId ?? ''),
    enabled: !local && Boolean(draft.submittedDossierId),
  });
  const shown: Shown | null =
    local ?? (remote.data ? { ...remote.data, dossierId: remote.data.id } : null);

  if (!shown) {
    if (remote.isError)
      return <ErrorMessage error={remote.error} onRetry={() => remote.refetch()} />;
    return <Loading />;
  }
  return (
    <div className="submit-narrow" data-testid="submit-done">
      <div className="submit-panel" role="status">
        <h1 className="submit-panel__title">{t('submit.done.heading')}</h1>
        <p>{t('submit.done.reference')}</p>
        <p className="submit-panel__ref" data-testid="submit-reference">
          {shown.reference}
        </p>
        <CopyButton text={shown.reference} />
      </div>
      <dl className="facts">
        <div className="facts__row">
          <dt>{t('submit.done.procedure')}</dt>
          <dd>{draft.procedureName}</dd>
        </div>
        <div className="facts__row">
          <dt>{t('submit.done.unit')}</dt>
          <dd data-testid="submit-unit">{shown.receivingUnitName}</dd>
        </div>
        <div className="facts__row">
          <dt>{t('submit.done.at')}</dt>
          <dd>{formatDateTime(shown.submittedAt)}</dd>
        </div>
      </dl>
      <h2>{t('submit.done.nextHeading')}</h2>
      <ol className="submit-next">
        <li>{t('submit.done.next1')}</li>
        <li>{t('submit.done.next2')}</li>
        <li>{t('submit.done.next3')}</li>
      </ol>
      {shown.paymentState === 'unpaid' ? (
        <p className="notice notice--warning">{t('submit.done.unpaid')}</p>
      ) : null}
      <p className="hint">{t('submit.done.keep')}</p>
      <div className="button-row">
        <Link
          className="btn btn--primary"
          to={`/ho-so-cua-toi/${encodeURIComponent(shown.dossierId)}`}
          data-testid="my-dossier-link"
        >
          {t('submit.done.myDossier')}
        </Link>
        <Link
          className="btn btn--secondary"
          to={`/tra-cuu-ho-so?ma=${encodeURIComponent(shown.reference)}`}
          data-testid="track-link"
        >
          {t('submit.done.track')}
        </Link>
      </div>
    </div>
  );
}

function CopyButton({ text }: { text: string }) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState(false);
  if (typeof navigator === 'undefined' || !navigator.clipboard) return null;
  return (
    <p>
      <button
        type="button"
        className="btn btn--light btn--small"
        onClick={() =>
          navigator.clipboard.writeText(text).then(
            () => setCopied(true),
            () => setCopied(false),
          )
        }
        data-testid="copy-reference"
      >
        {t('submit.done.copy')}
      </button>{' '}
      <span aria-live="polite">{copied ? t('submit.done.copied') : ''}</span>
    </p>
  );
}
