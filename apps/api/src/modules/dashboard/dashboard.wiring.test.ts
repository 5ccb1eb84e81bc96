import type { ServiceIndex } from '@cqs/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SignedIn } from '../../test/factories';
import { createTestApp, type TestApp } from '../../test/test-app';
import {
  act,
  at,
  communesFrom,
  makeDesk,
  residentHeaders,
  submittedDossier,
  workspace,
} from '../processing/processing.test-support';

/**
 * The rollup sink is wired into the app's dossier-event sinks: the real one-stop actions (accept,
 * assign, the resident's withdrawal, its acceptance at the desk) move the service index.
 */
describe('dashboard rollups follow the real workflow', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await createTestApp();
  });

  afterAll(async () => {
    await app?.close();
  });

  it('counts an accepted dossier, then its withdrawal before the due date as on time', async () => {
    const [unit] = (await communesFrom(app, 60)) as [string];
    const desk = await makeDesk(app, unit);
    const [r, l] = (await at(app, '2026-10-05T09:00:00+07:00', desk.receiver, desk.leader)) as [
      SignedIn,
      SignedIn,
    ];
    const index = async () => {
      const res = await app.server.inject({
        method: 'GET',
        url: `/api/dashboard/service-index?from=2026-10-01&to=2026-10-31`,
        headers: { cookie: l.cookie },
      });
      expect(res.statusCode, res.body).toBe(200);
      const body = res.json() as ServiceIndex;
      const find = (key: string) => {
        const c = body.groups.flatMap((g) => g.components).find((x) => x.key === key);
        return c?.status === 'computed' ? [c.numerator, c.denominator] : null;
      };
      return { received: find('online_share'), onTime: find('on_time') };
    };

    const d = await submittedDossier(app, unit);
    expect(await index()).toEqual({ received: [0, 0], onTime: [0, 0] });
    const accepted = await act(app, r, d.id, { action: 'accept', expectedRowVersion: 1 });
    expect(accepted.statusCode, accepted.body).toBe(200);
    // Online, accepted, still within time: received, not yet decided.
    expect(await index()).toEqual({ received: [1, 1], onTime: [0, 0] });

    const asked = await app.server.inject({
      method: 'POST',
      url: `/api/my/dossiers/${d.id}/withdraw`,
      headers: await residentHeaders(app, d.resident.id),
      payload: { reason: 'Tôi muốn nộp lại hồ sơ khác' },
    });
    expect(asked.statusCode, asked.body).toBe(200);
    const view = await workspace(app, r, d.id);
    const done = await act(app, r, d.id, {
      action: 'accept_withdrawal',
      expectedRowVersion: view.rowVersion,
    });
    expect(done.statusCode, done.body).toBe(200);
    expect(await index()).toEqual({ received: [1, 1], onTime: [1, 1] });
  });
});
