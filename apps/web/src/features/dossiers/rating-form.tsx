import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiClientError } from '../../lib/api';
import { useRateDossier } from './dossiers-api';

const starValues = [1, 2, 3, 4, 5] as const;

/** 1–5 stars as real radio buttons with words, so the choice never depends on seeing stars. */
export function RatingForm({ dossierId }: { dossierId: string }) {
  const { t } = useTranslation();
  const rate = useRateDossier(dossierId);
  const [stars, setStars] = useState<number | null>(null);
  const [comment, setComment] = useState('');
  const [starsError, setStarsError] = useState<string | null>(null);
  const firstRadio = useRef<HTMLInputElement>(null);

  const serverError = rate.error instanceof ApiClientError ? rate.error : null;
  const shownStarsError = starsError ?? serverError?.fieldMessage('stars') ?? null;
  const commentError = serverError?.fieldMessage('comment') ?? null;
  const generalError =
    rate.isError && !shownStarsError && !commentError
      ? (serverError?.message ?? t('errors.unexpected'))
      : null;

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    rate.reset();
    if (stars === null) {
      setStarsError(t('dossiers.rating.required'));
      firstRadio.current?.focus();
      return;
    }
    setStarsError(null);
    const text = comment.trim();
    rate.mutate(text ? { stars, comment: text } : { stars });
  }

  return (
    <section aria-labelledby="rating-heading" className="section card rating" data-testid="rating">
      <h2 id="rating-heading">{t('dossiers.rating.heading')}</h2>
      <p>{t('dossiers.rating.lead')}</p>
      <form noValidate onSubmit={onSubmit}>
        <fieldset
          className={`field rating__stars${shownStarsError ? ' field--error' : ''}`}
          aria-describedby={shownStarsError ? 'rating-stars-error' : undefined}
        >
          <legend className="label">{t('dossiers.rating.question')}</legend>
          {shownStarsError ? (
            <p className="field__error" id="rating-stars-error">
              {shownStarsError}
            </p>
          ) : null}
          {starValues.map((value) => (
            <label key={value} className="rating__option">
              <input
                ref={value === 1 ? firstRadio : undefined}
                type="radio"
                name="stars"
                value={value}
                checked={stars === value}
                onChange={() => {
                  setStars(value);
                  setStarsError(null);
                }}
                data-testid={`rating-star-${value}`}
              />
              <span className="rating__stars-icons" aria-hidden="true">
                {'★'.repeat(value)}
                <span className="rating__stars-off">{'★'.repeat(5 - value)}</span>
              </span>
              <span>{t(`dossiers.rating.labels.star${value}`)}</span>
            </label>
          ))}
        </fieldset>
        <div className={`field${commentError ? ' field--error' : ''}`}>
          <label className="label" htmlFor="rating-comment">
            {t('dossiers.rating.comment')}
          </label>
          <p className="hint" id="rating-comment-hint">
            {t('dossiers.rating.commentHint')}
          </p>
          {commentError ? (
            <p className="field__error" id="rating-comment-error">
              {commentError}
            </p>
          ) : null}
          <textarea
            id="rating-comment"
            className="input textarea"
            rows={4}
            maxLength={2000}
            value={comment}
            onChange={(e) => setComment(e.target.value)}
            aria-invalid={commentError ? true : undefined}
            aria-describedby={
              commentError ? 'rating-comment-hint rating-comment-error' : 'rating-comment-hint'
            }
          />
        </div>
        {generalError ? (
          <div className="notice notice--error" role="alert" data-testid="rating-error">
            <p>{generalError}</p>
          </div>
        ) : null}
        <button
          type="submit"
          className="btn btn--primary"
          disabled={rate.isPending}
          data-testid="rating-submit"
        >
          {rate.isPending ? t('dossiers.rating.sending') : t('dossiers.rating.submit')}
        </button>
      </form>
    </section>
  );
}

/** The rating already given (a dossier is rated once). */
export function RatingGiven({ stars, comment }: { stars: number; comment: string | null }) {
  const { t } = useTranslation();
  const key = Math.min(5, Math.max(1, stars)) as 1 | 2 | 3 | 4 | 5;
  return (
    <section
      aria-labelledby="rating-heading"
      className="section card rating"
      data-testid="rating-given"
    >
      <h2 id="rating-heading">{t('dossiers.rating.givenHeading')}</h2>
      <p>
        <span className="rating__stars-icons" aria-hidden="true">
          {'★'.repeat(key)}
          <span className="rating__stars-off">{'★'.repeat(5 - key)}</span>
        </span>{' '}
        <strong>{t(`dossiers.rating.labels.star${key}`)}</strong>
      </p>
      {comment ? <blockquote className="rating__comment">{comment}</blockquote> : null}
      <p className="muted">{t('dossiers.rating.thanks')}</p>
    </section>
  );
}
