import type { UnitDetail } from '@cqs/shared';
import { lazy, type ReactNode, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ErrorMessage } from '../components/error-message';
import { Loading } from '../components/loading';
import { currentLanguage, locale } from '../i18n';
import { ApiClientError } from '../lib/api';
import { unitTypeKey, useUnit } from '../lib/units';
import { useDocumentTitle } from '../lib/use-document-title';
import { NotFoundPage } from './not-found-page';

// The showcase link loads with the showcase chunk, after the page: no weight on the first load.
const ShowcaseUnitLink = lazy(() =>
  import('../features/showcase').then((m) => ({ default: m.ShowcaseUnitLink })),
);

export function UnitDetailPage() {
  const { code = '' } = useParams();
  const unit = useUnit(code);
  const { t } = useTranslation();
  useDocumentTitle(unit.data?.fullName ?? t('units.title'));

  if (
    unit.error instanceof ApiClientError &&
    (unit.error.code === 'UNIT_NOT_FOUND' || unit.error.status === 404)
  ) {
    return <NotFoundPage unitCode={code} />;
  }

  return (
    <>
      <Breadcrumbs current={unit.data?.fullName ?? code} />
      {unit.isPending ? <Loading /> : null}
      {unit.isError ? <ErrorMessage error={unit.error} onRetry={() => unit.refetch()} /> : null}
      {unit.data ? <UnitView unit={unit.data} /> : null}
    </>
  );
}

function Breadcrumbs({ current }: { current: string }) {
  const { t } = useTranslation();
  return (
    <nav aria-label={t('unit.breadcrumb')} className="breadcrumbs">
      <ol>
        <li>
          <Link to="/">{t('nav.home')}</Link>
        </li>
        <li>
          <Link to="/xa-phuong">{t('nav.units')}</Link>
        </li>
        <li aria-current="page">{current}</li>
      </ol>
    </nav>
  );
}

function UnitView({ unit }: { unit: UnitDetail }) {
  const { t } = useTranslation();
  const numbers = new Intl.NumberFormat(locale(currentLanguage()), { maximumFractionDigits: 2 });
  const na = <span className="muted">{t('unit.notAvailable')}</span>;
  const typeLabel = t(unitTypeKey(unit.type), { type: unit.type });

  const facts: [string, ReactNode][] = [
    [t('unit.type'), typeLabel],
    [t('unit.code'), unit.code],
    [
      t('unit.area'),
      unit.areaKm2 != null ? t('unit.areaValue', { value: numbers.format(unit.areaKm2) }) : na,
    ],
    [
      t('unit.population'),
      unit.population != null
        ? t('unit.populationValue', { value: numbers.format(unit.population) })
        : na,
    ],
    [t('unit.adminCentre'), unit.adminCentre ?? na],
    [t('unit.legalBasis'), unit.legalBasis ?? na],
  ];
  if (unit.nameEn)
    facts.push([
      t('unit.nameEn'),
      <span key="en" lang="en">
        {unit.nameEn}
      </span>,
    ]);
  if (unit.altSpellings.length > 0)
    facts.push([t('unit.altSpellings'), unit.altSpellings.join(', ')]);

  return (
    <article className="unit" data-testid="unit-detail">
      <p className="caption">{t('app.provinceFull')}</p>
      <h1>{unit.fullName}</h1>
      <Suspense fallback={null}>
        <ShowcaseUnitLink code={unit.code} />
      </Suspense>

      <section aria-labelledby="facts-heading" className="section">
        <h2 id="facts-heading" className="visually-hidden">
          {t('unit.facts')}
        </h2>
        <dl className="facts">
          {facts.map(([term, value]) => (
            <div key={term} className="facts__row">
              <dt>{term}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
      </section>

      <section aria-labelledby="former-heading" className="section">
        <h2 id="former-heading">{t('unit.formerHeading')}</h2>
        {unit.formerUnits.length === 0 ? (
          <p>{t('unit.formerNone')}</p>
        ) : (
          <>
            <p>{t('unit.formerIntro')}</p>
            <table className="table table--stack">
              <caption className="visually-hidden">
                {t('unit.formerCaption', { name: unit.fullName })}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t('unit.formerName')}</th>
                  <th scope="col">{t('unit.formerDistrict')}</th>
                  <th scope="col">{t('unit.formerProvince')}</th>
                  <th scope="col">{t('unit.formerPart')}</th>
                </tr>
              </thead>
              <tbody>
                {unit.formerUnits.map((former) => (
                  <tr key={`${former.code}-${former.fullName}`}>
                    <th scope="row" data-label={t('unit.formerName')}>
                      {former.fullName}
                    </th>
                    <td data-label={t('unit.formerDistrict')}>{former.districtName ?? '—'}</td>
                    <td data-label={t('unit.formerProvince')}>{former.provinceName ?? '—'}</td>
                    <td data-label={t('unit.formerPart')}>
                      <span
                        className={`tag ${former.part === 'full' ? 'tag--full' : 'tag--partial'}`}
                      >
                        {former.part === 'full' ? t('unit.partFull') : t('unit.partPartial')}
                      </span>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        )}
      </section>

      {unit.source ? <p className="source">{t('unit.source', { source: unit.source })}</p> : null}

      <p>
        <Link to="/xa-phuong" className="back-link">
          {t('unit.back')}
        </Link>
      </p>
    </article>
  );
}
