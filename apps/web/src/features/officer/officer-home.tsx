import { type OfficerRole, permissions } from '@cqs/shared';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSession } from '../../lib/session';
import { useDocumentTitle } from '../../lib/use-document-title';
import { unitsOf } from './officer-layout';

export function OfficerHomePage() {
  const { t } = useTranslation();
  useDocumentTitle(t('officer.home.title'));
  const { officer } = useSession();
  if (!officer) return null;
  const units = unitsOf(officer);
  const active = units.find((u) => u.unitCode === officer.activeUnitCode);

  return (
    <>
      <h1>{t('officer.home.welcome', { name: officer.fullName })}</h1>
      {units.length === 0 ? (
        <p className="notice notice--warning">{t('officer.home.noGrants')}</p>
      ) : active ? (
        <p className="lead" data-testid="officer-active-unit">
          {t('officer.home.activeUnit', { unit: active.unitName })}
        </p>
      ) : (
        <p className="notice notice--warning">{t('officer.home.chooseUnit')}</p>
      )}
      {active ? (
        <ul className="link-list" data-testid="officer-home-links">
          <li>
            <Link to="/can-bo/tiep-nhan">{t('officer.nav.reception')}</Link>
          </li>
          <li>
            <Link to="/can-bo/ho-so?scope=mine">{t('officer.nav.myQueue')}</Link>
          </li>
          <li>
            <Link to="/can-bo/ho-so?scope=unit">{t('officer.nav.unitQueue')}</Link>
          </li>
          {active.roles.some((r) =>
            (permissions['feedback.handle'] as readonly OfficerRole[]).includes(r),
          ) ? (
            <li>
              <Link to="/can-bo/phan-anh">{t('officer.nav.feedback')}</Link>
            </li>
          ) : null}
          {active.roles.some((r) =>
            (permissions['tasks.read'] as readonly OfficerRole[]).includes(r),
          ) ? (
            <li>
              <Link to="/can-bo/nhiem-vu">{t('officer.nav.tasks')}</Link>
            </li>
          ) : null}
        </ul>
      ) : null}
      <p>{t('officer.home.next')}</p>
    </>
  );
}
