import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeResident, type TestResident } from '../../test/factories';
import { createTestApp, type TestApp } from '../../test/test-app';
import {
  BIRTH_CODE,
  createPayment,
  RESIDENCE_CODE,
  readyDraft,
  sendWebhook,
  startDraft,
  WILL_CODE,
} from './payments.test-helpers';
import { hasValidCrc, parseTlv } from './payments.vietqr';

let app: TestApp;
let resident: TestResident;

beforeAll(async () => {
  app = await createTestApp();
  // E-mail only, so each confirmed payment queues exactly one receipt message.
  resident = await makeResident(app, {
    fullName: 'Trần Thị Mai',
    communeCode: '24133',
    phone: null,
    email: 'tran.thi.mai@example.vn',
  });
});
afterAll(async () => {
  await app.close();
});

async function paymentRow(id: string) {
  return app.database.db
    .selectFrom('payments')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
}

async function countRows(table: 'outbox' | 'audit_log', column: string, like: string) {
  const { rows } = await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)}
    where ${sql.ref(column)} like ${like}`.execute(app.database.db);
  return rows[0]!.n;
}

async function newIntent(code = RESIDENCE_CODE, who = resident) {
  const draft = await startDraft(app, who, code);
  const res = await createPayment(app, who, draft.id);
  expect(res.statusCode, res.body).toBe(201);
  return { draft, payment: res.json() };
}

describe('payment intent for a draft', () => {
  it('charges the online fee of the version in force to the commune centre by VietQR', async () => {
    const { draft, payment } = await newIntent();
    // Đăng ký thường trú costs 10,000 đồng online and 20,000 in person: the online fee applies.
    expect(payment).toMatchObject({
      amountVnd: 10_000,
      currency: 'VND',
      state: 'pending',
      unitCode: '24133',
      bankBin: '970405',
      accountNumber: 'DEMO24133',
      isDemo: true,
      paidAt: null,
      receiptNo: null,
      dossierId: null,
    });
    expect(payment.reference).toMatch(/^CQS[0-9A-Z]{10}$/);
    expect(payment.accountName).toMatch(/^TT PVHCC .+ \(DEMO\)$/);
    expect(payment.qrImageDataUrl).toMatch(/^data:image\/png;base64,[A-Za-z0-9+/]+=*$/);
    expect(Date.parse(payment.expiresAt)).toBeGreaterThan(app.clock.now().getTime());

    const root = parseTlv(payment.qrPayload);
    expect(root.get('01')).toBe('12');
    expect(root.get('54')).toBe('10000');
    expect(parseTlv(root.get('62')!).get('08')).toBe(payment.reference);
    const beneficiary = parseTlv(parseTlv(root.get('38')!).get('01')!);
    expect(beneficiary.get('00')).toBe('970405');
    expect(beneficiary.get('01')).toBe('DEMO24133');
    expect(hasValidCrc(payment.qrPayload)).toBe(true);

    const audit = await app.database.db
      .selectFrom('audit_log')
      .select(['action', 'unit_code'])
      .where('object_id', '=', payment.paymentId)
      .execute();
    expect(audit).toEqual([{ action: 'payment.create', unit_code: '24133' }]);

    // Asking again shows the same code: one live intent per draft.
    const again = await createPayment(app, resident, draft.id);
    expect(again.statusCode).toBe(200);
    expect(again.json().paymentId).toBe(payment.paymentId);
    expect(again.json().reference).toBe(payment.reference);
  });

  it('honours an Idempotency-Key: the same key replays the first answer', async () => {
    const draft = await startDraft(app, resident, RESIDENCE_CODE);
    const first = await createPayment(app, resident, draft.id, 'pay-key-0001');
    const second = await createPayment(app, resident, draft.id, 'pay-key-0001');
    expect(first.statusCode).toBe(201);
    expect(second.statusCode).toBe(201);
    expect(second.headers['idempotent-replayed']).toBe('true');
    expect(second.json().paymentId).toBe(first.json().paymentId);
    const bad = await createPayment(app, resident, draft.id, 'short');
    expect(bad.statusCode).toBe(400);
  });

  it('answers 409 PAYMENT_NOT_REQUIRED for a procedure without an online fee', async () => {
    const draft = await startDraft(app, resident, BIRTH_CODE);
    const res = await createPayment(app, resident, draft.id);
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('PAYMENT_NOT_REQUIRED');
    expect(
      await app.database.db
        .selectFrom('payments')
        .select('id')
        .where('draft_id', '=', draft.id)
        .execute(),
    ).toEqual([]);
  });

  it('answers 409 PAYMENT_ACCOUNT_MISSING, naming the unit, when it has no account', async () => {
    const other = await app.database.db
      .selectFrom('units')
      .select(['code', 'full_name'])
      .where('kind', '=', 'commune')
      .where('code', '<>', '24133')
      .orderBy('code')
      .executeTakeFirstOrThrow();
    await app.database.db
      .deleteFrom('payment_accounts')
      .where('unit_code', '=', other.code)
      .execute();
    const elsewhere = await makeResident(app, { communeCode: other.code });
    const draft = await startDraft(app, elsewhere, RESIDENCE_CODE);
    const res = await createPayment(app, elsewhere, draft.id);
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('PAYMENT_ACCOUNT_MISSING');
    expect(res.json().error.message).toContain(other.full_name);
    expect(res.json().error.message).toContain('chưa đăng ký tài khoản');
  });
});

describe('gateway confirmation (webhook)', () => {
  it('marks the payment paid exactly once, however often the gateway repeats it', async () => {
    const { payment } = await newIntent();
    const body = {
      reference: payment.reference,
      amountVnd: 10_000,
      providerTxnId: 'FT26001234567',
      paidAt: app.clock.now().toISOString(),
    };
    const first = await sendWebhook(app, body);
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({ paymentId: payment.paymentId, state: 'paid' });
    expect(first.json().receiptNo).toMatch(/^BL-\d{4}-\d{6}$/);

    const second = await sendWebhook(app, body);
    expect(second.statusCode).toBe(200);
    expect(second.json()).toEqual(first.json());

    const row = await paymentRow(payment.paymentId);
    expect(row).toMatchObject({ state: 'paid', provider_txn_id: 'FT26001234567' });
    expect(row.receipt_no).toBe(first.json().receiptNo);
    expect(await countRows('outbox', 'dedupe_key', `payment.receipt:${payment.paymentId}:%`)).toBe(
      1,
    );
    const audits = await app.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('object_id', '=', payment.paymentId)
      .where('action', '=', 'payment.confirm')
      .execute();
    expect(audits).toHaveLength(1);
    const message = await app.database.db
      .selectFrom('outbox')
      .select(['template', 'recipient', 'payload'])
      .where('dedupe_key', '=', `payment.receipt:${payment.paymentId}:email`)
      .executeTakeFirstOrThrow();
    expect(message).toMatchObject({
      template: 'payment.receipt',
      recipient: 'tran.thi.mai@example.vn',
      payload: { amountVnd: 10_000, receiptNumber: row.receipt_no, dossierCode: payment.reference },
    });

    // Another bank transaction for an already paid reference changes nothing.
    const double = await sendWebhook(app, { ...body, providerTxnId: 'FT26009999999' });
    expect(double.statusCode).toBe(409);
    expect(double.json().error.code).toBe('PAYMENT_ALREADY_PAID');
    expect((await paymentRow(payment.paymentId)).provider_txn_id).toBe('FT26001234567');

    const receipt = await app.server.inject({
      url: `/api/payments/${payment.paymentId}/receipt`,
      headers: resident.headers,
    });
    expect(receipt.statusCode, receipt.body).toBe(200);
    expect(receipt.json()).toMatchObject({
      receiptNo: row.receipt_no,
      reference: payment.reference,
      amountVnd: 10_000,
      amountInWords: 'Mười nghìn đồng',
      payer: { name: 'Trần Thị Mai' },
      unit: { code: '24133' },
      procedure: { code: RESIDENCE_CODE, name: 'Đăng ký thường trú' },
      isDemo: true,
    });
  });

  it('refuses a missing, wrong or tampered signature with 401 and changes nothing', async () => {
    const { payment } = await newIntent();
    const body = {
      reference: payment.reference,
      amountVnd: 10_000,
      providerTxnId: 'FT26000000001',
      paidAt: app.clock.now().toISOString(),
    };
    const attempts = [
      await sendWebhook(app, body, { signature: null }),
      await sendWebhook(app, body, { secret: 'a-different-secret-of-thirty-two-chars!!' }),
      await sendWebhook(app, body, { signature: 't=1,v1=00' }),
      // Signed for another body: the signature covers the exact bytes.
      await sendWebhook(app, body, {
        signature: (await import('./payments.signature')).signWebhook(
          app.config.payments.webhookSecret!,
          JSON.stringify({ ...body, amountVnd: 1 }),
          app.clock.now(),
        ),
      }),
    ];
    for (const res of attempts) {
      expect(res.statusCode).toBe(401);
      expect(res.json().error.code).toBe('PAYMENT_SIGNATURE_INVALID');
    }
    expect(await paymentRow(payment.paymentId)).toMatchObject({
      state: 'pending',
      receipt_no: null,
    });
    expect(await countRows('outbox', 'dedupe_key', `payment.receipt:${payment.paymentId}:%`)).toBe(
      0,
    );
  });

  it('refuses a signature older than 5 minutes (replay) with 401', async () => {
    const { payment } = await newIntent();
    const body = {
      reference: payment.reference,
      amountVnd: 10_000,
      providerTxnId: 'FT26000000002',
      paidAt: app.clock.now().toISOString(),
    };
    const stale = await sendWebhook(app, body, {
      at: new Date(app.clock.now().getTime() - 301_000),
    });
    expect(stale.statusCode).toBe(401);
    expect((await paymentRow(payment.paymentId)).state).toBe('pending');
    // Four minutes old is still accepted, so the check is really about age.
    const recent = await sendWebhook(app, body, {
      at: new Date(app.clock.now().getTime() - 240_000),
    });
    expect(recent.statusCode).toBe(200);
  });

  it('refuses another amount with 422 and changes nothing', async () => {
    const { payment } = await newIntent();
    const res = await sendWebhook(app, {
      reference: payment.reference,
      amountVnd: 9_000,
      providerTxnId: 'FT26000000003',
      paidAt: app.clock.now().toISOString(),
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe('PAYMENT_AMOUNT_MISMATCH');
    expect(await paymentRow(payment.paymentId)).toMatchObject({
      state: 'pending',
      provider_txn_id: null,
    });
  });

  it('answers 404 for an unknown reference and 409 for an expired code', async () => {
    const unknown = await sendWebhook(app, {
      reference: 'CQS2222222222',
      amountVnd: 10_000,
      providerTxnId: 'FT26000000004',
      paidAt: app.clock.now().toISOString(),
    });
    expect(unknown.statusCode).toBe(404);

    const { draft, payment } = await newIntent();
    // Moving the clock a day would also end the test sessions: the code's expiry moves instead.
    await app.database.db
      .updateTable('payments')
      .set({ expires_at: new Date(app.clock.now().getTime() - 1000) })
      .where('id', '=', payment.paymentId)
      .execute();
    const late = await sendWebhook(app, {
      reference: payment.reference,
      amountVnd: 10_000,
      providerTxnId: 'FT26000000005',
      paidAt: app.clock.now().toISOString(),
    });
    expect(late.statusCode).toBe(409);
    expect(late.json().error.code).toBe('PAYMENT_NOT_PAYABLE');
    const status = await app.server.inject({
      url: `/api/payments/${payment.paymentId}`,
      headers: resident.headers,
    });
    expect(status.json().state).toBe('expired');
    // A new code replaces the expired one.
    const renewed = await createPayment(app, resident, draft.id);
    expect(renewed.statusCode).toBe(201);
    expect(renewed.json().paymentId).not.toBe(payment.paymentId);
    expect(renewed.json().reference).not.toBe(payment.reference);
    expect((await paymentRow(payment.paymentId)).state).toBe('expired');
  });
});

describe('the bank simulator and submission', () => {
  it('pays through the signed webhook path; the receipt exists only once paid', async () => {
    const { payment } = await newIntent();
    const early = await app.server.inject({
      url: `/api/payments/${payment.paymentId}/receipt`,
      headers: resident.headers,
    });
    expect(early.statusCode).toBe(409);
    expect(early.json().error.code).toBe('PAYMENT_NOT_PAID');

    const paid = await app.server.inject({
      method: 'POST',
      url: `/api/payments/simulator/${payment.paymentId}/pay`,
      headers: resident.headers,
    });
    expect(paid.statusCode, paid.body).toBe(200);
    expect(paid.json()).toMatchObject({ state: 'paid', paymentId: payment.paymentId });
    const row = await paymentRow(payment.paymentId);
    expect(row.provider_txn_id).toMatch(/^SIM-/);
    const status = await app.server.inject({
      url: `/api/payments/${payment.paymentId}`,
      headers: resident.headers,
    });
    expect(status.json()).toMatchObject({ state: 'paid', receiptNo: row.receipt_no });
  });

  it('a draft paid before submission becomes a dossier that is already paid', async () => {
    const draft = await readyDraft(app, resident, WILL_CODE);
    const created = await createPayment(app, resident, draft.id);
    expect(created.json().amountVnd).toBe(50_000);
    const paymentId = created.json().paymentId as string;
    await app.server.inject({
      method: 'POST',
      url: `/api/payments/simulator/${paymentId}/pay`,
      headers: resident.headers,
    });
    const submitted = await app.server.inject({
      method: 'POST',
      url: `/api/drafts/${draft.id}/submit`,
      headers: { ...resident.headers, 'idempotency-key': 'submit-paid-0001' },
      payload: {},
    });
    expect(submitted.statusCode, submitted.body).toBe(201);
    expect(submitted.json()).toMatchObject({ feeVnd: 50_000, paymentState: 'paid' });
    const dossierId = submitted.json().dossierId as string;
    expect((await paymentRow(paymentId)).dossier_id).toBe(dossierId);
    const detail = await app.server.inject({
      url: `/api/my/dossiers/${dossierId}`,
      headers: resident.headers,
    });
    expect(detail.json().paymentState).toBe('paid');
  });

  it('a dossier submitted unpaid becomes paid when the payment is confirmed', async () => {
    const draft = await readyDraft(app, resident, WILL_CODE);
    const submitted = await app.server.inject({
      method: 'POST',
      url: `/api/drafts/${draft.id}/submit`,
      headers: { ...resident.headers, 'idempotency-key': 'submit-unpaid-0001' },
      payload: {},
    });
    expect(submitted.json().paymentState).toBe('unpaid');
    const dossierId = submitted.json().dossierId as string;
    const created = await createPayment(app, resident, draft.id);
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({ amountVnd: 50_000, dossierId });
    const res = await sendWebhook(app, {
      reference: created.json().reference,
      amountVnd: 50_000,
      providerTxnId: 'FT26000000006',
      paidAt: app.clock.now().toISOString(),
    });
    expect(res.statusCode, res.body).toBe(200);
    const dossier = await app.database.db
      .selectFrom('dossiers')
      .select(['payment_state', 'row_version', 'reference'])
      .where('id', '=', dossierId)
      .executeTakeFirstOrThrow();
    expect(dossier).toMatchObject({ payment_state: 'paid', row_version: 2 });
    const events = await app.database.db
      .selectFrom('dossier_events')
      .select(['type', 'public'])
      .where('dossier_id', '=', dossierId)
      .orderBy('id')
      .execute();
    expect(events).toEqual([
      { type: 'submitted', public: true },
      { type: 'payment_received', public: true },
    ]);
    // The receipt names the dossier, not the payment reference, once there is one.
    const message = await app.database.db
      .selectFrom('outbox')
      .select('payload')
      .where('dedupe_key', '=', `payment.receipt:${created.json().paymentId}:email`)
      .executeTakeFirstOrThrow();
    expect(message.payload).toMatchObject({ dossierCode: dossier.reference });
  });
});
