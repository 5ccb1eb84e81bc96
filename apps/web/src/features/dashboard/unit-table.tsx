import { useState } from 'react';
import { Link } from 'react-router';
import { useDt } from './i18n';
import { type SortKey, sortUnitValues, type UnitValue } from './indicators';
import { type Bucket, bucketIndex } from './scale';

export interface UnitTableProps {
  rows: readonly UnitValue[];
  buckets: readonly Bucket[];
  indicatorLabel: string;
  caption: string;
  format: (value: number | null) => string;
  /** Where a unit's row leads (its drill page). */
  linkTo: (code: string) => string;
}

/**
 * The map's numbers as a table (issue 7 §4: the accessible alternative): sortable by unit or by
 * value with `aria-sort` on the header, the colour class repeated as a swatch beside the number.
 */
export function UnitTable({
  rows,
  buckets,
  indicatorLabel,
  caption,
  format,
  linkTo,
}: UnitTableProps) {
  const { t } = useDt();
  // Largest first: the best scores, or the most overdue when less is better.
  const [sort, setSort] = useState<{ by: SortKey; descending: boolean }>({
    by: 'value',
    descending: true,
  });
  const sorted = sortUnitValues(rows, sort.by, sort.descending);
  const toggle = (by: SortKey) =>
    setSort((s) =>
      s.by === by ? { by, descending: !s.descending } : { by, descending: by === 'value' },
    );
  const ariaSort = (by: SortKey) =>
    sort.by === by ? (sort.descending ? 'descending' : 'ascending') : undefined;
  const arrow = (by: SortKey) => (sort.by === by ? (sort.descending ? ' ▼' : ' ▲') : '');

  return (
    <div className="db-table-wrap" data-testid="db-unit-table">
      <table className="proc-table db-table">
        <caption className="db-table__caption">{caption}</caption>
        <thead>
          <tr>
            <th scope="col" className="db-num">
              {t('map.rank')}
            </th>
            <th scope="col" aria-sort={ariaSort('name')}>
              <button
                type="button"
                className="db-sort"
                onClick={() => toggle('name')}
                aria-label={t('map.sortBy', { column: t('common.unitColumn') })}
                data-testid="db-sort-name"
              >
                {t('common.unitColumn')}
                <span aria-hidden="true">{arrow('name')}</span>
              </button>
            </th>
            <th scope="col" className="db-num" aria-sort={ariaSort('value')}>
              <button
                type="button"
                className="db-sort"
                onClick={() => toggle('value')}
                aria-label={t('map.sortBy', { column: indicatorLabel })}
                data-testid="db-sort-value"
              >
                {indicatorLabel}
                <span aria-hidden="true">{arrow('value')}</span>
              </button>
            </th>
          </tr>
        </thead>
        <tbody>
          {sorted.map((row, i) => {
            const bucket = buckets[bucketIndex(row.value, buckets)];
            return (
              <tr key={row.code} data-testid="db-unit-row" data-code={row.code}>
                <td className="db-num">{i + 1}</td>
                <td>
                  <Link to={linkTo(row.code)} data-testid={`db-unit-link-${row.code}`}>
                    {row.name}
                  </Link>
                </td>
                <td className="db-num" data-value={row.value ?? ''}>
                  <span
                    className="db-swatch"
                    style={{ background: bucket?.color ?? 'transparent' }}
                    aria-hidden="true"
                  />
                  {format(row.value)}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
