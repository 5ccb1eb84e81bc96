import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { ErrorMessage } from '../../components/error-message';
import { ApiClientError } from '../../lib/api';
import { useDebouncedValue } from '../../lib/use-debounced-value';
import { useDocumentTitle } from '../../lib/use-document-title';
import {
  ASSISTED_HOME,
  assistedPath,
  startAssisted,
  useOnlineProcedures,
  useSetAssisted,
} from './assisted-api';
import { CITIZEN_ID, compactPhone, PHONE } from './format';
import { useAt } from './i18n';

interface Chosen {
  code: string;
  name: string;
}

/** `/can-bo/to-cong-nghe/ho-tro/moi`: the procedure, then who the resident is. */
export function AssistedStartPage() {
  const { t } = useAt();
  const [chosen, setChosen] = useState<Chosen | null>(null);
  useDocumentTitle(
    `${chosen ? t('start.stepResident') : t('start.stepProcedure')} — ${t('start.title')}`,
  );
  return (
    <div className="as-page as-narrow" data-testid="as-start-page">
      <p className="caption">{t('start.caption')}</p>
      {chosen ? (
        <ResidentStep chosen={chosen} onChange={() => setChosen(null)} />
      ) : (
        <ProcedureStep onChoose={setChosen} />
      )}
      <p className="as-back">
        <Link className="back-link" to={ASSISTED_HOME}>
          {t('flow.toList')}
        </Link>
      </p>
    </div>
  );
}

function ProcedureStep({ onChoose }: { onChoose: (p: Chosen) => void }) {
  const { t } = useAt();
  const id = useId();
  const [q, setQ] = useState('');
  const words = useDebouncedValue(q, 300);
  const results = useOnlineProcedures(words);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <section aria-labelledby={`${id}-h`}>
      <h1 id={`${id}-h`} tabIndex={-1} ref={heading}>
        {t('start.stepProcedure')}
      </h1>
      <form onSubmit={(e) => e.preventDefault()} className="field">
        <label className="label" htmlFor={`${id}-q`}>
          {t('start.searchLabel')}
        </label>
        <p className="hint" id={`${id}-hint`}>
          {t('start.searchHint')}
        </p>
        <input
          id={`${id}-q`}
          className="input"
          type="search"
          value={q}
          onChange={(e) => setQ(e.target.value)}
          aria-describedby={`${id}-hint`}
          autoComplete="off"
          data-testid="as-procedure-search"
        />
      </form>
      <div aria-live="polite" className="as-results">
        {results.isFetching ? <p className="muted">{t('start.searching')}</p> : null}
        {results.isError ? <ErrorMessage error={results.error} /> : null}
        {results.data && words.trim().length >= 2 ? (
          results.data.items.length === 0 ? (
            <p>{t('start.noResults')}</p>
          ) : (
            <>
              <p className="muted">{t('start.results', { count: results.data.total })}</p>
              <ul className="as-procedures">
                {results.data.items.map((p) => (
                  <li key={p.code} className="as-procedure">
                    <span className="as-procedure__name">{p.name}</span>
                    <span className="as-procedure__field muted">
                      {p.code} · {p.field}
                    </span>
                    <button
                      type="button"
                      className="btn btn--secondary btn--small"
                      onClick={() => onChoose({ code: p.code, name: p.name })}
                      aria-label={t('start.chooseNamed', { name: p.name })}
                      data-testid={`as-choose-${p.code}`}
                    >
                      {t('start.choose')}
                    </button>
                  </li>
                ))}
              </ul>
            </>
          )
        ) : null}
      </div>
    </section>
  );
}

type Field = 'fullName' | 'phone' | 'citizenId';

function ResidentStep({ chosen, onChange }: { chosen: Chosen; onChange: () => void }) {
  const { t } = useAt();
  const id = useId();
  const navigate = useNavigate();
  const setAssisted = useSetAssisted();
  const [values, setValues] = useState<Record<Field, string>>({
    fullName: '',
    phone: '',
    citizenId: '',
  });
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);

  const check = (): Partial<Record<Field, string>> => {
    const found: Partial<Record<Field, string>> = {};
    if (values.fullName.trim().length < 2) found.fullName = t('start.fullNameRequired');
    if (!PHONE.test(compactPhone(values.phone))) found.phone = t('start.phoneInvalid');
    if (!CITIZEN_ID.test(values.citizenId.replace(/\s/g, '')))
      found.citizenId = t('start.citizenIdInvalid');
    return found;
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found = check();
    setErrors(found);
    setFailure(null);
    const first = (['fullName', 'phone', 'citizenId'] as Field[]).find((f) => found[f]);
    if (first) {
      document.getElementById(`${id}-${first}`)?.focus();
      return;
    }
    setBusy(true);
    try {
      const citizenId = values.citizenId.replace(/\s/g, '');
      const view = await startAssisted({
        procedureCode: chosen.code,
        resident: {
          fullName: values.fullName.trim(),
          phone: compactPhone(values.phone),
          ...(citizenId ? { citizenId } : {}),
        },
      });
      setAssisted(view);
      void navigate(assistedPath(view.id));
    } catch (error) {
      if (error instanceof ApiClientError && error.fields.length) {
        setErrors(
          Object.fromEntries(
            error.fields.map((f) => [f.path.replace(/^resident\./, ''), f.message]),
          ) as Partial<Record<Field, string>>,
        );
      }
      setFailure(error);
    } finally {
      setBusy(false);
    }
  };

  const input = (field: Field, type: string, extra: Record<string, string> = {}) => (
    <div className={`field${errors[field] ? ' field--error' : ''}`}>
      <label className="label" htmlFor={`${id}-${field}`}>
        {t(`start.${field}`)}
      </label>
      <p className="hint" id={`${id}-${field}-hint`}>
        {t(`start.${field}Hint`)}
      </p>
      {errors[field] ? (
        <p className="field__error" id={`${id}-${field}-error`}>
          {errors[field]}
        </p>
      ) : null}
      <input
        id={`${id}-${field}`}
        className="input"
        type={type}
        value={values[field]}
        onChange={(e) => {
          setValues((v) => ({ ...v, [field]: e.target.value }));
          setErrors((list) => ({ ...list, [field]: undefined }));
        }}
        aria-invalid={errors[field] ? 'true' : undefined}
        aria-describedby={`${id}-${field}-hint${errors[field] ? ` ${id}-${field}-error` : ''}`}
        data-testid={`as-resident-${field}`}
        {...extra}
      />
    </div>
  );

  return (
    <form noValidate onSubmit={(e) => void submit(e)} aria-labelledby={`${id}-h`}>
      <h1 id={`${id}-h`} tabIndex={-1} ref={heading}>
        {t('start.stepResident')}
      </h1>
      <div className="as-chosen">
        <p className="caption">{t('start.chosen')}</p>
        <p className="as-chosen__name" data-testid="as-chosen">
          {chosen.name}
        </p>
        <button type="button" className="btn btn--quiet btn--small" onClick={onChange}>
          {t('start.change')}
        </button>
      </div>
      <p className="notice">{t('start.privacy')}</p>
      {input('fullName', 'text', { autoComplete: 'off' })}
      {input('phone', 'tel', { inputMode: 'tel', autoComplete: 'off' })}
      {input('citizenId', 'text', { inputMode: 'numeric', autoComplete: 'off', maxLength: '14' })}
      {failure && !(failure instanceof ApiClientError && failure.fields.length) ? (
        <ErrorMessage error={failure} />
      ) : null}
      <div className="button-row">
        <button
          type="submit"
          className="btn btn--primary btn--big"
          disabled={busy}
          data-testid="as-create"
        >
          {busy ? t('start.creating') : t('start.create')}
        </button>
      </div>
    </form>
  );
}
