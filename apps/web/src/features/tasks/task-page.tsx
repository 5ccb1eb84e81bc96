import { useEffect, useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import { ErrorMessage } from '../../components/error-message';
import { Loading } from '../../components/loading';
import { ApiClientError } from '../../lib/api';
import { useDocumentTitle } from '../../lib/use-document-title';
import { useDashboardLive } from '../dashboard/live';
import { useDashboardViewer } from '../dashboard/use-dashboard';
import { formatDateTime } from '../processing/format';
import { useActiveUnit } from '../processing/use-active-unit';
import { useTk } from './i18n';
import { ManagePanel } from './manage-panel';
import { type ActionRunner, fieldCodes, ReportPanel } from './report-forms';
import { AssignmentsTable, FileList, TaskTimeline } from './task-parts';
import { Day, PriorityTag } from './task-status';
import { type TaskAction, type TaskDetail, useTask, useTaskAction } from './tasks-api';
import '../processing/processing.css';
import '../feedback-officer/feedback-officer.css';
import './tasks.css';

const ignoreChange = () => {};

/** "Nhiệm vụ" page (the e-mails link here): what, by when, who does it, how far, what I may do. */
export function TaskPage() {
  const { t } = useTk();
  const { id = '' } = useParams();
  const query = useTask(id);
  // The leader who assigned the task keeps this page open and sees each unit's report arrive: the
  // dashboard's live stream marks the tasks queries stale (officers without the dashboard: none).
  const { home } = useDashboardViewer();
  useDashboardLive(home?.unitCode ?? null, ignoreChange);
  const task = query.data;
  useDocumentTitle(task ? `${task.reference} — ${t('detail.title')}` : t('detail.title'));
  const action = useTaskAction(id);
  const { unit } = useActiveUnit();
  const [notice, setNotice] = useState<string | null>(null);
  const [version, setVersion] = useState(0);
  const noticeRef = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (notice) noticeRef.current?.focus();
  }, [notice]);

  const runner: ActionRunner = {
    pending: action.isPending,
    error: action.error,
    run: (a: TaskAction, done: string) => {
      setNotice(null);
      action.mutate(a, {
        onSuccess: () => {
          setNotice(done);
          // New forms (empty fields, new upload bundles) after a successful action.
          setVersion((v) => v + 1);
          action.reset();
        },
      });
    },
  };

  const notFound =
    query.error instanceof ApiClientError && [400, 403, 404].includes(query.error.status);
  const generalError =
    action.error instanceof ApiClientError &&
    action.error.fields.length === 0 &&
    !fieldCodes.includes(action.error.code)
      ? action.error
      : null;

  return (
    <div className="proc fbo tk" data-testid="tk-task">
      <p className="caption">
        <Link to="/can-bo/nhiem-vu">{t('detail.back')}</Link>
      </p>
      {query.isPending ? (
        <Loading />
      ) : notFound ? (
        <>
          <h1>{t('detail.notFound')}</h1>
          <p>{t('detail.notFoundText')}</p>
        </>
      ) : query.isError && !task ? (
        <ErrorMessage error={query.error} onRetry={() => query.refetch()} />
      ) : task ? (
        <>
          <TaskHeader task={task} />
          <div role="status" aria-live="polite">
            {notice ? (
              <p
                ref={noticeRef}
                tabIndex={-1}
                className="notice notice--ok"
                data-testid="tk-notice"
              >
                {notice}
              </p>
            ) : null}
          </div>
          {generalError ? <ErrorMessage error={generalError} /> : null}
          <div className={task.canManage ? 'ws-grid' : 'tk-single'} key={version}>
            <div className="ws-main">
              <section className="ws-section" aria-labelledby="tk-content-h">
                <h2 id="tk-content-h">{t('detail.content')}</h2>
                <p className="fbo-text" data-testid="tk-description">
                  {task.description}
                </p>
                <h3>{t('detail.attachments')}</h3>
                {task.attachments.length ? (
                  <FileList files={task.attachments} testId="tk-attachments" />
                ) : (
                  <p className="muted">{t('detail.noAttachments')}</p>
                )}
              </section>
              <AssignmentsTable task={task} />
              {task.assignments
                .filter((a) => a.canReport && a.unit.code === unit?.unitCode)
                .map((a) => (
                  <ReportPanel
                    key={a.id}
                    assignment={a}
                    runner={runner}
                    heading={t('act.headingFor', { unit: a.unit.name })}
                  />
                ))}
              <TaskTimeline task={task} />
            </div>
            {task.canManage ? (
              <aside className="ws-side">
                <ManagePanel task={task} runner={runner} />
              </aside>
            ) : null}
          </div>
        </>
      ) : null}
    </div>
  );
}

function TaskHeader({ task }: { task: TaskDetail }) {
  const { t } = useTk();
  return (
    <header className="ws-header">
      <p className="proc-sub">
        <span className="proc-code" data-testid="tk-reference">
          {task.reference}
        </span>
        {task.isDemo ? ` · ${t('detail.demo')}` : ''}
      </p>
      <h1 className="ws-title" data-testid="tk-task-title">
        {task.title}
      </h1>
      <dl className="ws-facts">
        <div>
          <dt>{t('detail.from')}</dt>
          <dd>
            {task.fromUnit.name}
            {task.createdBy ? <span className="proc-sub">{task.createdBy}</span> : null}
          </dd>
        </div>
        <div>
          <dt>{t('detail.createdAt')}</dt>
          <dd>{formatDateTime(task.createdAt)}</dd>
        </div>
        <div>
          <dt>{t('detail.deadline')}</dt>
          <dd data-testid="tk-deadline-fact">
            <Day day={task.deadline} />
          </dd>
        </div>
        <div>
          <dt>{t('detail.priority')}</dt>
          <dd>
            <PriorityTag priority={task.priority} />
          </dd>
        </div>
        <div>
          <dt>{t('detail.state')}</dt>
          <dd data-testid="tk-state" data-cancelled={task.cancelled}>
            {task.cancelled ? (
              <>
                <strong>{t('list.cancelled')}</strong>
                {task.cancelledAt ? (
                  <span className="proc-sub">
                    {t('detail.cancelledAt', { at: formatDateTime(task.cancelledAt) })}
                  </span>
                ) : null}
                {task.cancelReason ? (
                  <span className="proc-sub">
                    {t('detail.cancelReason', { reason: task.cancelReason })}
                  </span>
                ) : null}
              </>
            ) : (
              t('detail.active')
            )}
          </dd>
        </div>
      </dl>
    </header>
  );
}
