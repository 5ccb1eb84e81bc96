import type { StoredFile } from '@cqs/shared';
import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { Link } from 'react-router';
import { ApiClientError } from '../../lib/api';
import { useDebouncedValue } from '../../lib/use-debounced-value';
import { useDocumentTitle } from '../../lib/use-document-title';
import { FilePicker } from './file-picker';
import { dayToText, vnDay } from './format';
import { useP } from './i18n';
import { formPath, type IntakeResult, submitIntake, useProcedurePicker } from './processing-api';
import { useActiveUnit } from './use-active-unit';
import { newUuid } from './uuid';
import './processing.css';

interface Values {
  citizenId: string;
  fullName: string;
  phone: string;
  email: string;
  address: string;
  channel: 1 | 3;
  acceptNow: boolean;
}
type Field = 'procedureCode' | 'citizenId' | 'fullName' | 'phone' | 'email' | 'address';
type Errors = Partial<Record<Field, string>>;

const blank: Values = {
  citizenId: '',
  fullName: '',
  phone: '',
  email: '',
  address: '',
  channel: 1,
  acceptNow: true,
};

/** "Tiếp nhận trực tiếp": a resident at the counter (or a dossier by post) becomes a dossier. */
export function IntakePage() {
  const { t } = useP();
  useDocumentTitle(t('intake.title'));
  const { unit } = useActiveUnit();
  // One key per filled-in form: a double click or a retry replays the same dossier.
  const [formKey, setFormKey] = useState(newUuid);
  const [procedure, setProcedure] = useState<{ code: string; name: string } | null>(null);
  const [values, setValues] = useState<Values>(blank);
  const [scans, setScans] = useState<StoredFile[]>([]);
  const [errors, setErrors] = useState<Errors>({});
  const [general, setGeneral] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const [result, setResult] = useState<IntakeResult | null>(null);
  const inFlight = useRef(false);
  const summary = useRef<HTMLDivElement>(null);
  const doneHeading = useRef<HTMLHeadingElement>(null);
  // The answer replaces the form: read its heading out first.
  useEffect(() => {
    if (result) doneHeading.current?.focus();
  }, [result]);

  if (!unit) return <p className="notice notice--warning">{t('common.chooseUnit')}</p>;

  // A corrected field loses its error at once; the summary follows.
  const set = <K extends keyof Values>(key: K, value: Values[K]) => {
    setValues((v) => ({ ...v, [key]: value }));
    setErrors((e) => (key in e ? { ...e, [key]: undefined } : e));
  };

  const validate = (): Errors => {
    const e: Errors = {};
    if (!procedure) e.procedureCode = t('intake.err.procedure');
    if (!/^\d{12}$/.test(values.citizenId.trim())) e.citizenId = t('intake.err.citizenId');
    if (values.fullName.trim().length < 2) e.fullName = t('intake.err.fullName');
    const phone = values.phone.replace(/[\s.]/g, '');
    if (phone && !/^(0|\+84)\d{9,10}$/.test(phone)) e.phone = t('intake.err.phone');
    if (values.email.trim() && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(values.email.trim()))
      e.email = t('intake.err.email');
    return e;
  };

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (inFlight.current) return;
    setGeneral(null);
    const found = validate();
    setErrors(found);
    if (Object.keys(found).length > 0 || !procedure) {
      window.setTimeout(() => summary.current?.focus(), 0);
      return;
    }
    inFlight.current = true;
    setSending(true);
    try {
      const phone = values.phone.replace(/[\s.]/g, '');
      const answer = await submitIntake(
        {
          unitCode: unit.unitCode,
          procedureCode: procedure.code,
          channel: values.channel,
          applicant: {
            citizenId: values.citizenId.trim(),
            fullName: values.fullName.trim(),
            phone: phone || undefined,
            email: values.email.trim() || undefined,
            address: values.address.trim() || undefined,
          },
          answers: {},
          fileIds: scans.map((s) => s.id),
          acceptNow: values.acceptNow,
        },
        formKey,
      );
      setResult(answer);
    } catch (e) {
      if (e instanceof ApiClientError) {
        const fieldErrors: Errors = {};
        for (const f of e.fields) {
          const key = f.path.replace(/^applicant\./, '') as Field;
          fieldErrors[key] = f.message;
        }
        setErrors(fieldErrors);
        setGeneral(e.message);
      } else setGeneral(t('common.unexpected'));
      window.setTimeout(() => summary.current?.focus(), 0);
    } finally {
      inFlight.current = false;
      setSending(false);
    }
  };

  const restart = () => {
    setFormKey(newUuid());
    setProcedure(null);
    setValues(blank);
    setScans([]);
    setErrors({});
    setGeneral(null);
    setResult(null);
  };

  if (result) {
    return (
      <div className="proc" data-testid="intake-result">
        <h1 ref={doneHeading} tabIndex={-1}>
          {result.code ? t('intake.doneAccepted') : t('intake.doneRegistered')}
        </h1>
        <div className="notice notice--ok">
          <dl className="facts">
            <div className="facts__row">
              <dt>{result.code ? t('ws.code') : t('ws.reference')}</dt>
              <dd>
                <strong className="proc-code" data-testid="intake-code">
                  {result.code ?? result.reference}
                </strong>
              </dd>
            </div>
            <div className="facts__row">
              <dt>{t('ws.dueAt')}</dt>
              <dd data-testid="intake-due">
                {result.dueAt ? dayToText(vnDay(result.dueAt)) : t('due.none')}
              </dd>
            </div>
          </dl>
        </div>
        <div className="button-row">
          {result.code ? (
            <a
              className="btn btn--primary"
              href={formPath(result.id, '01')}
              target="_blank"
              rel="noopener"
              data-testid="intake-print-01"
            >
              {t('intake.print01')}
            </a>
          ) : null}
          <Link className="btn btn--secondary" to={`/can-bo/ho-so/${result.id}`}>
            {t('intake.openDossier')}
          </Link>
          <button type="button" className="btn btn--quiet" onClick={restart}>
            {t('intake.another')}
          </button>
        </div>
      </div>
    );
  }

  const errorList = (Object.entries(errors) as [Field, string][]).filter(([, m]) => m);
  const invalid = (f: Field) => (errors[f] ? true : undefined);
  const describedBy = (f: Field, hint?: string) =>
    [hint, errors[f] ? `intake-${f}-error` : ''].filter(Boolean).join(' ') || undefined;
  const fieldError = (f: Field) =>
    errors[f] ? (
      <p className="field__error" id={`intake-${f}-error`}>
        {errors[f]}
      </p>
    ) : null;

  return (
    <div className="proc proc--narrow" data-testid="intake">
      <p className="caption">
        <Link to="/can-bo/tiep-nhan">{t('reception.title')}</Link>
      </p>
      <h1>{t('intake.title')}</h1>
      <p className="lead">{t('intake.lead', { unit: unit.unitName })}</p>

      <div ref={summary} tabIndex={-1}>
        {errorList.length > 0 || general ? (
          <div className="notice notice--error" role="alert" data-testid="intake-errors">
            <h2 className="notice__title">{t('common.errorSummary')}</h2>
            {general ? <p>{general}</p> : null}
            <ul className="notice__list">
              {errorList.map(([f, m]) => (
                <li key={f}>
                  <a href={`#intake-${f}`}>{m}</a>
                </li>
              ))}
            </ul>
          </div>
        ) : null}
      </div>

      <form noValidate onSubmit={onSubmit} className="form">
        <ProcedurePicker
          chosen={procedure}
          onChoose={(p) => {
            setProcedure(p);
            setErrors((e) => ({ ...e, procedureCode: undefined }));
          }}
          error={errors.procedureCode ?? null}
        />

        <fieldset className="proc-fieldset">
          <legend>{t('intake.applicant')}</legend>
          <div className={`field${errors.citizenId ? ' field--error' : ''}`}>
            <label className="label" htmlFor="intake-citizenId">
              {t('intake.citizenId')}
            </label>
            <p className="hint" id="intake-citizenId-hint">
              {t('intake.citizenIdHint')}
            </p>
            {fieldError('citizenId')}
            <input
              id="intake-citizenId"
              className="input input--medium"
              inputMode="numeric"
              autoComplete="off"
              maxLength={12}
              value={values.citizenId}
              onChange={(e) => set('citizenId', e.target.value.replace(/\D/g, ''))}
              aria-invalid={invalid('citizenId')}
              aria-describedby={describedBy('citizenId', 'intake-citizenId-hint')}
              data-testid="intake-citizen-id"
            />
          </div>
          {(
            [
              ['fullName', 'text'],
              ['phone', 'tel'],
              ['email', 'email'],
              ['address', 'text'],
            ] as const
          ).map(([f, type]) => (
            <div key={f} className={`field${errors[f] ? ' field--error' : ''}`}>
              <label className="label" htmlFor={`intake-${f}`}>
                {t(`intake.${f}`)}{' '}
                {f === 'fullName' ? null : <span className="muted">{t('common.optional')}</span>}
              </label>
              {fieldError(f)}
              <input
                id={`intake-${f}`}
                className="input"
                type={type}
                // The resident's data, not the officer's: the browser must not suggest its own.
                autoComplete="off"
                value={values[f]}
                onChange={(e) => set(f, e.target.value)}
                aria-invalid={invalid(f)}
                aria-describedby={describedBy(f)}
                data-testid={`intake-${f}`}
              />
            </div>
          ))}
        </fieldset>

        <fieldset className="proc-fieldset">
          <legend>{t('intake.channel')}</legend>
          {([1, 3] as const).map((c) => (
            <label key={c} className="checkbox proc-radio">
              <input
                type="radio"
                name="intake-channel"
                checked={values.channel === c}
                onChange={() => set('channel', c)}
              />
              <span>{t(`channel.${c}`)}</span>
            </label>
          ))}
        </fieldset>

        <FilePicker
          bundleId={`intake:${formKey}`}
          purpose="scan"
          files={scans}
          onChange={(update) => setScans(update)}
          label={t('intake.scans')}
          hint={t('intake.scansHint')}
          testId="intake-scans"
        />

        <div className="field">
          <label className="checkbox">
            <input
              type="checkbox"
              checked={values.acceptNow}
              onChange={(e) => set('acceptNow', e.target.checked)}
              aria-describedby="intake-accept-hint"
              data-testid="intake-accept-now"
            />
            <span>{t('intake.acceptNow')}</span>
          </label>
          <p className="hint" id="intake-accept-hint">
            {t('intake.acceptNowHint')}
          </p>
        </div>

        <button
          type="submit"
          className="btn btn--primary btn--big"
          disabled={sending}
          aria-disabled={sending}
          data-testid="intake-submit"
        >
          {sending ? t('common.sending') : t('intake.submit')}
        </button>
      </form>
    </div>
  );
}

function ProcedurePicker({
  chosen,
  onChoose,
  error,
}: {
  chosen: { code: string; name: string } | null;
  onChoose: (p: { code: string; name: string } | null) => void;
  error: string | null;
}) {
  const { t } = useP();
  const id = useId();
  const [text, setText] = useState('');
  const q = useDebouncedValue(text, 300);
  const found = useProcedurePicker(chosen ? '' : q);
  const items = found.data?.items ?? [];

  return (
    <div className={`field${error ? ' field--error' : ''}`}>
      <label className="label" htmlFor="intake-procedureCode">
        {t('intake.procedure')}
      </label>
      {error ? (
        <p className="field__error" id="intake-procedureCode-error">
          {error}
        </p>
      ) : null}
      {chosen ? (
        <p className="proc-chosen" data-testid="intake-procedure-chosen">
          <strong>{chosen.name}</strong> <span className="muted">({chosen.code})</span>{' '}
          <button
            id="intake-procedureCode"
            type="button"
            className="btn btn--secondary btn--small"
            onClick={() => onChoose(null)}
          >
            {t('intake.changeProcedure')}
          </button>
        </p>
      ) : (
        <>
          <input
            id="intake-procedureCode"
            type="search"
            className="input"
            value={text}
            onChange={(e) => setText(e.target.value)}
            placeholder={t('intake.procedurePlaceholder')}
            aria-describedby={`${id}-count${error ? ' intake-procedureCode-error' : ''}`}
            aria-invalid={error ? true : undefined}
            data-testid="intake-procedure-search"
          />
          <p className="hint" id={`${id}-count`} aria-live="polite">
            {q.trim().length < 2
              ? t('intake.procedureHint')
              : found.isPending
                ? t('common.loading')
                : t('intake.procedureFound', { count: items.length })}
          </p>
          {items.length > 0 && q.trim().length >= 2 ? (
            <ul className="proc-options">
              {items.map((p) => (
                <li key={p.code}>
                  <button
                    type="button"
                    className="proc-option"
                    onClick={() => onChoose({ code: p.code, name: p.name })}
                    data-testid="intake-procedure-option"
                  >
                    <span>{p.name}</span>
                    <span className="muted">
                      {p.code} · {p.field}
                    </span>
                  </button>
                </li>
              ))}
            </ul>
          ) : null}
        </>
      )}
    </div>
  );
}
