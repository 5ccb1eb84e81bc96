import { describe, expect, it } from 'vitest';
import { addDays, type IsoDate } from '../calendar/calendar.time';
import { emptyCounters } from './dashboard.facts';
import { periodCover, scopeTotalsOf } from './dashboard.scope';

/** Every day the cover reads, expanded, to compare with the period day by day. */
function coveredDays(cover: ReturnType<typeof periodCover>): IsoDate[] {
  const out: IsoDate[] = [];
  const span = (from: IsoDate, to: IsoDate) => {
    for (let d = from; d <= to; d = addDays(d, 1)) out.push(d);
  };
  for (const y of cover.years) span(y, `${y.slice(0, 4)}-12-31` as IsoDate);
  for (const m of cover.months) {
    const next = addDays(m, 31).slice(0, 7);
    span(m, addDays(`${next}-01` as IsoDate, -1));
  }
  for (const [a, b] of cover.days) span(a, b);
  return out.sort();
}

describe('periodCover', () => {
  it('reads whole years and months from the coarser rollups and the edges day by day', () => {
    expect(periodCover('2021-11-30', '2026-11-29', '2026-11-28')).toEqual({
      years: ['2022-01-01', '2023-01-01', '2024-01-01', '2025-01-01'],
      months: [
        '2021-12-01',
        '2026-01-01',
        '2026-02-01',
        '2026-03-01',
        '2026-04-01',
        '2026-05-01',
        '2026-06-01',
        '2026-07-01',
        '2026-08-01',
        '2026-09-01',
        '2026-10-01',
      ],
      days: [
        ['2021-11-30', '2021-11-30'],
        ['2026-11-01', '2026-11-29'],
      ],
    });
  });

  it('never reads a whole block that contains the last closed day before its end', () => {
    // 2026 and February would fit the period, but open dossiers due after 10/2 are not late yet.
    expect(periodCover('2026-01-01', '2026-12-31', '2026-02-10')).toEqual({
      years: [],
      months: [
        '2026-01-01',
        '2026-03-01',
        '2026-04-01',
        '2026-05-01',
        '2026-06-01',
        '2026-07-01',
        '2026-08-01',
        '2026-09-01',
        '2026-10-01',
        '2026-11-01',
        '2026-12-01',
      ],
      days: [['2026-02-01', '2026-02-28']],
    });
    // A block ending on the last closed day, or entirely after it, is read whole.
    expect(periodCover('2026-01-01', '2026-12-31', '2026-12-31').years).toEqual(['2026-01-01']);
    expect(periodCover('2027-01-01', '2027-12-31', '2026-05-01').years).toEqual(['2027-01-01']);
  });

  it('covers every day of any period exactly once (leap years, single days, reversed months)', () => {
    const periods: [IsoDate, IsoDate, IsoDate][] = [
      ['2024-02-28', '2024-03-01', '2024-02-29'],
      ['2023-12-31', '2025-01-01', '2030-01-01'],
      ['2026-03-15', '2026-03-15', '2026-03-14'],
      ['2022-01-01', '2026-12-31', '2024-06-30'],
      ['2025-07-31', '2025-09-01', '2025-08-31'],
    ];
    for (const [from, to, lastClosed] of periods) {
      const expected: IsoDate[] = [];
      for (let d = from; d <= to; d = addDays(d, 1)) expected.push(d);
      expect(coveredDays(periodCover(from, to, lastClosed))).toEqual(expected);
    }
  });
});

describe('scopeTotalsOf', () => {
  it('sums per unit and per procedure and counts procedures with fees and online payments', () => {
    const c = (fields: Partial<ReturnType<typeof emptyCounters>>) => ({
      ...emptyCounters(),
      ...fields,
    });
    const totals = scopeTotalsOf([
      { unitCode: 'A', procedureCode: 'p1', counters: c({ received: 2, fee_bearing: 1 }) },
      // The same pair twice (two rollup blocks): one procedure, counted once.
      { unitCode: 'A', procedureCode: 'p1', counters: c({ received: 1, paid_online: 1 }) },
      { unitCode: 'A', procedureCode: 'p2', counters: c({ received: 4 }) },
      { unitCode: 'B', procedureCode: 'p1', counters: c({ received: 3, fee_bearing: 2 }) },
    ]);
    expect(totals.units.get('A')).toEqual({
      counters: c({ received: 7, fee_bearing: 1, paid_online: 1 }),
      feeBearingProcedures: 1,
      proceduresWithOnlinePayment: 1,
    });
    expect(totals.units.get('B')).toMatchObject({
      feeBearingProcedures: 1,
      proceduresWithOnlinePayment: 0,
    });
    expect(totals.procedures.get('p1')).toEqual(c({ received: 6, fee_bearing: 3, paid_online: 1 }));
    expect(totals.procedures.get('p2')).toEqual(c({ received: 4 }));
  });
});
