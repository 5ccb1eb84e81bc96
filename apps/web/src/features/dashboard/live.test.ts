import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { invalidateFor, parseChange } from './live';

const keys = {
  index: ['dashboard', 'service-index', { unit: '66' }],
  drill: ['dashboard', 'service-index-drill', { unit: '24133' }],
  feedback: ['dashboard', 'feedback', { unit: '66' }],
  alerts: ['dashboard', 'alerts', '66'],
  steering: ['dashboard', 'steering', '66'],
  teams: ['dashboard', 'teams', { unit: '66' }],
  taskBoard: ['officer', 'tasks', 'board', { unitCode: '66' }],
  session: ['session'],
} as const;

function client() {
  const qc = new QueryClient();
  for (const key of Object.values(keys)) qc.setQueryData([...key], { ok: true });
  return qc;
}
const stale = (qc: QueryClient) =>
  Object.entries(keys)
    .filter(([, key]) => qc.getQueryState([...key])?.isInvalidated)
    .map(([name]) => name)
    .sort();

describe('live change notices', () => {
  it('reads the changed event, tolerating missing fields and refusing non-JSON', () => {
    expect(
      parseChange('{"asOf":"2026-11-29T01:00:00Z","kinds":["dossiers"],"units":["24133"]}'),
    ).toEqual({
      asOf: '2026-11-29T01:00:00Z',
      kinds: ['dossiers'],
      units: ['24133'],
    });
    expect(parseChange('{}')?.kinds).toEqual([]);
    expect(parseChange('not json')).toBeNull();
  });

  it('marks stale only the views a kind of change affects', async () => {
    const dossiers = client();
    await invalidateFor(dossiers, { asOf: '', kinds: ['dossiers'], units: [] });
    expect(stale(dossiers)).toEqual(['alerts', 'drill', 'index']);

    const feedback = client();
    await invalidateFor(feedback, { asOf: '', kinds: ['feedback'], units: [] });
    expect(stale(feedback)).toEqual(['alerts', 'feedback']);

    const tasks = client();
    await invalidateFor(tasks, { asOf: '', kinds: ['tasks'], units: [] });
    expect(stale(tasks)).toEqual(['alerts', 'steering', 'taskBoard']);
  });

  it('marks every dashboard view stale when the kinds are unknown, never the session', async () => {
    const qc = client();
    await invalidateFor(qc, { asOf: '', kinds: [], units: [] });
    expect(stale(qc)).toEqual(
      ['alerts', 'drill', 'feedback', 'index', 'steering', 'taskBoard', 'teams'].sort(),
    );
  });
});
