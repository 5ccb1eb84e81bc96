import { type OfficerRole, permissions } from '@cqs/shared';
import { useId } from 'react';
import { Link, useSearchParams } from 'react-router';
import { ErrorMessage } from '../../components/error-message';
import { Loading } from '../../components/loading';
import { useDocumentTitle } from '../../lib/use-document-title';
import { useActiveUnit } from '../processing/use-active-unit';
import { useTk } from './i18n';
import { Pager, StatusIcon } from './task-status';
import { AssignedTable, BoardTable } from './task-tables';
import {
  priorities,
  statuses,
  type TaskAssignmentStatus,
  type TaskPriority,
  useAssignedTasks,
  useTaskBoard,
  useUnitsBelow,
} from './tasks-api';
import '../processing/processing.css';
import './tasks.css';

const pageSize = 20;
// The province's unit: its list of assigned tasks is the steering view of the whole province.
const PROVINCE_CODE = '66';

/** May the roles at the active unit do `action`? */
export function canAt(
  roles: readonly OfficerRole[] | undefined,
  action: 'tasks.assign' | 'tasks.read' | 'tasks.report',
) {
  return (roles ?? []).some((r) => (permissions[action] as readonly OfficerRole[]).includes(r));
}

/** "Nhiệm vụ": the unit's board (assigned to it) and what it assigned, in two tabs. */
export function TasksPage() {
  const { t } = useTk();
  useDocumentTitle(t('list.title'));
  const { unit } = useActiveUnit();
  const mayAssign = canAt(unit?.roles, 'tasks.assign');
  // A commune has no unit below it: no "assign" button that leads nowhere.
  const below = useUnitsBelow(mayAssign ? (unit?.unitCode ?? '') : '');
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') === 'assigned' ? 'assigned' : 'board';

  const set = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (!value) next.delete(key);
      else next.set(key, value);
    }
    if (!('page' in changes)) next.delete('page');
    setParams(next, { replace: true });
  };

  if (!unit) return <p className="notice notice--warning">{t('common.chooseUnit')}</p>;

  return (
    <div className="proc tk" data-testid="tk-list">
      <div className="proc-head">
        <div>
          <h1>{t('list.title')}</h1>
          <p className="lead">{t('list.lead', { unit: unit.unitName })}</p>
        </div>
        {mayAssign && (below.data?.length ?? 0) > 0 ? (
          <Link to="/can-bo/nhiem-vu/giao-moi" className="btn btn--primary" data-testid="tk-new">
            {t('list.assign')}
          </Link>
        ) : null}
      </div>
      <nav className="proc-tabs tk-tabs" aria-label={t('list.tabs')}>
        <Link
          to="/can-bo/nhiem-vu"
          className={`proc-tab${tab === 'board' ? ' is-active' : ''}`}
          aria-current={tab === 'board' ? 'page' : undefined}
          data-testid="tk-tab-board"
        >
          {t('list.tabBoard')}
        </Link>
        <Link
          to="/can-bo/nhiem-vu?tab=assigned"
          className={`proc-tab${tab === 'assigned' ? ' is-active' : ''}`}
          aria-current={tab === 'assigned' ? 'page' : undefined}
          data-testid="tk-tab-assigned"
        >
          {t('list.tabAssigned')}
        </Link>
      </nav>
      {tab === 'board' ? (
        <Board unitCode={unit.unitCode} params={params} set={set} />
      ) : (
        <Assigned unitCode={unit.unitCode} params={params} set={set} />
      )}
    </div>
  );
}

interface TabProps {
  unitCode: string;
  params: URLSearchParams;
  set: (changes: Record<string, string | null>) => void;
}

function pick<T extends string>(value: string | null, allowed: readonly T[]): T | undefined {
  return (allowed as readonly string[]).includes(value ?? '') ? (value as T) : undefined;
}

function PriorityFilter({ id, value, set }: { id: string; value: string; set: TabProps['set'] }) {
  const { t } = useTk();
  return (
    <div className="field">
      <label className="label" htmlFor={id}>
        {t('list.priority')}
      </label>
      <select
        id={id}
        className="select"
        value={value}
        onChange={(e) => set({ priority: e.target.value })}
        data-testid="tk-filter-priority"
      >
        <option value="">{t('list.allPriorities')}</option>
        {priorities.map((p) => (
          <option key={p} value={p}>
            {t(`priority.${p}`)}
          </option>
        ))}
      </select>
    </div>
  );
}

function Board({ unitCode, params, set }: TabProps) {
  const { t } = useTk();
  const id = useId();
  const status = pick<TaskAssignmentStatus>(params.get('status'), statuses);
  const priority = pick<TaskPriority>(params.get('priority'), priorities);
  const escalated = params.get('escalated') === 'true' ? 'true' : undefined;
  const page = Math.max(1, Number(params.get('page')) || 1);
  const board = useTaskBoard({ unitCode, status, priority, escalated, page, pageSize });
  const total = board.data?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / pageSize));

  return (
    <>
      <fieldset className="proc-chips">
        <legend className="visually-hidden">{t('list.status')}</legend>
        <button
          type="button"
          className={`chip${status === undefined ? ' is-active' : ''}`}
          aria-pressed={status === undefined}
          onClick={() => set({ status: null })}
          data-testid="tk-status-all"
        >
          {t('list.allStatuses')}
        </button>
        {statuses.map((s) => (
          <button
            key={s}
            type="button"
            className={`chip${status === s ? ' is-active' : ''}`}
            aria-pressed={status === s}
            onClick={() => set({ status: s })}
            data-testid={`tk-status-${s}`}
          >
            <StatusIcon status={s} /> {t(`status.${s}`)}
          </button>
        ))}
      </fieldset>
      <div className="proc-filters tk-filters">
        <PriorityFilter id={`${id}-priority`} value={priority ?? ''} set={set} />
        <label className="tk-check">
          <input
            type="checkbox"
            checked={escalated === 'true'}
            onChange={(e) => set({ escalated: e.target.checked ? 'true' : null })}
            data-testid="tk-filter-escalated"
          />{' '}
          {t('list.escalatedOnly')}
        </label>
      </div>
      <p className="proc-count" role="status" aria-live="polite">
        {board.data ? t('list.totalBoard', { count: total }) : ''}
      </p>
      {board.isPending ? (
        <Loading />
      ) : board.isError ? (
        <ErrorMessage error={board.error} onRetry={() => board.refetch()} />
      ) : board.data.items.length === 0 ? (
        <p className="empty" data-testid="tk-empty">
          {t('list.emptyBoard')}
        </p>
      ) : (
        <BoardTable items={board.data.items} />
      )}
      <Pager page={page} pages={pages} onPage={(p) => set({ page: String(p) })} />
    </>
  );
}

function Assigned({ unitCode, params, set }: TabProps) {
  const { t } = useTk();
  const id = useId();
  const state = pick<'active' | 'cancelled'>(params.get('state'), ['active', 'cancelled']);
  const priority = pick<TaskPriority>(params.get('priority'), priorities);
  const page = Math.max(1, Number(params.get('page')) || 1);
  const list = useAssignedTasks({ unitCode, state, priority, page, pageSize });
  const total = list.data?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / pageSize));

  return (
    <>
      {unitCode === PROVINCE_CODE ? (
        <p className="notice tk-steering" data-testid="tk-steering">
          {t('list.steering')}
        </p>
      ) : null}
      <div className="proc-filters tk-filters">
        <div className="field">
          <label className="label" htmlFor={`${id}-state`}>
            {t('list.state')}
          </label>
          <select
            id={`${id}-state`}
            className="select"
            value={state ?? ''}
            onChange={(e) => set({ state: e.target.value })}
            data-testid="tk-filter-state"
          >
            <option value="">{t('list.allStates')}</option>
            <option value="active">{t('list.active')}</option>
            <option value="cancelled">{t('list.cancelled')}</option>
          </select>
        </div>
        <PriorityFilter id={`${id}-priority`} value={priority ?? ''} set={set} />
      </div>
      <p className="proc-count" role="status" aria-live="polite">
        {list.data ? t('list.totalAssigned', { count: total }) : ''}
      </p>
      {list.isPending ? (
        <Loading />
      ) : list.isError ? (
        <ErrorMessage error={list.error} onRetry={() => list.refetch()} />
      ) : list.data.items.length === 0 ? (
        <p className="empty" data-testid="tk-empty">
          {t('list.emptyAssigned')}
        </p>
      ) : (
        <AssignedTable items={list.data.items} />
      )}
      <Pager page={page} pages={pages} onPage={(p) => set({ page: String(p) })} />
    </>
  );
}
