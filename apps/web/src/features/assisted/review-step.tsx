import { type FormField, type FormSchema, isFormFieldVisible, type UnitSummary } from '@cqs/shared';
import { type Answers, isBlank, stepOfField, visibleFields } from '../submit/flow';
import { AnswerText } from '../submit/review-step';
import type { AssistedView } from './assisted-api';
import { useAt } from './i18n';
import { UPLOADS } from './steps';

/** "Kiểm tra lại thông tin": read back to the resident before asking for their consent. */
export function ReviewStep({
  record,
  form,
  answers,
  communes,
  busy,
  onEdit,
  onNext,
}: {
  record: AssistedView;
  form: FormSchema;
  answers: Answers;
  communes: UnitSummary[];
  busy: boolean;
  onEdit: (page: string) => void;
  onNext: () => void;
}) {
  const { t, i18n } = useAt();
  const lang = i18n.language === 'en' ? 'en' : 'vi';
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

  return (
    <div data-testid="as-step-review">
      <h1>{t('flow.pages.kiem-tra')}</h1>
      <p className="lead">{t('review.lead')}</p>
      <h2>{t('review.resident')}</h2>
      <p>
        {record.resident.fullName} · {record.resident.phoneMasked}
        {record.resident.citizenIdMasked ? ` · ${record.resident.citizenIdMasked}` : ''}
      </p>
      <dl className="submit-summary">
        {rows.map((field) => {
          const step = stepOfField(form, field.name);
          return (
            <div className="submit-summary__row" key={field.name}>
              <dt>{field.label[lang]}</dt>
              <dd>
                <AnswerText
                  field={field}
                  value={answers[field.name]}
                  communes={communes}
                  lang={lang}
                />
              </dd>
              <dd className="submit-summary__action">
                {step ? (
                  <button
                    type="button"
                    className="btn btn--quiet btn--small"
                    onClick={() => onEdit(step)}
                    disabled={busy}
                  >
                    {t('review.edit')}
                    <span className="visually-hidden"> {field.label[lang]}</span>
                  </button>
                ) : null}
              </dd>
            </div>
          );
        })}
      </dl>
      {form.documents.length ? (
        <>
          <h2>{t('review.documents')}</h2>
          <dl className="submit-summary">
            {documents.map((d) => {
              const files = record.uploads.filter((u) => u.purpose === d.id);
              if (!files.length && !d.required) return null;
              return (
                <div className="submit-summary__row" key={d.id}>
                  <dt>{d.name[lang]}</dt>
                  <dd>
                    {files.length
                      ? files.map((f) => <div key={f.id}>{f.name}</div>)
                      : t('review.noDocuments')}
                  </dd>
                  <dd className="submit-summary__action">
                    <button
                      type="button"
                      className="btn btn--quiet btn--small"
                      onClick={() => onEdit(UPLOADS)}
                      disabled={busy}
                    >
                      {t('review.edit')}
                      <span className="visually-hidden"> {d.name[lang]}</span>
                    </button>
                  </dd>
                </div>
              );
            })}
          </dl>
        </>
      ) : null}
      <div className="button-row">
        <button
          type="button"
          className="btn btn--primary btn--big"
          onClick={onNext}
          disabled={busy}
          data-testid="as-to-consent"
        >
          {t('review.toConsent')}
        </button>
      </div>
    </div>
  );
}
