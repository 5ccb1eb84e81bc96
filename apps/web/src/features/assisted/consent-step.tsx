import { errorCatalogue } from '@cqs/shared';
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { ErrorMessage } from '../../components/error-message';
import { ApiClientError } from '../../lib/api';
import { useSession } from '../../lib/session';
import {
  type AssistedView,
  assistedKey,
  assistedPath,
  sendCode,
  signInConsentUrl,
  submitAssisted,
  useSetAssisted,
  verifyCode,
} from './assisted-api';
import { DemoMessages } from './demo-messages';
import { formatTime } from './format';
import { useAt } from './i18n';
import { DONE } from './steps';

/**
 * The resident's consent, then submission. Two ways to consent: a code sent to their phone that
 * they read out, or signing in with their own e-identity on this device (the member stays signed
 * in: that sign-in only records the consent). The submit button appears once a consent covers the
 * dossier as it is now.
 */
export function ConsentStep({ record }: { record: AssistedView }) {
  const { t } = useAt();
  const session = useSession();
  const [params] = useSearchParams();
  const result = params.get('dong-y');
  const valid = record.consent?.valid === true;
  const given = useRef<HTMLDivElement>(null);
  // Announce a consent when it arrives (focus moves to the notice).
  useEffect(() => {
    if (valid) given.current?.focus();
  }, [valid]);

  return (
    <div data-testid="as-step-consent">
      <h1>{t('flow.pages.dong-y')}</h1>
      {/* After a sign-in, what happened; a success is said once, by the consent notice below. */}
      {result && !(result === 'ok' && valid) ? <SignInResult result={result} /> : null}
      <p>{t('consent.lead')}</p>
      <figure className="as-purpose">
        <figcaption className="caption">{t('consent.purposeLabel')}</figcaption>
        <blockquote data-testid="as-purpose">{record.purpose}</blockquote>
      </figure>
      {valid && record.consent ? (
        <div
          className="notice notice--success"
          role="status"
          tabIndex={-1}
          ref={given}
          data-testid="as-consent-given"
        >
          {t('consent.given', {
            method: t(`consent.methods.${record.consent.method}`),
            time: formatTime(record.consent.givenAt),
          })}
        </div>
      ) : (
        <>
          {record.consent ? (
            <p className="notice notice--warning" data-testid="as-consent-stale">
              {t('consent.stale')}
            </p>
          ) : null}
          <h2 className="as-ways">{t('consent.chooseWay')}</h2>
          <CodeConsent record={record} demo={session.officer?.isDemo === true} />
          <section className="as-way" aria-labelledby="as-signin-h">
            <h3 id="as-signin-h">{t('consent.signInHeading')}</h3>
            <p>{t('consent.signInLead')}</p>
            <a
              className="btn btn--secondary btn--big"
              href={signInConsentUrl(record.id)}
              data-testid="as-sign-in"
            >
              {t('consent.signIn')}
            </a>
          </section>
        </>
      )}
      <SubmitSection record={record} valid={valid} />
    </div>
  );
}

function SignInResult({ result }: { result: string }) {
  const { t, i18n } = useAt();
  if (result === 'ok') return <p className="notice notice--success">{t('consent.results.ok')}</p>;
  if (result === 'cancelled')
    return <p className="notice notice--warning">{t('consent.results.cancelled')}</p>;
  const entry = errorCatalogue[result as keyof typeof errorCatalogue];
  return (
    <div className="notice notice--error" role="alert" data-testid="as-sign-in-failed">
      <p>{entry ? entry[i18n.language === 'en' ? 'en' : 'vi'] : t('consent.results.failed')}</p>
    </div>
  );
}

function CodeConsent({ record, demo }: { record: AssistedView; demo: boolean }) {
  const { t } = useAt();
  const id = useId();
  const queryClient = useQueryClient();
  const setAssisted = useSetAssisted();
  const [code, setCode] = useState('');
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState<'send' | 'verify' | null>(null);
  const wait = useSecondsUntil(record.pendingCode?.resendAfter ?? null);
  const input = useRef<HTMLInputElement>(null);
  const pending = record.pendingCode;

  const send = async () => {
    setBusy('send');
    setFailure(null);
    try {
      setAssisted(await sendCode(record.id));
      void queryClient.invalidateQueries({ queryKey: ['assisted', record.id, 'demo-messages'] });
      window.setTimeout(() => input.current?.focus(), 0);
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(null);
    }
  };

  const verify = async (event: FormEvent) => {
    event.preventDefault();
    setFailure(null);
    if (!/^\d{6}$/.test(code.trim())) {
      setFieldError(t('consent.codeFormat'));
      input.current?.focus();
      return;
    }
    setFieldError(null);
    setBusy('verify');
    try {
      setAssisted(await verifyCode(record.id, code.trim()));
      setCode('');
    } catch (error) {
      if (error instanceof ApiClientError) {
        setFieldError(error.message);
        // Attempts left and expiry changed: show them as the server has them now.
        void queryClient.invalidateQueries({ queryKey: assistedKey(record.id) });
      } else setFailure(error);
      input.current?.focus();
    } finally {
      setBusy(null);
    }
  };

  return (
    <section className="as-way" aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`}>{t('consent.codeHeading')}</h3>
      <p>{t('consent.codeLead', { phone: record.resident.phoneMasked })}</p>
      {failure ? <ErrorMessage error={failure} /> : null}
      {pending ? (
        <p className="as-sent" role="status" data-testid="as-code-sent">
          {t('consent.sent', {
            phone: pending.sentTo,
            time: formatTime(pending.expiresAt),
            attempts: pending.attemptsLeft,
          })}
        </p>
      ) : null}
      {/* Demo mode only: where the "sent" text can be read, right by the code box. */}
      {pending && demo ? <DemoMessages id={record.id} /> : null}
      {pending ? (
        <form noValidate onSubmit={(e) => void verify(e)}>
          <div className={`field${fieldError ? ' field--error' : ''}`}>
            <label className="label" htmlFor={`${id}-code`}>
              {t('consent.codeLabel')}
            </label>
            <p className="hint" id={`${id}-hint`}>
              {t('consent.codeHint')}
            </p>
            {fieldError ? (
              <p className="field__error" id={`${id}-error`} data-testid="as-code-error">
                {fieldError}
              </p>
            ) : null}
            <input
              ref={input}
              id={`${id}-code`}
              className="input as-code"
              inputMode="numeric"
              autoComplete="one-time-code"
              maxLength={6}
              value={code}
              onChange={(e) => {
                setCode(e.target.value.replace(/\D/g, ''));
                setFieldError(null);
              }}
              aria-invalid={fieldError ? 'true' : undefined}
              aria-describedby={`${id}-hint${fieldError ? ` ${id}-error` : ''}`}
              data-testid="as-code-input"
            />
          </div>
          <div className="button-row">
            <button
              type="submit"
              className="btn btn--primary"
              disabled={busy !== null}
              data-testid="as-verify-code"
            >
              {busy === 'verify' ? t('consent.verifying') : t('consent.verify')}
            </button>
          </div>
        </form>
      ) : null}
      <div className="button-row">
        <button
          type="button"
          className={`btn ${pending ? 'btn--secondary' : 'btn--primary btn--big'}`}
          onClick={() => void send()}
          disabled={busy !== null || wait > 0}
          data-testid="as-send-code"
        >
          {busy === 'send'
            ? t('consent.sending')
            : pending
              ? t('consent.resend')
              : t('consent.sendCode')}
        </button>
        {wait > 0 ? (
          <span className="muted">{t('consent.resendIn', { seconds: wait })}</span>
        ) : null}
      </div>
    </section>
  );
}

function SubmitSection({ record, valid }: { record: AssistedView; valid: boolean }) {
  const { t } = useAt();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  // One key per submission attempt, reused by a double tap or a retry after a lost answer.
  const key = useRef<string | null>(null);

  const submit = async () => {
    setBusy(true);
    setFailure(null);
    key.current ??= crypto.randomUUID();
    try {
      await submitAssisted(record.id, key.current);
      await queryClient.invalidateQueries({ queryKey: ['assisted'] });
      void navigate(assistedPath(record.id, DONE), { replace: true });
    } catch (error) {
      // A refused submission (consent or form) gets a fresh key for the next attempt.
      if (error instanceof ApiClientError && error.status < 500) key.current = null;
      setFailure(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="as-submit" aria-labelledby="as-submit-h">
      <h2 id="as-submit-h">{t('consent.submitHeading')}</h2>
      <p>{t('consent.submitLead')}</p>
      {failure ? <ErrorMessage error={failure} /> : null}
      {valid ? (
        <div className="button-row">
          <button
            type="button"
            className="btn btn--primary btn--big"
            onClick={() => void submit()}
            disabled={busy}
            data-testid="as-submit"
          >
            {busy ? t('consent.submitting') : t('consent.submit')}
          </button>
        </div>
      ) : (
        <p className="muted" data-testid="as-submit-needs-consent">
          {t('consent.needConsent')}
        </p>
      )}
    </section>
  );
}

/** Seconds left until an instant (0 when passed or null), ticking once a second. */
function useSecondsUntil(iso: string | null): number {
  const left = () => (iso ? Math.max(0, Math.ceil((Date.parse(iso) - Date.now()) / 1000)) : 0);
  const [seconds, setSeconds] = useState(left);
  // biome-ignore lint/correctness/useExhaustiveDependencies: restart the countdown per instant
  useEffect(() => {
    setSeconds(left());
    if (!iso) return;
    const timer = window.setInterval(() => {
      const next = left();
      setSeconds(next);
      if (next === 0) window.clearInterval(timer);
    }, 1000);
    return () => window.clearInterval(timer);
  }, [iso]);
  return seconds;
}
