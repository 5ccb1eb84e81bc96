import { useTranslation } from 'react-i18next';
import { Link, NavLink, Outlet, useLocation, useNavigate } from 'react-router';
import { AssistantLauncher } from '../features/assistant/launcher';
import { type ResidentUser, residentSignInUrl, useLogout, useSession } from '../lib/session';
import { Emblem } from './emblem';
import { ErrorMessage } from './error-message';
import { useFocusMainOnNavigate } from './focus-on-navigate';
import { LangSwitch } from './lang-switch';

export function ResidentLayout() {
  const { t } = useTranslation();
  const location = useLocation();
  const session = useSession();
  useFocusMainOnNavigate();

  const returnTo = `${location.pathname}${location.search}`;
  const showSignIn = !session.isPending && !session.resident && !session.officer;

  return (
    <div className="page">
      <a className="skip-link" href="#main">
        {t('app.skipLink')}
      </a>
      <header className="site-header">
        <div className="container site-header__bar">
          <Link to="/" className="brand">
            <Emblem />
            <span className="brand__text">
              <span className="brand__province">{t('app.province')}</span>
              <span className="brand__product">{t('app.product')}</span>
            </span>
          </Link>
          <div className="site-header__tools">
            <LangSwitch className="btn btn--on-dark" />
            {session.isPending ? (
              <span className="btn btn--light site-header__placeholder" aria-hidden="true">
                {t('account.signIn')}
              </span>
            ) : null}
            {showSignIn ? (
              <a
                className="btn btn--light"
                href={residentSignInUrl(returnTo)}
                data-testid="login-button"
              >
                {t('account.signIn')}
              </a>
            ) : null}
            {session.officer ? (
              <Link className="btn btn--light" to="/can-bo">
                {t('officer.backOffice')}
              </Link>
            ) : null}
          </div>
        </div>
        <nav className="site-nav" aria-label={t('nav.label')}>
          <ul className="container site-nav__list">
            <li>
              <NavLink to="/" end className="site-nav__link">
                {t('nav.home')}
              </NavLink>
            </li>
            <li>
              <NavLink to="/thu-tuc" className="site-nav__link">
                {t('nav.procedures')}
              </NavLink>
            </li>
            <li>
              <NavLink to="/xa-phuong" className="site-nav__link">
                {t('nav.units')}
              </NavLink>
            </li>
          </ul>
        </nav>
      </header>

      {session.resident ? <AccountBar resident={session.resident} /> : null}

      <div className="container">
        <p className="phase-banner">
          <strong className="tag tag--phase">{t('app.betaTag')}</strong>
          <span>{t('app.betaText')}</span>
        </p>
      </div>

      <main id="main" className="container main" tabIndex={-1}>
        <Outlet />
      </main>

      <footer className="site-footer">
        <div className="container site-footer__inner">
          <p className="site-footer__owner">
            <Emblem size={28} />
            <span>{t('footer.owner')}</span>
          </p>
          <p>{t('footer.note')}</p>
          <nav aria-label={t('footer.links')}>
            <ul className="site-footer__links">
              <li>
                <Link to="/thu-tuc">{t('nav.procedures')}</Link>
              </li>
              <li>
                <Link to="/xa-phuong">{t('nav.units')}</Link>
              </li>
              <li>
                <Link to="/can-bo/dang-nhap">{t('footer.officerLink')}</Link>
              </li>
            </ul>
          </nav>
        </div>
      </footer>
      <AssistantLauncher />
    </div>
  );
}

function AccountBar({ resident }: { resident: ResidentUser }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const logout = useLogout();

  return (
    <section className="account-bar" aria-label={t('account.label')}>
      <div className="container account-bar__inner">
        <div className="account-bar__who">
          <span className="account-bar__icon" aria-hidden="true">
            <svg viewBox="0 0 24 24" width="24" height="24" aria-hidden="true" focusable="false">
              <circle cx="12" cy="8" r="4" fill="currentColor" />
              <path d="M4 21c0-4.4 3.6-7 8-7s8 2.6 8 7H4Z" fill="currentColor" />
            </svg>
          </span>
          <div>
            <p className="account-bar__name" data-testid="resident-name">
              {resident.fullName}
            </p>
            <p className="account-bar__meta">
              <span className="nowrap" data-testid="resident-commune">
                {resident.communeName ?? t('account.communeUnknown')}
              </span>
              <span aria-hidden="true"> · </span>
              <span className="nowrap" data-testid="resident-assurance">
                {resident.assuranceLevel != null
                  ? t('account.assurance', { level: resident.assuranceLevel })
                  : t('account.assuranceUnknown')}
              </span>
            </p>
          </div>
        </div>
        <div className="button-row">
          {/* In the account bar, not the top nav: on a 360 px phone a fourth nav item scrolls away. */}
          <Link
            className="btn btn--primary btn--small"
            to="/ho-so-cua-toi"
            data-testid="nav-my-dossiers"
          >
            {t('dossiers.mine.title')}
          </Link>
          <button
            type="button"
            className="btn btn--secondary btn--small"
            disabled={logout.isPending}
            onClick={() =>
              logout.mutate(undefined, { onSuccess: () => navigate('/', { replace: true }) })
            }
            data-testid="logout-button"
          >
            {logout.isPending ? t('account.signingOut') : t('account.signOut')}
          </button>
        </div>
      </div>
      {logout.isError ? (
        <div className="container">
          <ErrorMessage error={logout.error} />
        </div>
      ) : null}
    </section>
  );
}
