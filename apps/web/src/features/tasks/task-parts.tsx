import type { StoredFile } from '@cqs/shared';
import { dayToText, formatDateTime, formatSize } from '../processing/format';
import { useActiveUnit } from '../processing/use-active-unit';
import { useTk } from './i18n';
import { Day, ProgressBar, StatusTag } from './task-status';
import type { TaskDetail, TaskEvent } from './tasks-api';

export function FileList({ files, testId }: { files: StoredFile[]; testId?: string }) {
  return (
    <ul className="tk-files" data-testid={testId}>
      {files.map((f) => (
        <li key={f.id}>
          {/* Officers read task files through the files API, which checks who may see them. */}
          <a href={`/api/files/${encodeURIComponent(f.id)}`} target="_blank" rel="noopener">
            {f.name}
          </a>{' '}
          <span className="muted">({formatSize(f.size)})</span>
        </li>
      ))}
    </ul>
  );
}

/** One row per assignee unit the viewer may see: status, deadline, percent, last report. */
export function AssignmentsTable({ task }: { task: TaskDetail }) {
  const { t } = useTk();
  const activeCode = useActiveUnit().unit?.unitCode;
  return (
    <section className="ws-section" aria-labelledby="tk-assignments-h">
      <h2 id="tk-assignments-h">{t('detail.assignments')}</h2>
      <table className="proc-table tk-table" data-testid="tk-assignments">
        <caption className="visually-hidden">{t('detail.assignmentsCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('list.col.assignee')}</th>
            <th scope="col">{t('list.col.status')}</th>
            <th scope="col">{t('list.col.deadline')}</th>
            <th scope="col">{t('list.col.progress')}</th>
          </tr>
        </thead>
        <tbody>
          {task.assignments.map((a) => (
            <tr
              key={a.id}
              data-testid="tk-assignment-row"
              data-unit={a.unit.code}
              data-status={a.status}
            >
              <th scope="row" data-label={t('list.col.assignee')}>
                {a.unit.name}
                {a.unit.code === activeCode ? (
                  <span className="proc-sub">{t('detail.yourUnit')}</span>
                ) : null}
              </th>
              <td data-label={t('list.col.status')}>
                <StatusTag status={a.status} />
                {a.completedAt ? (
                  <span className="proc-sub">
                    {t('detail.completedAt', { at: formatDateTime(a.completedAt) })}
                  </span>
                ) : null}
                {a.escalatedTo ? (
                  <span className="proc-sub" data-testid="tk-escalated">
                    {t('detail.escalatedTo', {
                      unit: a.escalatedTo.name,
                      at: a.escalatedAt ? formatDateTime(a.escalatedAt) : '',
                    })}
                  </span>
                ) : null}
              </td>
              <td data-label={t('list.col.deadline')}>
                <Day day={a.deadline} />
                {a.pendingExtension ? (
                  <span className="proc-sub">
                    {t('detail.extensionLine', {
                      from: dayToText(a.pendingExtension.previousDeadline),
                      to: dayToText(a.pendingExtension.deadline),
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
    </section>
  );
}

interface Entry {
  event: TaskEvent;
  unit: string | null;
}

/** Every event the viewer may see, task-level and per unit, oldest first, each with its unit. */
export function TaskTimeline({ task }: { task: TaskDetail }) {
  const { t } = useTk();
  const entries: Entry[] = [
    ...task.timeline.map((event) => ({ event, unit: null })),
    ...task.assignments.flatMap((a) => a.timeline.map((event) => ({ event, unit: a.unit.name }))),
  ].sort((x, y) => x.event.at.localeCompare(y.event.at) || x.event.id - y.event.id);
  return (
    <section className="ws-section" aria-labelledby="tk-timeline-h">
      <h2 id="tk-timeline-h">{t('detail.timeline')}</h2>
      <ol className="timeline ws-timeline" data-testid="tk-timeline">
        {entries.map(({ event: e, unit }) => (
          <li key={e.id} className="timeline__item" data-kind={e.kind}>
            <p className="timeline__when">
              <time dateTime={e.at}>{formatDateTime(e.at)}</time> ·{' '}
              {e.actorName ?? t('detail.system')}
              {unit ? ` · ${unit}` : ''}
            </p>
            <p className="timeline__what">
              <strong>{t(`event.${e.kind}`)}</strong>
              {e.percent !== null && e.kind === 'progress'
                ? ` — ${t('event.percent', { percent: e.percent })}`
                : ''}
              {e.deadline ? ` — ${t('event.newDeadline', { day: dayToText(e.deadline) })}` : ''}
            </p>
            {e.text && e.kind !== 'created' ? (
              <p className="timeline__note fbo-text">{e.text}</p>
            ) : null}
            {e.files.length ? <FileList files={e.files} /> : null}
          </li>
        ))}
      </ol>
    </section>
  );
}
