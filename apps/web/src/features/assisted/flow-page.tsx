import type { FormSchema, FormStep } from '@cqs/shared';
import { type FormEvent, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useNavigate, useParams } from 'react-router';
import { ErrorMessage } from '../../components/error-message';
import { Loading } from '../../components/loading';
import { ApiClientError } from '../../lib/api';
import { useDocumentTitle } from '../../lib/use-document-title';
import { Fields } from '../submit/fields';
import {
  type Answers,
  knownAnswers,
  type Problem,
  validateStep,
  visibleFields,
} from '../submit/flow';
import { useAllCommunes, useFormSchema } from '../submit/submit-api';
import {
  ASSISTED_HOME,
  type AssistedView,
  assistedPath,
  saveAssisted,
  useAssisted,
  useSetAssisted,
} from './assisted-api';
import { ConsentStep } from './consent-step';
import { DoneView } from './done-view';
import { useAt } from './i18n';
import { ReviewStep } from './review-step';
import { CONSENT, pagesOf, REVIEW, UPLOADS } from './steps';
import { UploadsStep } from './uploads-step';

/** `/can-bo/to-cong-nghe/ho-tro/:id/:step?`: one page per step of the member's record. */
export function AssistedFlowPage() {
  const { t } = useAt();
  const { id = '', step } = useParams();
  const record = useAssisted(id);
  const form = useFormSchema(record.data?.procedureCode);
  const failed = record.error ?? form.error;
  if (failed) {
    if (failed instanceof ApiClientError && failed.status === 404) {
      return (
        <div className="as-page as-narrow">
          <h1>{t('flow.notFoundHeading')}</h1>
          <p>{t('flow.notFoundText')}</p>
          <p>
            <Link to={ASSISTED_HOME}>{t('flow.toList')}</Link>
          </p>
        </div>
      );
    }
    return <ErrorMessage error={failed} onRetry={() => record.refetch()} />;
  }
  if (!record.data || !form.data) return <Loading />;
  if (record.data.state === 'submitted') return <DoneView record={record.data} />;
  if (record.data.state === 'cancelled') {
    return (
      <div className="as-page as-narrow">
        <h1>{record.data.procedureName}</h1>
        <p className="notice">{t('flow.cancelled')}</p>
        <p>
          <Link to={ASSISTED_HOME}>{t('flow.toList')}</Link>
        </p>
      </div>
    );
  }
  return <Flow key={record.data.id} record={record.data} form={form.data} step={step} />;
}

function Flow({
  record,
  form,
  step,
}: {
  record: AssistedView;
  form: FormSchema;
  step: string | undefined;
}) {
  const { t, i18n } = useAt();
  const lang = i18n.language === 'en' ? 'en' : 'vi';
  const navigate = useNavigate();
  const setAssisted = useSetAssisted();
  const communes = useAllCommunes();
  const [answers, setAnswers] = useState<Answers>(() => knownAnswers(form, record.answers));
  const [problems, setProblems] = useState<Problem[]>([]);
  const [saving, setSaving] = useState(false);
  const [saveFailed, setSaveFailed] = useState<unknown>(null);
  const pages = useMemo(() => pagesOf(form), [form]);
  const current = step && pages.includes(step) ? step : undefined;
  const index = current ? pages.indexOf(current) : -1;
  const formStep = form.steps.find((s) => s.id === current);

  useDocumentTitle(
    `${formStep ? formStep.title[lang] : current ? t(`flow.pages.${current as 'kiem-tra'}`) : ''} — ${record.procedureName}`,
  );

  if (!current) {
    const resume =
      record.currentStep && pages.includes(record.currentStep) ? record.currentStep : pages[0];
    return <Navigate to={assistedPath(record.id, resume)} replace />;
  }

  /** Saves what was typed, then moves on: a phone that drops off keeps the work done so far. */
  const goTo = async (page: string) => {
    setSaving(true);
    setSaveFailed(null);
    try {
      setAssisted(await saveAssisted(record.id, knownAnswers(form, answers), page));
      void navigate(assistedPath(record.id, page));
    } catch (error) {
      setSaveFailed(error);
    } finally {
      setSaving(false);
    }
  };
  const back = index > 0 ? pages[index - 1] : undefined;

  return (
    <div className="as-page as-narrow" data-testid="as-flow">
      <p className="caption">
        {t('flow.caption', { name: record.resident.fullName, procedure: record.procedureName })}
        <span aria-hidden="true"> · </span>
        {t('flow.progress', { step: index + 1, total: pages.length })}
      </p>
      <p className="as-saved" aria-live="polite">
        {saving ? t('flow.saving') : ''}
      </p>
      {saveFailed ? <ErrorMessage error={saveFailed} /> : null}
      {formStep ? (
        <FormStepPage
          key={formStep.id}
          step={formStep}
          form={form}
          answers={answers}
          problems={problems}
          communes={communes.data?.items ?? []}
          busy={saving}
          onChange={(name, value) => {
            setAnswers((a) => ({ ...a, [name]: value }));
            setProblems((list) =>
              list.filter((p) => p.path !== name && !p.path.startsWith(`${name}.`)),
            );
          }}
          onNext={() => {
            const found = validateStep(form, answers, formStep.fields);
            setProblems(found);
            const following = pages[index + 1];
            if (found.length === 0 && following) void goTo(following);
            return found.length === 0;
          }}
        />
      ) : current === UPLOADS ? (
        <UploadsStep
          record={record}
          form={form}
          answers={answers}
          onNext={() => void goTo(pages[index + 1]!)}
        />
      ) : current === REVIEW ? (
        <ReviewStep
          record={record}
          form={form}
          answers={answers}
          communes={communes.data?.items ?? []}
          busy={saving}
          onEdit={(page) => void goTo(page)}
          onNext={() => void goTo(CONSENT)}
        />
      ) : (
        <ConsentStep record={record} />
      )}
      <p className="as-back">
        {back ? (
          <button
            type="button"
            className="btn btn--quiet back-link"
            onClick={() => void goTo(back)}
            data-testid="as-back"
          >
            {t('flow.back')}
          </button>
        ) : (
          <Link className="back-link" to={ASSISTED_HOME}>
            {t('flow.toList')}
          </Link>
        )}
      </p>
    </div>
  );
}

function FormStepPage({
  step,
  form,
  answers,
  problems,
  communes,
  busy,
  onChange,
  onNext,
}: {
  step: FormStep;
  form: FormSchema;
  answers: Answers;
  problems: Problem[];
  communes: Parameters<typeof Fields>[0]['communes'];
  busy: boolean;
  onChange: (name: string, value: unknown) => void;
  onNext: () => boolean;
}) {
  const { t, i18n } = useAt();
  const { t: tg } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'vi';
  const summary = useRef<HTMLDivElement>(null);
  const [checked, setChecked] = useState(0);
  const visible = visibleFields(form, answers);
  const fields = form.fields.filter((f) => step.fields.includes(f.name) && visible.has(f.name));
  const errors = new Map(problems.map((p) => [p.path, p.message]));
  const shown = problems.filter((p) => step.fields.includes(p.path.split('.')[0] ?? ''));
  const hasErrors = shown.length > 0;
  // After a failed "Tiếp tục", the summary takes focus so the member hears what to fix.
  // biome-ignore lint/correctness/useExhaustiveDependencies: only on a new check, not per keystroke
  useEffect(() => {
    if (checked > 0 && hasErrors) summary.current?.focus();
  }, [checked]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    onNext();
    setChecked((n) => n + 1);
  };

  return (
    <form noValidate onSubmit={submit} data-testid={`as-step-${step.id}`}>
      {hasErrors ? (
        <div className="notice notice--error" role="alert" tabIndex={-1} ref={summary}>
          <h2 className="notice__title">{tg('submit.errorSummary')}</h2>
          <ul className="notice__list">
            {shown.map((p) => (
              <li key={p.path}>
                <a href={`#f-${p.path.replace(/\./g, '-')}`}>{p.message}</a>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <h1>{step.title[lang]}</h1>
      {step.description ? <p className="lead">{step.description[lang]}</p> : null}
      <Fields
        fields={fields}
        answers={answers}
        errors={errors}
        communes={communes}
        onChange={onChange}
      />
      <div className="button-row">
        <button
          type="submit"
          className="btn btn--primary btn--big"
          disabled={busy}
          data-testid="as-next"
        >
          {t('flow.next')}
        </button>
      </div>
    </form>
  );
}
