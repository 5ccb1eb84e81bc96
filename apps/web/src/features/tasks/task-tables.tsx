import { Link } from 'react-router';
import { formatDateTime } from '../processing/format';
import { useActiveUnit } from '../processing/use-active-unit';
import { useTk } from './i18n';
import { Day, PriorityTag, ProgressBar, StatusIcon, StatusTag } from './task-status';
import { statuses, type TaskAssignmentListItem, type TaskSummary } from './tasks-api';

const taskPath = (id: string) => `/can-bo/nhiem-vu/${encodeURIComponent(id)}`;

/** The unit's board: one row per assignment, open ones first and the nearest deadline first. */
export function BoardTable({ items }: { items: TaskAssignmentListItem[] }) {
  const { t } = useTk();
  const { unit } = useActiveUnit();
  return (
    <table className="proc-table tk-table" data-testid="tk-board">
      <caption className="visually-hidden">{t('list.captionBoard')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('list.col.task')}</th>
          <th scope="col">{t('list.col.from')}</th>
          <th scope="col">{t('list.col.priority')}</th>
          <th scope="col">{t('list.col.deadline')}</th>
          <th scope="col">{t('list.col.status')}</th>
          <th scope="col">{t('list.col.progress')}</th>
        </tr>
      </thead>
      <tbody>
        {items.map((a) => (
          <tr
            key={a.id}
            data-testid="tk-board-row"
            data-reference={a.task.reference}
            data-status={a.status}
          >
            <td data-label={t('list.col.task')}>
              <Link to={taskPath(a.task.id)} className="tk-title">
                {a.task.title}
              </Link>
              <span className="proc-sub">
                <span className="proc-code">{a.task.reference}</span>
                {unit && a.unit.code !== unit.unitCode ? ` · ${a.unit.name}` : ''}
              </span>
            </td>
            <td data-label={t('list.col.from')}>{a.task.fromUnit.name}</td>
            <td data-label={t('list.col.priority')}>
              <PriorityTag priority={a.task.priority} />
            </td>
            <td data-label={t('list.col.deadline')}>
              <Day day={a.deadline} />
              {a.pendingExtension ? (
                <span className="proc-sub">{t('list.extensionPending')}</span>
              ) : null}
            </td>
            <td data-label={t('list.col.status')}>
              <StatusTag status={a.status} />
              {a.escalatedTo ? (
                <span className="proc-sub">
                  {t('detail.escalatedTo', {
                    unit: a.escalatedTo.name,
                    at: a.escalatedAt ? formatDateTime(a.escalatedAt) : '',
                  })}
                </span>
              ) : null}
            </td>
            <td data-label={t('list.col.progress')}>
              <ProgressBar percent={a.percent} />
              <span className="proc-sub">
                {a.lastReportAt
                  ? t('list.lastReport', { at: formatDateTime(a.lastReportAt) })
                  : t('list.noReport')}
              </span>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** What the unit assigned, newest first, with how many assignee units are in each status. */
export function AssignedTable({ items }: { items: TaskSummary[] }) {
  const { t } = useTk();
  return (
    <table className="proc-table tk-table" data-testid="tk-assigned">
      <caption className="visually-hidden">{t('list.captionAssigned')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('list.col.task')}</th>
          <th scope="col">{t('list.col.from')}</th>
          <th scope="col">{t('list.col.priority')}</th>
          <th scope="col">{t('list.col.deadline')}</th>
          <th scope="col">{t('list.col.counts')}</th>
        </tr>
      </thead>
      <tbody>
        {items.map((task) => (
          <tr key={task.id} data-testid="tk-assigned-row" data-reference={task.reference}>
            <td data-label={t('list.col.task')}>
              <Link to={taskPath(task.id)} className="tk-title">
                {task.title}
              </Link>
              <span className="proc-sub">
                <span className="proc-code">{task.reference}</span> ·{' '}
                {formatDateTime(task.createdAt)}
              </span>
            </td>
            <td data-label={t('list.col.from')}>{task.fromUnit.name}</td>
            <td data-label={t('list.col.priority')}>
              <PriorityTag priority={task.priority} />
            </td>
            <td data-label={t('list.col.deadline')}>
              <Day day={task.deadline} />
            </td>
            <td data-label={t('list.col.counts')}>
              <span className="tk-units">{t('list.units', { count: task.assignmentCount })}</span>
              <ul className="tk-counts" data-testid="tk-counts">
                {statuses
                  .filter((s) => task.counts[s] > 0)
                  .map((s) => (
                    <li key={s} className={`tk-count tk-status--${s}`} data-status={s}>
                      <StatusIcon status={s} /> {t(`status.${s}`)}:{' '}
                      <strong>{task.counts[s]}</strong>
                    </li>
                  ))}
              </ul>
              {task.escalatedCount > 0 ? (
                <span className="proc-sub">
                  {t('list.escalatedCount', { count: task.escalatedCount })}
                </span>
              ) : null}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
