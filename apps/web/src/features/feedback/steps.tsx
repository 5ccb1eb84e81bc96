import { FEEDBACK_DESCRIPTION_MAX, type FeedbackCategory } from '@cqs/shared';
import type { ReactNode } from 'react';
import { ErrorMessage } from '../../components/error-message';
import { Loading } from '../../components/loading';
import { useSession } from '../../lib/session';
import { useDebouncedValue } from '../../lib/use-debounced-value';
import { useClassify } from './feedback-api';
import { useFeedbackT } from './feedback-i18n';
import type { StepProps } from './intake-page';

/** A field's error line, tied to its control by id `fb-<name>-error`. */
export function FieldError({ name, message }: { name: string; message: string | undefined }) {
  return message ? (
    <p className="field__error" id={`fb-${name}-error`}>
      {message}
    </p>
  ) : null;
}

export function describedBy(...ids: (string | false | undefined | null)[]): string | undefined {
  const list = ids.filter(Boolean);
  return list.length ? list.join(' ') : undefined;
}

export function useCategoryName(categories: FeedbackCategory[]) {
  const { i18n } = useFeedbackT();
  return (code: string | null | undefined): string => {
    const found = categories.find((c) => c.code === code);
    if (!found) return code ?? '';
    return i18n.language === 'en' ? found.nameEn : found.nameVi;
  };
}

export function CategoryStep({
  draft,
  update,
  problems,
  categories,
  loadError,
}: StepProps & { loadError: unknown }) {
  const { t } = useFeedbackT();
  const name = useCategoryName(categories);
  const main = categories.filter((c) => c.parentCode === null);
  const chosenMain = draft.category?.split('.')[0] ?? null;
  const subs = categories.filter((c) => c.parentCode && c.parentCode === chosenMain);
  const error = problems.category;
  return (
    <fieldset
      className={`feedback-fieldset field${error ? ' field--error' : ''}`}
      id="fb-category"
      aria-describedby={describedBy('fb-category-lead', error && 'fb-category-error')}
    >
      <legend>
        <h1>{t('category.heading')}</h1>
      </legend>
      <p className="hint" id="fb-category-lead">
        {t('category.lead')}
      </p>
      <FieldError name="category" message={error} />
      {loadError ? <ErrorMessage error={loadError} /> : null}
      {categories.length === 0 && !loadError ? <Loading /> : null}
      <div className="feedback-choices">
        {main.map((c) => (
          <Choice
            key={c.code}
            name="category"
            checked={chosenMain === c.code}
            onChange={() => update({ category: c.code, keptAgainst: null })}
            testId={`category-${c.code}`}
          >
            {name(c.code)}
          </Choice>
        ))}
        <Choice
          name="category"
          checked={draft.category === ''}
          onChange={() => update({ category: '', keptAgainst: null })}
          testId="category-unsure"
        >
          {t('category.unsure')}
        </Choice>
      </div>
      {subs.length > 0 && chosenMain ? (
        <fieldset className="feedback-fieldset feedback-subs">
          <legend className="label">
            {t('category.sub')} <span className="feedback-optional">{t('optional')}</span>
          </legend>
          <div className="feedback-choices">
            <Choice
              name="subcategory"
              checked={draft.category === chosenMain}
              onChange={() => update({ category: chosenMain })}
            >
              {t('category.subAny')}
            </Choice>
            {subs.map((c) => (
              <Choice
                key={c.code}
                name="subcategory"
                checked={draft.category === c.code}
                onChange={() => update({ category: c.code })}
                testId={`category-${c.code}`}
              >
                {name(c.code)}
              </Choice>
            ))}
          </div>
        </fieldset>
      ) : null}
    </fieldset>
  );
}

function Choice({
  name,
  checked,
  onChange,
  testId,
  children,
}: {
  name: string;
  checked: boolean;
  onChange: () => void;
  testId?: string;
  children: ReactNode;
}) {
  return (
    <label className={`feedback-choice${checked ? ' is-checked' : ''}`}>
      <input type="radio" name={name} checked={checked} onChange={onChange} data-testid={testId} />
      <span>{children}</span>
    </label>
  );
}

export function DescriptionStep({ draft, update, problems, categories }: StepProps) {
  const { t } = useFeedbackT();
  const name = useCategoryName(categories);
  const error = problems.description;
  const length = draft.description.trim().length;
  // Ask the classifier once the resident pauses typing, not at every key.
  const settled = useDebouncedValue(draft.description, 700);
  const guess = useClassify(settled);
  const suggested = guess.data && guess.data.category !== 'khac' ? guess.data.category : null;
  const chosenMain = draft.category?.split('.')[0] ?? '';
  const showSuggest = suggested && draft.category === '' && guess.data!.confidence >= 0.35;
  const showMismatch =
    suggested &&
    chosenMain &&
    chosenMain !== suggested &&
    draft.keptAgainst !== suggested &&
    guess.data!.confidence >= 0.6;

  return (
    <>
      <h1>{t('description.heading')}</h1>
      {draft.category ? (
        <p className="caption">{t('description.chosenNow', { name: name(draft.category) })}</p>
      ) : null}
      <div className={`field${error ? ' field--error' : ''}`}>
        <label className="label" htmlFor="fb-description">
          {t('description.label')}
        </label>
        <p className="hint" id="fb-description-hint">
          {t('description.hint')}
        </p>
        <FieldError name="description" message={error} />
        <textarea
          id="fb-description"
          className="input feedback-textarea"
          rows={8}
          value={draft.description}
          maxLength={FEEDBACK_DESCRIPTION_MAX}
          onChange={(e) => update({ description: e.target.value })}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(
            'fb-description-hint',
            'fb-description-count',
            error && 'fb-description-error',
          )}
          data-testid="feedback-description"
        />
        <p
          className={`feedback-counter${length > FEEDBACK_DESCRIPTION_MAX - 200 ? ' is-near' : ''}`}
          id="fb-description-count"
          aria-live="polite"
        >
          {t('description.counter', { count: length, max: FEEDBACK_DESCRIPTION_MAX })}
        </p>
      </div>
      {showSuggest ? (
        <section
          className="notice feedback-suggest"
          aria-live="polite"
          data-testid="category-suggestion"
        >
          <h2 className="notice__title">{t('description.suggestTitle')}</h2>
          <p>{t('description.suggestText', { name: name(suggested) })}</p>
          <button
            type="button"
            className="btn btn--secondary"
            onClick={() => update({ category: suggested })}
            data-testid="category-suggestion-use"
          >
            {t('description.suggestUse', { name: name(suggested) })}
          </button>
        </section>
      ) : null}
      {showMismatch ? (
        <section
          className="notice notice--warning feedback-suggest"
          aria-live="polite"
          data-testid="category-mismatch"
        >
          <p>
            {t('description.mismatchText', {
              suggested: name(suggested),
              chosen: name(draft.category),
            })}
          </p>
          <div className="button-row">
            <button
              type="button"
              className="btn btn--secondary"
              onClick={() => update({ category: suggested, keptAgainst: null })}
            >
              {t('description.mismatchUse', { name: name(suggested) })}
            </button>
            <button
              type="button"
              className="btn btn--quiet"
              onClick={() => update({ keptAgainst: suggested })}
            >
              {t('description.keep')}
            </button>
          </div>
        </section>
      ) : null}
    </>
  );
}

export function ContactStep({ draft, update, problems }: StepProps) {
  const { t } = useFeedbackT();
  const session = useSession();
  const input = (
    field: 'contactName' | 'contactPhone' | 'contactEmail',
    label: string,
    type: string,
    autoComplete: string,
    hint?: string,
  ) => (
    <div className={`field${problems[field] ? ' field--error' : ''}`}>
      <label className="label" htmlFor={`fb-${field}`}>
        {label} <span className="feedback-optional">{t('optional')}</span>
      </label>
      {hint ? (
        <p className="hint" id={`fb-${field}-hint`}>
          {hint}
        </p>
      ) : null}
      <FieldError name={field} message={problems[field]} />
      <input
        id={`fb-${field}`}
        className="input"
        type={type}
        autoComplete={autoComplete}
        inputMode={type === 'tel' ? 'tel' : undefined}
        value={draft[field]}
        onChange={(e) => update({ [field]: e.target.value })}
        aria-invalid={problems[field] ? true : undefined}
        aria-describedby={describedBy(
          hint && `fb-${field}-hint`,
          problems[field] && `fb-${field}-error`,
        )}
        data-testid={`feedback-${field}`}
      />
    </div>
  );
  return (
    <>
      <h1>{t('contact.heading')}</h1>
      <p className="lead">{t('contact.lead')}</p>
      {session.resident ? <p className="notice">{t('contact.signedInAs')}</p> : null}
      {input('contactName', t('contact.name'), 'text', 'name')}
      {input('contactPhone', t('contact.phone'), 'tel', 'tel', t('contact.phoneHint'))}
      {input('contactEmail', t('contact.email'), 'email', 'email')}
      <p className="hint">{t('contact.noContact')}</p>
      <div className="field feedback-anonymous">
        <label className="checkbox">
          <input
            type="checkbox"
            checked={draft.anonymous}
            onChange={(e) => update({ anonymous: e.target.checked })}
            aria-describedby="fb-anonymous-hint"
            data-testid="feedback-anonymous"
          />
          <span>{t('contact.anonymous')}</span>
        </label>
        <p className="hint" id="fb-anonymous-hint">
          {t('contact.anonymousHint')}
        </p>
      </div>
    </>
  );
}
