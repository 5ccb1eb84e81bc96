import { describe, expect, it } from 'vitest';
import type { DashboardAlerts, ServiceIndex } from './dashboard-api';
import { sortUnits, unitValues } from './indicators';

const scope = [
  { code: '24133', name: 'Phường Buôn Ma Thuột' },
  { code: '24373', name: 'Xã Ea Kar' },
  { code: '22015', name: 'Phường Tuy Hòa' },
];

const index = {
  units: [
    {
      unitCode: '24133',
      unitName: 'Phường Buôn Ma Thuột',
      points: 30,
      computedMaxPoints: 40,
      received: 12,
      onTimeRate: 0.75,
      onlineShare: 0.5,
    },
    // A department is not on the map but stays in the table.
    {
      unitCode: '66-STP',
      unitName: 'Sở Tư pháp',
      points: 20,
      computedMaxPoints: 40,
      received: 3,
      onTimeRate: null,
      onlineShare: 0,
    },
  ],
} as unknown as ServiceIndex;

describe('map indicators per unit', () => {
  it('reads the service index rows; counts default to 0 and rates to no value', () => {
    const onTime = unitValues('on_time_rate', { index }, scope);
    expect(onTime).toEqual([
      { code: '24133', name: 'Phường Buôn Ma Thuột', value: 0.75 },
      { code: '24373', name: 'Xã Ea Kar', value: null },
      { code: '22015', name: 'Phường Tuy Hòa', value: null },
      { code: '66-STP', name: 'Sở Tư pháp', value: null },
    ]);
    const received = unitValues('received', { index }, scope);
    expect(received?.map((r) => r.value)).toEqual([12, 0, 0, 3]);
    expect(unitValues('online_share', { index }, scope)?.[0]?.value).toBe(0.5);
  });

  it('has no values when the indicator’s source did not answer', () => {
    expect(unitValues('feedback_on_time', { index }, scope)).toBeNull();
    expect(unitValues('residents_helped', {}, scope)).toBeNull();
  });

  it('sums overdue dossier alerts per unit, other kinds and levels left out', () => {
    const alerts = {
      asOf: '2026-11-29T00:00:00Z',
      unit: { code: '66', name: 'Tỉnh Đắk Lắk' },
      items: [
        { kind: 'dossier', level: 'overdue', unit: scope[1], count: 4, label: '', examples: [] },
        { kind: 'dossier', level: 'due_soon', unit: scope[1], count: 9, label: '', examples: [] },
        { kind: 'feedback', level: 'overdue', unit: scope[1], count: 7, label: '', examples: [] },
        { kind: 'dossier', level: 'overdue', unit: scope[0], count: 2, label: '', examples: [] },
      ],
    } as DashboardAlerts;
    expect(unitValues('dossiers_overdue', { alerts }, scope)?.map((r) => r.value)).toEqual([
      2, 4, 0,
    ]);
  });

  it('sorts by value with units without a value last in both directions, ties by name', () => {
    const rows = [
      { name: 'Xã Ea Kar', v: null },
      { name: 'Phường Tuy Hòa', v: 0.9 },
      { name: 'Xã Cư M’gar', v: 0.9 },
      { name: 'Phường Buôn Ma Thuột', v: 0.4 },
    ];
    const value = (r: (typeof rows)[number]) => r.v;
    expect(sortUnits(rows, value, true).map((r) => r.name)).toEqual([
      'Phường Tuy Hòa',
      'Xã Cư M’gar',
      'Phường Buôn Ma Thuột',
      'Xã Ea Kar',
    ]);
    expect(sortUnits(rows, value, false).map((r) => r.name)).toEqual([
      'Phường Buôn Ma Thuột',
      'Phường Tuy Hòa',
      'Xã Cư M’gar',
      'Xã Ea Kar',
    ]);
    expect(sortUnits(rows, null, false).map((r) => r.name)[0]).toBe('Phường Buôn Ma Thuột');
  });
});
