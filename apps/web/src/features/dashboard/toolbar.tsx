import { useId, useState } from 'react';
import { useNavigate } from 'react-router';
import { dayToText } from '../processing/format';
import { useUnitsBelow } from './dashboard-api';
import { ExportButtons, type ExportView } from './export-buttons';
import { useDt } from './i18n';
import {
  type CustomRangeProblem,
  customRangeProblem,
  type Period,
  type PeriodPreset,
  periodPresets,
  periodSearch,
  presetRange,
} from './period';
import { usePeriod, useToday } from './use-dashboard';

/** "01/05/2026 – 14/05/2026". */
export function usePeriodText(period: Period): string {
  const { t } = useDt();
  return t('period.range', { from: dayToText(period.from), to: dayToText(period.to) });
}

/** Period, scope (province viewers) and exports, above each dashboard view. */
export function Toolbar({
  scope,
  exportView,
  exportParams,
}: {
  /** Given: the unit chooser lists the units below `home`, and shows `current`. */
  scope?: { home: { code: string; name: string }; current: string } | undefined;
  exportView?: ExportView | undefined;
  exportParams?: Record<string, string | undefined>;
}) {
  return (
    <div className="db-toolbar" data-testid="db-toolbar">
      <PeriodPicker />
      {scope ? <ScopeChooser home={scope.home} current={scope.current} /> : null}
      {exportView ? <ExportButtons view={exportView} params={exportParams ?? {}} /> : null}
    </div>
  );
}

function PeriodPicker() {
  const { t } = useDt();
  const id = useId();
  const today = useToday();
  const [period, setPeriod] = usePeriod();
  const [preset, setPreset] = useState<PeriodPreset>(period.preset);
  const [from, setFrom] = useState(period.from);
  const [to, setTo] = useState(period.to);
  const [problem, setProblem] = useState<CustomRangeProblem | null>(null);
  const text = usePeriodText(period);

  const choose = (next: PeriodPreset) => {
    setPreset(next);
    setProblem(null);
    if (next !== 'custom') setPeriod({ preset: next, ...presetRange(next, today) });
  };
  const apply = (event: React.FormEvent) => {
    event.preventDefault();
    const found = customRangeProblem(from, to);
    setProblem(found);
    if (!found) setPeriod({ preset: 'custom', from, to });
  };

  return (
    <form className="db-period" onSubmit={apply} noValidate data-testid="db-period">
      <div className="field db-field">
        <label className="label" htmlFor={`${id}-preset`}>
          {t('period.legend')}
        </label>
        <select
          id={`${id}-preset`}
          className="select"
          value={preset}
          onChange={(e) => choose(e.target.value as PeriodPreset)}
          aria-describedby={`${id}-range`}
          data-testid="db-period-preset"
        >
          {periodPresets.map((p) => (
            <option key={p} value={p}>
              {t(`period.${p}`)}
            </option>
          ))}
        </select>
        <span id={`${id}-range`} className="hint db-period__range" data-testid="db-period-range">
          {text}
        </span>
      </div>
      {preset === 'custom' ? (
        <>
          <div className={`field db-field${problem ? ' field--error' : ''}`}>
            <label className="label" htmlFor={`${id}-from`}>
              {t('period.from')}
            </label>
            <input
              id={`${id}-from`}
              type="date"
              className="input"
              value={from}
              max={today}
              onChange={(e) => setFrom(e.target.value)}
              aria-invalid={problem ? true : undefined}
              aria-describedby={problem ? `${id}-problem` : undefined}
              data-testid="db-period-from"
            />
          </div>
          <div className={`field db-field${problem ? ' field--error' : ''}`}>
            <label className="label" htmlFor={`${id}-to`}>
              {t('period.to')}
            </label>
            <input
              id={`${id}-to`}
              type="date"
              className="input"
              value={to}
              onChange={(e) => setTo(e.target.value)}
              aria-invalid={problem ? true : undefined}
              aria-describedby={problem ? `${id}-problem` : undefined}
              data-testid="db-period-to"
            />
          </div>
          <button
            type="submit"
            className="btn btn--secondary db-period__apply"
            data-testid="db-period-apply"
          >
            {t('period.apply')}
          </button>
          {problem ? (
            <p id={`${id}-problem`} className="field__error db-period__problem" role="alert">
              {t(`period.problem.${problem}`)}
            </p>
          ) : null}
        </>
      ) : null}
    </form>
  );
}

/** Province viewers pick the whole province, a commune or a department; it opens that unit's page. */
function ScopeChooser({
  home,
  current,
}: {
  home: { code: string; name: string };
  current: string;
}) {
  const { t } = useDt();
  const id = useId();
  const navigate = useNavigate();
  const [period] = usePeriod();
  const below = useUnitsBelow(home.code);
  const communes = (below.data ?? []).filter((u) => u.kind === 'commune');
  const others = (below.data ?? []).filter((u) => u.kind !== 'commune');
  const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name, 'vi');
  // A commune or department viewer has nothing to choose from.
  if (below.data && below.data.length === 0) return null;

  return (
    <div className="field db-field db-scope">
      <label className="label" htmlFor={`${id}-scope`}>
        {t('scope.label')}
      </label>
      <select
        id={`${id}-scope`}
        className="select"
        value={current}
        onChange={(e) => {
          const code = e.target.value;
          const search = periodSearch(period);
          void navigate(
            code === home.code
              ? `/can-bo/dieu-hanh${search}`
              : `/can-bo/dieu-hanh/don-vi/${encodeURIComponent(code)}${search}`,
          );
        }}
        data-testid="db-scope"
      >
        <option value={home.code}>{home.name}</option>
        {communes.length ? (
          <optgroup label={t('scope.communes')}>
            {[...communes].sort(byName).map((u) => (
              <option key={u.code} value={u.code}>
                {u.fullName}
              </option>
            ))}
          </optgroup>
        ) : null}
        {others.length ? (
          <optgroup label={t('scope.departments')}>
            {[...others].sort(byName).map((u) => (
              <option key={u.code} value={u.code}>
                {u.fullName}
              </option>
            ))}
          </optgroup>
        ) : null}
      </select>
    </div>
  );
}
