import { useId, useState } from 'react';
import { vnDay } from './format';
import { useP } from './i18n';

/** Form 06 (dossier logbook) for a date range, as an Excel file from the API. */
export function LogbookDownload({ unitCode }: { unitCode: string }) {
  const { t } = useP();
  const id = useId();
  const today = vnDay(new Date());
  const [from, setFrom] = useState(`${today.slice(0, 8)}01`);
  const [to, setTo] = useState(today);
  const href = `/api/officer/logbook.xlsx?${new URLSearchParams({ unitCode, from, to })}`;
  return (
    <details className="proc-logbook">
      <summary>{t('logbook.heading')}</summary>
      <div className="proc-logbook__row">
        <div className="field">
          <label className="label" htmlFor={`${id}-from`}>
            {t('logbook.from')}
          </label>
          <input
            id={`${id}-from`}
            type="date"
            className="input"
            value={from}
            max={to}
            onChange={(e) => setFrom(e.target.value)}
          />
        </div>
        <div className="field">
          <label className="label" htmlFor={`${id}-to`}>
            {t('logbook.to')}
          </label>
          <input
            id={`${id}-to`}
            type="date"
            className="input"
            value={to}
            min={from}
            onChange={(e) => setTo(e.target.value)}
          />
        </div>
        <a className="btn btn--secondary" href={href} download data-testid="logbook-download">
          {t('logbook.download')}
        </a>
      </div>
    </details>
  );
}
