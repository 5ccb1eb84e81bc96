import { type FormEvent, useId, useState } from 'react';
import { formatDateTime } from '../processing/format';
import type { FeedbackReport } from './feedback-officer-api';
import { FormField } from './form-field';
import { useF } from './i18n';
import { type ActionCallbacks, useReportAction } from './use-report-action';

const can = (report: FeedbackReport, name: string) =>
  report.allowedActions.some((a) => a.name === name);

/**
 * "Trả lời công khai": the answer the resident receives and the public page shows. Sending it
 * resolves the report, so the officer confirms once more before it goes out.
 */
export function PublicReplyPanel({
  report,
  ...callbacks
}: { report: FeedbackReport } & ActionCallbacks) {
  const { t } = useF();
  const id = useId();
  const [text, setText] = useState('');
  const [confirming, setConfirming] = useState(false);
  const act = useReportAction(report, callbacks);
  const allowed = can(report, 'resolve');

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (act.pending) return;
    if (!text.trim()) {
      act.setErrors({ text: t('reply.required') });
      setConfirming(false);
      return;
    }
    if (!confirming) {
      setConfirming(true);
      return;
    }
    act.submit({ action: 'resolve', publicReply: text.trim() }, t('reply.submit'), 'publicReply');
  };

  return (
    <section
      className="ws-section fbo-panel fbo-panel--public"
      aria-labelledby={`${id}-h`}
      data-testid="public-reply-panel"
    >
      <h2 id={`${id}-h`}>
        <span className="tag tag--public">{t('report.publicTag')}</span> {t('reply.heading')}
      </h2>
      <p className="hint">{t('reply.lead')}</p>
      {report.publicAnswer ? (
        <div className="fbo-answer" data-testid="public-answer">
          <p className="proc-sub">
            {t('reply.current', {
              date: report.answeredAt ? formatDateTime(report.answeredAt) : '',
            })}
          </p>
          <p className="fbo-text">{report.publicAnswer}</p>
        </div>
      ) : null}
      {allowed ? (
        <form noValidate onSubmit={submit}>
          {act.general ? (
            <p className="notice notice--error" role="alert">
              {act.general}
            </p>
          ) : null}
          <FormField
            id={`${id}-text`}
            label={t('reply.label')}
            hint={t('reply.hint')}
            error={act.errors.text}
            required
          >
            <textarea
              className="textarea"
              rows={5}
              maxLength={4000}
              value={text}
              onChange={(e) => {
                setText(e.target.value);
                setConfirming(false);
                if (act.errors.text) act.setErrors({});
              }}
              data-testid="public-reply-text"
            />
          </FormField>
          {confirming ? (
            <p className="notice notice--warning" role="alert" data-testid="public-reply-confirm">
              {t('reply.confirm')}
            </p>
          ) : null}
          <div className="button-row">
            <button
              type="submit"
              className="btn btn--primary"
              disabled={act.pending}
              data-testid="public-reply-submit"
            >
              {act.pending
                ? t('common.sending')
                : confirming
                  ? t('reply.confirmYes')
                  : t('reply.submit')}
            </button>
            {confirming ? (
              <button type="button" className="btn btn--quiet" onClick={() => setConfirming(false)}>
                {t('common.cancel')}
              </button>
            ) : null}
          </div>
        </form>
      ) : report.publicAnswer ? null : (
        <p className="muted">{t('reply.notAllowed')}</p>
      )}
    </section>
  );
}

/** "Ghi chú nội bộ (người dân không thấy)": officers' notes, never on the public page. */
export function InternalNotesPanel({
  report,
  ...callbacks
}: { report: FeedbackReport } & ActionCallbacks) {
  const { t } = useF();
  const id = useId();
  const [text, setText] = useState('');
  const act = useReportAction(report, callbacks);
  const notes = report.internalEvents.filter((e) => !e.public && e.note);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (act.pending) return;
    if (!text.trim()) {
      act.setErrors({ text: t('notes.required') });
      return;
    }
    act.submit({ action: 'internal_note', note: text.trim() }, t('notes.submit'), 'note');
  };

  return (
    <section
      className="ws-section fbo-panel fbo-panel--internal"
      aria-labelledby={`${id}-h`}
      data-testid="internal-notes-panel"
    >
      <h2 id={`${id}-h`}>
        <span className="tag tag--internal">{t('report.internalTag')}</span> {t('notes.heading')}
      </h2>
      <p className="hint">{t('notes.lead')}</p>
      {notes.length === 0 ? (
        <p className="muted">{t('notes.empty')}</p>
      ) : (
        <ul className="fbo-notes" data-testid="internal-notes">
          {notes.map((n) => (
            <li key={n.id}>
              <p className="proc-sub">
                {formatDateTime(n.at)} · {t(`event.${n.type}` as 'event.internal_note', n.type)}
              </p>
              <p className="fbo-text">{n.note}</p>
            </li>
          ))}
        </ul>
      )}
      {can(report, 'internal_note') ? (
        <form noValidate onSubmit={submit}>
          {act.general ? (
            <p className="notice notice--error" role="alert">
              {act.general}
            </p>
          ) : null}
          <FormField id={`${id}-text`} label={t('notes.label')} error={act.errors.text} required>
            <textarea
              className="textarea"
              rows={3}
              maxLength={4000}
              value={text}
              onChange={(e) => {
                setText(e.target.value);
                if (act.errors.text) act.setErrors({});
              }}
              data-testid="internal-note-text"
            />
          </FormField>
          <button
            type="submit"
            className="btn btn--secondary"
            disabled={act.pending}
            data-testid="internal-note-submit"
          >
            {act.pending ? t('common.sending') : t('notes.submit')}
          </button>
        </form>
      ) : null}
    </section>
  );
}
