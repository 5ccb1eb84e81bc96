import { type FormSchema, isFormFieldVisible } from '@cqs/shared';
import { expect } from 'vitest';
import type { SignedIn } from '../../test/factories';
import type { TestApp } from '../../test/test-app';
import { pdfBytes } from '../files/files.test-fixtures';
import { upload } from '../files/files.test-helpers';
import { type Caller, COMMUNE_A, signedIn } from './teams.test-support';

export { type Caller, COMMUNE_A, COMMUNE_B, signedIn } from './teams.test-support';

/** An in-process request with the caller's session (and CSRF token on writes), PUT included. */
export function call(
  app: TestApp,
  who: SignedIn,
  method: 'GET' | 'POST' | 'PUT' | 'PATCH',
  url: string,
  payload?: unknown,
) {
  const headers: Record<string, string> = { cookie: who.cookie };
  if (method !== 'GET') headers['x-csrf-token'] = who.csrf;
  return app.server.inject({
    method,
    url,
    headers,
    ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
  });
}

/** A signed-in officer account linked to an active member of a new team in the commune. */
export interface Member extends Caller {
  memberId: string;
  teamId: string;
  teamName: string;
}

let teams = 0;

/** A commune officer who keeps the registry, then a member account linked to a new team. */
export async function makeMember(app: TestApp, communeCode = COMMUNE_A): Promise<Member> {
  teams += 1;
  const registrar = await signedIn(app, [{ role: 'receiving_officer', unitCode: communeCode }]);
  const user = await signedIn(app, [{ role: 'community_team_member', unitCode: communeCode }]);
  const teamName = `Tổ Công nghệ số cộng đồng Thôn ${teams} (thử ${Date.now() % 10000})`;
  const team = await call(app, registrar, 'POST', '/api/officer/teams', {
    communeCode,
    village: `Thôn ${teams}`,
    name: teamName,
  });
  expect(team.statusCode, team.body).toBe(201);
  const member = await call(
    app,
    registrar,
    'POST',
    `/api/officer/teams/${team.json().id}/members`,
    {
      fullName: `Thành viên thử ${teams}`,
      role: 'doan_thanh_nien',
      userId: user.id,
    },
  );
  expect(member.statusCode, member.body).toBe(201);
  return { ...user, memberId: member.json().id, teamId: team.json().id, teamName };
}

/** A procedure offered online at commune level whose generic form requires documents. */
export async function genericProcedure(app: TestApp): Promise<string> {
  const list = await app.server.inject({ url: '/api/procedures?level=xa&online=true&limit=100' });
  for (const item of (list.json().items as { code: string; centralBranch: boolean }[]).filter(
    (i) => !i.centralBranch,
  )) {
    const form = (await formOf(app, item.code)) as FormSchema;
    if (form.origin === 'generic' && form.documents.some((d) => d.required)) return item.code;
  }
  throw new Error('no generic online procedure with required documents');
}

export async function formOf(app: TestApp, code: string): Promise<FormSchema> {
  return (await app.server.inject({ url: `/api/procedures/${code}/form` })).json() as FormSchema;
}

function leafFields(form: FormSchema) {
  return form.fields.flatMap((f) =>
    'fields' in f && Array.isArray(f.fields) ? f.fields : [f],
  ) as { name: string; type: string; options?: { value: string }[] }[];
}

/** Plausible answers for every field of a generic form, keeping the prefilled ones. */
export function answersFor(
  form: FormSchema,
  prefilled: Record<string, unknown>,
): Record<string, unknown> {
  const answers: Record<string, unknown> = { ...prefilled };
  for (const f of leafFields(form)) {
    if (answers[f.name] !== undefined && answers[f.name] !== '') continue;
    const sample: Record<string, unknown> = {
      text: 'Nguyễn Văn An',
      textarea: 'Đề nghị giải quyết theo quy định.',
      date: '1990-05-17',
      citizen_id: '066090001234',
      phone: '0905123456',
      email: 'an@example.vn',
      unit: COMMUNE_A,
      address: 'Thôn 3, Phường Buôn Ma Thuột',
      number: 1,
      checkbox: true,
    };
    answers[f.name] = f.options?.length ? f.options[0]!.value : (sample[f.type] ?? 'Nội dung');
  }
  return answers;
}

export interface ResidentInput {
  fullName: string;
  phone: string;
  citizenId?: string;
}

/** Starts a record for the resident, fills the form and uploads the required documents. */
export async function readyRecord(
  app: TestApp,
  member: Member,
  procedureCode: string,
  resident: ResidentInput,
): Promise<{ id: string; answers: Record<string, unknown> }> {
  const started = await call(app, member, 'POST', '/api/officer/teams/assist', {
    procedureCode,
    resident,
  });
  expect(started.statusCode, started.body).toBe(201);
  const id = started.json().id as string;
  const form = await formOf(app, procedureCode);
  const answers = answersFor(form, started.json().answers);
  const saved = await call(app, member, 'PUT', `/api/officer/teams/assist/${id}`, {
    answers,
    currentStep: form.steps.at(-1)!.id,
  });
  expect(saved.statusCode, saved.body).toBe(200);
  const headers = { cookie: member.cookie, 'x-csrf-token': member.csrf };
  for (const doc of form.documents.filter((d) => d.required && isFormFieldVisible(d, answers))) {
    const res = await upload(
      app,
      { id: '', headers },
      { name: `${doc.id}.pdf`, type: 'application/pdf', data: pdfBytes() },
      { bundleId: `assisted:${id}`, purpose: doc.id },
    );
    expect(res.statusCode, res.body).toBe(201);
  }
  return { id, answers };
}

/**
 * The code as the resident's phone would receive it: the test reads the SMS queued in the outbox
 * (the same row a gateway would be handed), before it is redacted.
 */
export async function codeSentFor(app: TestApp, id: string): Promise<string> {
  const row = await app.database.db
    .selectFrom('outbox')
    .select(['payload', 'recipient', 'template'])
    .where('dedupe_key', 'like', `assisted.code:${id}:%`)
    .where('state', '=', 'pending')
    .orderBy('created_at', 'desc')
    .executeTakeFirstOrThrow();
  expect(row.template).toBe('assisted.consent_code');
  return (row.payload as { code: string }).code;
}

export function submitRecord(app: TestApp, member: Caller, id: string, key = `k-${id}`) {
  return app.server.inject({
    method: 'POST',
    url: `/api/officer/teams/assist/${id}/submit`,
    headers: { cookie: member.cookie, 'x-csrf-token': member.csrf, 'idempotency-key': key },
    payload: {},
  });
}

/** Sends a code and verifies it as the member would after the resident reads it out. */
export async function consentByCode(app: TestApp, member: Caller, id: string): Promise<void> {
  const sent = await call(app, member, 'POST', `/api/officer/teams/assist/${id}/consent/code`);
  expect(sent.statusCode, sent.body).toBe(200);
  const code = await codeSentFor(app, id);
  const ok = await call(
    app,
    member,
    'POST',
    `/api/officer/teams/assist/${id}/consent/code/verify`,
    {
      code,
    },
  );
  expect(ok.statusCode, ok.body).toBe(200);
}
