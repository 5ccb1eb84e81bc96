import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { residentSignInUrl } from '../../lib/session';

/** Shown instead of a resident-only page: why, and a sign-in that comes back to this page. */
export function SignInNeeded({ officer }: { officer: boolean }) {
  const { t } = useTranslation();
  const location = useLocation();
  return (
    <div className="card dossier-signin" data-testid="dossiers-sign-in">
      <h2>{t('dossiers.signIn.heading')}</h2>
      <p>{officer ? t('dossiers.signIn.officer') : t('dossiers.signIn.text')}</p>
      {officer ? null : (
        <p>
          <a
            className="btn btn--primary"
            href={residentSignInUrl(`${location.pathname}${location.search}`)}
          >
            {t('dossiers.signIn.button')}
          </a>
        </p>
      )}
      <p className="hint">
        {t('dossiers.signIn.trackInstead')}{' '}
        <Link to="/tra-cuu-ho-so">{t('dossiers.track.title')}</Link>
      </p>
    </div>
  );
}
