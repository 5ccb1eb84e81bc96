import '../styles/procedures.css';
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate } from 'react-router';
import { mostUsedProcedures, procedurePath } from '../lib/procedures';
import { residentSignInUrl, useSession } from '../lib/session';
import { useDocumentTitle } from '../lib/use-document-title';

const tiles = ['track', 'report', 'assistant'] as const;
/** Tiles whose service is live link to it; the others say "coming soon". */
const tileLinks: Partial<Record<(typeof tiles)[number], string>> = {
  track: '/tra-cuu-ho-so',
  report: '/phan-anh/gui',
  assistant: '/tro-ly',
};

export function HomePage() {
  const { t } = useTranslation();
  useDocumentTitle(t('home.title'));
  return (
    <>
      <section className="hero" aria-labelledby="home-heading">
        <h1 id="home-heading">{t('home.heading')}</h1>
        <p className="lead">{t('home.lead')}</p>
        <HomeSearch />
      </section>

      <MostUsed />

      <section aria-labelledby="services-heading" className="section">
        <h2 id="services-heading">{t('home.servicesHeading')}</h2>
        <ul className="tiles">
          {tiles.map((key) => {
            const to = tileLinks[key];
            return (
              <li key={key} className={to ? 'tile' : 'tile tile--soon'}>
                <h3 className="tile__title">
                  {to ? (
                    <Link to={to} data-testid={`tile-${key}`}>
                      {t(`home.tiles.${key}.title`)}
                    </Link>
                  ) : (
                    t(`home.tiles.${key}.title`)
                  )}
                </h3>
                <p className="tile__text">{t(`home.tiles.${key}.text`)}</p>
                <p className="tile__status">
                  {to ? (
                    <Link
                      to={to}
                      className="btn btn--secondary btn--small"
                      tabIndex={-1}
                      aria-hidden="true"
                    >
                      {key === 'track'
                        ? t('dossiers.track.homeAction')
                        : t(`home.tiles.${key}.action`)}
                    </Link>
                  ) : (
                    <span className="tag tag--soon">{t('app.comingSoon')}</span>
                  )}
                </p>
              </li>
            );
          })}
        </ul>
      </section>

      <YourCommune />
    </>
  );
}

function HomeSearch() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [q, setQ] = useState('');
  const id = useId();

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const text = q.trim();
    void navigate(text ? `/thu-tuc?q=${encodeURIComponent(text)}` : '/thu-tuc');
  }

  return (
    <search className="big-search">
      <form action="/thu-tuc" method="get" onSubmit={onSubmit}>
        <label htmlFor={`${id}-q`} className="big-search__label">
          {t('home.searchLabel')}
        </label>
        <p id={`${id}-hint`} className="hint">
          {t('home.procedureSearchHint')}
        </p>
        <div className="big-search__row">
          <input
            id={`${id}-q`}
            name="q"
            type="search"
            className="input big-search__input"
            value={q}
            onChange={(e) => setQ(e.target.value)}
            placeholder={t('home.procedureSearchPlaceholder')}
            aria-describedby={`${id}-hint`}
            autoComplete="off"
            enterKeyHint="search"
          />
          <button type="submit" className="btn btn--primary big-search__button">
            <svg viewBox="0 0 24 24" width="22" height="22" aria-hidden="true" focusable="false">
              <circle
                cx="10.5"
                cy="10.5"
                r="6.5"
                fill="none"
                stroke="currentColor"
                strokeWidth="2.5"
              />
              <path
                d="m15.5 15.5 5 5"
                stroke="currentColor"
                strokeWidth="2.5"
                strokeLinecap="round"
              />
            </svg>
            <span>{t('home.searchButton')}</span>
          </button>
        </div>
      </form>
    </search>
  );
}

function MostUsed() {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="popular-heading" className="section">
      <h2 id="popular-heading">{t('home.mostUsedHeading')}</h2>
      <ul className="popular popular--wide">
        {mostUsedProcedures.map((p) => (
          <li key={p.code}>
            <Link to={procedurePath(p.code)} className="popular__link">
              {t(`procedures.mostUsed.${p.key}`)}
            </Link>
          </li>
        ))}
      </ul>
      <p>
        <Link to="/thu-tuc">{t('home.allProcedures')}</Link>
      </p>
    </section>
  );
}

function YourCommune() {
  const { t } = useTranslation();
  const location = useLocation();
  const { resident, isPending } = useSession();

  return (
    <section aria-labelledby="commune-heading" className="card card--commune section">
      <h2 id="commune-heading">{t('home.communeHeading')}</h2>
      {isPending ? null : resident?.communeCode && resident.communeName ? (
        <>
          <p>{t('home.communeSignedIn')}</p>
          <p className="card__big">{resident.communeName}</p>
          <Link
            className="btn btn--secondary"
            to={`/xa-phuong/${encodeURIComponent(resident.communeCode)}`}
            data-testid="your-commune-link"
          >
            {t('home.communeOpen', { name: resident.communeName })}
          </Link>
        </>
      ) : resident ? (
        <>
          <p>{t('home.communeNone')}</p>
          <Link className="btn btn--secondary" to="/xa-phuong">
            {t('home.communeBrowse')}
          </Link>
        </>
      ) : (
        <>
          <p>{t('home.communeSignedOut')}</p>
          <div className="button-row">
            <a
              className="btn btn--primary"
              href={residentSignInUrl(`${location.pathname}${location.search}`)}
            >
              {t('account.signIn')}
            </a>
            <Link className="btn btn--secondary" to="/xa-phuong">
              {t('home.communeBrowse')}
            </Link>
          </div>
        </>
      )}
    </section>
  );
}
