import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeOfficer, makeResident, signInOfficer, type TestResident } from '../../test/factories';
import { createTestApp, type TestApp } from '../../test/test-app';
import { createPayment, RESIDENCE_CODE, sendWebhook, startDraft } from './payments.test-helpers';

let app: TestApp;
let owner: TestResident;
let stranger: TestResident;
let paymentId: string;
let draftId: string;

beforeAll(async () => {
  app = await createTestApp();
  owner = await makeResident(app, { communeCode: '24133' });
  stranger = await makeResident(app, { communeCode: '24133' });
  const draft = await startDraft(app, owner, RESIDENCE_CODE);
  draftId = draft.id;
  const res = await createPayment(app, owner, draft.id);
  expect(res.statusCode, res.body).toBe(201);
  paymentId = res.json().paymentId;
  const paid = await sendWebhook(app, {
    reference: res.json().reference,
    amountVnd: res.json().amountVnd,
    providerTxnId: 'FT-SCOPES-1',
    paidAt: app.clock.now().toISOString(),
  });
  expect(paid.statusCode).toBe(200);
});
afterAll(async () => {
  await app.close();
});

describe('who may see and pay a payment', () => {
  it('the owner reads state and receipt', async () => {
    for (const url of [`/api/payments/${paymentId}`, `/api/payments/${paymentId}/receipt`]) {
      const res = await app.server.inject({ url, headers: owner.headers });
      expect(res.statusCode, url).toBe(200);
    }
  });

  it('another resident gets 404 for reading, the receipt, paying and creating', async () => {
    const attempts = [
      await app.server.inject({ url: `/api/payments/${paymentId}`, headers: stranger.headers }),
      await app.server.inject({
        url: `/api/payments/${paymentId}/receipt`,
        headers: stranger.headers,
      }),
      await app.server.inject({
        method: 'POST',
        url: `/api/payments/simulator/${paymentId}/pay`,
        headers: stranger.headers,
      }),
      await createPayment(app, stranger, draftId),
    ];
    expect(attempts.map((r) => r.statusCode)).toEqual([404, 404, 404, 404]);
    expect(attempts.map((r) => r.json().error.code)).toEqual([
      'PAYMENT_NOT_FOUND',
      'PAYMENT_NOT_FOUND',
      'PAYMENT_NOT_FOUND',
      'DRAFT_NOT_FOUND',
    ]);
    expect(JSON.stringify(attempts.map((r) => r.json()))).not.toContain('BL-');
  });

  it('an officer cannot use the resident routes (403) and anonymous callers must sign in', async () => {
    const officer = await signInOfficer(
      app,
      await makeOfficer(app, [{ role: 'unit_leader', unitCode: '24133' }]),
    );
    const asOfficer = await app.server.inject({
      url: `/api/payments/${paymentId}`,
      headers: { cookie: officer.cookie, 'x-csrf-token': officer.csrf },
    });
    expect(asOfficer.statusCode).toBe(403);
    const anonymous = await app.server.inject({ url: `/api/payments/${paymentId}/receipt` });
    expect(anonymous.statusCode).toBe(401);
  });
});
