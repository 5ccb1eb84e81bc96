import { Link } from 'react-router';
import { ErrorMessage } from '../../components/error-message';
import { Loading } from '../../components/loading';
import { currentLanguage } from '../../i18n';
import type {
  FeedbackDashboard,
  FeedbackFilter,
  FeedbackRow,
  TeamsDashboard,
  TeamValues,
} from './dashboard-api';
import { isNotAvailable } from './dashboard-api';
import { formatNumber, formatValue } from './format';
import { useDt } from './i18n';

/** A section whose API may not exist yet: loading, not available, error, or its content. */
export function SourceSection({
  id,
  title,
  query,
  children,
}: {
  id: string;
  title: string;
  query: { isPending: boolean; isError: boolean; error: unknown; refetch: () => unknown };
  children: () => React.ReactNode;
}) {
  const { t } = useDt();
  return (
    <section className="db-section" aria-labelledby={`${id}-heading`} data-testid={id}>
      <h2 id={`${id}-heading`}>{title}</h2>
      {query.isPending ? (
        <Loading />
      ) : query.isError ? (
        isNotAvailable(query.error) ? (
          <p className="notice notice--warning" data-testid={`${id}-unavailable`}>
            {t('common.notAvailable')}
          </p>
        ) : (
          <ErrorMessage error={query.error} onRetry={() => query.refetch()} />
        )
      ) : (
        children()
      )}
    </section>
  );
}

function DrillLink({
  to,
  count,
  label,
  testId,
}: {
  to: string;
  count: number;
  label: string;
  testId: string;
}) {
  const lang = currentLanguage();
  if (count === 0) return <>{formatValue(0, 'count', lang)}</>;
  return (
    <Link to={to} aria-label={`${label}: ${count}`} data-testid={testId}>
      {formatValue(count, 'count', lang)}
    </Link>
  );
}

/** Feedback by category with the totals row; the overdue, late and unsatisfied counts drill down. */
export function FeedbackTable({
  data,
  drillTo,
}: {
  data: FeedbackDashboard;
  drillTo: (filter: FeedbackFilter, category?: string) => string;
}) {
  const { t } = useDt();
  const lang = currentLanguage();
  if (data.totals.received === 0 && data.byCategory.length === 0) {
    return <p className="empty">{t('feedback.none')}</p>;
  }
  const row = (r: FeedbackRow, key: string, name: string, category?: string) => (
    <tr key={key} data-testid="db-feedback-row" data-category={category ?? ''}>
      <th scope="row">{name}</th>
      <td className="db-num">{formatValue(r.received, 'count', lang)}</td>
      <td className="db-num">{formatValue(r.answered, 'count', lang)}</td>
      <td className="db-num">{formatValue(r.onTimeRate, 'percent', lang)}</td>
      <td className="db-num">
        <DrillLink
          to={drillTo('late', category)}
          count={r.answeredLate}
          label={t('feedback.drillLate')}
          testId={`db-fb-late-${key}`}
        />
      </td>
      <td className="db-num">
        <DrillLink
          to={drillTo('overdue', category)}
          count={r.openOverdue}
          label={t('feedback.drillOverdue')}
          testId={`db-fb-overdue-${key}`}
        />
      </td>
      <td className="db-num">
        {r.averageHandlingHours === null
          ? '—'
          : t('feedback.hours', { value: formatNumber(r.averageHandlingHours, lang) })}
      </td>
      <td className="db-num">
        {r.averageRating === null
          ? '—'
          : t('feedback.ratingValue', {
              value: formatNumber(r.averageRating, lang),
              count: r.rated,
            })}
      </td>
      <td className="db-num">
        {r.satisfiedShare === null ? (
          '—'
        ) : (
          <Link to={drillTo('unsatisfied', category)} aria-label={t('feedback.drillUnsatisfied')}>
            {formatValue(r.satisfiedShare, 'percent', lang)}
          </Link>
        )}
      </td>
    </tr>
  );
  return (
    <div className="db-table-wrap">
      <table className="db-table" data-testid="db-feedback-table">
        <thead>
          <tr>
            <th scope="col">{t('feedback.category')}</th>
            <th scope="col" className="db-num">
              {t('feedback.received')}
            </th>
            <th scope="col" className="db-num">
              {t('feedback.answered')}
            </th>
            <th scope="col" className="db-num">
              {t('feedback.onTimeRate')}
            </th>
            <th scope="col" className="db-num">
              {t('feedback.late')}
            </th>
            <th scope="col" className="db-num">
              {t('feedback.openOverdue')}
            </th>
            <th scope="col" className="db-num">
              {t('feedback.averageHours')}
            </th>
            <th scope="col" className="db-num">
              {t('feedback.rating')}
            </th>
            <th scope="col" className="db-num">
              {t('feedback.satisfied')}
            </th>
          </tr>
        </thead>
        <tbody>{data.byCategory.map((c) => row(c, c.category, c.label, c.category))}</tbody>
        <tfoot>{row(data.totals, 'total', t('feedback.total'))}</tfoot>
      </table>
      <p className="caption">
        <Link to="/can-bo/dieu-hanh/thuat-ngu#feedback-received">{t('feedback.definitions')}</Link>
      </p>
    </div>
  );
}

const teamFields: (keyof TeamValues)[] = [
  'teams',
  'members',
  'residentsHelped',
  'accountsLinked',
  'dossiersAssisted',
];

/** The community digital teams' five numbers as tiles. */
export function TeamTiles({ values }: { values: TeamValues }) {
  const { t } = useDt();
  const lang = currentLanguage();
  return (
    <dl className="db-tiles" data-testid="db-team-tiles">
      {teamFields.map((f) => (
        <div key={f} className="db-tile" data-testid={`db-team-${f}`}>
          <dt>{t(`teams.${f}`)}</dt>
          <dd>{formatValue(values[f], 'count', lang)}</dd>
        </div>
      ))}
    </dl>
  );
}

/** The teams' numbers of one unit: its own row when listed, else the totals (its whole scope). */
export function teamValuesOf(data: TeamsDashboard, code: string): TeamValues {
  return data.units.find((u) => u.code === code) ?? data.totals;
}
