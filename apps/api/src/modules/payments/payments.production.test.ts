import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeResident } from '../../test/factories';
import { createTestApp, type TestApp } from '../../test/test-app';
import { PaymentsRepository } from './payments.repository';
import { createPayment, RESIDENCE_CODE, sendWebhook, startDraft } from './payments.test-helpers';

let app: TestApp;

beforeAll(async () => {
  app = await createTestApp({
    env: {
      APP_MODE: 'production',
      OIDC_CLIENT_SECRET: 'x'.repeat(32),
      PAYMENT_WEBHOOK_SECRET: 'gateway-shared-secret-0123456789abcdef',
    },
  });
});
afterAll(async () => {
  await app.close();
});

describe('payments in production mode', () => {
  it('has no collection account and no simulator until an administrator acts', async () => {
    const accounts = await app.database.db.selectFrom('payment_accounts').selectAll().execute();
    expect(accounts).toEqual([]);
    expect(app.routes.some((r) => r.url.includes('/simulator/'))).toBe(false);
    expect(app.routes.some((r) => r.url === '/api/payments/webhook')).toBe(true);
  });

  it('never offers a demo account, and uses the account an administrator adds', async () => {
    const resident = await makeResident(app, { communeCode: '24133' });
    const draft = await startDraft(app, resident, RESIDENCE_CODE);
    const none = await createPayment(app, resident, draft.id);
    expect(none.statusCode).toBe(409);
    expect(none.json().error.code).toBe('PAYMENT_ACCOUNT_MISSING');

    const repository = new PaymentsRepository(app.database.db);
    // A demo row (e.g. in a database copied from a demo) is ignored in production.
    await repository.upsertAccount(
      {
        unitCode: '24133',
        bankBin: '970405',
        accountNumber: 'DEMO24133',
        accountName: 'TT PVHCC (DEMO)',
        isDemo: true,
      },
      app.clock.now(),
    );
    expect((await createPayment(app, resident, draft.id)).statusCode).toBe(409);

    await repository.upsertAccount(
      {
        unitCode: '24133',
        bankBin: '970418',
        accountNumber: '1234567890123',
        accountName: 'TRUNG TAM PHUC VU HANH CHINH CONG',
      },
      app.clock.now(),
    );
    const res = await createPayment(app, resident, draft.id);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      bankBin: '970418',
      accountNumber: '1234567890123',
      isDemo: false,
      amountVnd: 10_000,
    });

    // The gateway's secret comes from the environment: a confirmation signed with it is accepted.
    const paid = await sendWebhook(app, {
      reference: res.json().reference,
      amountVnd: 10_000,
      providerTxnId: 'FT-PROD-1',
      paidAt: app.clock.now().toISOString(),
    });
    expect(paid.statusCode, paid.body).toBe(200);
    expect(paid.json().state).toBe('paid');
  });

  it('refuses an account the database constraints would not accept', async () => {
    const repository = new PaymentsRepository(app.database.db);
    await expect(
      repository.upsertAccount(
        {
          unitCode: '24133',
          bankBin: '97041',
          accountNumber: '1',
          accountName: 'Tên có dấu',
        },
        app.clock.now(),
      ),
    ).rejects.toThrow();
  });
});
