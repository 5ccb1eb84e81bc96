import { useEffect, useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import { ErrorMessage } from '../../components/error-message';
import { Loading } from '../../components/loading';
import { ApiClientError } from '../../lib/api';
import { useDocumentTitle } from '../../lib/use-document-title';
import { ActionsPanel } from './actions-panel';
import { BandTag, DueText, useOffDays } from './band';
import { dayToText, formatDateTime, vnDay } from './format';
import { useP } from './i18n';
import { type DossierWorkspace, officerResultPath, useWorkspace } from './processing-api';
import { AnswersList, DocumentsList, FormsList, WorkspaceTimeline } from './workspace-parts';
import './processing.css';

/** "Hồ sơ" workspace: where the dossier is, who has it, by when, and what the officer may do. */
export function WorkspacePage() {
  const { t } = useP();
  const { id = '' } = useParams();
  const workspace = useWorkspace(id);
  const ws = workspace.data;
  useDocumentTitle(ws ? `${ws.code ?? ws.reference} — ${t('ws.title')}` : t('ws.title'));
  const [notice, setNotice] = useState<{ kind: 'ok' | 'warning'; text: string } | null>(null);
  const noticeRef = useRef<HTMLParagraphElement>(null);
  // The actions panel is rebuilt after an action: focus the outcome instead of losing it.
  useEffect(() => {
    if (notice) noticeRef.current?.focus();
  }, [notice]);

  const notFound =
    workspace.error instanceof ApiClientError &&
    (workspace.error.status === 404 || workspace.error.code === 'VALIDATION_FAILED');

  return (
    <div className="proc" data-testid="workspace">
      <p className="caption">
        <Link to="/can-bo/ho-so">{t('queue.title')}</Link>
      </p>
      {workspace.isPending ? (
        <Loading />
      ) : notFound ? (
        <>
          <h1>{t('ws.notFound')}</h1>
          <p>{t('ws.notFoundText')}</p>
        </>
      ) : workspace.isError && !ws ? (
        <ErrorMessage error={workspace.error} onRetry={() => workspace.refetch()} />
      ) : ws ? (
        <>
          <WorkspaceHeader ws={ws} />
          <div role="status" aria-live="polite">
            {notice ? (
              <p
                ref={noticeRef}
                tabIndex={-1}
                className={`notice notice--${notice.kind}`}
                data-testid="ws-notice"
              >
                {notice.text}
              </p>
            ) : null}
          </div>
          <div className="ws-grid">
            <div className="ws-main">
              <ActionsPanel
                key={ws.rowVersion}
                ws={ws}
                onDone={(action) =>
                  setNotice({ kind: 'ok', text: t('action.done', { action: action.label }) })
                }
                onConflict={(message) => {
                  // Someone acted first (or the state moved on): say so and show the dossier as it is now.
                  setNotice({ kind: 'warning', text: `${message} ${t('action.reloaded')}` });
                  void workspace.refetch();
                }}
              />
              <section className="ws-section" aria-labelledby="ws-answers">
                <h2 id="ws-answers">{t('ws.answers')}</h2>
                <AnswersList answers={ws.answers} procedureCode={ws.procedureCode} />
              </section>
              <section className="ws-section" aria-labelledby="ws-docs">
                <h2 id="ws-docs">{t('ws.documents')}</h2>
                <DocumentsList documents={ws.documents} procedureCode={ws.procedureCode} />
              </section>
              <section className="ws-section" aria-labelledby="ws-timeline">
                <h2 id="ws-timeline">{t('ws.timeline')}</h2>
                <WorkspaceTimeline items={ws.timeline} headingId="ws-timeline" />
              </section>
            </div>
            <aside className="ws-side">
              <section className="ws-section" aria-labelledby="ws-applicant">
                <h2 id="ws-applicant">{t('ws.applicant')}</h2>
                <dl className="facts">
                  <Row label={t('ws.applicantName')} value={ws.applicant.name} />
                  <Row label={t('ws.citizenId')} value={ws.applicant.citizenIdMasked} />
                  <Row label={t('ws.phone')} value={ws.applicant.phone} />
                  <Row label={t('ws.email')} value={ws.applicant.email} />
                </dl>
              </section>
              <section className="ws-section" aria-labelledby="ws-forms">
                <h2 id="ws-forms">{t('ws.forms')}</h2>
                <FormsList dossierId={ws.id} forms={ws.forms} />
              </section>
            </aside>
          </div>
        </>
      ) : null}
    </div>
  );
}

function Row({ label, value }: { label: string; value: string | null }) {
  const { t } = useP();
  return (
    <div className="facts__row">
      <dt>{label}</dt>
      <dd>{value ?? <span className="muted">{t('common.none')}</span>}</dd>
    </div>
  );
}

function WorkspaceHeader({ ws }: { ws: DossierWorkspace }) {
  const { t } = useP();
  const offDays = useOffDays([ws.apologyDueAt ?? ws.dueAt]);
  return (
    <header className="ws-header">
      <p className="proc-sub">{ws.procedureName}</p>
      <h1 className="ws-title" data-testid="ws-code">
        {ws.code ?? ws.reference}
      </h1>
      {ws.code ? (
        <p className="muted">
          {t('ws.reference')}: {ws.reference}
        </p>
      ) : (
        <p className="muted">{t('ws.noCodeYet')}</p>
      )}
      <dl className="ws-facts">
        <div>
          <dt>{t('ws.status')}</dt>
          <dd data-testid="ws-status">
            <strong>{t(`status.${ws.statusCode}` as 'status.1', ws.statusLabel)}</strong>
            {ws.step ? (
              <span className="proc-sub">
                {t(`step.${ws.step}` as 'step.appraisal', ws.stepLabel ?? ws.step)}
              </span>
            ) : null}
            {ws.stepDueAt ? (
              <span className="proc-sub">
                {t('ws.stepDue', { date: formatDateTime(ws.stepDueAt) })}
              </span>
            ) : null}
          </dd>
        </div>
        <div>
          <dt>{t('ws.dueAt')}</dt>
          <dd data-testid="ws-due">
            <BandTag band={ws.band} />
            <DueText dueAt={ws.apologyDueAt ?? ws.dueAt} band={ws.band} {...offDays} />
            {ws.apologyDueAt && ws.dueAt ? (
              <span className="proc-sub">
                {t('ws.originalDue', { date: dayToText(vnDay(ws.dueAt)) })}
              </span>
            ) : null}
            {ws.pausedSince ? (
              <span className="proc-sub">
                {t('ws.pausedSince', { date: formatDateTime(ws.pausedSince) })}
              </span>
            ) : null}
            {ws.countedLate ? <span className="proc-sub">⚠ {t('ws.countedLate')}</span> : null}
          </dd>
        </div>
        <div>
          <dt>{t('ws.assignee')}</dt>
          <dd data-testid="ws-assignee">
            {ws.assignee?.name ?? <span className="muted">{t('queue.unassigned')}</span>}
          </dd>
        </div>
        <div>
          <dt>{t('ws.handlingUnit')}</dt>
          <dd>
            {ws.handlingUnit.name}
            {ws.receivingUnit.code !== ws.handlingUnit.code ? (
              <span className="proc-sub">
                {t('ws.receivedBy', { unit: ws.receivingUnit.name })}
              </span>
            ) : null}
          </dd>
        </div>
        <div>
          <dt>{t('ws.channel')}</dt>
          <dd>
            {t(`channel.${ws.channel}` as 'channel.1')}
            <span className="proc-sub">
              {t('ws.submittedAt', { date: formatDateTime(ws.submittedAt) })}
            </span>
          </dd>
        </div>
        {ws.outcome ? (
          <div>
            <dt>{t('ws.outcome')}</dt>
            <dd>
              {t(`outcome.${ws.outcome}`)}
              {ws.resultId ? (
                <>
                  <a
                    className="proc-sub"
                    href={officerResultPath(ws.id)}
                    target="_blank"
                    rel="noopener"
                    data-testid="ws-result"
                  >
                    {t('ws.openResult')}
                  </a>
                  <a
                    className="proc-sub"
                    href={`/xac-minh/${encodeURIComponent(ws.resultId)}`}
                    target="_blank"
                    rel="noopener"
                  >
                    {t('ws.verifyResult')}
                  </a>
                </>
              ) : null}
            </dd>
          </div>
        ) : null}
      </dl>
    </header>
  );
}
