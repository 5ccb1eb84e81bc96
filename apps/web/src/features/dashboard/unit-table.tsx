import { useId, useState } from 'react';
import { Link } from 'react-router';
import { useDt } from './i18n';
import { sortUnits } from './indicators';
import { type Bucket, bucketIndex } from './scale';

export interface UnitColumn {
  key: string;
  label: string;
  format: (value: number | null) => string;
  /** Per unit code; a unit missing from the map has no value. */
  values: ReadonlyMap<string, number | null>;
  /** The map's colour classes: the swatch beside the number repeats the map's colour. */
  buckets?: readonly Bucket[];
}

export interface UnitTableProps {
  units: readonly { code: string; name: string }[];
  /** The first column is the map's indicator (the initial order, largest first). */
  columns: readonly UnitColumn[];
  caption: string;
  /** Where a unit's row leads (its drill page). */
  linkTo: (code: string) => string;
  /**
   * Show only this many rows (in the current order) until the viewer asks for all: on a phone
   * 102 rows make the overview a long scroll. Unset: every row.
   */
  firstRows?: number | undefined;
}

/**
 * The map's numbers as a table (issue 7 §4: the accessible alternative): sortable by unit or by
 * any column, with `aria-sort` on the header; the colour class repeated as a swatch.
 */
export function UnitTable({ units, columns, caption, linkTo, firstRows }: UnitTableProps) {
  const { t } = useDt();
  const tableId = useId();
  const [expanded, setExpanded] = useState(false);
  // Largest first: the best scores, or the most overdue when less is better.
  const [sort, setSort] = useState<{ by: string; descending: boolean }>({
    by: columns[0]?.key ?? 'name',
    descending: true,
  });
  const column = columns.find((c) => c.key === sort.by) ?? null;
  const sorted = sortUnits(
    units,
    column ? (u) => column.values.get(u.code) ?? null : null,
    sort.descending,
  );
  // The top rows of whatever order is chosen: sorting a shortened table re-ranks all units.
  const shortened = firstRows !== undefined && !expanded && sorted.length > firstRows;
  const shown = shortened ? sorted.slice(0, firstRows) : sorted;
  const toggle = (by: string) =>
    setSort((s) =>
      s.by === by ? { by, descending: !s.descending } : { by, descending: by !== 'name' },
    );
  const ariaSort = (by: string) =>
    sort.by === by ? (sort.descending ? 'descending' : 'ascending') : undefined;
  const arrow = (by: string) => (sort.by === by ? (sort.descending ? ' ▼' : ' ▲') : '');
  const header = (by: string, label: string) => (
    <button
      type="button"
      className="db-sort"
      onClick={() => toggle(by)}
      aria-label={t('map.sortBy', { column: label })}
      data-testid={`db-sort-${by}`}
    >
      {label}
      <span aria-hidden="true">{arrow(by)}</span>
    </button>
  );

  return (
    <>
      <div className="db-table-wrap" data-testid="db-unit-table">
        <table className="db-table db-unit-table" id={tableId}>
          <caption className="db-table__caption">{caption}</caption>
          <thead>
            <tr>
              <th scope="col" className="db-num db-rank">
                {t('map.rank')}
              </th>
              <th scope="col" aria-sort={ariaSort('name')}>
                {header('name', t('common.unitColumn'))}
              </th>
              {columns.map((c) => (
                <th key={c.key} scope="col" className="db-num" aria-sort={ariaSort(c.key)}>
                  {header(c.key, c.label)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {shown.map((row, i) => (
              <tr key={row.code} data-testid="db-unit-row" data-code={row.code}>
                <td className="db-num db-rank">{i + 1}</td>
                <th scope="row" className="db-unit-table__name">
                  <Link to={linkTo(row.code)} data-testid={`db-unit-link-${row.code}`}>
                    {row.name}
                  </Link>
                </th>
                {columns.map((c) => {
                  const value = c.values.get(row.code) ?? null;
                  const bucket = c.buckets ? c.buckets[bucketIndex(value, c.buckets)] : undefined;
                  return (
                    <td key={c.key} className="db-num" data-value={value ?? ''} data-column={c.key}>
                      {c.buckets ? (
                        <span
                          className="db-swatch"
                          style={{ background: bucket?.color ?? 'transparent' }}
                          aria-hidden="true"
                        />
                      ) : null}
                      {c.format(value)}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {firstRows !== undefined && sorted.length > firstRows ? (
        <p className="db-more" data-testid="db-unit-table-more">
          <span className="db-muted">
            {t('map.shownRows', { shown: shown.length, total: sorted.length })}
          </span>{' '}
          {/* A toggle, not a one-way link: focus stays on it, and the long list can be folded again. */}
          <button
            type="button"
            className="btn btn--secondary btn--small"
            aria-expanded={!shortened}
            aria-controls={tableId}
            onClick={() => setExpanded((e) => !e)}
            data-testid="db-unit-table-toggle"
          >
            {shortened
              ? t('map.showAllRows', { count: sorted.length })
              : t('map.showFirstRows', { count: firstRows })}
          </button>
        </p>
      ) : null}
    </>
  );
}
