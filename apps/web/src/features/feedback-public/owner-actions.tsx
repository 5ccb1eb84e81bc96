import { type FormEvent, useId, useRef, useState } from 'react';
import { ApiClientError } from '../../lib/api';
import { formatDate } from '../dossiers/format';
import {
  type FeedbackReport,
  useProvideInfo,
  useRateReport,
  useReopenReport,
} from './feedback-api';
import { useFeedbackT } from './feedback-i18n';

function useErrorText() {
  const { t } = useFeedbackT();
  return (e: unknown) => {
    if (e instanceof ApiClientError && e.code === 'FEEDBACK_NOT_REPORTER') {
      return t('owner.notReporter');
    }
    return e instanceof ApiClientError ? e.message : t('unexpected');
  };
}

/** A textarea with its label, hint and error, wired for screen readers. */
function TextField(props: {
  id: string;
  label: string;
  hint: string;
  error: string | null;
  value: string;
  onChange: (v: string) => void;
  max: number;
  testId: string;
  inputRef?: React.Ref<HTMLTextAreaElement>;
}) {
  const described = `${props.id}-hint${props.error ? ` ${props.id}-error` : ''}`;
  return (
    <div className={`field${props.error ? ' field--error' : ''}`}>
      <label className="label" htmlFor={props.id}>
        {props.label}
      </label>
      <p className="hint" id={`${props.id}-hint`}>
        {props.hint}
      </p>
      {props.error ? (
        <p className="field__error" id={`${props.id}-error`} role="alert">
          {props.error}
        </p>
      ) : null}
      <textarea
        ref={props.inputRef}
        id={props.id}
        className="input fb-textarea"
        rows={4}
        maxLength={props.max}
        value={props.value}
        onChange={(e) => props.onChange(e.target.value)}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={described}
        data-testid={props.testId}
      />
    </div>
  );
}

/** "Cơ quan đề nghị bổ sung thông tin": what was asked and the reporter's answer. */
export type OwnerDone = 'info' | 'rate' | 'reopen';
interface FormProps {
  report: FeedbackReport;
  /** Called once the API accepted: the re-read report no longer offers this form. */
  onDone: (what: OwnerDone) => void;
}

export function InfoRequestForm({ report, onDone }: FormProps) {
  const { t } = useFeedbackT();
  const id = useId();
  const errorText = useErrorText();
  const send = useProvideInfo(report.reference);
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const field = useRef<HTMLTextAreaElement>(null);
  const asked = [...report.events].reverse().find((e) => e.type === 'request_info')?.note;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!text.trim()) {
      setProblem(t('owner.info.required'));
      field.current?.focus();
      return;
    }
    setProblem(null);
    send.mutate(
      { text: text.trim() },
      { onSuccess: () => onDone('info'), onError: (e) => setProblem(errorText(e)) },
    );
  };

  return (
    <section
      className="notice notice--warning fb-owner"
      aria-labelledby={`${id}-h`}
      data-testid="feedback-info-request"
    >
      <h3 className="notice__title" id={`${id}-h`}>
        {t('owner.info.heading')}
      </h3>
      {asked ? (
        <>
          <p>
            <strong>{t('owner.info.asked')}</strong>
          </p>
          <p className="fb-quote" data-testid="feedback-info-asked">
            {asked}
          </p>
        </>
      ) : null}
      <form noValidate onSubmit={submit}>
        <TextField
          id={`${id}-text`}
          label={t('owner.info.label')}
          hint={t('owner.info.hint')}
          error={problem}
          value={text}
          onChange={(v) => {
            setText(v);
            setProblem(null);
          }}
          max={4000}
          testId="feedback-info-text"
          inputRef={field}
        />
        <button
          type="submit"
          className="btn btn--primary"
          disabled={send.isPending}
          data-testid="feedback-info-submit"
        >
          {send.isPending ? t('owner.info.sending') : t('owner.info.submit')}
        </button>
      </form>
    </section>
  );
}

const values = [1, 2, 3, 4, 5] as const;

/** 1–5 as real radio buttons with words; the stars only repeat the words. */
export function RateForm({ report, onDone }: FormProps) {
  const { t } = useFeedbackT();
  const id = useId();
  const errorText = useErrorText();
  const rate = useRateReport(report.reference);
  const [rating, setRating] = useState<number | null>(null);
  const [comment, setComment] = useState('');
  const [ratingError, setRatingError] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const firstRadio = useRef<HTMLInputElement>(null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setProblem(null);
    if (rating === null) {
      setRatingError(t('owner.rate.required'));
      firstRadio.current?.focus();
      return;
    }
    const text = comment.trim();
    rate.mutate(text ? { rating, comment: text } : { rating }, {
      onSuccess: () => onDone('rate'),
      onError: (e) => setProblem(errorText(e)),
    });
  };

  return (
    <section className="card fb-owner" aria-labelledby={`${id}-h`} data-testid="feedback-rate">
      <h3 id={`${id}-h`}>{t('owner.rate.heading')}</h3>
      <p>{t('owner.rate.lead')}</p>
      <form noValidate onSubmit={submit}>
        <fieldset
          className={`field fb-rating${ratingError ? ' field--error' : ''}`}
          aria-describedby={ratingError ? `${id}-rating-error` : undefined}
          data-testid="feedback-rating"
        >
          <legend className="label">{t('owner.rate.question')}</legend>
          {ratingError ? (
            <p className="field__error" id={`${id}-rating-error`}>
              {ratingError}
            </p>
          ) : null}
          {values.map((value) => (
            <label key={value} className="fb-rating__option">
              <input
                ref={value === 1 ? firstRadio : undefined}
                type="radio"
                name={`${id}-rating`}
                value={value}
                checked={rating === value}
                onChange={() => {
                  setRating(value);
                  setRatingError(null);
                }}
                data-testid={`feedback-rating-${value}`}
              />
              <span className="fb-stars" aria-hidden="true">
                {'★'.repeat(value)}
                <span className="fb-stars__off">{'★'.repeat(5 - value)}</span>
              </span>
              <span>
                {value} – {t(`ratingLabels.${value}`)}
              </span>
            </label>
          ))}
        </fieldset>
        <TextField
          id={`${id}-comment`}
          label={t('owner.rate.comment')}
          hint={t('owner.rate.commentHint')}
          error={null}
          value={comment}
          onChange={setComment}
          max={1000}
          testId="feedback-rating-comment"
        />
        {problem ? (
          <div className="notice notice--error" role="alert" data-testid="feedback-rate-error">
            <p>{problem}</p>
          </div>
        ) : null}
        <button
          type="submit"
          className="btn btn--primary"
          disabled={rate.isPending}
          data-testid="feedback-rating-submit"
        >
          {rate.isPending ? t('owner.rate.sending') : t('owner.rate.submit')}
        </button>
      </form>
    </section>
  );
}

/** "Đề nghị xử lý lại": a reason first, within 7 days of the answer. */
export function ReopenForm({ report, until, onDone }: FormProps & { until: Date }) {
  const { t } = useFeedbackT();
  const id = useId();
  const errorText = useErrorText();
  const reopen = useReopenReport(report.reference);
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const field = useRef<HTMLTextAreaElement>(null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!reason.trim()) {
      setProblem(t('owner.reopen.required'));
      field.current?.focus();
      return;
    }
    setProblem(null);
    reopen.mutate(
      { reason: reason.trim() },
      { onSuccess: () => onDone('reopen'), onError: (e) => setProblem(errorText(e)) },
    );
  };

  return (
    <section className="card fb-owner" aria-labelledby={`${id}-h`} data-testid="feedback-reopen">
      <h3 id={`${id}-h`}>{t('owner.reopen.heading')}</h3>
      <p>{t('owner.reopen.lead', { date: formatDate(until.toISOString()) })}</p>
      {open ? (
        <form noValidate onSubmit={submit}>
          <TextField
            id={`${id}-reason`}
            label={t('owner.reopen.label')}
            hint={t('owner.reopen.hint')}
            error={problem}
            value={reason}
            onChange={(v) => {
              setReason(v);
              setProblem(null);
            }}
            max={2000}
            testId="feedback-reopen-reason"
            inputRef={field}
          />
          <div className="button-row">
            <button
              type="submit"
              className="btn btn--primary"
              disabled={reopen.isPending}
              data-testid="feedback-reopen-submit"
            >
              {reopen.isPending ? t('owner.reopen.sending') : t('owner.reopen.submit')}
            </button>
            <button type="button" className="btn btn--secondary" onClick={() => setOpen(false)}>
              {t('owner.reopen.cancel')}
            </button>
          </div>
        </form>
      ) : (
        <button
          type="button"
          className="btn btn--secondary"
          onClick={() => {
            setOpen(true);
            requestAnimationFrame(() => field.current?.focus());
          }}
          data-testid="feedback-reopen-open"
        >
          {t('owner.reopen.open')}
        </button>
      )}
    </section>
  );
}
