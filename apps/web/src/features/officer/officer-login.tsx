import type { OfficerLogin, SessionInfo } from '@cqs/shared';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useLocation, useNavigate } from 'react-router';
import { ApiClientError, post } from '../../lib/api';
import { useSession, useSetSession } from '../../lib/session';
import { useDocumentTitle } from '../../lib/use-document-title';
import { OfficerShellHeader } from './officer-shell-header';
import './officer.css';

type Field = keyof OfficerLogin;
type FieldErrors = Partial<Record<Field, string>>;
const fields: Field[] = ['username', 'password', 'totp'];

/** Where to go after sign-in: the back-office page the officer was sent away from, else home. */
function safeReturn(state: unknown): string {
  const from =
    typeof state === 'object' && state !== null && 'from' in state ? String(state.from) : '';
  return from.startsWith('/can-bo') && !from.startsWith('/can-bo/dang-nhap') ? from : '/can-bo';
}

export function OfficerLoginPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('officer.login.title'));
  const session = useSession();
  const location = useLocation();
  const navigate = useNavigate();
  const setSession = useSetSession();

  const [values, setValues] = useState<OfficerLogin>({ username: '', password: '', totp: '' });
  const [clientErrors, setClientErrors] = useState<FieldErrors>({});
  const [showPassword, setShowPassword] = useState(false);
  const summaryRef = useRef<HTMLDivElement>(null);

  // After a failed attempt, move focus to the summary so that it is read out first.
  const [errorTick, setErrorTick] = useState(0);
  useEffect(() => {
    if (errorTick > 0) summaryRef.current?.focus();
  }, [errorTick]);

  const login = useMutation({
    mutationFn: (body: OfficerLogin) => post<SessionInfo>('/api/auth/officer/login', body),
    onSuccess: (info) => {
      setSession(info);
      void navigate(safeReturn(location.state), { replace: true });
    },
    onError: () => {
      // A TOTP code is single-use and short-lived: never leave a refused one to be resent.
      setValues((v) => ({ ...v, totp: '' }));
      setErrorTick((n) => n + 1);
    },
  });

  const serverError = login.error instanceof ApiClientError ? login.error : null;
  const errors: FieldErrors = { ...clientErrors };
  let serverFieldErrors = 0;
  for (const field of fields) {
    const message = serverError?.fieldMessage(field);
    if (message && !errors[field]) {
      errors[field] = message;
      serverFieldErrors += 1;
    }
  }
  const fieldErrorList = fields.flatMap((f) => (errors[f] ? [[f, errors[f]] as const] : []));
  // Errors that belong to no input of this form go to the alert region as a sentence.
  const generalError =
    login.error && serverFieldErrors === 0
      ? (serverError?.message ?? t('errors.unexpected'))
      : null;
  const hasErrors = fieldErrorList.length > 0 || generalError !== null;

  if (session.officer) return <Navigate to="/can-bo" replace />;

  function validate(v: OfficerLogin): FieldErrors {
    const result: FieldErrors = {};
    if (!v.username.trim()) result.username = t('officer.login.required.username');
    if (!v.password) result.password = t('officer.login.required.password');
    if (!v.totp.trim()) result.totp = t('officer.login.required.totp');
    else if (!/^\d{6}$/.test(v.totp.trim())) result.totp = t('officer.login.totpFormat');
    return result;
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found = validate(values);
    setClientErrors(found);
    login.reset();
    if (Object.keys(found).length > 0) {
      setErrorTick((n) => n + 1);
      return;
    }
    login.mutate({
      username: values.username.trim(),
      password: values.password,
      totp: values.totp.trim(),
    });
  }

  function set(field: Field, value: string) {
    setValues((v) => ({ ...v, [field]: value }));
  }

  function describedBy(field: Field, hintId?: string) {
    return (
      [hintId, errors[field] ? `${field}-error` : undefined].filter(Boolean).join(' ') || undefined
    );
  }

  return (
    <div className="bo bo--login">
      <a className="skip-link" href="#main">
        {t('app.skipLink')}
      </a>
      <OfficerShellHeader />
      <main id="main" className="bo-login" tabIndex={-1}>
        <div className="bo-login__card">
          <h1>{t('officer.login.heading')}</h1>
          <p className="hint">{t('officer.login.lead')}</p>

          <div ref={summaryRef} tabIndex={-1} className="bo-login__summary">
            {hasErrors ? (
              <div className="notice notice--error" role="alert" data-testid="officer-login-error">
                <h2 className="notice__title">{t('officer.login.errorSummary')}</h2>
                {generalError ? <p>{generalError}</p> : null}
                {serverError?.isServerError && serverError.requestId ? (
                  <p className="notice__ref">
                    {t('errors.reference')}:{' '}
                    <code data-testid="request-id">{serverError.requestId}</code>
                  </p>
                ) : null}
                {fieldErrorList.length > 0 ? (
                  <ul className="notice__list">
                    {fieldErrorList.map(([field, message]) => (
                      <li key={field}>
                        <a href={`#officer-${field}`}>{message}</a>
                      </li>
                    ))}
                  </ul>
                ) : null}
              </div>
            ) : null}
          </div>

          <form noValidate onSubmit={onSubmit} className="form">
            <div className={`field${errors.username ? ' field--error' : ''}`}>
              <label className="label" htmlFor="officer-username">
                {t('officer.login.username')}
              </label>
              {errors.username ? (
                <p className="field__error" id="username-error">
                  {errors.username}
                </p>
              ) : null}
              <input
                id="officer-username"
                name="username"
                className="input"
                autoComplete="username"
                autoCapitalize="none"
                spellCheck={false}
                value={values.username}
                onChange={(e) => set('username', e.target.value)}
                aria-invalid={errors.username ? true : undefined}
                aria-describedby={describedBy('username')}
                data-testid="officer-username"
              />
            </div>

            <div className={`field${errors.password ? ' field--error' : ''}`}>
              <label className="label" htmlFor="officer-password">
                {t('officer.login.password')}
              </label>
              {errors.password ? (
                <p className="field__error" id="password-error">
                  {errors.password}
                </p>
              ) : null}
              <input
                id="officer-password"
                name="password"
                type={showPassword ? 'text' : 'password'}
                className="input"
                autoComplete="current-password"
                value={values.password}
                onChange={(e) => set('password', e.target.value)}
                aria-invalid={errors.password ? true : undefined}
                aria-describedby={describedBy('password')}
                data-testid="officer-password"
              />
              <label className="checkbox">
                <input
                  type="checkbox"
                  checked={showPassword}
                  onChange={(e) => setShowPassword(e.target.checked)}
                />
                <span>{t('officer.login.showPassword')}</span>
              </label>
            </div>

            <div className={`field${errors.totp ? ' field--error' : ''}`}>
              <label className="label" htmlFor="officer-totp">
                {t('officer.login.totp')}
              </label>
              <p className="hint" id="totp-hint">
                {t('officer.login.totpHint')}
              </p>
              {errors.totp ? (
                <p className="field__error" id="totp-error">
                  {errors.totp}
                </p>
              ) : null}
              <input
                id="officer-totp"
                name="totp"
                className="input input--code"
                inputMode="numeric"
                autoComplete="one-time-code"
                pattern="[0-9]*"
                maxLength={6}
                value={values.totp}
                onChange={(e) => set('totp', e.target.value.replace(/\s+/g, ''))}
                aria-invalid={errors.totp ? true : undefined}
                aria-describedby={describedBy('totp', 'totp-hint')}
                data-testid="officer-totp"
              />
            </div>

            <button
              type="submit"
              className="btn btn--primary btn--block"
              disabled={login.isPending}
              data-testid="officer-submit"
            >
              {login.isPending ? t('officer.login.submitting') : t('officer.login.submit')}
            </button>
          </form>

          <p className="bo-login__resident">
            <Link to="/">{t('officer.login.residentLink')}</Link>
          </p>
        </div>
      </main>
    </div>
  );
}
