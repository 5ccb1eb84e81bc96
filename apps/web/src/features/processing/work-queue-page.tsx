import { useEffect, useId, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { ErrorMessage } from '../../components/error-message';
import { Loading } from '../../components/loading';
import { useDebouncedValue } from '../../lib/use-debounced-value';
import { useDocumentTitle } from '../../lib/use-document-title';
import { AssignPanel } from './assign-panel';
import { BandTag, DueText, useOffDays } from './band';
import { BandIcon } from './band-icon';
import { useP } from './i18n';
import { LogbookDownload } from './logbook';
import {
  type BandFilter,
  type Scope,
  useWorkQueue,
  type WorkQueue,
  type WorkQueueItem,
} from './processing-api';
import { useActiveUnit } from './use-active-unit';
import './processing.css';

const pageSize = 50;
const bands: BandFilter[] = ['all', 'overdue', 'due_soon', 'within', 'paused'];
const statusCodes = [1, 2, 4, 5, 6, 7, 8, 9, 10, 3] as const;

function countOf(counts: WorkQueue['counts'] | undefined, band: BandFilter): number | null {
  if (!counts) return null;
  if (band === 'all') return counts.overdue + counts.dueSoon + counts.within + counts.paused;
  return band === 'due_soon' ? counts.dueSoon : counts[band];
}

/** "Hồ sơ cần xử lý": the unit's (or my) dossiers by deadline band, with bulk assignment. */
export function WorkQueuePage() {
  const { t } = useP();
  useDocumentTitle(t('queue.title'));
  const { unit } = useActiveUnit();
  const [params, setParams] = useSearchParams();
  const id = useId();

  const isLeader = unit?.roles.includes('unit_leader') ?? false;
  const defaultScope: Scope = unit?.roles.includes('specialist') && !isLeader ? 'mine' : 'unit';
  const scopeParam = params.get('scope');
  const scope: Scope = scopeParam === 'mine' || scopeParam === 'unit' ? scopeParam : defaultScope;
  const band = (bands as string[]).includes(params.get('band') ?? '')
    ? (params.get('band') as BandFilter)
    : 'all';
  const statusParam = Number(params.get('status'));
  const status = statusParam >= 1 && statusParam <= 10 ? statusParam : undefined;
  const page = Math.max(1, Number(params.get('page')) || 1);
  const [text, setText] = useState(params.get('q') ?? '');
  const q = useDebouncedValue(text.trim(), 350);
  const [selected, setSelected] = useState<Map<string, WorkQueueItem>>(new Map());

  const set = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value === null || value === '') next.delete(key);
      else next.set(key, value);
    }
    if (!('page' in changes)) next.delete('page');
    setParams(next, { replace: true });
  };

  // The search box writes to the URL once the officer stops typing.
  // biome-ignore lint/correctness/useExhaustiveDependencies: only the debounced text drives this
  useEffect(() => {
    if ((params.get('q') ?? '') !== q) set({ q });
  }, [q]);

  const queue = useWorkQueue({
    unitCode: unit?.unitCode ?? '',
    scope,
    band,
    statusCode: status,
    q: q || undefined,
    limit: pageSize,
    offset: (page - 1) * pageSize,
  });
  const items = queue.data?.items ?? [];
  const offDays = useOffDays(items.map((i) => i.dueAt));

  if (!unit) return <p className="notice notice--warning">{t('common.chooseUnit')}</p>;

  const toggle = (item: WorkQueueItem, on: boolean) =>
    setSelected((prev) => {
      const next = new Map(prev);
      if (on) next.set(item.id, item);
      else next.delete(item.id);
      return next;
    });
  const allOnPage = items.length > 0 && items.every((i) => selected.has(i.id));
  const total = queue.data?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / pageSize));

  return (
    <div className="proc" data-testid="work-queue">
      <h1>{t('queue.title')}</h1>
      <p className="lead">{t('queue.lead', { unit: unit.unitName })}</p>

      <fieldset className="proc-tabs">
        <legend className="visually-hidden">{t('queue.scopeLabel')}</legend>
        {(['mine', 'unit'] as const).map((s) => (
          <button
            key={s}
            type="button"
            className={`proc-tab${scope === s ? ' is-active' : ''}`}
            aria-pressed={scope === s}
            onClick={() => set({ scope: s })}
            data-testid={`scope-${s}`}
          >
            {t(`queue.scope.${s}`)}
          </button>
        ))}
      </fieldset>

      <fieldset className="proc-chips">
        <legend className="visually-hidden">{t('queue.bandLabel')}</legend>
        {bands.map((b) => {
          const count = countOf(queue.data?.counts, b);
          return (
            <button
              key={b}
              type="button"
              className={`chip chip--${b}${band === b ? ' is-active' : ''}`}
              aria-pressed={band === b}
              onClick={() => set({ band: b === 'all' ? null : b })}
              data-testid={`band-${b}`}
            >
              {b === 'all' ? null : <BandIcon band={b} />}
              {t(`band.${b}`)}
              {count === null ? null : <span className="chip__count"> ({count})</span>}
            </button>
          );
        })}
      </fieldset>

      <div className="proc-filters">
        <div className="field">
          <label className="label" htmlFor={`${id}-q`}>
            {t('queue.search')}
          </label>
          <input
            id={`${id}-q`}
            type="search"
            className="input"
            value={text}
            onChange={(e) => setText(e.target.value)}
            placeholder={t('queue.searchPlaceholder')}
            data-testid="queue-search"
          />
        </div>
        <div className="field">
          <label className="label" htmlFor={`${id}-status`}>
            {t('queue.status')}
          </label>
          <select
            id={`${id}-status`}
            className="select"
            value={status ?? ''}
            onChange={(e) => set({ status: e.target.value || null })}
            data-testid="queue-status"
          >
            <option value="">{t('queue.allStatuses')}</option>
            {statusCodes.map((code) => (
              <option key={code} value={code}>
                {t(`status.${code}`)}
              </option>
            ))}
          </select>
        </div>
      </div>

      {/* Only a unit leader assigns (workflow action "assign"); others see no checkboxes. */}
      {isLeader ? (
        <AssignPanel
          unitCode={unit.unitCode}
          selected={[...selected.values()]}
          onDone={(okIds) =>
            setSelected((prev) => {
              const next = new Map(prev);
              for (const okId of okIds) next.delete(okId);
              return next;
            })
          }
          onClear={() => setSelected(new Map())}
        />
      ) : null}

      <p className="proc-count" role="status" aria-live="polite">
        {queue.isFetching && !queue.data ? '' : t('queue.total', { count: total })}
      </p>

      {queue.isPending ? (
        <Loading />
      ) : queue.isError ? (
        <ErrorMessage error={queue.error} onRetry={() => queue.refetch()} />
      ) : items.length === 0 ? (
        <p className="empty" data-testid="queue-empty">
          {t('queue.empty')}
        </p>
      ) : (
        <table className="proc-table" data-testid="queue-table">
          <caption className="visually-hidden">{t('queue.caption')}</caption>
          <thead>
            <tr>
              {isLeader ? (
                <th scope="col" className="proc-table__check">
                  <label className="checkbox">
                    <input
                      type="checkbox"
                      checked={allOnPage}
                      onChange={(e) => {
                        for (const item of items) toggle(item, e.target.checked);
                      }}
                    />
                    <span className="proc-selectall">{t('queue.selectAll')}</span>
                  </label>
                </th>
              ) : null}
              <th scope="col">{t('queue.col.code')}</th>
              <th scope="col">{t('queue.col.procedure')}</th>
              <th scope="col">{t('queue.col.applicant')}</th>
              <th scope="col">{t('queue.col.status')}</th>
              <th scope="col">{t('queue.col.due')}</th>
              <th scope="col">{t('queue.col.assignee')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((item) => (
              <tr key={item.id} data-testid="queue-row">
                {isLeader ? (
                  <td className="proc-table__check">
                    <label className="checkbox">
                      <input
                        type="checkbox"
                        checked={selected.has(item.id)}
                        onChange={(e) => toggle(item, e.target.checked)}
                      />
                      <span className="visually-hidden">
                        {t('queue.select', { code: item.code ?? item.reference })}
                      </span>
                    </label>
                  </td>
                ) : null}
                <td data-label={t('queue.col.code')}>
                  <Link to={`/can-bo/ho-so/${item.id}`} className="proc-code">
                    {item.code ?? item.reference}
                  </Link>
                </td>
                <td data-label={t('queue.col.procedure')}>{item.procedureName}</td>
                <td data-label={t('queue.col.applicant')}>
                  {item.applicantName}
                  {item.applicantCitizenIdMasked ? (
                    <span className="proc-sub">{item.applicantCitizenIdMasked}</span>
                  ) : null}
                </td>
                <td data-label={t('queue.col.status')}>
                  {t(`status.${item.statusCode}` as 'status.1', item.statusLabel)}
                  {item.step ? (
                    <span className="proc-sub">
                      {t(`step.${item.step}` as 'step.appraisal', item.step)}
                    </span>
                  ) : null}
                </td>
                <td data-label={t('queue.col.due')}>
                  <BandTag band={item.band} />
                  <DueText dueAt={item.dueAt} band={item.band} {...offDays} />
                </td>
                <td data-label={t('queue.col.assignee')}>
                  {item.assignee?.name ?? <span className="muted">{t('queue.unassigned')}</span>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      {pages > 1 ? (
        <nav className="proc-pager" aria-label={t('queue.pager')}>
          <button
            type="button"
            className="btn btn--secondary btn--small"
            disabled={page <= 1}
            onClick={() => set({ page: String(page - 1) })}
          >
            {t('queue.prev')}
          </button>
          <span>{t('queue.page', { page, pages })}</span>
          <button
            type="button"
            className="btn btn--secondary btn--small"
            disabled={page >= pages}
            onClick={() => set({ page: String(page + 1) })}
          >
            {t('queue.next')}
          </button>
        </nav>
      ) : null}

      <LogbookDownload unitCode={unit.unitCode} />
    </div>
  );
}
