import { useState } from 'react';
import { Link, useLocation } from 'react-router';
import { ApiClientError } from '../../lib/api';
import { residentSignInUrl, useSession } from '../../lib/session';
import { followReport, useSimilarReports } from './feedback-api';
import { useFeedbackT } from './feedback-i18n';

/**
 * Reports of the same category within ~100 m in the last 30 days: "follow this one" instead of a
 * duplicate. Following needs a sign-in; the draft survives the round trip (sessionStorage).
 */
export function SimilarReports({
  category,
  point,
}: {
  category: string;
  point: { lat: number; lng: number };
}) {
  const { t } = useFeedbackT();
  const location = useLocation();
  const session = useSession();
  const similar = useSimilarReports(category, point);
  const [followed, setFollowed] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const items = similar.data?.items ?? [];
  if (items.length === 0) return null;

  const follow = async (reference: string) => {
    setBusy(reference);
    setError(null);
    try {
      await followReport(reference);
      setFollowed(reference);
    } catch (e) {
      setError(e instanceof ApiClientError ? e.message : t('similar.follow'));
    } finally {
      setBusy(null);
    }
  };

  return (
    <section
      className="notice notice--warning feedback-similar"
      aria-labelledby="fb-similar-heading"
      data-testid="similar-reports"
    >
      <h2 className="notice__title" id="fb-similar-heading">
        {t('similar.heading')}
      </h2>
      <p>{t('similar.lead', { count: items.length })}</p>
      {followed ? (
        <p className="feedback-followed" role="status" data-testid="similar-followed">
          {t('similar.followed', { ref: followed })}
        </p>
      ) : null}
      {error ? (
        <p className="field__error" role="alert">
          {error}
        </p>
      ) : null}
      <ul className="feedback-similar__list">
        {items.slice(0, 5).map((r) => (
          <li key={r.reference} className="feedback-similar__item">
            <p className="feedback-similar__meta">
              <strong>{r.reference}</strong>
              <span aria-hidden="true"> · </span>
              {r.stateLabel}
              <span aria-hidden="true"> · </span>
              {t('similar.distance', { m: r.distanceM })}
            </p>
            <p className="feedback-similar__text">{clip(r.description, 160)}</p>
            <div className="button-row">
              <Link
                className="btn btn--quiet btn--small"
                to={`/phan-anh/${encodeURIComponent(r.reference)}`}
              >
                {t('similar.view')}
              </Link>
              {followed === r.reference ? (
                <span className="tag">{t('similar.following')}</span>
              ) : session.user ? (
                <button
                  type="button"
                  className="btn btn--secondary btn--small"
                  onClick={() => void follow(r.reference)}
                  disabled={busy !== null}
                  aria-label={t('similar.followNamed', { ref: r.reference })}
                  data-testid={`follow-${r.reference}`}
                >
                  {t('similar.follow')}
                </button>
              ) : (
                <a
                  className="btn btn--secondary btn--small"
                  href={residentSignInUrl(`${location.pathname}${location.search}`)}
                >
                  {t('similar.signInToFollow')}
                </a>
              )}
            </div>
          </li>
        ))}
      </ul>
      <p>{t('similar.stillFile')}</p>
    </section>
  );
}

function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text;
}
