import { useState } from 'react';
import { Link } from 'react-router';
import { currentLanguage } from '../../i18n';
import type { ServiceIndex } from './dashboard-api';
import { formatNumber, formatValue } from './format';
import { useDt } from './i18n';

const FIRST_ROWS = 15;

/** The unit → procedure drill: received, decided, on time, late, finished, average days. */
export function ProceduresTable({
  index,
  lateDrill,
}: {
  index: ServiceIndex;
  /** The on-time drill of one procedure (its late dossiers). */
  lateDrill: (procedureCode: string) => string;
}) {
  const { t } = useDt();
  const lang = currentLanguage();
  const [all, setAll] = useState(false);
  const rows = all ? index.procedures : index.procedures.slice(0, FIRST_ROWS);
  if (index.procedures.length === 0) return <p className="empty">{t('unit.noProcedures')}</p>;
  const n = (v: number) => formatValue(v, 'count', lang);
  return (
    <>
      <div className="db-table-wrap">
        <table className="db-table" data-testid="db-procedures">
          <thead>
            <tr>
              <th scope="col">{t('unit.procedure')}</th>
              <th scope="col" className="db-num">
                {t('unit.received')}
              </th>
              <th scope="col" className="db-num">
                {t('unit.decided')}
              </th>
              <th scope="col" className="db-num">
                {t('unit.onTime')}
              </th>
              <th scope="col" className="db-num">
                {t('unit.late')}
              </th>
              <th scope="col" className="db-num">
                {t('unit.finished')}
              </th>
              <th scope="col" className="db-num">
                {t('unit.averageDays')}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((p) => (
              <tr key={p.procedureCode} data-testid="db-procedure-row" data-code={p.procedureCode}>
                <th scope="row" className="db-procedure">
                  <ProcedureName code={p.procedureCode} name={p.procedureName} />
                </th>
                <td className="db-num">{n(p.received)}</td>
                <td className="db-num">{n(p.decided)}</td>
                <td className="db-num">{n(p.onTime)}</td>
                <td className="db-num">
                  {p.late > 0 ? (
                    <Link
                      to={lateDrill(p.procedureCode)}
                      aria-label={t('unit.lateDossiers', { name: p.procedureName })}
                      data-testid={`db-procedure-late-${p.procedureCode}`}
                    >
                      {n(p.late)}
                    </Link>
                  ) : (
                    n(0)
                  )}
                </td>
                <td className="db-num">{n(p.finished)}</td>
                <td className="db-num">
                  {p.averageProcessingDays === null
                    ? '—'
                    : formatNumber(p.averageProcessingDays, lang)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {index.procedures.length > FIRST_ROWS && !all ? (
        <p>
          <span className="db-muted">
            {t('unit.moreProcedures', { shown: FIRST_ROWS, total: index.procedures.length })}
          </span>{' '}
          <button type="button" className="btn btn--quiet btn--small" onClick={() => setAll(true)}>
            {t('unit.showAll')}
          </button>
        </p>
      ) : null}
    </>
  );
}

/** The name a leader reads, with the national code below it (for searching the catalogue). */
export function ProcedureName({ code, name }: { code: string; name: string }) {
  return (
    <>
      <span className="db-procedure__name">{name}</span>
      {name !== code ? <span className="db-procedure__code">{code}</span> : null}
    </>
  );
}
