import { Link } from 'react-router';
import { currentLanguage } from '../../i18n';
import type { ServiceIndex, ServiceIndexComponent, ServiceIndexGroup } from './dashboard-api';
import { formatNumber, formatValue } from './format';
import { useDt } from './i18n';

/** The definition next to a number: a native disclosure (keyboard and screen readers for free). */
export function Definition({
  label,
  text,
  anchor,
}: {
  label: string;
  text: string;
  anchor?: string;
}) {
  const { t } = useDt();
  return (
    <details
      className="db-def"
      // Esc closes the definition and leaves the focus on its button.
      onKeyDown={(e) => {
        if (e.key !== 'Escape' || !e.currentTarget.open) return;
        e.currentTarget.open = false;
        e.currentTarget.querySelector('summary')?.focus();
      }}
    >
      <summary className="db-def__button" aria-label={t('common.showDefinition', { label })}>
        <span aria-hidden="true">i</span>
      </summary>
      <div className="db-def__text">
        <p>{text}</p>
        {anchor ? (
          <Link to={`/can-bo/dieu-hanh/thuat-ngu#${anchor}`} className="caption">
            {t('common.openGlossary')}
          </Link>
        ) : null}
      </div>
    </details>
  );
}

function ComponentValue({ c }: { c: ServiceIndexComponent }) {
  const { t } = useDt();
  const lang = currentLanguage();
  if (c.status === 'no_data') {
    return (
      <span className="db-nodata" data-testid="db-component-nodata">
        {t('common.noDataReason', { reason: c.reason[lang] })}
      </span>
    );
  }
  if (c.value !== null && c.rate === null) {
    return <strong>{t('index.days', { value: formatNumber(c.value, lang) })}</strong>;
  }
  if (c.rate === null) return <span className="db-nodata">{t('common.nothingInPeriod')}</span>;
  return (
    <>
      <strong>{formatValue(c.rate, 'percent', lang)}</strong>
      {c.numerator !== null && c.denominator !== null ? (
        <span className="db-muted">
          {' '}
          (
          {t('index.counts', {
            numerator: formatValue(c.numerator, 'count', lang),
            denominator: formatValue(c.denominator, 'count', lang),
          })}
          )
        </span>
      ) : null}
    </>
  );
}

function ComponentRow({
  c,
  drillTo,
}: {
  c: ServiceIndexComponent;
  drillTo: ((component: string) => string | null) | undefined;
}) {
  const { t } = useDt();
  const lang = currentLanguage();
  const label = c.label[lang];
  // Offered when something was lost: fewer points than the maximum, or a rate under 100 %.
  const lost = c.status === 'computed' && c.rate !== null && c.rate < 1;
  const target = lost ? (drillTo?.(c.key) ?? null) : null;
  return (
    <li className="db-component" data-testid={`db-component-${c.key}`} data-status={c.status}>
      <div className="db-component__head">
        <span className="db-component__label">{label}</span>
        <Definition label={label} text={c.definition[lang]} anchor={c.key} />
      </div>
      <div className="db-component__value">
        <ComponentValue c={c} />
      </div>
      <div className="db-component__points">
        {c.maxPoints === 0 ? (
          <span className="db-muted">{t('index.tracked')}</span>
        ) : c.status === 'computed' && c.points !== null ? (
          <span>
            {t('index.groupPoints', { points: formatNumber(c.points, lang, 2), max: c.maxPoints })}
          </span>
        ) : (
          <span className="db-muted">
            {t('index.groupPoints', { points: '—', max: c.maxPoints })}
          </span>
        )}
        {c.status === 'computed' && c.threshold < 1 ? (
          <span className="db-muted">
            {' '}
            ·{' '}
            {t(c.maxPoints === 0 ? 'index.target' : 'index.threshold', {
              threshold: formatValue(c.threshold, 'percent', lang),
            })}
          </span>
        ) : null}
      </div>
      {target ? (
        <Link
          to={target}
          className="db-component__drill"
          aria-label={t('index.drillFor', { label })}
          data-testid={`db-drill-${c.key}`}
        >
          {t('index.drill')} →
        </Link>
      ) : null}
    </li>
  );
}

function GroupCard({
  g,
  drillTo,
}: {
  g: ServiceIndexGroup;
  drillTo: ((c: string) => string | null) | undefined;
}) {
  const { t } = useDt();
  const lang = currentLanguage();
  const share = g.maxPoints ? Math.min(1, g.points / g.maxPoints) : 0;
  return (
    <section
      className="db-group"
      aria-labelledby={`db-group-${g.key}`}
      data-testid={`db-group-${g.key}`}
    >
      <h3 id={`db-group-${g.key}`} className="db-group__title">
        {g.label[lang]}
      </h3>
      <p className="db-group__points">
        <strong>
          {t('index.groupPoints', { points: formatNumber(g.points, lang, 2), max: g.maxPoints })}
        </strong>
        {g.computedMaxPoints < g.maxPoints ? (
          <span className="db-muted">
            {' '}
            · {t('index.groupComputed', { computed: g.computedMaxPoints })}
          </span>
        ) : null}
      </p>
      <div className="db-bar" aria-hidden="true">
        <div className="db-bar__fill" style={{ width: `${share * 100}%` }} />
        <div
          className="db-bar__computed"
          style={{ width: `${g.maxPoints ? (g.computedMaxPoints / g.maxPoints) * 100 : 0}%` }}
        />
      </div>
      <ul className="db-components">
        {g.components.map((c) => (
          <ComponentRow key={c.key} c={c} drillTo={drillTo} />
        ))}
      </ul>
    </section>
  );
}

/** The service index: its total and one card per group, each component with its definition. */
export function IndexGroups({
  index,
  drillTo,
}: {
  index: ServiceIndex;
  /** The drill page of a component (what lost points), or null when it has none. */
  drillTo?: (component: string) => string | null;
}) {
  const { t } = useDt();
  return (
    <section className="db-section" aria-labelledby="db-index-heading" data-testid="db-index">
      <h2 id="db-index-heading">{t('index.heading')}</h2>
      <div className="db-groups">
        {index.groups.map((g) => (
          <GroupCard key={g.key} g={g} drillTo={drillTo} />
        ))}
      </div>
    </section>
  );
}
