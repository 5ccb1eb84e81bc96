import type {
  DraftView,
  FormField,
  FormLeafField,
  FormSchema,
  ProcedureDetail,
  UnitSummary,
} from '@cqs/shared';
import { isFormFieldVisible } from '@cqs/shared';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorMessage } from '../../components/error-message';
import { ApiClientError } from '../../lib/api';
import { formatVnd } from '../../lib/procedures';
import { queryClient } from '../../lib/query-client';
import {
  type Answers,
  draftPath,
  formatDate,
  isBlank,
  onlineFee,
  type Problem,
  pageOfProblem,
  stepOfField,
  UPLOADS,
  visibleFields,
} from './flow';
import { draftKey, submitDraft } from './submit-api';

type Lang = 'vi' | 'en';

export const resultStorageKey = (draftId: string) => `cqs.submit.${draftId}`;

/** "Kiểm tra lại thông tin": every visible answer, the documents, where it goes; then submit. */
export function ReviewStep({
  draft,
  form,
  procedure,
  answers,
  communes,
  pages,
  beforeSubmit,
  onProblems,
  onDone,
}: {
  draft: DraftView;
  form: FormSchema;
  procedure: ProcedureDetail;
  answers: Answers;
  communes: UnitSummary[];
  pages: string[];
  beforeSubmit: () => Promise<boolean>;
  onProblems: (problems: Problem[]) => void;
  onDone: () => void;
}) {
  const { t, i18n } = useTranslation();
  const lang: Lang = i18n.language === 'en' ? 'en' : 'vi';
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [problems, setProblems] = useState<Problem[]>([]);
  const [unitCode, setUnitCode] = useState('');
  const [askUnit, setAskUnit] = useState(procedure.whereToSubmit.unitCode === null);
  const [unitError, setUnitError] = useState<string | null>(null);
  // One key per submission attempt, reused by a double tap or a retry after a lost answer.
  const key = useRef<string | null>(null);
  const summary = useRef<HTMLDivElement>(null);

  const visible = visibleFields(form, answers);
  const order = [
    ...form.review,
    ...form.steps.flatMap((s) => s.fields).filter((n) => !form.review.includes(n)),
  ];
  const rows = order
    .map((name) => form.fields.find((f) => f.name === name))
    .filter((f): f is FormField => Boolean(f && visible.has(f.name) && !isBlank(answers[f.name])));
  const shownAnswers = Object.fromEntries(Object.entries(answers).filter(([k]) => visible.has(k)));
  const documents = form.documents.filter((d) => isFormFieldVisible(d, shownAnswers));
  const fee = onlineFee(procedure);

  const submit = async () => {
    if (sending) return;
    if (askUnit && !unitCode) {
      setUnitError(t('submit.review.unitRequired'));
      return;
    }
    setSending(true);
    setError(null);
    setProblems([]);
    setUnitError(null);
    try {
      if (!(await beforeSubmit())) throw new Error('unsaved');
      key.current ??= crypto.randomUUID();
      const result = await submitDraft(
        draft.id,
        askUnit && unitCode ? { receivingUnitCode: unitCode } : {},
        key.current,
      );
      try {
        sessionStorage.setItem(resultStorageKey(draft.id), JSON.stringify(result));
      } catch {
        // Without storage the confirmation reads the dossier from the server instead.
      }
      queryClient.setQueryData<DraftView>(draftKey(draft.id), (d) =>
        d ? { ...d, submittedDossierId: result.dossierId } : d,
      );
      void queryClient.invalidateQueries({ queryKey: ['drafts'] });
      onDone();
    } catch (e) {
      setSending(false);
      if (!(e instanceof ApiClientError)) {
        setError(
          new ApiClientError({ status: 0, code: 'UNSAVED', message: t('submit.saveFailed') }),
        );
        return;
      }
      // A refusal is final for this body: the next attempt (after fixing) is a new request.
      if (e.status >= 400 && e.status < 500) key.current = null;
      if (e.code === 'RECEIVING_UNIT_REQUIRED') {
        setAskUnit(true);
        setUnitError(e.fieldMessage('receivingUnitCode') ?? e.message);
      } else if (e.code === 'FORM_INVALID' || e.code === 'DOCUMENTS_MISSING') {
        setProblems(e.fields);
        onProblems(e.fields);
        setError(e);
        window.setTimeout(() => summary.current?.focus(), 0);
      } else {
        setError(e);
      }
    }
  };

  return (
    <div data-testid="step-review">
      {problems.length ? (
        <div
          className="notice notice--error"
          role="alert"
          tabIndex={-1}
          ref={summary}
          data-testid="error-summary"
        >
          <h2 className="notice__title">{error instanceof ApiClientError ? error.message : ''}</h2>
          <ul className="notice__list">
            {problems.map((p) => {
              const page = pageOfProblem(form, p.path);
              return (
                <li key={p.path}>
                  {page ? <Link to={draftPath(draft.id, page)}>{p.message}</Link> : p.message}
                </li>
              );
            })}
          </ul>
        </div>
      ) : error ? (
        <ErrorMessage error={error} />
      ) : null}
      <h1>{t('submit.pages.kiem-tra')}</h1>
      <p className="lead">{t('submit.review.lead')}</p>

      <h2>{t('submit.review.answers')}</h2>
      <dl className="submit-summary">
        {rows.map((field) => {
          const step = stepOfField(form, field.name);
          return (
            <div className="submit-summary__row" key={field.name}>
              <dt>{field.label[lang]}</dt>
              <dd data-testid={`review-${field.name}`}>
                <AnswerText
                  field={field}
                  value={answers[field.name]}
                  communes={communes}
                  lang={lang}
                />
              </dd>
              <dd className="submit-summary__action">
                {step ? (
                  <Link to={draftPath(draft.id, step)}>
                    {t('submit.review.change')}
                    <span className="visually-hidden"> {field.label[lang]}</span>
                  </Link>
                ) : null}
              </dd>
            </div>
          );
        })}
      </dl>

      {pages.includes(UPLOADS) ? (
        <>
          <h2>{t('submit.review.documents')}</h2>
          <dl className="submit-summary">
            {documents.map((d) => {
              const files = draft.uploads.filter((u) => u.purpose === d.id);
              if (!files.length && !d.required) return null;
              return (
                <div className="submit-summary__row" key={d.id}>
                  <dt>{d.name[lang]}</dt>
                  <dd>
                    {files.length ? (
                      files.map((f) => <div key={f.id}>{f.name}</div>)
                    ) : (
                      <span className="submit-missing">{t('submit.review.notUploaded')}</span>
                    )}
                  </dd>
                  <dd className="submit-summary__action">
                    <Link to={draftPath(draft.id, UPLOADS)}>
                      {t('submit.review.change')}
                      <span className="visually-hidden"> {d.name[lang]}</span>
                    </Link>
                  </dd>
                </div>
              );
            })}
          </dl>
        </>
      ) : null}

      <h2>{t('submit.review.where')}</h2>
      {askUnit ? (
        <div className={`field${unitError ? ' field--error' : ''}`}>
          <label className="label" htmlFor="receiving-unit">
            {t('submit.review.chooseUnit')}
          </label>
          <p className="hint" id="receiving-unit-help">
            {t('submit.review.chooseUnitHint')}
          </p>
          {unitError ? (
            <p className="field__error" id="receiving-unit-error">
              {unitError}
            </p>
          ) : null}
          <select
            id="receiving-unit"
            className="select"
            value={unitCode}
            onChange={(e) => setUnitCode(e.target.value)}
            aria-describedby={`receiving-unit-help${unitError ? ' receiving-unit-error' : ''}`}
            aria-invalid={unitError ? true : undefined}
            data-testid="receiving-unit"
          >
            <option value="">{t('submit.chooseCommune')}</option>
            {communes.map((u) => (
              <option key={u.code} value={u.code}>
                {u.name}
              </option>
            ))}
          </select>
        </div>
      ) : (
        <p data-testid="review-receiving-unit">{procedure.whereToSubmit.name}</p>
      )}
      {fee !== null && fee > 0 ? <p>{t('submit.review.fee', { amount: formatVnd(fee) })}</p> : null}

      <h2>{t('submit.review.declareTitle')}</h2>
      <p>{t('submit.review.declare')}</p>
      <div className="button-row">
        <button
          type="button"
          className="btn btn--primary btn--big"
          onClick={() => void submit()}
          disabled={sending}
          aria-disabled={sending}
          data-testid="review-submit"
        >
          {sending ? t('submit.review.sending') : t('submit.review.submit')}
        </button>
      </div>
    </div>
  );
}

export function AnswerText({
  field,
  value,
  communes,
  lang,
}: {
  field: FormField;
  value: unknown;
  communes: UnitSummary[];
  lang: Lang;
}) {
  if (field.type === 'group') {
    const items = Array.isArray(value) ? (value as Answers[]) : [];
    return (
      <ol className="submit-summary__items">
        {items.map((item, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: a read-only list in declaration order
          <li key={i}>
            {field.itemFields
              .filter((f) => isFormFieldVisible(f, item) && !isBlank(item[f.name]))
              .map((f) => `${f.label[lang]}: ${leafText(f, item[f.name], communes, lang)}`)
              .join('; ')}
          </li>
        ))}
      </ol>
    );
  }
  return <>{leafText(field, value, communes, lang)}</>;
}

const yesNo = { vi: ['Có', 'Không'], en: ['Yes', 'No'] } as const;

function leafText(
  field: FormLeafField,
  value: unknown,
  communes: UnitSummary[],
  lang: Lang,
): string {
  if (field.type === 'checkbox') return yesNo[lang][value === true ? 0 : 1];
  const text = typeof value === 'string' || typeof value === 'number' ? String(value) : '';
  switch (field.type) {
    case 'select':
    case 'radio':
      return field.options?.find((o) => o.value === text)?.label[lang] ?? text;
    case 'date':
      return formatDate(text);
    case 'unit':
      return communes.find((u) => u.code === text)?.fullName ?? text;
    default:
      return text;
  }
}
