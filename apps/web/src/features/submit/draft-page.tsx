import type { DraftView, FormSchema, FormStep, ProcedureDetail } from '@cqs/shared';
import { type FormEvent, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useNavigate, useParams } from 'react-router';
import { ErrorMessage } from '../../components/error-message';
import { Loading } from '../../components/loading';
import { ApiClientError } from '../../lib/api';
import { useSession } from '../../lib/session';
import { useDocumentTitle } from '../../lib/use-document-title';
import { Confirmation } from './confirmation';
import { FeeStep } from './fee-step';
import { Fields } from './fields';
import {
  type Answers,
  DONE,
  draftPath,
  FEE,
  formatTime,
  knownAnswers,
  onlineFee,
  type Problem,
  pageOrder,
  REVIEW,
  UPLOADS,
  validateStep,
  visibleFields,
} from './flow';
import { ReviewStep } from './review-step';
import { useAllCommunes, useDraft, useFormSchema, useProcedureDetail } from './submit-api';
import { UploadsStep } from './uploads-step';
import { useAutosave } from './use-autosave';

/** `/nop-ho-so/ho-so/:draftId/:step?`: one page per step of a saved draft. */
export function DraftPage() {
  const { draftId = '', step } = useParams();
  const session = useSession();
  const draft = useDraft(draftId);
  const form = useFormSchema(draft.data?.procedureCode);
  const procedure = useProcedureDetail(draft.data?.procedureCode, session.resident?.communeCode);

  if (session.isPending) return <Loading />;
  if (!session.resident) return <Navigate to="/" replace />;
  const failed = draft.error ?? form.error ?? procedure.error;
  if (failed) return <LoadFailed error={failed} />;
  if (!draft.data || !form.data || !procedure.data) return <Loading />;
  if (draft.data.submittedDossierId || step === DONE) {
    return <Confirmation draft={draft.data} />;
  }
  return (
    <DraftFlow
      key={draft.data.id}
      draft={draft.data}
      form={form.data}
      procedure={procedure.data}
      step={step}
    />
  );
}

function LoadFailed({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (error instanceof ApiClientError && error.status === 404) {
    return (
      <div className="submit-narrow">
        <h1>{t('submit.draft.notFoundHeading')}</h1>
        <p>{t('submit.draft.notFoundText')}</p>
        <p>
          <Link className="btn btn--primary" to="/thu-tuc">
            {t('nav.procedures')}
          </Link>
        </p>
      </div>
    );
  }
  return <ErrorMessage error={error} />;
}

function DraftFlow({
  draft,
  form,
  procedure,
  step,
}: {
  draft: DraftView;
  form: FormSchema;
  procedure: ProcedureDetail;
  step: string | undefined;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'vi';
  const navigate = useNavigate();
  const communes = useAllCommunes();
  const [answers, setAnswers] = useState<Answers>(() => knownAnswers(form, draft.answers));
  const [problems, setProblems] = useState<Problem[]>([]);
  const saver = useAutosave(draft.id, draft.updatedAt);
  const fee = onlineFee(procedure);
  const pages = useMemo(() => pageOrder(form, fee), [form, fee]);
  const current = step && pages.includes(step) ? step : undefined;
  const index = current ? pages.indexOf(current) : -1;
  const formStep = form.steps.find((s) => s.id === current);

  useDocumentTitle(
    formStep
      ? `${formStep.title[lang]} — ${draft.procedureName}`
      : current
        ? `${t(`submit.pages.${current as 'giay-to'}`)} — ${draft.procedureName}`
        : draft.procedureName,
  );

  if (!current) {
    const resume =
      draft.currentStep && pages.includes(draft.currentStep) ? draft.currentStep : pages[0];
    return <Navigate to={draftPath(draft.id, resume)} replace />;
  }

  const goTo = (page: string) => {
    saver.schedule(answers, page);
    void saver.flush();
    void navigate(draftPath(draft.id, page));
  };
  const next = () => {
    const following = pages[index + 1];
    if (following) goTo(following);
  };
  const back = index > 0 ? pages[index - 1] : undefined;
  const change = (name: string, value: unknown) => {
    const updated = { ...answers, [name]: value };
    setAnswers(updated);
    // A corrected field loses its message; the rest stay until the next check.
    setProblems((list) => list.filter((p) => p.path !== name && !p.path.startsWith(`${name}.`)));
    saver.schedule(updated, current);
  };

  return (
    <div className="submit-narrow" data-testid="submit-flow">
      <p className="caption">
        {draft.procedureName}
        <span aria-hidden="true"> · </span>
        {t('submit.progress', { step: index + 1, total: pages.length })}
      </p>
      <SaveStatus saver={saver} />
      {formStep ? (
        <FormStepPage
          key={formStep.id}
          step={formStep}
          form={form}
          answers={answers}
          problems={problems}
          communes={communes.data?.items ?? []}
          onChange={change}
          onNext={() => {
            const found = validateStep(form, answers, formStep.fields);
            setProblems(found);
            if (found.length === 0) next();
          }}
        />
      ) : current === UPLOADS ? (
        <UploadsStep draft={draft} form={form} answers={answers} onNext={next} />
      ) : current === FEE ? (
        <FeeStep draftId={draft.id} amount={fee ?? 0} onNext={next} />
      ) : current === REVIEW ? (
        <ReviewStep
          draft={draft}
          form={form}
          procedure={procedure}
          answers={answers}
          communes={communes.data?.items ?? []}
          pages={pages}
          beforeSubmit={async () => {
            saver.schedule(answers, REVIEW);
            await saver.flush();
            return !saver.hasPending();
          }}
          onProblems={setProblems}
          onDone={() => navigate(draftPath(draft.id, DONE), { replace: true })}
        />
      ) : null}
      {back ? (
        <p className="submit-back">
          <Link
            className="back-link"
            to={draftPath(draft.id, back)}
            onClick={() => {
              saver.schedule(answers, back);
              void saver.flush();
            }}
            data-testid="step-back"
          >
            {t('submit.back')}
          </Link>
        </p>
      ) : (
        <p className="submit-back">
          <Link className="back-link" to={`/nop-ho-so/${encodeURIComponent(draft.procedureCode)}`}>
            {t('submit.back')}
          </Link>
        </p>
      )}
    </div>
  );
}

function SaveStatus({ saver }: { saver: ReturnType<typeof useAutosave> }) {
  const { t } = useTranslation();
  return (
    <p className="submit-saved" aria-live="polite" data-testid="save-status">
      {saver.saving ? (
        t('submit.saving')
      ) : saver.failed ? (
        <span className="submit-saved--failed">
          {t('submit.saveFailed')}{' '}
          <button
            type="button"
            className="btn btn--quiet btn--small"
            onClick={() => void saver.flush()}
          >
            {t('submit.saveRetry')}
          </button>
        </span>
      ) : saver.savedAt ? (
        t('submit.savedAt', { time: formatTime(saver.savedAt) })
      ) : null}
    </p>
  );
}

function FormStepPage({
  step,
  form,
  answers,
  problems,
  communes,
  onChange,
  onNext,
}: {
  step: FormStep;
  form: FormSchema;
  answers: Answers;
  problems: Problem[];
  communes: Parameters<typeof Fields>[0]['communes'];
  onChange: (name: string, value: unknown) => void;
  onNext: () => void;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'vi';
  const summary = useRef<HTMLDivElement>(null);
  const [checked, setChecked] = useState(0);
  const visible = visibleFields(form, answers);
  const fields = form.fields.filter((f) => step.fields.includes(f.name) && visible.has(f.name));
  const errors = new Map(problems.map((p) => [p.path, p.message]));
  const shown = problems.filter((p) => step.fields.includes(p.path.split('.')[0] ?? ''));

  const hasErrors = shown.length > 0;
  // After a failed "Tiếp tục", the summary takes focus so the resident hears what to fix.
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
    <form noValidate onSubmit={submit} data-testid={`step-${step.id}`}>
      {shown.length > 0 ? (
        <div
          className="notice notice--error"
          role="alert"
          tabIndex={-1}
          ref={summary}
          data-testid="error-summary"
        >
          <h2 className="notice__title">{t('submit.errorSummary')}</h2>
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
        <button type="submit" className="btn btn--primary btn--big" data-testid="step-next">
          {t('submit.next')}
        </button>
      </div>
    </form>
  );
}
