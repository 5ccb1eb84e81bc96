import type { StoredFile } from '@cqs/shared';
import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { ApiClientError, api } from '../../lib/api';
import { uploadFile } from '../../lib/upload-file';
import {
  type DossierDetail,
  residentFormPath,
  resultPath,
  useResubmit,
  useWithdraw,
} from './dossiers-api';
import { useFollowUpT } from './follow-up-i18n';
import { formatDate } from './format';

const errorText = (e: unknown, fallback: string) =>
  e instanceof ApiClientError ? e.message : fallback;

/** "Cần bổ sung hồ sơ": what the office asked for, the upload area and "Nộp bổ sung". */
export function SupplementBox({
  dossierId,
  request,
  onDone,
}: {
  dossierId: string;
  request: NonNullable<DossierDetail['pendingRequest']>;
  /** Called once sent: the re-read dossier no longer has the request, so the box goes away. */
  onDone: () => void;
}) {
  const { t } = useFollowUpT();
  const id = useId();
  const resubmit = useResubmit(dossierId);
  const [files, setFiles] = useState<StoredFile[]>([]);
  const [uploading, setUploading] = useState<{ key: string; name: string; progress: number }[]>([]);
  const [note, setNote] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);

  const pick = (list: FileList | null) => {
    if (!list) return;
    setProblem(null);
    for (const file of Array.from(list)) {
      const key = `${file.name}-${file.size}-${Math.random()}`;
      setUploading((u) => [...u, { key, name: file.name, progress: 0 }]);
      uploadFile(`supplement:${dossierId}`, 'supplement', file, (progress) =>
        setUploading((u) => u.map((x) => (x.key === key ? { ...x, progress } : x))),
      )
        .promise.then((stored) => setFiles((f) => [...f, stored]))
        .catch((e: unknown) => setProblem(`${file.name}: ${errorText(e, t('unexpected'))}`))
        .finally(() => setUploading((u) => u.filter((x) => x.key !== key)));
    }
    if (input.current) input.current.value = '';
  };

  const remove = (file: StoredFile) => {
    setFiles((f) => f.filter((x) => x.id !== file.id));
    void api(`/api/files/${encodeURIComponent(file.id)}`, { method: 'DELETE' }).catch(() => {});
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setProblem(null);
    if (files.length === 0 && !note.trim()) {
      setProblem(t('supplement.nothing'));
      return;
    }
    resubmit.mutate(
      { fileIds: files.map((f) => f.id), note: note.trim() || undefined },
      { onSuccess: onDone, onError: (e) => setProblem(errorText(e, t('unexpected'))) },
    );
  };

  return (
    <section
      className="notice notice--warning follow-up"
      aria-labelledby={`${id}-title`}
      data-testid="supplement-request"
    >
      <h2 className="notice__title" id={`${id}-title`}>
        {request.kind === 'guidance'
          ? t('supplement.titleGuidance')
          : t('supplement.titleSupplement')}
      </h2>
      <p className="muted">{t('supplement.askedOn', { date: formatDate(request.at) })}</p>
      <p className="supplement-note">{request.note ?? t('supplement.noNote')}</p>
      {request.documents.length > 0 ? (
        <>
          <p>
            <strong>{t('supplement.documents')}</strong>
          </p>
          <ul data-testid="supplement-documents">
            {request.documents.map((d) => (
              <li key={d}>{d}</li>
            ))}
          </ul>
        </>
      ) : null}

      <form noValidate onSubmit={submit} className="follow-up__form">
        <div className={`field${problem ? ' field--error' : ''}`}>
          <p className="label" id={`${id}-files`}>
            {t('supplement.uploadLabel')}
          </p>
          <p className="hint" id={`${id}-hint`}>
            {t('supplement.uploadHint')}
          </p>
          {problem ? (
            <p className="field__error" id={`${id}-error`} role="alert">
              {problem}
            </p>
          ) : null}
          {files.length > 0 ? (
            <ul className="follow-up__files" aria-labelledby={`${id}-files`}>
              {files.map((f) => (
                <li key={f.id}>
                  <span className="follow-up__name">{f.name}</span>
                  <button
                    type="button"
                    className="btn btn--secondary btn--small"
                    onClick={() => remove(f)}
                    aria-label={t('supplement.removeNamed', { name: f.name })}
                  >
                    {t('supplement.remove')}
                  </button>
                </li>
              ))}
            </ul>
          ) : null}
          {uploading.map((u) => (
            <div key={u.key} className="follow-up__progress">
              <label htmlFor={`${id}-${u.key}`}>
                {t('supplement.uploading', { name: u.name })}
              </label>
              <progress id={`${id}-${u.key}`} max={1} value={u.progress} />
            </div>
          ))}
          <label className="btn btn--secondary follow-up__choose">
            <span id={`${id}-choose`}>
              {files.length > 0 ? t('supplement.addMore') : t('supplement.choose')}
            </span>
            <input
              ref={input}
              type="file"
              multiple
              aria-labelledby={`${id}-files ${id}-choose`}
              className="visually-hidden"
              accept=".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png"
              aria-describedby={`${id}-hint${problem ? ` ${id}-error` : ''}`}
              onChange={(e) => pick(e.target.files)}
              data-testid="supplement-upload"
            />
          </label>
        </div>
        <div className="field">
          <label className="label" htmlFor={`${id}-note`}>
            {t('supplement.note')}
          </label>
          <p className="hint" id={`${id}-note-hint`}>
            {t('supplement.noteHint')}
          </p>
          <textarea
            id={`${id}-note`}
            className="input follow-up__textarea"
            rows={3}
            maxLength={1000}
            value={note}
            onChange={(e) => {
              setNote(e.target.value);
              setProblem(null);
            }}
            aria-describedby={`${id}-note-hint`}
            data-testid="supplement-note"
          />
        </div>
        <button
          type="submit"
          className="btn btn--primary btn--block"
          disabled={resubmit.isPending || uploading.length > 0}
          data-testid="supplement-submit"
        >
          {resubmit.isPending ? t('supplement.sending') : t('supplement.submit')}
        </button>
      </form>
    </section>
  );
}

/** "Hẹn trả ban đầu … · Hẹn lại …": both dates after an apology (form 04). */
export function ApologyDates({ dueAt, apologyDueAt }: { dueAt: string; apologyDueAt: string }) {
  const { t } = useFollowUpT();
  return (
    <span className="follow-up__dates" data-testid="dossier-apology-dates">
      <span className="nowrap muted">{t('due.original', { date: formatDate(dueAt) })}</span>
      <span aria-hidden="true"> · </span>
      <strong className="nowrap">{t('due.apology', { date: formatDate(apologyDueAt) })}</strong>
      <span className="hint">{t('due.apologyWhy')}</span>
    </span>
  );
}

/** "Tải kết quả" and the public verification page of the e-result. */
export function ResultBox({
  dossierId,
  result,
}: {
  dossierId: string;
  result: NonNullable<DossierDetail['result']>;
}) {
  const { t } = useFollowUpT();
  return (
    <section className="card follow-up follow-up--result" aria-labelledby="result-heading">
      <h2 id="result-heading">{t('result.heading')}</h2>
      <p>{result.outcome === 'approved' ? t('result.approved') : t('result.refused')}</p>
      <p>
        <a
          className="btn btn--primary btn--block"
          href={resultPath(dossierId)}
          download
          data-testid="result-download"
        >
          {t('result.download')}
        </a>
      </p>
      <p>
        <a href={`/xac-minh/${encodeURIComponent(result.id)}`} data-testid="result-verify">
          {t('result.verify')}
        </a>
      </p>
    </section>
  );
}

/** The office's slips the resident may keep (forms 01–04), as PDF links. */
export function FormLinks({ dossierId, forms }: { dossierId: string; forms: string[] }) {
  const { t } = useFollowUpT();
  if (forms.length === 0) return null;
  return (
    <section className="section" aria-labelledby="forms-heading">
      <h2 id="forms-heading">{t('forms.heading')}</h2>
      <ul className="link-list" data-testid="dossier-forms">
        {forms.map((form) => (
          <li key={form}>
            <a href={residentFormPath(dossierId, form)} download>
              {t(`forms.${form}` as 'forms.01')}
            </a>{' '}
            <span className="muted">{t('forms.pdf')}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** "Rút hồ sơ": reason first, then an explicit confirmation before anything is sent. */
export function WithdrawBox({ dossierId, onDone }: { dossierId: string; onDone: () => void }) {
  const { t } = useFollowUpT();
  const id = useId();
  const withdraw = useWithdraw(dossierId);
  const [step, setStep] = useState<'closed' | 'reason' | 'confirm'>('closed');
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const confirmRef = useRef<HTMLDivElement>(null);
  // The confirmation replaces the form: move focus to it so that it is read out first.
  useEffect(() => {
    if (step === 'confirm') confirmRef.current?.focus();
  }, [step]);

  return (
    <section className="section follow-up-withdraw" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t('withdraw.heading')}</h2>
      <p>{t('withdraw.lead')}</p>
      {step === 'closed' ? (
        <button
          type="button"
          className="btn btn--secondary"
          onClick={() => setStep('reason')}
          data-testid="withdraw-open"
        >
          {t('withdraw.open')}
        </button>
      ) : step === 'reason' ? (
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            if (reason.trim().length < 5) {
              setProblem(t('withdraw.reasonRequired'));
              return;
            }
            setProblem(null);
            setStep('confirm');
          }}
        >
          <div className={`field${problem ? ' field--error' : ''}`}>
            <label className="label" htmlFor={`${id}-reason`}>
              {t('withdraw.reason')}
            </label>
            <p className="hint" id={`${id}-hint`}>
              {t('withdraw.reasonHint')}
            </p>
            {problem ? (
              <p className="field__error" id={`${id}-error`}>
                {problem}
              </p>
            ) : null}
            <textarea
              id={`${id}-reason`}
              className="input follow-up__textarea"
              rows={3}
              maxLength={1000}
              value={reason}
              onChange={(e) => setReason(e.target.value)}
              aria-invalid={problem ? true : undefined}
              aria-describedby={`${id}-hint${problem ? ` ${id}-error` : ''}`}
              data-testid="withdraw-reason"
            />
          </div>
          <div className="button-row">
            <button type="submit" className="btn btn--primary" data-testid="withdraw-next">
              {t('withdraw.next')}
            </button>
            <button type="button" className="btn btn--quiet" onClick={() => setStep('closed')}>
              {t('withdraw.cancel')}
            </button>
          </div>
        </form>
      ) : (
        <div
          ref={confirmRef}
          tabIndex={-1}
          className="notice notice--warning"
          role="alertdialog"
          aria-labelledby={`${id}-c`}
          data-testid="withdraw-confirmation"
        >
          <h3 className="notice__title" id={`${id}-c`}>
            {t('withdraw.confirmTitle')}
          </h3>
          <p>{t('withdraw.confirmText')}</p>
          <p className="supplement-note">“{reason.trim()}”</p>
          {withdraw.isError ? (
            <p className="field__error" role="alert">
              {errorText(withdraw.error, t('unexpected'))}
            </p>
          ) : null}
          <div className="button-row">
            <button
              type="button"
              className="btn btn--primary"
              disabled={withdraw.isPending}
              onClick={() => withdraw.mutate(reason.trim(), { onSuccess: onDone })}
              data-testid="withdraw-confirm"
            >
              {withdraw.isPending ? t('withdraw.sending') : t('withdraw.confirm')}
            </button>
            <button type="button" className="btn btn--quiet" onClick={() => setStep('reason')}>
              {t('withdraw.back')}
            </button>
          </div>
        </div>
      )}
    </section>
  );
}

/** What the resident just did, kept on screen after the dossier is re-read; focused to be read out. */
export function DoneNotice({ what }: { what: 'resubmitted' | 'withdrawn' }) {
  const { t } = useFollowUpT();
  const ref = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, []);
  return (
    <p
      ref={ref}
      tabIndex={-1}
      className="notice notice--ok"
      role="status"
      data-testid={what === 'resubmitted' ? 'supplement-done' : 'withdraw-done'}
    >
      {what === 'resubmitted' ? t('supplement.done') : t('withdraw.done')}
    </p>
  );
}
