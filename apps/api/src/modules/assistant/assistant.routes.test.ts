import { randomUUID } from 'node:crypto';
import { AssistantMessageAnswer } from '@cqs/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeResident } from '../../test/factories';
import { createTestApp, type TestApp } from '../../test/test-app';
import { CatalogueRepository } from '../catalogue/catalogue.repository';
import { AssistantRepository } from './assistant.repository';
import { KNOWLEDGE_CHECK_MS } from './assistant.service';
import { purgeConversations } from './assistant.worker';

const BIRTH = '1.001193';

describe('POST /api/assistant/messages', () => {
  let app: TestApp;
  let communeCode: string;
  beforeAll(async () => {
    app = await createTestApp();
    const unit = await app.database.db
      .selectFrom('units')
      .select('code')
      .where('kind', '=', 'commune')
      .orderBy('code')
      .executeTakeFirstOrThrow();
    communeCode = unit.code;
    // The knowledge base is built on the first message (seconds on PGlite): built here, once.
    await app.server.inject({
      method: 'POST',
      url: '/api/assistant/messages',
      payload: { text: 'xin chào' },
    });
  }, 180_000);
  afterAll(async () => {
    await app.close();
  });

  const ask = async (
    text: string,
    extra: { conversationId?: string; procedureCode?: string } = {},
    headers: Record<string, string> = {},
  ) => {
    const res = await app.server.inject({
      method: 'POST',
      url: '/api/assistant/messages',
      payload: { text, ...extra },
      headers,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    return AssistantMessageAnswer.parse(res.json());
  };

  async function insertDossier(owner: string | null, code: string): Promise<string> {
    const id = randomUUID();
    const now = app.clock.now();
    const version = await app.database.db
      .selectFrom('procedures')
      .select('current_version')
      .where('code', '=', BIRTH)
      .executeTakeFirstOrThrow();
    await app.database.db
      .insertInto('dossiers')
      .values({
        id,
        reference: `TN-${id.slice(0, 6).toUpperCase()}`,
        code,
        procedure_code: BIRTH,
        procedure_version: version.current_version,
        applicant_user_id: owner,
        submitted_by_user_id: owner,
        receiving_unit_code: communeCode,
        handling_unit_code: communeCode,
        channel: 2,
        status_code: 2,
        state: 'accepted',
        answers: '{}',
        applicant_name: 'H’Hen Niê',
        applicant_citizen_id: '066190001234',
        applicant_phone: '0905127788',
        applicant_email: 'hhen.nie@example.vn',
        fee_vnd: null,
        payment_state: 'not_required',
        submitted_at: now,
        created_at: now,
        updated_at: now,
      })
      .execute();
    return id;
  }

  it('answers the documents of 1.001193 without marks, then the fee as a follow-up, then submission', async () => {
    const first = await ask('lam giay khai sinh can giay to gi');
    expect(first.reply.intent).toBe('procedure_question');
    expect(first.reply.aspect).toBe('documents');
    expect(first.reply.citations[0]).toMatchObject({
      type: 'procedure',
      code: BIRTH,
      section: 'documents',
      url: `/thu-tuc/${BIRTH}`,
    });
    expect(first.reply.text).toContain('Giấy chứng sinh');

    const fee = await ask('con le phi?', { conversationId: first.conversationId });
    expect(fee.conversationId).toBe(first.conversationId);
    expect(fee.reply.aspect).toBe('fees');
    expect(fee.reply.citations[0]?.code).toBe(BIRTH);
    expect(fee.reply.text).toContain('Miễn phí');

    const submit = await ask('tôi muốn nộp hồ sơ khai sinh cho con', {
      conversationId: first.conversationId,
    });
    expect(submit.reply.intent).toBe('start_submission');
    expect(submit.reply.actions[0]).toMatchObject({
      type: 'start_submission',
      procedureCode: BIRTH,
      url: `/nop-ho-so/${BIRTH}`,
    });
  });

  it('asks which procedure when two fit, and takes the choice back', async () => {
    const q = await ask('dang ky khai sinh co yeu to nuoc ngoai');
    expect(q.reply.outcome).toBe('clarify');
    const choices = q.reply.actions.filter((a) => a.type === 'choose_procedure');
    expect(choices.length).toBeGreaterThanOrEqual(2);
    expect(choices.map((c) => c.procedureCode)).toContain('2.000528');
    const pick = await ask('1', { conversationId: q.conversationId });
    expect(pick.reply.outcome).toBe('answer');
    expect(pick.reply.citations[0]?.code).toBe(choices[0]?.procedureCode);
  });

  it('says "not found" with three suggestions below the confidence threshold', async () => {
    const res = await ask('xin giấy phép nuôi rồng bay trên sao hỏa');
    expect(res.reply.outcome).toBe('not_found');
    expect(res.reply.actions.length).toBeLessThanOrEqual(3);
  });

  it('drafts a feedback report with the classifier category', async () => {
    const res = await ask('đèn đường trước nhà tôi hỏng mấy hôm nay');
    expect(res.reply.intent).toBe('feedback');
    const draft = res.reply.actions[0];
    expect(draft).toMatchObject({ type: 'feedback_draft', category: 'dien-chieu-sang' });
    expect(draft?.type === 'feedback_draft' && draft.url.startsWith('/phan-anh/gui?')).toBe(true);
  });

  it('tracks a dossier only with the right last four digits, and stores no digits', async () => {
    await insertDossier(null, 'DEMO66.12345-261008-0975');
    const ask1 = await ask('hồ sơ demo66.12345 - 261008 - 0975 đến đâu rồi');
    expect(ask1.reply.intent).toBe('tracking');
    expect(ask1.reply.outcome).toBe('needs_input');
    const wrong = await ask('1111', { conversationId: ask1.conversationId });
    expect(wrong.reply.outcome).toBe('not_found');
    expect(wrong.reply.text).not.toContain('H’Hen');
    const right = await ask('số cuối 7788', { conversationId: ask1.conversationId });
    expect(right.reply.outcome).toBe('answer');
    expect(right.reply.text).toContain('Thủ tục đăng ký khai sinh');
    expect(right.reply.text).not.toContain('H’Hen');

    // An unknown code answers exactly like wrong digits.
    const unknown = await ask('DEMO66.12345-261008-0999 7788');
    expect(unknown.reply.text).toBe(wrong.reply.text);

    const stored = await app.database.db
      .selectFrom('assistant_messages')
      .select('text')
      .where('conversation_id', '=', ask1.conversationId)
      .execute();
    expect(stored.length).toBe(6);
    expect(stored.map((s) => s.text).join(' ')).not.toMatch(/7788|1111/);
  });

  it('shows the signed-in owner their dossier without digits, and nobody else', async () => {
    const owner = await makeResident(app);
    const other = await makeResident(app);
    const dossierId = await insertDossier(owner.id, 'DEMO66.12345-261009-0001');
    const mine = await ask('DEMO66.12345-261009-0001', {}, owner.headers);
    expect(mine.reply.outcome).toBe('answer');
    expect(mine.reply.actions[0]).toMatchObject({
      type: 'open_dossier',
      url: `/ho-so-cua-toi/${dossierId}`,
    });
    const theirs = await ask('DEMO66.12345-261009-0001', {}, other.headers);
    expect(theirs.reply.outcome).toBe('needs_input');
    // The other resident cannot continue the owner's conversation either.
    const hijack = await ask('còn lệ phí?', { conversationId: mine.conversationId }, other.headers);
    expect(hijack.conversationId).not.toBe(mine.conversationId);
  });

  it('masks phone and ID numbers in what it stores', async () => {
    const res = await ask(
      'số điện thoại tôi 0905 123 456, căn cước 066190001234, làm căn cước mất bao lâu',
    );
    const stored = await app.database.db
      .selectFrom('assistant_messages')
      .select('text')
      .where('conversation_id', '=', res.conversationId)
      .where('role', '=', 'resident')
      .executeTakeFirstOrThrow();
    expect(stored.text).not.toMatch(/0905|123 456|066190001234/);
    expect(stored.text).toContain('[đã ẩn]');
  });

  it('answers from the version in force after a new one is published', async () => {
    const before = await ask('đăng ký khai sinh lệ phí bao nhiêu');
    expect(before.reply.text).toContain('Miễn phí');
    const catalogue = new CatalogueRepository(app.database.db);
    // Read before the transaction: on PGlite the transaction holds the only connection.
    const publisher = await makeResident(app);
    await app.database.db.transaction().execute(async (trx) => {
      const latest = await catalogue.lockLatest(trx, BIRTH);
      await catalogue.insertVersion(trx, {
        code: BIRTH,
        version: latest!.version + 1,
        offeredOnline: true,
        onlineLevel: 'toan_trinh',
        receivingLevel: 'commune',
        responsibleUnitCode: null,
        feeOverrides: { truc_tiep: { feeVnd: 8000, note: 'Nghị quyết HĐND tỉnh (thử nghiệm)' } },
        localNotes: null,
        publishedAt: app.clock.now(),
        publishedBy: publisher.id,
        effectiveFrom: app.clock.now(),
      });
    });
    app.clock.advance(KNOWLEDGE_CHECK_MS);
    const after = await ask('đăng ký khai sinh lệ phí bao nhiêu');
    expect(after.reply.text).toContain('8.000 đồng');
    expect(after.reply.text).toContain('Nghị quyết HĐND tỉnh (thử nghiệm)');
  });

  it('deletes conversations once the retention period has passed', async () => {
    const old = await ask('xin chào');
    app.clock.advance(10 * 86_400_000);
    const recent = await ask('xin chào');
    app.clock.advance(25 * 86_400_000);
    const repository = new AssistantRepository(app.database.db);
    const deleted = await purgeConversations({ repository, clock: app.clock, retentionDays: 30 });
    expect(deleted).toBeGreaterThanOrEqual(1);
    expect(await repository.findConversation(old.conversationId)).toBeUndefined();
    expect(await repository.findConversation(recent.conversationId)).toBeDefined();
    expect(await repository.listMessages(old.conversationId)).toEqual([]);
  });

  it('refuses an empty question with a Vietnamese message', async () => {
    const res = await app.server.inject({
      method: 'POST',
      url: '/api/assistant/messages',
      payload: { text: '   ' },
    });
    expect(res.statusCode).toBe(400);
    expect(JSON.stringify(res.json())).toContain('Vui lòng nhập câu hỏi');
  });
});
