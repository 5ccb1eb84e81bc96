import { lazy, Suspense, useEffect, useId, useMemo, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { Loading } from '../../components/loading';
import { currentLanguage } from '../../i18n';
import { useCommuneMap } from '../feedback-map';
import { formatValue } from './format';
import { useDt } from './i18n';
import {
  type IndicatorKey,
  indicatorKeys,
  indicators,
  isIndicatorKey,
  type Sources,
  type UnitValue,
  unitValues,
} from './indicators';
import { type Bucket, makeScale, noDataColor } from './scale';
import { type UnitColumn, UnitTable } from './unit-table';

// ECharts comes with the map only: a phone that stays on the table never downloads it.
const Choropleth = lazy(() => import('./choropleth').then((m) => ({ default: m.Choropleth })));

const NARROW = '(max-width: 48rem)';
/** A phone shows this many communes of the table (in its current order) until asked for all. */
const NARROW_FIRST_ROWS = 10;

function useNarrow(): boolean {
  const [narrow, setNarrow] = useState(() => window.matchMedia(NARROW).matches);
  useEffect(() => {
    const query = window.matchMedia(NARROW);
    const update = () => setNarrow(query.matches);
    query.addEventListener('change', update);
    return () => query.removeEventListener('change', update);
  }, []);
  return narrow;
}

/** "dưới 50%", "50% – dưới 70%", "95% – 100%": each class in words, not only in colour. */
function legendText(
  b: Bucket,
  i: number,
  format: (v: number) => string,
  t: ReturnType<typeof useDt>['t'],
): string {
  if (b.lo === b.hi) return format(b.lo);
  if (b.closed) return t('map.legendClosed', { lo: format(b.lo), hi: format(b.hi) });
  if (i === 0) return t('map.legendBelow', { hi: format(b.hi) });
  return t('map.legendRange', { lo: format(b.lo), hi: format(b.hi) });
}

function Legend({
  buckets,
  format,
  label,
}: {
  buckets: readonly Bucket[];
  format: (v: number) => string;
  label: string;
}) {
  const { t } = useDt();
  return (
    <figure className="db-legend" data-testid="db-legend">
      <figcaption className="db-legend__title">{t('map.legend', { indicator: label })}</figcaption>
      <ul className="db-legend__items">
        {buckets.map((b, i) => (
          <li key={`${b.lo}-${b.hi}`}>
            <span className="db-swatch" style={{ background: b.color }} aria-hidden="true" />
            {legendText(b, i, format, t)}
          </li>
        ))}
        <li>
          <span className="db-swatch" style={{ background: noDataColor }} aria-hidden="true" />
          {t('map.noValue')}
        </li>
      </ul>
    </figure>
  );
}

/**
 * The communes by one indicator: a choropleth and, beside it, the same numbers as a table. Phones
 * start on the table ("Xem dạng bản đồ" shows the map); the choice is kept in the address.
 */
export function MapSection({
  sources,
  available,
  periodText,
  drillPath,
}: {
  sources: Sources;
  /** The sources that answered; their indicators are offered. */
  available: ReadonlySet<keyof Sources>;
  periodText: string;
  drillPath: (code: string) => string;
}) {
  const { t } = useDt();
  const id = useId();
  const lang = currentLanguage();
  const navigate = useNavigate();
  const narrow = useNarrow();
  const [params, setParams] = useSearchParams();
  const map = useCommuneMap();
  const offered = indicatorKeys.filter((k) => available.has(indicators[k].source));
  const asked = params.get('indicator');
  const key: IndicatorKey =
    isIndicatorKey(asked) && offered.includes(asked) ? asked : (offered[0] ?? 'index_points');
  const spec = indicators[key];
  const view =
    params.get('view') === 'map' || params.get('view') === 'table'
      ? params.get('view')
      : narrow
        ? 'table'
        : 'map';
  const label = t(`indicator.${key}`);

  const set = (changes: Record<string, string>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) next.set(k, v);
    setParams(next, { replace: true });
  };

  const scope = useMemo(
    () => map.data?.communes.map((c) => ({ code: c.code, name: c.name })) ?? [],
    [map.data],
  );
  const rows: UnitValue[] = useMemo(
    () => unitValues(key, sources, scope) ?? [],
    [key, sources, scope],
  );
  const buckets = useMemo(
    () =>
      makeScale(
        rows.map((r) => r.value),
        spec.kind,
        spec.direction,
        spec.format === 'count',
      ),
    [rows, spec],
  );
  const format = (value: number | null) => formatValue(value, spec.format, lang);
  // The table: the map's indicator first (with its colours); in table view every other one too.
  const columns: UnitColumn[] = useMemo(() => {
    const keys = view === 'table' ? [key, ...offered.filter((k) => k !== key)] : [key];
    return keys.map((k) => ({
      key: k,
      label: t(`indicator.${k}`),
      format: (v: number | null) => formatValue(v, indicators[k].format, lang),
      values: new Map(
        (k === key ? rows : (unitValues(k, sources, scope) ?? [])).map((r) => [r.code, r.value]),
      ),
      ...(k === key ? { buckets } : {}),
    }));
  }, [view, key, offered, rows, sources, scope, buckets, t, lang]);

  if (offered.length === 0) return null;
  return (
    <section
      className="db-section"
      aria-labelledby={`${id}-heading`}
      data-testid="db-map-section"
      data-view={view}
    >
      <div className="db-section__head">
        <h2 id={`${id}-heading`}>{t('map.heading')}</h2>
        <div className="db-map-controls">
          <div className="field db-field">
            <label className="label" htmlFor={`${id}-indicator`}>
              {t('map.indicator')}
            </label>
            <select
              id={`${id}-indicator`}
              className="select"
              value={key}
              onChange={(e) => set({ indicator: e.target.value })}
              data-testid="db-indicator"
            >
              {offered.map((k) => (
                <option key={k} value={k}>
                  {t(`indicator.${k}`)}
                </option>
              ))}
            </select>
          </div>
          <Link
            to={`/can-bo/dieu-hanh/thuat-ngu#${spec.glossary}`}
            className="db-glossary-link"
            aria-label={t('common.showDefinition', { label })}
            data-testid="db-indicator-definition"
          >
            {t('common.definition')}
          </Link>
          <button
            type="button"
            className="btn btn--secondary btn--small db-view-toggle"
            onClick={() => set({ view: view === 'map' ? 'table' : 'map' })}
            data-testid="db-view-toggle"
          >
            {view === 'map' ? t('map.showTable') : t('map.showMap')}
          </button>
        </div>
      </div>
      {map.isPending ? <Loading /> : null}
      <div className={`db-map-layout db-map-layout--${view}`}>
        {view === 'map' ? (
          <div className="db-map-col">
            <Suspense fallback={<p className="db-map__loading">{t('map.loadingMap')}</p>}>
              <Choropleth
                values={rows}
                buckets={buckets}
                indicatorLabel={label}
                format={format}
                onSelect={(code) => void navigate(drillPath(code))}
              />
            </Suspense>
            <Legend buckets={buckets} label={label} format={(v) => format(v)} />
          </div>
        ) : null}
        {view === 'table' || !narrow ? (
          <div className="db-table-col">
            {view === 'table' ? (
              <Legend buckets={buckets} label={label} format={(v) => format(v)} />
            ) : null}
            <UnitTable
              // A new indicator starts from its own order (largest first).
              key={key}
              units={rows}
              columns={columns}
              caption={t('map.tableCaption', { indicator: label, period: periodText })}
              linkTo={drillPath}
              firstRows={narrow ? NARROW_FIRST_ROWS : undefined}
            />
          </div>
        ) : null}
      </div>
    </section>
  );
}
