import type { TeamIndicatorValues } from '@cqs/shared';
import { useId, useState } from 'react';
import { ErrorMessage } from '../../components/error-message';
import { Loading } from '../../components/loading';
import { currentLanguage, locale } from '../../i18n';
import { useDocumentTitle } from '../../lib/use-document-title';
import { useTr } from './i18n';
import { useIndicators } from './teams-api';
import { RegistryLinks, useWorkingUnit } from './teams-page';
import './teams-registry.css';

/** `/can-bo/to-cong-nghe/chi-so`: indicators of the working unit by village or by commune. */
export function IndicatorsPage() {
  const { t } = useTr();
  useDocumentTitle(t('indicators.title'));
  const id = useId();
  const unit = useWorkingUnit();
  const [range, setRange] = useState({ from: '', to: '' });
  const [draft, setDraft] = useState(range);
  const data = useIndicators({ unitCode: unit?.code ?? '', ...range });
  const n = new Intl.NumberFormat(locale(currentLanguage()));
  if (!unit) return <p className="notice">{t('chooseUnit')}</p>;
  const by =
    data.data?.breakdownBy === 'commune' ? t('indicators.byCommune') : t('indicators.byVillage');
  const columns: [string, (v: TeamIndicatorValues) => number][] = [
    [t('indicators.teams'), (v) => v.teams],
    [t('indicators.members'), (v) => v.members],
    [t('indicators.activities'), (v) => v.activitiesTotal],
    [t('indicators.residents'), (v) => v.residentsHelped],
    [t('indicators.linked'), (v) => v.accountsLinked],
    [t('indicators.training'), (v) => v.trainingAttendees],
    [t('indicators.dossiers'), (v) => v.dossiersAssisted],
  ];
  return (
    <div className="tr">
      <h1>{t('indicators.title')}</h1>
      <p className="lead">{t('indicators.lead', { unit: unit.name, by })}</p>
      <RegistryLinks />
      <form
        className="tr-filters"
        onSubmit={(e) => {
          e.preventDefault();
          setRange(draft);
        }}
      >
        <div className="field">
          <label className="label" htmlFor={`${id}-from`}>
            {t('indicators.from')}
          </label>
          <input
            id={`${id}-from`}
            className="input"
            type="date"
            value={draft.from}
            onChange={(e) => setDraft((d) => ({ ...d, from: e.target.value }))}
          />
        </div>
        <div className="field">
          <label className="label" htmlFor={`${id}-to`}>
            {t('indicators.to')}
          </label>
          <input
            id={`${id}-to`}
            className="input"
            type="date"
            value={draft.to}
            onChange={(e) => setDraft((d) => ({ ...d, to: e.target.value }))}
          />
        </div>
        <button type="submit" className="btn btn--secondary">
          {t('indicators.apply')}
        </button>
      </form>
      {data.isPending ? <Loading /> : null}
      {data.isError ? <ErrorMessage error={data.error} onRetry={() => data.refetch()} /> : null}
      {data.data ? (
        <>
          {data.data.includesDemo ? <p className="hint">{t('indicators.demo')}</p> : null}
          <div className="tr-scroll">
            <table className="table tr-indicators" data-testid="tr-indicators">
              <caption>{t('indicators.caption', { by })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('indicators.name')}</th>
                  {columns.map(([label]) => (
                    <th key={label} scope="col" className="tr-num">
                      {label}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {data.data.breakdown.map((row) => (
                  <tr key={row.key}>
                    <th scope="row">{row.name}</th>
                    {columns.map(([label, value]) => (
                      <td key={label} className="tr-num">
                        {n.format(value(row))}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr>
                  <th scope="row">{t('indicators.total')}</th>
                  {columns.map(([label, value]) => (
                    <td key={label} className="tr-num">
                      {n.format(value(data.data.totals))}
                    </td>
                  ))}
                </tr>
              </tfoot>
            </table>
          </div>
        </>
      ) : null}
    </div>
  );
}
