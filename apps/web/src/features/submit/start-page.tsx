import type { FormSchema, ProcedureDetail } from '@cqs/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { ErrorMessage } from '../../components/error-message';
import { Loading } from '../../components/loading';
import { formatVnd } from '../../lib/procedures';
import { residentSignInUrl, useSession } from '../../lib/session';
import { useDocumentTitle } from '../../lib/use-document-title';
import { TimeText } from '../../pages/procedure-parts';
import { draftPath, formatDateTime, onlineFee } from './flow';
import {
  createDraft,
  type DraftSummary,
  useFormSchema,
  useMyDrafts,
  useProcedureDetail,
} from './submit-api';

/** `/nop-ho-so/:code`: what the resident needs, then a draft (new, or the one already started). */
export function SubmitStartPage() {
  const { code = '' } = useParams();
  const { t } = useTranslation();
  const session = useSession();
  const procedure = useProcedureDetail(code, session.resident?.communeCode);
  const form = useFormSchema(code);
  const drafts = useMyDrafts(Boolean(session.resident));
  useDocumentTitle(procedure.data ? t('submit.start.title', { name: procedure.data.name }) : null);

  if (session.isPending) return <Loading />;
  if (!session.resident) return <SignInNeeded officer={Boolean(session.officer)} />;
  if (procedure.isError)
    return <ErrorMessage error={procedure.error} onRetry={() => procedure.refetch()} />;
  if (form.isError) return <ErrorMessage error={form.error} onRetry={() => form.refetch()} />;
  if (!procedure.data || !form.data) return <Loading />;

  const existing = (drafts.data?.items ?? []).filter(
    (d) => d.procedureCode === code && !d.submittedDossierId,
  );
  return <StartView procedure={procedure.data} form={form.data} existing={existing} />;
}

function SignInNeeded({ officer }: { officer: boolean }) {
  const { t } = useTranslation();
  const location = useLocation();
  useDocumentTitle(t('submit.signIn.title'));
  return (
    <div className="submit-narrow" data-testid="submit-sign-in">
      <h1>{t('submit.signIn.heading')}</h1>
      <p className="lead">{t('submit.signIn.why')}</p>
      <ul>
        <li>{t('submit.signIn.point1')}</li>
        <li>{t('submit.signIn.point2')}</li>
        <li>{t('submit.signIn.point3')}</li>
      </ul>
      {officer ? <p className="notice notice--warning">{t('submit.signIn.officer')}</p> : null}
      <p>
        <a
          className="btn btn--primary btn--big"
          href={residentSignInUrl(`${location.pathname}${location.search}`)}
          data-testid="submit-sign-in-button"
        >
          {t('submit.signIn.button')}
        </a>
      </p>
      <p className="hint">{t('submit.signIn.noAccount')}</p>
    </div>
  );
}

function StartView({
  procedure,
  form,
  existing,
}: {
  procedure: ProcedureDetail;
  form: FormSchema;
  existing: DraftSummary[];
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'vi';
  const navigate = useNavigate();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const fee = onlineFee(procedure);
  const channel = procedure.record.channels.find((c) => c.channel === 'truc_tuyen');
  const online = procedure.local.offeredOnline && !procedure.centralBranch;
  // Required papers (some only in the cases the answers select) first; optional ones folded away.
  // A document that depends on an answer ("when the parents are married") is not needed by
  // everyone: list it with the optional ones, not as something every resident must prepare.
  const required = form.documents.filter((d) => d.required && !d.showIf?.length);
  const conditional = form.documents.filter((d) => !d.required || Boolean(d.showIf?.length));

  const start = async () => {
    setBusy(true);
    setError(null);
    try {
      const draft = await createDraft(procedure.code);
      await navigate(draftPath(draft.id, draft.currentStep ?? form.steps[0]?.id));
    } catch (e) {
      setError(e);
      setBusy(false);
    }
  };

  return (
    <article className="submit-narrow" data-testid="submit-start">
      <p className="caption">{t('submit.start.caption')}</p>
      <h1>{procedure.name}</h1>
      {!online ? (
        <div className="notice notice--warning" data-testid="submit-not-online">
          <p>{t('submit.start.notOnline')}</p>
          <p>
            <Link to={`/thu-tuc/${encodeURIComponent(procedure.code)}`}>
              {t('submit.start.procedurePage')}
            </Link>
          </p>
        </div>
      ) : null}

      <dl className="facts submit-facts">
        <div className="facts__row">
          <dt>{t('submit.start.fee')}</dt>
          <dd data-testid="submit-fee">
            {fee === null
              ? t('procedure.feeUnknown')
              : fee === 0
                ? t('procedure.free')
                : formatVnd(fee)}
          </dd>
        </div>
        <div className="facts__row">
          <dt>{t('submit.start.time')}</dt>
          <dd>{channel ? <TimeText channel={channel} /> : t('procedure.timeUnknown')}</dd>
        </div>
        <div className="facts__row">
          <dt>{t('submit.start.where')}</dt>
          <dd>{procedure.whereToSubmit.name}</dd>
        </div>
        <div className="facts__row">
          <dt>{t('submit.start.steps')}</dt>
          <dd>{t('submit.start.stepsValue', { count: form.steps.length })}</dd>
        </div>
      </dl>

      <h2>{t('submit.start.needHeading')}</h2>
      <p>{t('submit.start.needLead')}</p>
      {required.length ? (
        <ul className="submit-doclist">
          {required.map((d) => (
            <li key={d.id}>{d.name[lang]}</li>
          ))}
        </ul>
      ) : (
        <p className="muted">{t('submit.start.noRequiredDocs')}</p>
      )}
      {conditional.length ? (
        <details className="submit-more">
          <summary>{t('submit.start.conditional', { count: conditional.length })}</summary>
          <ul className="submit-doclist">
            {conditional.map((d) => (
              <li key={d.id}>{d.name[lang]}</li>
            ))}
          </ul>
        </details>
      ) : null}
      <p className="hint">{t('submit.start.saveNote')}</p>

      {error ? <ErrorMessage error={error} /> : null}

      {online && existing.length ? (
        <section
          className="submit-continue"
          aria-labelledby="continue-heading"
          data-testid="submit-existing"
        >
          <h2 id="continue-heading">{t('submit.start.continueHeading')}</h2>
          <ul className="submit-continue__list">
            {existing.map((d) => (
              <li key={d.id}>
                <Link
                  className="btn btn--primary"
                  to={draftPath(d.id, d.currentStep ?? undefined)}
                  data-testid="continue-draft"
                >
                  {t('submit.start.continue')}
                </Link>{' '}
                <span className="muted">
                  {t('submit.start.savedAt', { at: formatDateTime(d.updatedAt) })}
                </span>
              </li>
            ))}
          </ul>
          <p>
            <button
              type="button"
              className="btn btn--secondary"
              onClick={start}
              disabled={busy}
              data-testid="start-draft"
            >
              {busy ? t('submit.start.starting') : t('submit.start.startNew')}
            </button>
          </p>
        </section>
      ) : online ? (
        <p>
          <button
            type="button"
            className="btn btn--primary btn--big"
            onClick={start}
            disabled={busy}
            data-testid="start-draft"
          >
            {busy ? t('submit.start.starting') : t('submit.start.start')}
          </button>
        </p>
      ) : null}
    </article>
  );
}
