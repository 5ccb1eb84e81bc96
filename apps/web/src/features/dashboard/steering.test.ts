import { describe, expect, it } from 'vitest';
import { overdueFirst, steeringRows } from './steering';

const unit = (code: string, name: string) => ({ code, name });
const bmt = unit('24133', 'Phường Buôn Ma Thuột');
const eakar = unit('24373', 'Xã Ea Kar');
const stp = unit('66-STP', 'Sở Tư pháp');

describe('steering view of directive tasks', () => {
  it('counts assignments by unit and status, units with overdue work first', () => {
    const rows = steeringRows([
      { unit: stp, status: 'in_progress' },
      { unit: stp, status: 'in_progress' },
      { unit: eakar, status: 'overdue' },
      { unit: eakar, status: 'done_on_time' },
      { unit: bmt, status: 'overdue' },
      { unit: bmt, status: 'overdue' },
      { unit: bmt, status: 'cancelled' },
    ]);
    expect(rows.map((r) => r.code)).toEqual(['24133', '24373', '66-STP']);
    expect(rows[0]).toEqual({
      code: '24133',
      name: 'Phường Buôn Ma Thuột',
      counts: { overdue: 2, in_progress: 0, done_on_time: 0, done_late: 0, cancelled: 1 },
      total: 3,
    });
    expect(rows[2]?.counts.in_progress).toBe(2);
  });

  it('orders units without overdue work by work in progress, then by name', () => {
    const rows = steeringRows([
      { unit: eakar, status: 'done_late' },
      { unit: bmt, status: 'done_late' },
      { unit: stp, status: 'in_progress' },
    ]);
    expect(rows.map((r) => r.code)).toEqual(['66-STP', '24133', '24373']);
  });

  it('lists overdue assignments, the longest overdue first', () => {
    const items = overdueFirst([
      { status: 'overdue', dueAt: '2026-05-10T10:00:00.000Z', id: 'b' },
      { status: 'in_progress', dueAt: '2026-01-01T10:00:00.000Z', id: 'x' },
      { status: 'overdue', dueAt: '2026-04-02T10:00:00.000Z', id: 'a' },
    ]);
    expect(items.map((i) => i.id)).toEqual(['a', 'b']);
  });
});
