import { useTranslation } from 'react-i18next';
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
      <p>{t('officer.home.next')}</p>
    </>
  );
}
