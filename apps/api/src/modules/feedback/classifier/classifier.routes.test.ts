import { FeedbackClassifyAnswer } from '@cqs/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeResident } from '../../../test/factories';
import { createTestApp, type TestApp } from '../../../test/test-app';

describe('POST /api/feedback/classify', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await createTestApp();
  });
  afterAll(async () => {
    await app.close();
  });

  const classify = (payload: object, headers: Record<string, string> = {}) =>
    app.server.inject({ method: 'POST', url: '/api/feedback/classify', payload, headers });

  it('answers anyone with a category, a confidence and three alternatives', async () => {
    const res = await classify({ text: 'Đèn đường ở đường Lê Duẩn bị hỏng mấy hôm nay tối om' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    const body = FeedbackClassifyAnswer.parse(res.json());
    expect(body.category).toBe('dien-chieu-sang');
    expect(body.confidence).toBeGreaterThan(0.5);
    expect(body.alternatives).toHaveLength(3);
    expect(Object.keys(res.json()).sort()).toEqual(['alternatives', 'category', 'confidence']);
  });

  it('understands text without marks', async () => {
    const res = await classify({ text: 'heo nha toi bi dich ta chau Phi' });
    expect(res.json().category).toBe('nong-nghiep');
  });

  it('answers a signed-in resident too (with the CSRF token)', async () => {
    const { headers } = await makeResident(app);
    const res = await classify({ text: 'hàng xóm hát karaoke đến 12h đêm' }, headers);
    expect(res.statusCode).toBe(200);
    expect(res.json().category).toBe('an-ninh-trat-tu');
  });

  it.each([
    [{ text: '' }, 'Vui lòng nhập nội dung phản ánh'],
    [{ text: '    ' }, 'Vui lòng nhập nội dung phản ánh'],
    [{ text: 'a'.repeat(4001) }, 'Nội dung phản ánh tối đa 4000 ký tự'],
    [{}, 'Vui lòng nhập nội dung phản ánh'],
  ])('refuses %j with a Vietnamese message', async (payload, message) => {
    const res = await classify(payload);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('VALIDATION_FAILED');
    expect(JSON.stringify(res.json().error)).toContain(message);
  });

  it('accepts exactly 4000 characters', async () => {
    const res = await classify({ text: `Ổ gà giữa đường ${'x'.repeat(3984)}` });
    expect(res.statusCode).toBe(200);
  });
});

describe('POST /api/feedback/classify rate limit', () => {
  it('limits each address per minute', async () => {
    // The route allows 3 × the tracking rate: 3 requests here.
    const app = await createTestApp({ env: { TRACKING_RATE_LIMIT_PER_MINUTE: '1' } });
    try {
      const codes: number[] = [];
      for (let i = 0; i < 4; i++) {
        const res = await app.server.inject({
          method: 'POST',
          url: '/api/feedback/classify',
          payload: { text: 'mất nước cả tuần' },
        });
        codes.push(res.statusCode);
      }
      expect(codes).toEqual([200, 200, 200, 429]);
    } finally {
      await app.close();
    }
  });
});
