import { useId, useState } from 'react';
import { dayToText } from '../processing/format';
import { FormField } from './form-field';
import { useTk } from './i18n';
import type { ActionRunner } from './report-forms';
import type { TaskDetail } from './tasks-api';

/** The assigner's panel: decide pending extension requests (once each), cancel the task. */
export function ManagePanel({ task, runner }: { task: TaskDetail; runner: ActionRunner }) {
  const { t } = useTk();
  const id = useId();
  const pending = task.assignments.flatMap((a) =>
    a.pendingExtension ? [{ unit: a.unit.name, ext: a.pendingExtension }] : [],
  );
  return (
    <section className="ws-section ws-actions" aria-labelledby={`${id}-h`} data-testid="tk-manage">
      <h2 id={`${id}-h`}>{t('manage.heading')}</h2>
      <h3>{t('manage.decideHeading')}</h3>
      {pending.length === 0 ? (
        <p className="muted">{t('manage.noPending')}</p>
      ) : (
        <ul className="tk-decisions">
          {pending.map(({ unit, ext }) => (
            <li key={ext.id}>
              <Decision
                unit={unit}
                extensionId={ext.id}
                from={ext.previousDeadline}
                to={ext.deadline}
                reason={ext.reason}
                runner={runner}
              />
            </li>
          ))}
        </ul>
      )}
      <CancelForm runner={runner} />
    </section>
  );
}

function Decision({
  unit,
  extensionId,
  from,
  to,
  reason,
  runner,
}: {
  unit: string;
  extensionId: string;
  from: string;
  to: string;
  reason: string;
  runner: ActionRunner;
}) {
  const { t } = useTk();
  const id = useId();
  const [note, setNote] = useState('');
  const decide = (decision: 'grant' | 'refuse') =>
    runner.run(
      {
        kind: 'decide',
        extensionId,
        body: { decision, ...(note.trim() ? { note: note.trim() } : {}) },
      },
      t('act.sent.decide'),
    );
  return (
    <div className="tk-decision" data-testid="tk-decision">
      <p>
        <strong>{t('manage.request', { unit, from: dayToText(from), to: dayToText(to) })}</strong>
      </p>
      <p className="fbo-text">{t('manage.reason', { reason })}</p>
      <FormField id={`${id}-note`} label={t('manage.note')} required={false}>
        <textarea
          className="textarea"
          rows={2}
          value={note}
          onChange={(e) => setNote(e.target.value)}
        />
      </FormField>
      <div className="proc-row-actions">
        <button
          type="button"
          className="btn btn--primary btn--small"
          disabled={runner.pending}
          onClick={() => decide('grant')}
          data-testid="tk-grant"
        >
          {t('manage.grant')}
        </button>
        <button
          type="button"
          className="btn btn--secondary btn--small"
          disabled={runner.pending}
          onClick={() => decide('refuse')}
          data-testid="tk-refuse"
        >
          {t('manage.refuse')}
        </button>
      </div>
    </div>
  );
}

function CancelForm({ runner }: { runner: ActionRunner }) {
  const { t } = useTk();
  const id = useId();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | undefined>();
  if (!open) {
    return (
      <p>
        <button
          type="button"
          className="btn btn--secondary tk-danger"
          onClick={() => setOpen(true)}
          data-testid="tk-cancel-open"
        >
          {t('manage.cancel')}
        </button>
      </p>
    );
  }
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    if (reason.trim().length < 5) return setError(t('act.required.reason'));
    setError(undefined);
    runner.run({ kind: 'cancel', body: { reason: reason.trim() } }, t('act.sent.cancel'));
  };
  return (
    <form className="ws-action-form" onSubmit={submit} noValidate data-testid="tk-cancel-form">
      <h3>{t('manage.cancel')}</h3>
      <FormField
        id={`${id}-reason`}
        label={t('manage.cancelReason')}
        hint={t('manage.cancelHint')}
        error={error}
        required
      >
        <textarea
          className="textarea"
          rows={3}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          data-testid="tk-cancel-reason"
        />
      </FormField>
      <div className="proc-row-actions">
        <button
          type="submit"
          className="btn btn--primary tk-danger-solid"
          disabled={runner.pending}
          data-testid="tk-cancel-confirm"
        >
          {t('manage.confirmCancel')}
        </button>
        <button type="button" className="btn btn--quiet" onClick={() => setOpen(false)}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
