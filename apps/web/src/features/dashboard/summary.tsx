import { currentLanguage } from '../../i18n';
import type { FeedbackDashboard, ServiceIndex, TeamValues } from './dashboard-api';
import { formatNumber, formatValue } from './format';
import { useDt } from './i18n';

export function componentRate(index: ServiceIndex, key: string): number | null {
  for (const g of index.groups) {
    const c = g.components.find((x) => x.key === key);
    if (c) return c.status === 'computed' ? c.rate : null;
  }
  return null;
}

interface Tile {
  key: string;
  label: string;
  value: string;
  /** Small text after the number ("/ 100 điểm"). */
  suffix?: string | undefined;
  note?: string | undefined;
}

/** The headline numbers of a unit and its scope, each in words beside the figure. */
export function SummaryTiles({
  index,
  feedback,
  teams,
}: {
  index?: ServiceIndex | undefined;
  feedback?: FeedbackDashboard | undefined;
  teams?: TeamValues | undefined;
}) {
  const { t } = useDt();
  const lang = currentLanguage();
  const tiles: Tile[] = [];
  if (index) {
    tiles.push(
      {
        key: 'points',
        label: t('overview.indexTotal'),
        value: formatNumber(index.points, lang, 2),
        suffix: t('overview.indexOf', { max: index.maxPoints }),
        note:
          index.computedMaxPoints < index.maxPoints
            ? t('overview.indexComputed', {
                computed: index.computedMaxPoints,
                max: index.maxPoints,
              })
            : undefined,
      },
      {
        key: 'received',
        label: t('overview.received'),
        value: formatValue(
          index.units.reduce((s, u) => s + u.received, 0),
          'count',
          lang,
        ),
      },
      {
        key: 'on-time',
        label: t('indicator.on_time_rate'),
        value: formatValue(componentRate(index, 'on_time'), 'percent', lang),
      },
      {
        key: 'online',
        label: t('indicator.online_share'),
        value: formatValue(componentRate(index, 'online_share'), 'percent', lang),
      },
    );
  }
  if (feedback) {
    tiles.push(
      {
        key: 'fb-received',
        label: t('overview.feedbackReceived'),
        value: formatValue(feedback.totals.received, 'count', lang),
      },
      {
        key: 'fb-on-time',
        label: t('indicator.feedback_on_time'),
        value: formatValue(feedback.totals.onTimeRate, 'percent', lang),
      },
      {
        key: 'fb-satisfied',
        label: t('indicator.feedback_satisfaction'),
        value: formatValue(feedback.totals.satisfiedShare, 'percent', lang),
      },
    );
  }
  if (teams) {
    tiles.push({
      key: 'residents',
      label: t('overview.residentsHelped'),
      value: formatValue(teams.residentsHelped, 'count', lang),
    });
  }
  if (tiles.length === 0) return null;
  return (
    <section aria-label={t('overview.summary')}>
      <dl className="db-tiles db-tiles--summary" data-testid="db-summary">
        {tiles.map((tile) => (
          <div key={tile.key} className="db-tile" data-testid={`db-summary-${tile.key}`}>
            <dt>{tile.label}</dt>
            <dd>
              {tile.value}
              {tile.suffix ? <span className="db-tile__suffix"> {tile.suffix}</span> : null}
              {tile.note ? <span className="db-tile__note">{tile.note}</span> : null}
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
