import { type OfficerRole, permissions } from '@cqs/shared';
import { useId } from 'react';
import { NavLink, useSearchParams } from 'react-router';
import { ErrorMessage } from '../../components/error-message';
import { Loading } from '../../components/loading';
import { useSession } from '../../lib/session';
import { useDocumentTitle } from '../../lib/use-document-title';
import { BandIcon } from '../processing/band-icon';
import { useActiveUnit } from '../processing/use-active-unit';
import type { FeedbackBand } from './feedback-officer-api';
import { useFeedbackInbox } from './feedback-officer-api';
import { useF } from './i18n';
import { InboxTable, Pager } from './inbox-table';
import { useNames } from './report-page';
import '../processing/processing.css';
import './feedback-officer.css';

const pageSize = 20;
const states = [
  'open',
  'submitted',
  'assigned',
  'in_progress',
  'info_requested',
  'closed',
  'resolved',
  'rejected',
] as const;
const bands: FeedbackBand[] = ['overdue', 'due_soon', 'on_time', 'paused', 'done'];
const bandIcon = {
  overdue: 'overdue',
  due_soon: 'due_soon',
  on_time: 'within',
  paused: 'paused',
  done: 'done',
} as const;

/** Tabs between the unit's inbox and the triage queue (the latter for feedback handlers). */
export function FeedbackTabs() {
  const { t } = useF();
  const { officer } = useSession();
  const handles = officer?.grants.some((g) =>
    (permissions['feedback.handle'] as readonly OfficerRole[]).includes(g.role),
  );
  return (
    <nav className="proc-tabs fbo-tabs" aria-label={t('inbox.tabs')}>
      <NavLink to="/can-bo/phan-anh" end className="proc-tab" data-testid="fb-tab-inbox">
        {t('inbox.tabInbox')}
      </NavLink>
      {handles ? (
        <NavLink to="/can-bo/phan-anh/phan-loai" className="proc-tab" data-testid="fb-tab-triage">
          {t('inbox.tabTriage')}
        </NavLink>
      ) : null}
    </nav>
  );
}

/** "Phản ánh, kiến nghị": the active unit's reports by deadline, with filters and paging. */
export function FeedbackInboxPage() {
  const { t } = useF();
  useDocumentTitle(t('inbox.title'));
  const { unit } = useActiveUnit();
  const id = useId();
  const [params, setParams] = useSearchParams();
  const names = useNames();
  const state = (states as readonly string[]).includes(params.get('state') ?? '')
    ? (params.get('state') as string)
    : '';
  const band = (bands as string[]).includes(params.get('band') ?? '') ? params.get('band')! : '';
  const category = params.get('category') ?? '';
  const page = Math.max(1, Number(params.get('page')) || 1);

  const set = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (!value) next.delete(key);
      else next.set(key, value);
    }
    if (!('page' in changes)) next.delete('page');
    setParams(next, { replace: true });
  };

  const inbox = useFeedbackInbox({
    unitCode: unit?.unitCode ?? '',
    state: state || undefined,
    band: band || undefined,
    category: category || undefined,
    page,
    pageSize,
  });

  if (!unit) return <p className="notice notice--warning">{t('common.chooseUnit')}</p>;

  const items = inbox.data?.items ?? [];
  const total = inbox.data?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / pageSize));

  return (
    <div className="proc fbo" data-testid="fb-inbox">
      <h1>{t('inbox.title')}</h1>
      <p className="lead">{t('inbox.lead', { unit: unit.unitName })}</p>
      <FeedbackTabs />

      <fieldset className="proc-chips">
        <legend className="visually-hidden">{t('inbox.band')}</legend>
        <button
          type="button"
          className={`chip chip--all${band === '' ? ' is-active' : ''}`}
          aria-pressed={band === ''}
          onClick={() => set({ band: null })}
          data-testid="fb-band-all"
        >
          {t('inbox.allBands')}
        </button>
        {bands.map((b) => (
          <button
            key={b}
            type="button"
            className={`chip chip--${bandIcon[b]}${band === b ? ' is-active' : ''}`}
            aria-pressed={band === b}
            onClick={() => set({ band: b })}
            data-testid={`fb-band-${b}`}
          >
            <BandIcon band={bandIcon[b]} />
            {t(`band.${b}`)}
          </button>
        ))}
      </fieldset>

      <div className="proc-filters">
        <div className="field">
          <label className="label" htmlFor={`${id}-state`}>
            {t('inbox.state')}
          </label>
          <select
            id={`${id}-state`}
            className="select"
            value={state}
            onChange={(e) => set({ state: e.target.value })}
            data-testid="fb-filter-state"
          >
            <option value="">{t('inbox.allStates')}</option>
            {states.map((s) => (
              <option key={s} value={s}>
                {s === 'open' || s === 'closed' ? t(`inbox.${s}`) : t(`state.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label className="label" htmlFor={`${id}-cat`}>
            {t('inbox.category')}
          </label>
          <select
            id={`${id}-cat`}
            className="select"
            value={category}
            onChange={(e) => set({ category: e.target.value })}
            data-testid="fb-filter-category"
          >
            <option value="">{t('inbox.allCategories')}</option>
            {names.categories
              .filter((c) => !c.parentCode)
              .map((c) => (
                <option key={c.code} value={c.code}>
                  {c.nameVi}
                </option>
              ))}
          </select>
        </div>
      </div>

      <p className="proc-count" role="status" aria-live="polite">
        {inbox.data ? t('inbox.total', { count: total }) : ''}
      </p>

      {inbox.isPending ? (
        <Loading />
      ) : inbox.isError ? (
        <ErrorMessage error={inbox.error} onRetry={() => inbox.refetch()} />
      ) : items.length === 0 ? (
        <p className="empty" data-testid="fb-empty">
          {t('inbox.empty')}
        </p>
      ) : (
        <InboxTable
          items={items}
          unitName={names.unitName}
          categoryName={names.categoryName}
          testId="fb-inbox-table"
        />
      )}
      <Pager page={page} pages={pages} onPage={(p) => set({ page: String(p) })} />
    </div>
  );
}
