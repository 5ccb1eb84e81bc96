import type { UnitSummary } from '@cqs/shared';
import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ErrorMessage } from '../components/error-message';
import { Loading } from '../components/loading';
import { unitTypeKey, useCommunes } from '../lib/units';
import { useDebouncedValue } from '../lib/use-debounced-value';
import { useDocumentTitle } from '../lib/use-document-title';

export function UnitsPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('units.title'));
  const id = useId();
  const [params, setParams] = useSearchParams();
  const urlQ = params.get('q') ?? '';

  // The input is local state; after a pause it is written to ?q= (which drives the query), so
  // the address can be shared and Back works. A change of ?q= from elsewhere updates the input.
  const [text, setText] = useState(urlQ);
  const debounced = useDebouncedValue(text.trim(), 300);
  const written = useRef(urlQ);

  useEffect(() => {
    if (debounced === written.current) return;
    written.current = debounced;
    setParams(debounced ? { q: debounced } : {}, { replace: true });
  }, [debounced, setParams]);

  useEffect(() => {
    if (urlQ === written.current) return;
    written.current = urlQ;
    setText(urlQ);
  }, [urlQ]);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const value = text.trim();
    written.current = value;
    setParams(value ? { q: value } : {}, { replace: true });
  }

  const units = useCommunes(urlQ);
  const stale = units.isPlaceholderData || text.trim() !== urlQ;

  return (
    <>
      <h1>{t('units.heading')}</h1>
      <p className="lead">{t('units.lead')}</p>
      <p>
        <Link to="/mot-xa-mot-kol">{t('units.showcaseLink')}</Link>
      </p>

      <search className="search">
        <form onSubmit={onSubmit}>
          <label htmlFor={`${id}-q`} className="label">
            {t('units.searchLabel')}
          </label>
          <p id={`${id}-hint`} className="hint">
            {t('units.searchHint')}
          </p>
          <div className="search__row">
            <input
              id={`${id}-q`}
              type="search"
              name="q"
              className="input"
              value={text}
              onChange={(e) => setText(e.target.value)}
              aria-describedby={`${id}-hint`}
              aria-controls={`${id}-results`}
              autoComplete="off"
              enterKeyHint="search"
              maxLength={100}
            />
            {text ? (
              <button
                type="button"
                className="btn btn--secondary"
                onClick={() => {
                  setText('');
                  written.current = '';
                  setParams({}, { replace: true });
                }}
              >
                {t('units.clear')}
              </button>
            ) : null}
          </div>
        </form>
      </search>

      <div id={`${id}-results`} className="results" aria-busy={stale}>
        <p className="results__count" role="status" data-testid="units-count">
          {units.data
            ? t('units.found', { count: units.data.total })
            : units.isPending
              ? t('units.searching')
              : ''}
        </p>
        {units.isPending ? <Loading /> : null}
        {units.isError ? (
          <ErrorMessage error={units.error} onRetry={() => units.refetch()} />
        ) : null}
        {units.data && units.data.items.length === 0 ? (
          <div className="empty" data-testid="units-empty">
            <p className="empty__title">{t('units.empty', { q: urlQ })}</p>
            <p>{t('units.emptyHint')}</p>
          </div>
        ) : null}
        {units.data && units.data.items.length > 0 ? (
          <ul className={`unit-list${stale ? ' is-stale' : ''}`}>
            {units.data.items.map((unit) => (
              <UnitItem key={unit.code} unit={unit} />
            ))}
          </ul>
        ) : null}
      </div>
    </>
  );
}

function UnitItem({ unit }: { unit: UnitSummary }) {
  const { t } = useTranslation();
  return (
    <li className="unit-list__item">
      <Link to={`/xa-phuong/${encodeURIComponent(unit.code)}`} className="unit-list__link">
        <span className="unit-list__name">{unit.fullName}</span>
        <span className="unit-list__meta">
          {t(unitTypeKey(unit.type), { type: unit.type })}
          <span aria-hidden="true"> · </span>
          {t('unit.code')} {unit.code}
        </span>
        <svg
          className="unit-list__chevron"
          viewBox="0 0 24 24"
          width="20"
          height="20"
          aria-hidden="true"
          focusable="false"
        >
          <path d="m9 5 7 7-7 7" fill="none" stroke="currentColor" strokeWidth="2.5" />
        </svg>
      </Link>
    </li>
  );
}
