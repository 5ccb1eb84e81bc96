import { type OfficerRole, permissions, roleLabels, type SessionInfo } from '@cqs/shared';

// Most senior first, so a leader reads "Lãnh đạo đơn vị" before the viewer badge.
const seniority: OfficerRole[] = [
  'system_admin',
  'province_admin',
  'unit_leader',
  'specialist',
  'receiving_officer',
  'dashboard_viewer',
  'community_team_member',
];
function bySeniority(a: OfficerRole, b: OfficerRole): number {
  return seniority.indexOf(a) - seniority.indexOf(b);
}

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, NavLink, Outlet, useLocation, useNavigate } from 'react-router';
import { ErrorMessage } from '../../components/error-message';
import { useFocusMainOnNavigate } from '../../components/focus-on-navigate';
import { Loading } from '../../components/loading';
import { currentLanguage } from '../../i18n';
import { post } from '../../lib/api';
import { type OfficerUser, sessionQueryKey, useLogout, useSession } from '../../lib/session';
import { OfficerShellHeader } from './officer-shell-header';
import './officer.css';

export interface OfficerUnit {
  unitCode: string;
  unitName: string;
  roles: OfficerRole[];
}

/** An officer's grants grouped by unit, in the order the API listed them. */
export function unitsOf(officer: OfficerUser): OfficerUnit[] {
  const byCode = new Map<string, OfficerUnit>();
  for (const grant of officer.grants) {
    const unit = byCode.get(grant.unitCode);
    if (unit) {
      if (!unit.roles.includes(grant.role)) unit.roles.push(grant.role);
    } else {
      byCode.set(grant.unitCode, {
        unitCode: grant.unitCode,
        unitName: grant.unitName,
        roles: [grant.role],
      });
    }
  }
  return [...byCode.values()];
}

// One-stop processing screens (features/processing); a queue link is active for its own scope.
const workLinks = [
  { key: 'reception', to: '/can-bo/tiep-nhan', scope: null },
  { key: 'myQueue', to: '/can-bo/ho-so?scope=mine', scope: 'mine' },
  { key: 'unitQueue', to: '/can-bo/ho-so?scope=unit', scope: 'unit' },
] as const;

function isWorkLinkActive(
  link: (typeof workLinks)[number],
  location: { pathname: string; search: string },
): boolean {
  if (link.scope === null) return location.pathname.startsWith('/can-bo/tiep-nhan');
  return (
    location.pathname === '/can-bo/ho-so' &&
    new URLSearchParams(location.search).get('scope') === link.scope
  );
}

const comingSoon = ['admin'] as const;

// Directive tasks (features/tasks): everyone who may read tasks at one of their units.
const taskRoles: readonly OfficerRole[] = permissions['tasks.read'];

// The community digital teams registry (features/teams-registry): whoever may read teams.
const teamsRoles: readonly OfficerRole[] = permissions['teams.read'];

// The commune showcase editor (features/showcase/editor): the commune's editors and above.
const showcaseRoles: readonly OfficerRole[] = permissions['showcase.manage'];

// Community digital team members helping residents submit (features/assisted).
const assistRoles: readonly OfficerRole[] = permissions['teams.assist'];

// The operations dashboard (features/dashboard): leaders, viewers and administrators.
const dashboardRoles: readonly OfficerRole[] = permissions['dashboard.read'];

// Community feedback (features/feedback-officer): handlers see the inbox, administrators the rules.
const feedbackRoles: readonly OfficerRole[] = permissions['feedback.handle'];
const feedbackAdminRoles: readonly OfficerRole[] = permissions['feedback.manage'];

// Province administrators see the national-portal sync page (features/sync-admin).
const syncRoles: readonly OfficerRole[] = permissions['sync.manage'];

/** Back-office frame: officer, working unit and roles, side navigation. Officers only. */
export function OfficerLayout() {
  const { t } = useTranslation();
  const session = useSession();
  const location = useLocation();
  useFocusMainOnNavigate();

  if (session.isPending) {
    return (
      <div className="bo">
        <main id="main" className="bo-main">
          <Loading />
        </main>
      </div>
    );
  }
  if (session.isError && !session.data) {
    return (
      <div className="bo">
        <main id="main" className="bo-main">
          <ErrorMessage error={session.error} onRetry={() => session.refetch()} />
        </main>
      </div>
    );
  }
  if (!session.officer) {
    return (
      <Navigate
        to="/can-bo/dang-nhap"
        replace
        state={{ from: `${location.pathname}${location.search}` }}
      />
    );
  }

  const officer = session.officer;
  return (
    <div className="bo">
      <a className="skip-link" href="#main">
        {t('app.skipLink')}
      </a>
      <OfficerShellHeader>
        {officer.isDemo ? (
          <strong
            className="badge badge--demo"
            title={t('officer.demoTitle')}
            data-testid="demo-badge"
          >
            {t('officer.demo')}
          </strong>
        ) : null}
        <span className="bo-header__user">
          <span className="visually-hidden">{t('officer.signedInAs')}: </span>
          <span data-testid="officer-name">{officer.fullName}</span>
          <span className="bo-header__username"> ({officer.username})</span>
        </span>
        <LogoutButton />
      </OfficerShellHeader>
      <UnitBar officer={officer} />
      <div className="bo-body">
        <nav className="bo-nav" aria-label={t('officer.nav.label')}>
          <ul>
            <li>
              <NavLink to="/can-bo" end className="bo-nav__link">
                {t('officer.nav.home')}
              </NavLink>
            </li>
            {workLinks.map((link) => (
              <li key={link.key}>
                <Link
                  to={link.to}
                  className="bo-nav__link"
                  aria-current={isWorkLinkActive(link, location) ? 'page' : undefined}
                >
                  {t(`officer.nav.${link.key}`)}
                </Link>
              </li>
            ))}
            {officer.grants.some((g) => feedbackRoles.includes(g.role)) ? (
              <li>
                <NavLink to="/can-bo/phan-anh" className="bo-nav__link" data-testid="nav-feedback">
                  {t('officer.nav.feedback')}
                </NavLink>
              </li>
            ) : null}
            {officer.grants.some((g) => taskRoles.includes(g.role)) ? (
              <li>
                <NavLink to="/can-bo/nhiem-vu" className="bo-nav__link" data-testid="nav-tasks">
                  {t('officer.nav.tasks')}
                </NavLink>
              </li>
            ) : null}
            {officer.grants.some((g) => teamsRoles.includes(g.role)) ? (
              <li>
                <NavLink
                  to="/can-bo/to-cong-nghe"
                  end
                  className="bo-nav__link"
                  data-testid="nav-teams"
                >
                  {t('officer.nav.community')}
                </NavLink>
              </li>
            ) : null}
            {officer.grants.some((g) => showcaseRoles.includes(g.role)) ? (
              <li>
                <NavLink
                  to="/can-bo/gioi-thieu-xa"
                  className="bo-nav__link"
                  data-testid="nav-showcase"
                >
                  {t('officer.nav.showcase')}
                </NavLink>
              </li>
            ) : null}
            {officer.grants.some((g) => assistRoles.includes(g.role)) ? (
              <li>
                <NavLink
                  to="/can-bo/to-cong-nghe/ho-tro"
                  className="bo-nav__link"
                  data-testid="as-nav"
                >
                  {t('officer.nav.assisted')}
                </NavLink>
              </li>
            ) : null}
            {officer.grants.some((g) => dashboardRoles.includes(g.role)) ? (
              <li>
                <NavLink
                  to="/can-bo/dieu-hanh"
                  className="bo-nav__link"
                  data-testid="nav-dashboard"
                >
                  {t('officer.nav.dashboard')}
                </NavLink>
              </li>
            ) : null}
            {comingSoon.map((key) => (
              <li key={key}>
                <span className="bo-nav__link is-disabled" aria-disabled="true">
                  <span>{t(`officer.nav.${key}`)}</span>
                  <span className="bo-nav__soon">{t('app.comingSoon')}</span>
                </span>
              </li>
            ))}
            {officer.grants.some((g) => feedbackAdminRoles.includes(g.role)) ? (
              <li>
                <NavLink
                  to="/can-bo/quan-tri/phan-anh"
                  className="bo-nav__link"
                  data-testid="nav-feedback-admin"
                >
                  {t('officer.nav.feedbackAdmin')}
                </NavLink>
              </li>
            ) : null}
            {officer.grants.some((g) => syncRoles.includes(g.role)) ? (
              <li>
                <NavLink to="/can-bo/quan-tri/dong-bo" className="bo-nav__link">
                  {t('officer.nav.sync')}
                </NavLink>
              </li>
            ) : null}
          </ul>
        </nav>
        <main id="main" className="bo-main" tabIndex={-1}>
          <Outlet />
        </main>
      </div>
    </div>
  );
}

function LogoutButton() {
  const { t } = useTranslation();
  const logout = useLogout();
  const navigate = useNavigate();
  return (
    <button
      type="button"
      className="btn btn--on-dark btn--small"
      disabled={logout.isPending}
      onClick={() =>
        logout.mutate(undefined, {
          onSettled: () => navigate('/can-bo/dang-nhap', { replace: true }),
        })
      }
      data-testid="officer-logout"
    >
      {logout.isPending ? t('account.signingOut') : t('account.signOut')}
    </button>
  );
}

function UnitBar({ officer }: { officer: OfficerUser }) {
  const { t } = useTranslation();
  const id = useId();
  const queryClient = useQueryClient();
  const units = unitsOf(officer);
  const active = units.find((u) => u.unitCode === officer.activeUnitCode) ?? null;
  const lang = currentLanguage();
  const [announcement, setAnnouncement] = useState('');

  const switchUnit = useMutation({
    mutationFn: (unitCode: string) => post<SessionInfo>('/api/auth/officer/unit', { unitCode }),
    onSuccess: (info) => {
      queryClient.setQueryData(sessionQueryKey, info);
      // Everything else cached was seen through the old unit.
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== sessionQueryKey[0] });
      const user = info.user?.kind === 'officer' ? info.user : null;
      const name = units.find((u) => u.unitCode === user?.activeUnitCode)?.unitName;
      setAnnouncement(name ? t('officer.switched', { name }) : '');
    },
  });

  if (units.length === 0) return null;

  return (
    <div className="bo-unitbar">
      <div className="bo-unitbar__switch">
        <label htmlFor={`${id}-unit`} className="bo-unitbar__label">
          {t('officer.unitSwitcher')}
        </label>
        <select
          id={`${id}-unit`}
          className="select"
          value={officer.activeUnitCode ?? ''}
          disabled={switchUnit.isPending}
          onChange={(e) => {
            setAnnouncement('');
            if (e.target.value) switchUnit.mutate(e.target.value);
          }}
          data-testid="unit-switcher"
        >
          {active ? null : <option value="">{t('officer.noUnit')}</option>}
          {units.map((unit) => (
            <option key={unit.unitCode} value={unit.unitCode}>
              {unit.unitName}
            </option>
          ))}
        </select>
      </div>
      {active ? (
        <div className="bo-unitbar__roles">
          <span className="bo-unitbar__label" id={`${id}-roles`}>
            {t('officer.roles')}:
          </span>
          <ul className="badges" aria-labelledby={`${id}-roles`} data-testid="officer-roles">
            {[...active.roles].sort(bySeniority).map((role) => (
              <li key={role} className="badge badge--role">
                {roleLabels[role]?.[lang] ?? role}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <p className="bo-unitbar__status" role="status">
        {switchUnit.isPending ? t('officer.switching') : announcement}
      </p>
      {switchUnit.isError ? (
        <div className="bo-unitbar__error">
          <ErrorMessage error={switchUnit.error} />
        </div>
      ) : null}
    </div>
  );
}
