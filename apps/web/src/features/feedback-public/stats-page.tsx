import { useState } from 'react';
import { Link } from 'react-router';
import { ErrorMessage } from '../../components/error-message';
import { Loading } from '../../components/loading';
import { locale } from '../../i18n';
import { useDocumentTitle } from '../../lib/use-document-title';
import { type FeedbackStats, useUnitStats } from './feedback-api';
import { useFeedbackT } from './feedback-i18n';
import './feedback-public.css';

type Column =
  | 'unit'
  | 'closed'
  | 'onTime'
  | 'overdue'
  | 'open'
  | 'openOverdue'
  | 'onTimeRate'
  | 'averageRating';
const numeric: Exclude<Column, 'unit'>[] = [
  'closed',
  'onTime',
  'overdue',
  'open',
  'openOverdue',
  'onTimeRate',
  'averageRating',
];

interface Row extends FeedbackStats {
  unitName: string;
}

export function StatsPage() {
  const { t } = useFeedbackT();
  useDocumentTitle(t('stats.title'));
  const stats = useUnitStats();
  const rows: Row[] = stats.data?.items ?? [];

  return (
    <div className="fb">
      <nav aria-label={t('nav.list')} className="breadcrumbs">
        <ol>
          <li>
            <Link to="/">{t('nav.home')}</Link>
          </li>
          <li>
            <Link to="/phan-anh">{t('nav.list')}</Link>
          </li>
          <li aria-current="page">{t('nav.stats')}</li>
        </ol>
      </nav>
      <h1>{t('stats.title')}</h1>
      <p className="lead">{t('stats.lead')}</p>
      {stats.isPending ? (
        <Loading />
      ) : stats.isError ? (
        <ErrorMessage error={stats.error} onRetry={() => stats.refetch()} />
      ) : rows.length === 0 ? (
        <div className="empty" data-testid="feedback-stats-empty">
          <p className="empty__title">{t('stats.empty')}</p>
        </div>
      ) : (
        <StatsTable rows={rows} />
      )}
      <p>
        <Link to="/phan-anh">{t('stats.back')}</Link>
      </p>
    </div>
  );
}

function StatsTable({ rows }: { rows: Row[] }) {
  const { t, i18n } = useFeedbackT();
  const [sort, setSort] = useState<{ by: Column; dir: 'asc' | 'desc' }>({
    by: 'onTimeRate',
    dir: 'desc',
  });
  const lang = i18n.language === 'en' ? 'en' : 'vi';
  const number = new Intl.NumberFormat(locale(lang));
  const percent = new Intl.NumberFormat(locale(lang), {
    style: 'percent',
    maximumFractionDigits: 0,
  });
  const decimal = new Intl.NumberFormat(locale(lang), { maximumFractionDigits: 2 });

  const sorted = [...rows].sort((a, b) => {
    const sign = sort.dir === 'asc' ? 1 : -1;
    if (sort.by === 'unit') return sign * a.unitName.localeCompare(b.unitName, 'vi');
    // Units without a value (nothing closed, nobody rated) go last whichever the direction.
    const x = a[sort.by];
    const y = b[sort.by];
    if (x === null && y === null) return a.unitName.localeCompare(b.unitName, 'vi');
    if (x === null) return 1;
    if (y === null) return -1;
    return sign * (x - y) || a.unitName.localeCompare(b.unitName, 'vi');
  });

  const header = (column: Column) => {
    const active = sort.by === column;
    const label = t(`stats.${column}`);
    return (
      <th
        key={column}
        scope="col"
        aria-sort={active ? (sort.dir === 'asc' ? 'ascending' : 'descending') : 'none'}
        className={column === 'unit' ? undefined : 'fb-num'}
      >
        <button
          type="button"
          className="fb-sort"
          onClick={() =>
            setSort((s) => ({
              by: column,
              dir:
                s.by === column
                  ? s.dir === 'asc'
                    ? 'desc'
                    : 'asc'
                  : column === 'unit'
                    ? 'asc'
                    : 'desc',
            }))
          }
          data-testid={`feedback-stats-sort-${column}`}
        >
          {label}
          <span aria-hidden="true" className="fb-sort__icon">
            {active ? (sort.dir === 'asc' ? ' ▲' : ' ▼') : ' ↕'}
          </span>
        </button>
      </th>
    );
  };
  const none = (
    <>
      <span aria-hidden="true">{t('stats.none')}</span>
      <span className="visually-hidden">{t('stats.noneText')}</span>
    </>
  );

  return (
    <div className="fb-table-wrap">
      <table className="table fb-stats" data-testid="feedback-stats">
        <caption id="fb-stats-caption" className="visually-hidden">
          {t('stats.caption')}
        </caption>
        <thead>
          <tr>
            {header('unit')}
            {numeric.map(header)}
          </tr>
        </thead>
        <tbody>
          {sorted.map((row) => (
            <tr key={row.unitCode} data-testid="feedback-stats-row" data-unit={row.unitCode}>
              <th scope="row">{row.unitName}</th>
              <td className="fb-num">{number.format(row.closed)}</td>
              <td className="fb-num">{number.format(row.onTime)}</td>
              <td className="fb-num">{number.format(row.overdue)}</td>
              <td className="fb-num">{number.format(row.open)}</td>
              <td className="fb-num">{number.format(row.openOverdue)}</td>
              <td className="fb-num" data-testid="feedback-stats-rate">
                {row.onTimeRate === null ? none : percent.format(row.onTimeRate)}
              </td>
              <td className="fb-num">
                {row.averageRating === null ? none : decimal.format(row.averageRating)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
