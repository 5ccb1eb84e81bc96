import '../styles/procedures.css';
import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ErrorMessage } from '../components/error-message';
import { Loading } from '../components/loading';
import {
  mostUsedProcedures,
  type ProcedureSearch,
  type ProcedureSummary,
  pageSize,
  procedurePath,
  useProcedureFields,
  useProcedureSearch,
} from '../lib/procedures';
import { useDebouncedValue } from '../lib/use-debounced-value';
import { useDocumentTitle } from '../lib/use-document-title';

// URL parameters: Vietnamese words so that a shared address reads naturally.
const P = { q: 'q', level: 'cap', field: 'linh-vuc', online: 'truc-tuyen', page: 'trang' } as const;

function readSearch(params: URLSearchParams): ProcedureSearch {
  const level = params.get(P.level);
  const page = Number.parseInt(params.get(P.page) ?? '1', 10);
  return {
    q: params.get(P.q) ?? '',
    level: level === 'xa' || level === 'tinh' ? level : null,
    field: params.get(P.field) || null,
    online: params.get(P.online) === '1',
    page: Number.isFinite(page) && page > 0 ? page : 1,
  };
}

function toParams(search: ProcedureSearch): Record<string, string> {
  const out: Record<string, string> = {};
  if (search.q) out[P.q] = search.q;
  if (search.level) out[P.level] = search.level;
  if (search.field) out[P.field] = search.field;
  if (search.online) out[P.online] = '1';
  if (search.page > 1) out[P.page] = String(search.page);
  return out;
}

export function ProcedureSearchPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('procedures.title'));
  const id = useId();
  const [params, setParams] = useSearchParams();
  const search = readSearch(params);

  // Any change of the search or a filter starts again at page 1.
  function update(patch: Partial<ProcedureSearch>, replace = true) {
    setParams(toParams({ ...search, page: 1, ...patch }), { replace });
  }

  // Same pattern as the communes list: typed text is local, written to ?q= after a pause.
  const [text, setText] = useState(search.q);
  const debounced = useDebouncedValue(text.trim(), 400);
  const written = useRef(search.q);

  // biome-ignore lint/correctness/useExhaustiveDependencies: only a new debounced text writes ?q=
  useEffect(() => {
    if (debounced === written.current) return;
    written.current = debounced;
    update({ q: debounced });
  }, [debounced]);

  useEffect(() => {
    if (search.q === written.current) return;
    written.current = search.q;
    setText(search.q);
  }, [search.q]);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const value = text.trim();
    written.current = value;
    update({ q: value }, false);
  }

  const results = useProcedureSearch(search);
  const countRef = useRef<HTMLParagraphElement>(null);
  const shownPage = useRef(search.page);

  // Pages change only the query string, which the layout's focus handling ignores: move focus
  // to the count above the new page, as after a page load.
  useEffect(() => {
    if (search.page === shownPage.current) return;
    shownPage.current = search.page;
    countRef.current?.focus();
    countRef.current?.scrollIntoView({ block: 'start' });
  }, [search.page]);
  const fields = useProcedureFields();
  const stale = results.isPlaceholderData || text.trim() !== search.q;
  const activeFilters = [search.level, search.field, search.online || null].filter(
    (f) => f !== null,
  ).length;
  const filtered = activeFilters > 0;
  const [filtersOpen, setFiltersOpen] = useState(
    () => filtered || window.matchMedia('(min-width: 56rem)').matches,
  );
  const total = results.data?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / pageSize));

  const sortedFields = [...(fields.data?.items ?? [])].sort((a, b) =>
    a.field.localeCompare(b.field, 'vi'),
  );

  return (
    <>
      <h1>{t('procedures.heading')}</h1>
      <p className="lead proc-lead">{t('procedures.lead')}</p>

      <search className="big-search proc-search">
        <form action="/thu-tuc" method="get" onSubmit={onSubmit}>
          <label htmlFor={`${id}-q`} className="big-search__label">
            {t('procedures.searchLabel')}
          </label>
          <p id={`${id}-hint`} className="hint">
            {t('procedures.searchHint')}
          </p>
          <div className="big-search__row">
            <input
              id={`${id}-q`}
              type="search"
              name="q"
              className="input big-search__input"
              value={text}
              onChange={(e) => setText(e.target.value)}
              aria-describedby={`${id}-hint`}
              aria-controls={`${id}-results`}
              autoComplete="off"
              enterKeyHint="search"
              maxLength={200}
              data-testid="procedure-search-input"
            />
            <button type="submit" className="btn btn--primary big-search__button">
              {t('procedures.searchButton')}
            </button>
          </div>
          {text ? (
            <button
              type="button"
              className="btn btn--quiet btn--small proc-search__clear"
              onClick={() => {
                setText('');
                written.current = '';
                update({ q: '' });
              }}
            >
              {t('procedures.clear')}
            </button>
          ) : null}
        </form>
      </search>

      <div className="proc-layout">
        {/* Folded on phones so that results come right after the search box; always open on
            wide screens (procedures.css), and open when a filter is already in use. */}
        <details
          className="proc-filters-box"
          open={filtersOpen}
          onToggle={(e) => setFiltersOpen(e.currentTarget.open)}
        >
          <summary className="proc-filters-box__summary">
            {t('procedures.filters')}
            {activeFilters > 0
              ? ` (${t('procedures.activeFilters', { count: activeFilters })})`
              : ''}
          </summary>
          <fieldset className="proc-filters">
            <legend className="proc-filters__legend">{t('procedures.filters')}</legend>
            <div className="field">
              <label htmlFor={`${id}-level`} className="label">
                {t('procedures.level')}
              </label>
              <select
                id={`${id}-level`}
                className="select"
                value={search.level ?? ''}
                onChange={(e) =>
                  update({ level: (e.target.value || null) as 'xa' | 'tinh' | null })
                }
              >
                <option value="">{t('procedures.levelAll')}</option>
                <option value="xa">{t('procedures.levelXa')}</option>
                <option value="tinh">{t('procedures.levelTinh')}</option>
              </select>
            </div>
            <div className="field">
              <label htmlFor={`${id}-field`} className="label">
                {t('procedures.field')}
              </label>
              <select
                id={`${id}-field`}
                className="select"
                value={search.field ?? ''}
                onChange={(e) => update({ field: e.target.value || null })}
              >
                <option value="">{t('procedures.fieldAll')}</option>
                {/* A field from a shared link stays selectable even before /fields answers. */}
                {search.field && !sortedFields.some((f) => f.field === search.field) ? (
                  <option value={search.field}>{search.field}</option>
                ) : null}
                {sortedFields.map((f) => (
                  <option key={f.field} value={f.field}>
                    {t('procedures.fieldOption', { field: f.field, count: f.count })}
                  </option>
                ))}
              </select>
            </div>
            <label className="checkbox proc-filters__online">
              <input
                type="checkbox"
                checked={search.online}
                onChange={(e) => update({ online: e.target.checked })}
              />
              <span>{t('procedures.online')}</span>
            </label>
            {filtered ? (
              <p className="proc-filters__reset">
                <button
                  type="button"
                  className="btn btn--secondary btn--small"
                  onClick={() => update({ level: null, field: null, online: false })}
                >
                  {t('procedures.clearFilters')}
                </button>
              </p>
            ) : null}
          </fieldset>
        </details>

        <div id={`${id}-results`} className="results proc-results" aria-busy={stale}>
          <p
            ref={countRef}
            tabIndex={-1}
            className="results__count"
            role="status"
            data-testid="procedures-count"
          >
            {results.data
              ? search.q
                ? t('procedures.foundFor', { count: total, q: search.q })
                : t('procedures.found', { count: total })
              : results.isPending
                ? t('procedures.searching')
                : ''}
          </p>
          {results.isPending ? <Loading /> : null}
          {results.isError ? (
            <ErrorMessage error={results.error} onRetry={() => results.refetch()} />
          ) : null}
          {results.data && results.data.items.length === 0 ? (
            <EmptyResults
              q={search.q}
              filtered={filtered}
              onClearFilters={() => update({ level: null, field: null, online: false })}
            />
          ) : null}
          {results.data && results.data.items.length > 0 ? (
            <ul className={`proc-list${stale ? ' is-stale' : ''}`} data-testid="procedure-results">
              {results.data.items.map((p) => (
                <ProcedureCard key={p.code} procedure={p} />
              ))}
            </ul>
          ) : null}
          {results.data && pages > 1 ? (
            <Pagination
              page={Math.min(search.page, pages)}
              pages={pages}
              hrefFor={(page) =>
                `?${new URLSearchParams(toParams({ ...search, page })).toString()}`
              }
            />
          ) : null}
        </div>
      </div>
    </>
  );
}

function ProcedureCard({ procedure }: { procedure: ProcedureSummary }) {
  const { t } = useTranslation();
  return (
    <li className="proc-card">
      <Link to={procedurePath(procedure.code)} className="proc-card__link">
        {procedure.name}
      </Link>
      <p className="proc-card__meta">
        <span>{procedure.field}</span>
        <span aria-hidden="true"> · </span>
        <span className="nowrap">{t('procedures.code', { code: procedure.code })}</span>
      </p>
      <p className="proc-card__tags">
        {procedure.levels.map((level) => (
          <span key={level} className="tag tag--level">
            {t(`procedures.levels.${level}`)}
          </span>
        ))}
        {procedure.online ? <OnlineTag /> : null}
      </p>
    </li>
  );
}

export function OnlineTag() {
  const { t } = useTranslation();
  return (
    <span className="tag tag--online">
      <svg viewBox="0 0 24 24" width="14" height="14" aria-hidden="true" focusable="false">
        <path d="m5 12 5 5 9-10" fill="none" stroke="currentColor" strokeWidth="3" />
      </svg>
      {t('procedures.onlineBadge')}
    </span>
  );
}

function EmptyResults({
  q,
  filtered,
  onClearFilters,
}: {
  q: string;
  filtered: boolean;
  onClearFilters: () => void;
}) {
  const { t } = useTranslation();
  return (
    <div className="empty" data-testid="procedures-empty">
      <p className="empty__title">
        {q ? t('procedures.empty', { q }) : t('procedures.emptyFiltered')}
      </p>
      <ul>
        {q ? <li>{t('procedures.tipSpelling')}</li> : null}
        {q ? <li>{t('procedures.tipShorter')}</li> : null}
        {filtered ? <li>{t('procedures.tipFilters')}</li> : null}
      </ul>
      {filtered ? (
        <p>
          <button type="button" className="btn btn--secondary" onClick={onClearFilters}>
            {t('procedures.clearFilters')}
          </button>
        </p>
      ) : null}
      <p className="empty__title">{t('procedures.suggestions')}</p>
      <MostUsedList />
    </div>
  );
}

/** Links to the most used procedures (also on the home page). */
export function MostUsedList() {
  const { t } = useTranslation();
  return (
    <ul className="popular">
      {mostUsedProcedures.map((p) => (
        <li key={p.code}>
          <Link to={procedurePath(p.code)} className="popular__link">
            {t(`procedures.mostUsed.${p.key}`)}
          </Link>
        </li>
      ))}
    </ul>
  );
}

function Pagination({
  page,
  pages,
  hrefFor,
}: {
  page: number;
  pages: number;
  hrefFor: (page: number) => string;
}) {
  const { t } = useTranslation();
  // Real links: each page has its own address (Back works, a page can be shared or opened apart).
  return (
    <nav className="pager" aria-label={t('procedures.pagination')}>
      {page > 1 ? (
        <Link className="btn btn--secondary" to={hrefFor(page - 1)} rel="prev">
          ‹ {t('procedures.prev')}
        </Link>
      ) : (
        <span />
      )}
      <span className="pager__status">{t('procedures.pageOf', { page, pages })}</span>
      {page < pages ? (
        <Link className="btn btn--secondary" to={hrefFor(page + 1)} rel="next">
          {t('procedures.next')} ›
        </Link>
      ) : (
        <span />
      )}
    </nav>
  );
}
