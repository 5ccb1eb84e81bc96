import { dayToText } from '../processing/format';
import { useTk } from './i18n';
import type { TaskAssignmentStatus, TaskPriority } from './tasks-api';

// Inline icons (no icon font): they repeat the words and are hidden from screen readers.
const paths: Record<TaskAssignmentStatus, string> = {
  in_progress:
    'M8 1a7 7 0 1 1 0 14A7 7 0 0 1 8 1Zm0 1.8a5.2 5.2 0 1 0 0 10.4A5.2 5.2 0 0 0 8 2.8Zm-.9 1.7h1.8v3.2l2.4 1.6-1 1.5-3.2-2.1V4.5Z',
  overdue: 'M8 1.5 15 14H1L8 1.5Zm-.9 4.5v4h1.8V6H7.1Zm0 5.2V13h1.8v-1.8H7.1Z',
  done_on_time: 'M6.3 11.6 2.4 7.7l1.3-1.3 2.6 2.6 6-6 1.3 1.3-7.3 7.3Z',
  // A tick with a small clock mark: done, but after the deadline.
  done_late:
    'M5.3 11.6 1.4 7.7l1.3-1.3 2.6 2.6 5-5 1.3 1.3-6.3 6.3ZM12 8.5a3 3 0 1 1 0 6 3 3 0 0 1 0-6Zm-.5 1v2.2l1.6 1 .5-.8-1.1-.7V9.5h-1Z',
  cancelled: 'M3 7.1h10v1.8H3V7.1Z',
};

export function StatusIcon({ status }: { status: TaskAssignmentStatus }) {
  return (
    <svg className="band-icon" viewBox="0 0 16 16" width="14" height="14" aria-hidden="true">
      <path d={paths[status]} fill="currentColor" fillRule="evenodd" />
    </svg>
  );
}

/** The status in words with its symbol; the colour only repeats what the words say. */
export function StatusTag({ status }: { status: TaskAssignmentStatus }) {
  const { t } = useTk();
  return (
    <span className={`tag tk-status tk-status--${status}`} data-status={status}>
      <StatusIcon status={status} /> {t(`status.${status}`)}
    </span>
  );
}

/** "Khẩn" stands out by weight and a marker, not by colour alone. */
export function PriorityTag({ priority }: { priority: TaskPriority }) {
  const { t } = useTk();
  return (
    <span className={`tk-priority tk-priority--${priority}`} data-priority={priority}>
      {priority === 'normal' ? null : (
        <span aria-hidden="true">{priority === 'urgent' ? '‼ ' : '! '}</span>
      )}
      {t(`priority.${priority}`)}
    </span>
  );
}

/** A percent bar with the number in words beside it (the bar itself is decoration). */
export function ProgressBar({ percent }: { percent: number }) {
  const { t } = useTk();
  const value = Math.max(0, Math.min(100, percent));
  return (
    <span className="tk-progress" data-percent={value}>
      <span className="tk-progress__track" aria-hidden="true">
        <span className="tk-progress__fill" style={{ width: `${value}%` }} />
      </span>
      <span className="tk-progress__text">{t('progress.label', { percent: value })}</span>
    </span>
  );
}

export function Day({ day }: { day: string }) {
  return (
    <time dateTime={day} className="nowrap">
      {dayToText(day)}
    </time>
  );
}

export function Pager({
  page,
  pages,
  onPage,
}: {
  page: number;
  pages: number;
  onPage: (page: number) => void;
}) {
  const { t } = useTk();
  if (pages <= 1) return null;
  return (
    <nav className="proc-pager" aria-label={t('list.pager')}>
      <button
        type="button"
        className="btn btn--secondary btn--small"
        disabled={page <= 1}
        onClick={() => onPage(page - 1)}
        data-testid="tk-prev"
      >
        {t('list.prev')}
      </button>
      <span>{t('list.page', { page, pages })}</span>
      <button
        type="button"
        className="btn btn--secondary btn--small"
        disabled={page >= pages}
        onClick={() => onPage(page + 1)}
        data-testid="tk-next"
      >
        {t('list.next')}
      </button>
    </nav>
  );
}
