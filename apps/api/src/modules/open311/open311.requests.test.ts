import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FixedClock } from '../../lib/clock';
import { createTestApp, type TestApp } from '../../test/test-app';
import { communeWithPoint, counts } from '../feedback/feedback.test-support';
import { multipart, png } from '../files/files.test-fixtures';
import { seedClient, TEST_API_KEY } from './open311.test-support';
import { child, leaf, parseXml } from './open311.xml-check';

/** POST requests end to end: through FeedbackService.create, then read back through Open311. */
const START = new Date('2026-04-22T02:00:00Z'); // Wednesday 09:00 in Vietnam
const POTHOLE = 'Ổ gà rất lớn giữa đường liên thôn, xe máy đi qua dễ bị ngã, đề nghị sửa đường';

let app: TestApp;
let place: Awaited<ReturnType<typeof communeWithPoint>>;
let clientId: string;

beforeAll(async () => {
  app = await createTestApp({ clock: new FixedClock(START) });
  place = await communeWithPoint(app);
  clientId = await seedClient(app.database.db, START);
});
afterAll(async () => {
  await app.close();
});

function form(url: string, fields: Record<string, string>) {
  return app.server.inject({
    method: 'POST',
    url,
    headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' },
    payload: new URLSearchParams(fields).toString(),
  });
}

const base = () => ({
  api_key: TEST_API_KEY,
  service_code: 'giao-thong',
  lat: String(place.lat),
  long: String(place.lng),
  description: POTHOLE,
});

async function reportRow(reference: string) {
  return app.database.db
    .selectFrom('feedback_reports')
    .selectAll()
    .where('reference', '=', reference)
    .executeTakeFirstOrThrow();
}

describe('POST requests', () => {
  it('files a report by a point and answers the spec receipt (JSON); the report reads back', async () => {
    const res = await form('/open311/v2/requests.json', {
      ...base(),
      email: 'nguoi.dan@example.vn',
      phone: '0912 345 678',
      first_name: 'Văn An',
      last_name: 'Trần',
      device_id: 'may-1',
      media_url: 'https://example.vn/anh.jpg',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    const body = res.json() as Record<string, unknown>[];
    expect(body).toHaveLength(1);
    const receipt = body[0] as Record<string, unknown>;
    expect(Object.keys(receipt).sort()).toEqual([
      'account_id',
      'service_notice',
      'service_request_id',
    ]);
    expect(receipt.service_request_id).toMatch(/^PA-260422-[A-Z0-9]{6}$/);
    expect(receipt.account_id).toBeNull();
    expect(receipt.service_notice).toMatch(/ngày làm việc/);

    const row = await reportRow(receipt.service_request_id as string);
    expect(row).toMatchObject({
      source: 'open311',
      open311_client_id: clientId,
      category_code: 'giao-thong',
      commune_code: place.code,
      reporter_name: 'Trần Văn An',
      reporter_email: 'nguoi.dan@example.vn',
      reporter_phone: '0912 345 678',
      anonymous: false,
    });
    expect(row.open311_token).toBeTruthy();

    const read = await app.server.inject({
      url: `/open311/v2/requests/${receipt.service_request_id}.json`,
    });
    expect(read.statusCode).toBe(200);
    const [request] = read.json() as Record<string, unknown>[];
    expect(request).toMatchObject({
      service_request_id: receipt.service_request_id,
      status: 'open',
      service_code: 'giao-thong',
      address_id: place.code,
      lat: place.lat,
      long: place.lng,
      requested_datetime: '2026-04-22T09:00:00+07:00',
    });
    expect(request?.agency_responsible).toBeTruthy();
    expect(request?.expected_datetime).toMatch(/\+07:00$/);
    for (const secret of ['Trần Văn An', 'nguoi.dan@example.vn', '0912 345 678']) {
      expect(read.body).not.toContain(secret);
    }
    // The submission is a public update (mySociety), still "open".
    const updates = await app.server.inject({ url: '/open311/v2/servicerequestupdates.json' });
    expect(updates.json()).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ service_request_id: receipt.service_request_id, status: 'open' }),
      ]),
    );
  });

  it('answers in XML by default and with .xml', async () => {
    for (const url of ['/open311/v2/requests', '/open311/v2/requests.xml']) {
      const res = await form(url, base());
      expect(res.statusCode, res.body).toBe(200);
      expect(res.headers['content-type']).toBe('text/xml; charset=utf-8');
      const { root } = parseXml(res.body);
      expect(root.name).toBe('service_requests');
      const request = child(root, 'request');
      expect(request.children.map((c) => c.name).sort()).toEqual([
        'account_id',
        'service_notice',
        'service_request_id',
      ]);
      expect(leaf(request, 'account_id')).toBe('');
      expect(leaf(request, 'service_request_id')).toMatch(/^PA-/);
    }
  });

  it('takes the commune code as address_id, or a commune named in address_string', async () => {
    const { lat: _a, long: _b, ...noPoint } = base();
    const byId = await form('/open311/v2/requests.json', {
      ...noPoint,
      address_id: place.code,
      address_string: 'Thôn 3',
    });
    expect(byId.statusCode, byId.body).toBe(200);
    const rowById = await reportRow(byId.json()[0].service_request_id);
    expect(rowById).toMatchObject({ commune_code: place.code, lat: null, address: 'Thôn 3' });

    const named = await form('/open311/v2/requests.json', {
      ...noPoint,
      address_string: `Thôn 5, ${place.name}, tỉnh Đắk Lắk`,
    });
    expect(named.statusCode, named.body).toBe(200);
    expect((await reportRow(named.json()[0].service_request_id)).commune_code).toBe(place.code);
  });

  it('files anonymously with attribute[an_danh]=1', async () => {
    const res = await form('/open311/v2/requests.json', {
      ...base(),
      first_name: 'Bình',
      'attribute[an_danh]': '1',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(await reportRow(res.json()[0].service_request_id)).toMatchObject({
      anonymous: true,
      reporter_name: 'Bình',
    });
  });

  it('gives a token, not an id, for a report held by moderation; the token resolves once approved', async () => {
    const res = await form('/open311/v2/requests.json', {
      ...base(),
      description: `${POTHOLE}. Liên hệ anh Tư số 0987654321, CCCD 066012345678`,
    });
    expect(res.statusCode, res.body).toBe(200);
    const receipt = res.json()[0] as Record<string, unknown>;
    expect(Object.keys(receipt).sort()).toEqual(['account_id', 'service_notice', 'token']);
    const token = receipt.token as string;
    expect((await app.server.inject({ url: `/open311/v2/tokens/${token}.json` })).statusCode).toBe(
      404,
    );

    const row = await app.database.db
      .selectFrom('feedback_reports')
      .select(['reference', 'moderation_state'])
      .where('open311_token', '=', token)
      .executeTakeFirstOrThrow();
    expect(row.moderation_state).toBe('pending');
    await app.database.db
      .updateTable('feedback_reports')
      .set({ moderation_state: 'visible' })
      .where('open311_token', '=', token)
      .execute();
    const resolved = await app.server.inject({ url: `/open311/v2/tokens/${token}.json` });
    expect(resolved.json()).toEqual([{ service_request_id: row.reference, token }]);
  });

  it('accepts a photo in multipart media and stores it with the report', async () => {
    const fields = Object.entries(base()).map(([name, value]) => ({ name, value }));
    const body = multipart([
      ...fields,
      { name: 'media', filename: 'o-ga.png', contentType: 'image/png', data: png().bytes },
    ]);
    const res = await app.server.inject({
      method: 'POST',
      url: '/open311/v2/requests.json',
      ...body,
    });
    expect(res.statusCode, res.body).toBe(200);
    const row = await reportRow(res.json()[0].service_request_id);
    const files = await app.database.db
      .selectFrom('files')
      .select(['media_type', 'purpose'])
      .where('bundle_id', '=', `feedback:${row.id}`)
      .execute();
    expect(files).toEqual([{ media_type: 'image/png', purpose: 'feedback.photo' }]);
    // media_url links the public copy of the photo, and the link answers.
    const [request] = (
      await app.server.inject({ url: `/open311/v2/requests/${row.reference}.json` })
    ).json() as Record<string, string>[];
    const mediaUrl = request?.media_url ?? '';
    const prefix = `${app.config.publicUrl}/api/feedback/reports/${row.reference}/photos/`;
    expect(mediaUrl.startsWith(prefix)).toBe(true);
    const photo = await app.server.inject({ url: mediaUrl.slice(app.config.publicUrl.length) });
    expect(photo.statusCode).toBe(200);
    expect(photo.headers['content-type']).toBe('image/png');
  });

  it('refuses a media file that is not an image, and a point outside the province: 400, nothing stored', async () => {
    const before = await counts(app);
    const fields = Object.entries(base()).map(([name, value]) => ({ name, value }));
    const notImage = multipart([
      ...fields,
      {
        name: 'media',
        filename: 'anh.png',
        contentType: 'image/png',
        data: Buffer.from('không phải ảnh'),
      },
    ]);
    const bad = await app.server.inject({
      method: 'POST',
      url: '/open311/v2/requests.json',
      ...notImage,
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()[0].code).toBe(400);

    const hanoi = await form('/open311/v2/requests.xml', {
      ...base(),
      lat: '21.0285',
      long: '105.8542',
    });
    expect(hanoi.statusCode).toBe(400);
    const { root } = parseXml(hanoi.body);
    expect(root.name).toBe('errors');
    expect(leaf(child(root, 'error'), 'code')).toBe('400');

    const twoFiles = multipart([
      ...fields,
      { name: 'media', filename: 'a.png', contentType: 'image/png', data: png().bytes },
      { name: 'media', filename: 'b.png', contentType: 'image/png', data: png().bytes },
    ]);
    expect(
      (await app.server.inject({ method: 'POST', url: '/open311/v2/requests.json', ...twoFiles }))
        .statusCode,
    ).toBe(400);
    expect(await counts(app)).toEqual(before);
  });

  it('checks the key before anything else, in multipart too', async () => {
    const body = multipart([
      { name: 'api_key', value: 'sai' },
      { name: 'media', filename: 'o-ga.png', contentType: 'image/png', data: png().bytes },
    ]);
    const res = await app.server.inject({
      method: 'POST',
      url: '/open311/v2/requests.json',
      ...body,
    });
    expect(res.statusCode).toBe(403);
    expect(res.json()).toEqual([{ code: 403, description: expect.stringContaining('api_key') }]);
  });
});
