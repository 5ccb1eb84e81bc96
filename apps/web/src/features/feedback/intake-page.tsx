import type { FeedbackCategory } from '@cqs/shared';
import { type FormEvent, useRef, useState } from 'react';
import { Link, Navigate, useNavigate, useParams, useSearchParams } from 'react-router';
import { Loading } from '../../components/loading';
import { i18n } from '../../i18n';
import { ApiClientError } from '../../lib/api';
import { useDocumentTitle } from '../../lib/use-document-title';
import { Confirmation } from './confirmation';
import {
  DONE,
  fieldOfError,
  firstIncompleteStep,
  intakeFields,
  type Problems,
  type ReportDraft,
  STEPS,
  type Step,
  startDraftFromQuery,
  stepOfError,
  stepPath,
  useReportDraft,
  validateStep,
  writeCreated,
} from './draft';
import { submitReport, useFeedbackCategories, useLocate } from './feedback-api';
import { useFeedbackT } from './feedback-i18n';
import { PhotosStep } from './photos-step';
import { PlaceStep } from './place-step';
import { ReviewStep } from './review-step';
import { CategoryStep, ContactStep, DescriptionStep } from './steps';
import './feedback.css';

// Photos cannot go into sessionStorage: they stay in memory while the resident moves between steps.
let keptPhotos: File[] = [];

export interface StepProps {
  draft: ReportDraft;
  update: (patch: Partial<ReportDraft>) => void;
  problems: Problems;
  categories: FeedbackCategory[];
}

/** `/phan-anh/gui/:step?`: report a problem, one question per page, then review and send. */
export function ReportIntakePage() {
  const { step } = useParams();
  const [params] = useSearchParams();
  if (step === DONE) return <Confirmation />;
  const current = STEPS.find((s) => s === step);
  if (!current) {
    // A prefilled link (from the assistant) seeds the draft before the first step reads it.
    startDraftFromQuery(params);
    return <Navigate to={stepPath(STEPS[0])} replace />;
  }
  return <IntakeFlow step={current} />;
}

function IntakeFlow({ step }: { step: Step }) {
  const { t } = useFeedbackT();
  const navigate = useNavigate();
  const { draft, update, clear } = useReportDraft();
  const categories = useFeedbackCategories();
  const [photos, setPhotosState] = useState<File[]>(keptPhotos);
  const [problems, setProblems] = useState<Problems>({});
  // A refusal from the API, shown next to its field on the step it belongs to.
  const [serverProblem, setServerProblem] = useState<{
    step: Step;
    field: string;
    message: string;
  } | null>(null);
  const [sending, setSending] = useState(false);
  const summary = useRef<HTMLDivElement>(null);
  // Set once the report is filed: the emptied draft must not send the resident back to step 1.
  const sent = useRef(false);
  const index = STEPS.indexOf(step);
  const pin =
    draft.placeMode === 'map' && draft.lat !== null && draft.lng !== null
      ? { lat: draft.lat, lon: draft.lng }
      : null;
  const located = useLocate(pin);
  useDocumentTitle(`${t(`steps.${step}`)} — ${t('title')}`);

  // No skipping ahead past an unanswered step (a bookmarked or typed URL).
  const incomplete = firstIncompleteStep(draft);
  if (!sent.current && incomplete && STEPS.indexOf(incomplete) < index) {
    return <Navigate to={stepPath(incomplete)} replace />;
  }

  const setPhotos = (files: File[]) => {
    keptPhotos = files;
    setPhotosState(files);
    if (serverProblem?.step === 'hinh-anh') setServerProblem(null);
  };
  const change = (patch: Partial<ReportDraft>) => {
    update(patch);
    setProblems((p) => {
      const rest = { ...p };
      for (const key of Object.keys(patch)) delete rest[key];
      if ('lat' in patch || 'placeMode' in patch) delete rest.pin;
      return rest;
    });
    if (serverProblem?.step === step) setServerProblem(null);
  };
  const shown: Problems = {
    ...Object.fromEntries(Object.entries(problems).map(([k, key]) => [k, t(key as 'next')])),
    ...(serverProblem?.step === step ? { [serverProblem.field]: serverProblem.message } : {}),
  };

  const goNext = (event?: FormEvent) => {
    event?.preventDefault();
    const found = validateStep(step, draft);
    // A pin outside the province is refused by the server: say so before the resident goes on.
    if (step === 'vi-tri' && pin && located.error instanceof ApiClientError) {
      if (located.error.status === 422) found.pin = 'place.outside';
    }
    setProblems(found);
    if (Object.keys(found).length > 0) {
      window.setTimeout(() => summary.current?.focus(), 0);
      return;
    }
    const following = STEPS[index + 1];
    if (following) void navigate(stepPath(following));
  };

  const send = async () => {
    setSending(true);
    setServerProblem(null);
    try {
      const created = await submitReport(intakeFields(draft), photos);
      writeCreated(created);
      sent.current = true;
      clear();
      setPhotos([]);
      void navigate(stepPath(DONE), { replace: true });
    } catch (error) {
      const api = error instanceof ApiClientError ? error : null;
      const code = api?.code ?? 'INTERNAL';
      const fieldPath = api?.fields[0]?.path;
      const at = stepOfError(code, fieldPath);
      const message = api?.fields[0]?.message ?? api?.message ?? i18n.t('errors.unexpected');
      setServerProblem({ step: at, field: fieldOfError(at, code, fieldPath), message });
      if (at !== 'kiem-tra') void navigate(stepPath(at));
      else window.setTimeout(() => summary.current?.focus(), 0);
    } finally {
      setSending(false);
    }
  };

  const props: StepProps = {
    draft,
    update: change,
    problems: shown,
    categories: categories.data ?? [],
  };
  const problemList = Object.entries(shown);
  // The first step's choices come from the API: the form appears with them, rather than growing
  // under the resident's finger and pushing the button down.
  const waitingForCategories = step === 'linh-vuc' && categories.isPending;

  return (
    <div className="feedback-narrow" data-testid="feedback-intake" data-step={step}>
      {index > 0 ? (
        <p>
          <Link className="back-link" to={stepPath(STEPS[index - 1] ?? 'linh-vuc')}>
            {t('back')}
          </Link>
        </p>
      ) : null}
      <p className="caption">
        {t('title')}
        <span aria-hidden="true"> · </span>
        {t('progress', { step: index + 1, total: STEPS.length })}
      </p>
      {problemList.length ? (
        <div
          className="notice notice--error"
          role="alert"
          tabIndex={-1}
          ref={summary}
          data-testid="feedback-errors"
        >
          <h2 className="notice__title">{t('errorSummary')}</h2>
          <ul className="notice__list">
            {problemList.map(([field, message]) => (
              <li key={field}>
                <a href={`#fb-${field}`}>{message}</a>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {waitingForCategories ? (
        <Loading />
      ) : (
        <form onSubmit={goNext} noValidate>
          {step === 'linh-vuc' ? <CategoryStep {...props} loadError={categories.error} /> : null}
          {step === 'vi-tri' ? <PlaceStep {...props} /> : null}
          {step === 'hinh-anh' ? (
            <PhotosStep photos={photos} onChange={setPhotos} problem={shown.media} />
          ) : null}
          {step === 'noi-dung' ? <DescriptionStep {...props} /> : null}
          {step === 'lien-he' ? <ContactStep {...props} /> : null}
          {step === 'kiem-tra' ? (
            <ReviewStep {...props} photos={photos} sending={sending} onSend={() => void send()} />
          ) : (
            <div className="button-row feedback-actions">
              <button
                type="submit"
                className="btn btn--primary btn--big"
                data-testid="feedback-next"
              >
                {t('next')}
              </button>
            </div>
          )}
        </form>
      )}
      {step === 'linh-vuc' && !waitingForCategories ? (
        <p className="hint">{t('draftKept')}</p>
      ) : null}
    </div>
  );
}
