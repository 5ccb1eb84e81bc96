import { type FormSchema, isFormFieldVisible } from '@cqs/shared';
import { expect } from 'vitest';
import type { TestResident } from '../../test/factories';
import type { TestApp } from '../../test/test-app';
import { pdfBytes } from '../files/files.test-fixtures';
import { upload } from '../files/files.test-helpers';
import { signWebhook } from './payments.signature';

/** Đăng ký thường trú: 10,000 đồng online (20,000 in person), received by the commune. */
export const RESIDENCE_CODE = '1.004222';
/** Chứng thực di chúc: 50,000 đồng on every channel; its e-form is the generic one. */
export const WILL_CODE = '2.001019';
/** Đăng ký khai sinh: free. */
export const BIRTH_CODE = '1.001193';

export async function startDraft(app: TestApp, who: TestResident, code: string) {
  const res = await app.server.inject({
    method: 'POST',
    url: '/api/drafts',
    headers: who.headers,
    payload: { procedureCode: code },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; answers: Record<string, unknown> };
}

function leafFields(form: FormSchema) {
  return form.fields.flatMap((f) =>
    'fields' in f && Array.isArray(f.fields) ? f.fields : [f],
  ) as { name: string; type: string; options?: { value: string }[] }[];
}

/** A draft of a generic-form procedure with every answer and required document in place. */
export async function readyDraft(app: TestApp, who: TestResident, code: string) {
  const draft = await startDraft(app, who, code);
  const form = (
    await app.server.inject({ url: `/api/procedures/${code}/form` })
  ).json() as FormSchema;
  expect(form.origin).toBe('generic');
  const sample: Record<string, unknown> = {
    text: 'Nguyễn Văn An',
    textarea: 'Đề nghị giải quyết theo quy định.',
    date: '1990-05-17',
    citizen_id: '066090001234',
    phone: '0905123456',
    email: 'an@example.vn',
    unit: '24133',
    address: 'Thôn 3, Phường Buôn Ma Thuột',
    number: 1,
    checkbox: true,
  };
  const answers: Record<string, unknown> = { ...draft.answers };
  for (const f of leafFields(form)) {
    if (answers[f.name] !== undefined && answers[f.name] !== '') continue;
    answers[f.name] = f.options?.length ? f.options[0]!.value : (sample[f.type] ?? 'Nội dung');
  }
  const saved = await app.server.inject({
    method: 'PUT',
    url: `/api/drafts/${draft.id}`,
    headers: who.headers,
    payload: { answers, currentStep: form.steps.at(-1)!.id },
  });
  expect(saved.statusCode, saved.body).toBe(200);
  for (const doc of form.documents.filter((d) => d.required && isFormFieldVisible(d, answers))) {
    const res = await upload(
      app,
      { id: '', headers: who.headers },
      { name: `${doc.id}.pdf`, type: 'application/pdf', data: pdfBytes() },
      { bundleId: `draft:${draft.id}`, purpose: doc.id },
    );
    expect(res.statusCode, res.body).toBe(201);
  }
  return draft;
}

export function createPayment(app: TestApp, who: TestResident, draftId: string, key?: string) {
  return app.server.inject({
    method: 'POST',
    url: `/api/drafts/${draftId}/payment`,
    headers: { ...who.headers, ...(key ? { 'idempotency-key': key } : {}) },
    payload: {},
  });
}

/** Sends the gateway's confirmation as the gateway would: raw JSON bytes and X-Signature. */
export function sendWebhook(
  app: TestApp,
  body: Record<string, unknown>,
  options: { secret?: string; at?: Date; signature?: string | null } = {},
) {
  const raw = JSON.stringify(body);
  const secret = options.secret ?? app.config.payments.webhookSecret!;
  const signature =
    options.signature === undefined
      ? signWebhook(secret, raw, options.at ?? app.clock.now())
      : options.signature;
  return app.server.inject({
    method: 'POST',
    url: '/api/payments/webhook',
    headers: {
      'content-type': 'application/json',
      ...(signature === null ? {} : { 'x-signature': signature }),
    },
    payload: raw,
  });
}
