import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ErrorMessage } from '../../components/error-message';
import { ApiClientError } from '../../lib/api';
import { useDocumentTitle } from '../../lib/use-document-title';
import { Timeline, WhereWhoWhen } from './dossier-parts';
import { type TrackingView, useTracking } from './dossiers-api';
import { dossierCodeAlphabet, normaliseCode } from './format';
import './dossiers.css';

type Field = 'code' | 'last4';
type FieldErrors = Partial<Record<Field, string>>;

export function TrackingPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('dossiers.track.title'));
  const [params, setParams] = useSearchParams();
  const [code, setCode] = useState(() => params.get('ma') ?? '');
  const [last4, setLast4] = useState('');
  const [clientErrors, setClientErrors] = useState<FieldErrors>({});
  const tracking = useTracking();
  const resultRef = useRef<HTMLDivElement>(null);
  const last4Ref = useRef<HTMLInputElement>(null);
  const codeRef = useRef<HTMLInputElement>(null);

  // A code from a link (?ma=) leaves only the four digits to type: focus them on arrival only.
  const arrivedWithCode = useRef(Boolean(params.get('ma')));
  useEffect(() => {
    if (arrivedWithCode.current) last4Ref.current?.focus();
  }, []);

  // Move focus to what answered (result or not-found) so a screen reader reads it out.
  useEffect(() => {
    if (tracking.isSuccess || tracking.isError) resultRef.current?.focus();
  }, [tracking.isSuccess, tracking.isError]);

  const serverError = tracking.error instanceof ApiClientError ? tracking.error : null;
  const errors: FieldErrors = { ...clientErrors };
  for (const field of ['code', 'last4'] as const) {
    const message = serverError?.fieldMessage(field);
    if (message && !errors[field]) errors[field] = message;
  }
  const notFound = serverError?.code === 'TRACKING_NOT_FOUND';

  function validate(): FieldErrors {
    const found: FieldErrors = {};
    const c = normaliseCode(code);
    if (!c) found.code = t('dossiers.track.codeRequired');
    else if (c.length < 6 || c.length > 40 || !dossierCodeAlphabet.test(c))
      found.code = t('dossiers.track.codeFormat');
    if (!last4.trim()) found.last4 = t('dossiers.track.last4Required');
    else if (!/^\d{4}$/.test(last4.trim())) found.last4 = t('dossiers.track.last4Format');
    return found;
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found = validate();
    setClientErrors(found);
    tracking.reset();
    if (found.code) return codeRef.current?.focus();
    if (found.last4) return last4Ref.current?.focus();
    const normalised = normaliseCode(code);
    // Keep the code (not the digits) in the address so the page can be bookmarked or shared.
    setParams({ ma: normalised }, { replace: true });
    tracking.mutate({ code: normalised, last4: last4.trim() });
  }

  const describedBy = (field: Field, hint: string) =>
    [hint, errors[field] ? `track-${field}-error` : null].filter(Boolean).join(' ');

  return (
    <div className="dossiers">
      <h1>{t('dossiers.track.heading')}</h1>
      <p className="lead">{t('dossiers.track.lead')}</p>

      <form
        noValidate
        onSubmit={onSubmit}
        className="form track-form"
        aria-label={t('dossiers.track.heading')}
      >
        <div className={`field${errors.code ? ' field--error' : ''}`}>
          <label className="label" htmlFor="track-code">
            {t('dossiers.track.code')}
          </label>
          <p className="hint" id="track-code-hint">
            {t('dossiers.track.codeHint')}
          </p>
          {errors.code ? (
            <p className="field__error" id="track-code-error">
              {errors.code}
            </p>
          ) : null}
          <input
            ref={codeRef}
            id="track-code"
            name="ma"
            className="input input--code-wide"
            autoCapitalize="characters"
            autoComplete="off"
            spellCheck={false}
            value={code}
            onChange={(e) => setCode(e.target.value)}
            aria-invalid={errors.code ? true : undefined}
            aria-describedby={describedBy('code', 'track-code-hint')}
            data-testid="track-code"
          />
        </div>

        <div className={`field${errors.last4 ? ' field--error' : ''}`}>
          <label className="label" htmlFor="track-last4">
            {t('dossiers.track.last4')}
          </label>
          <p className="hint" id="track-last4-hint">
            {t('dossiers.track.last4Hint')}
          </p>
          {errors.last4 ? (
            <p className="field__error" id="track-last4-error">
              {errors.last4}
            </p>
          ) : null}
          <input
            ref={last4Ref}
            id="track-last4"
            name="last4"
            className="input input--digits"
            inputMode="numeric"
            pattern="[0-9]*"
            maxLength={4}
            autoComplete="off"
            value={last4}
            onChange={(e) => setLast4(e.target.value.replace(/\s+/g, ''))}
            aria-invalid={errors.last4 ? true : undefined}
            aria-describedby={describedBy('last4', 'track-last4-hint')}
            data-testid="track-last4"
          />
        </div>

        <button
          type="submit"
          className="btn btn--primary"
          disabled={tracking.isPending}
          data-testid="track-submit"
        >
          {tracking.isPending ? t('dossiers.track.searching') : t('dossiers.track.submit')}
        </button>
      </form>

      <div ref={resultRef} tabIndex={-1} className="track-result" aria-live="polite">
        {notFound ? (
          <div className="notice notice--warning" role="alert" data-testid="track-not-found">
            <h2 className="notice__title">{t('dossiers.track.notFoundTitle')}</h2>
            <p>{serverError.message}</p>
          </div>
        ) : tracking.isError && serverError?.fields.length === 0 ? (
          <ErrorMessage error={tracking.error} />
        ) : null}
        {tracking.data ? <TrackingResult view={tracking.data} /> : null}
      </div>

      <p className="track-mine">
        {t('dossiers.track.mineHint')} <Link to="/ho-so-cua-toi">{t('dossiers.mine.title')}</Link>
      </p>
    </div>
  );
}

function TrackingResult({ view }: { view: TrackingView }) {
  const { t } = useTranslation();
  return (
    <section
      className="card dossier-card"
      aria-labelledby="track-result-heading"
      data-testid="track-result"
    >
      <p className="caption">{t('dossiers.track.resultCaption')}</p>
      <h2 id="track-result-heading">{view.procedureName}</h2>
      <p className="dossier-ref">
        {view.code ? (
          <>
            {t('dossiers.code')}: <strong className="nowrap">{view.code}</strong>
            <br />
          </>
        ) : null}
        {t('dossiers.reference')}: <strong className="nowrap">{view.reference}</strong>
      </p>
      <WhereWhoWhen
        statusCode={view.statusCode}
        statusLabel={view.statusLabel}
        unitName={view.receivingUnitName}
        submittedAt={view.submittedAt}
        dueAt={view.dueAt}
        statusTestId="track-status"
      />
      {view.nextStep ? (
        <div className="next-step">
          <h3>{t('dossiers.nextStep')}</h3>
          <p data-testid="track-next-step">{view.nextStep}</p>
        </div>
      ) : null}
      <h3 id="track-timeline-heading">{t('dossiers.timeline')}</h3>
      <Timeline items={view.timeline} headingId="track-timeline-heading" />
    </section>
  );
}
