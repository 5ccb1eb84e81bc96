import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FixedClock } from '../../lib/clock';
import { makeResident } from '../../test/factories';
import { createTestApp, type TestApp } from '../../test/test-app';
import { exifGpsSegment, jpeg, pdfBytes } from '../files/files.test-fixtures';
import {
  communeWithPoint,
  counts,
  expectError,
  fileReport,
  officerOf,
} from './feedback.test-support';

// Wednesday 22/4/2026, 09:00 in Vietnam.
const START = new Date('2026-04-22T02:00:00Z');
const POTHOLE = 'Ổ gà rất lớn giữa đường liên thôn, xe máy đi qua dễ bị ngã, đề nghị sửa đường';

let app: TestApp;
let place: Awaited<ReturnType<typeof communeWithPoint>>;

beforeAll(async () => {
  app = await createTestApp({ clock: new FixedClock(START) });
  place = await communeWithPoint(app);
});
afterAll(async () => {
  await app.close();
});

describe('POST /api/feedback/reports', () => {
  it('files an anonymous report by a map pin: routed to the commune containing it, photo cleaned, messages queued', async () => {
    await officerOf(app, place.code, 'specialist', 'can.bo.xa@example.vn');
    const photo = jpeg({ extra: [{ name: 'APP1', bytes: exifGpsSegment() }] }).bytes;
    const res = await fileReport(
      app,
      {
        category: 'giao-thong',
        description: POTHOLE,
        lat: String(place.lat),
        lng: String(place.lng),
        anonymous: 'true',
        contactName: 'Trần Thị Ẩn',
        contactEmail: 'an.danh@example.vn',
      },
      { photos: [{ name: 'media', filename: 'o-ga.jpg', contentType: 'image/jpeg', data: photo }] },
    );
    expect(res.statusCode, res.body).toBe(201);
    const created = res.json();
    expect(created.reference).toMatch(/^PA-260422-[A-Z2-9]{6}$/);
    expect(created).toMatchObject({
      state: 'assigned',
      categoryCode: 'giao-thong',
      categorySuggested: false,
      assignedUnitCode: place.code,
      moderation: 'visible',
    });
    // 15 working days from Wed 22/4/2026 (day 0), skipping the weekends, Mon 27/4 (the Hùng
    // Kings' day carried over) and 30/4–1/5: Mon 18/5/2026 at 17:00.
    expect(created.dueAt).toBe('2026-05-18T10:00:00.000Z');

    const stored = await app.database.db
      .selectFrom('files')
      .selectAll()
      .where('bundle_id', '=', `feedback:${created.id}`)
      .execute();
    expect(stored).toHaveLength(1);
    expect(stored[0]!.metadata_stripped).toBe(true);

    const outbox = await app.database.db
      .selectFrom('outbox')
      .select(['template', 'recipient'])
      .where('dedupe_key', 'like', `feedback.%:${created.id}:%`)
      .orderBy('template')
      .execute();
    expect(outbox).toEqual([
      { template: 'feedback.received', recipient: 'an.danh@example.vn' },
      { template: 'feedback.unit_new', recipient: 'can.bo.xa@example.vn' },
    ]);

    const pub = await app.server.inject({ url: `/api/feedback/reports/${created.reference}` });
    expect(pub.statusCode).toBe(200);
    const view = pub.json();
    expect(view.reporterName).toBeNull();
    expect(JSON.stringify(view)).not.toContain('an.danh@example.vn');
    expect(view.communeCode).toBe(place.code);
    expect(view.events.map((e: { type: string }) => e.type)).toEqual(['submitted']);
    expect(view.photos).toHaveLength(1);
    const image = await app.server.inject({ url: view.photos[0].url });
    expect(image.statusCode).toBe(200);
    expect(image.headers['content-type']).toBe('image/jpeg');
    expect(image.rawPayload.includes(Buffer.from('Exif\0\0', 'latin1'))).toBe(false);

    // The audit keeps the name of the anonymous reporter.
    const audit = await app.database.db
      .selectFrom('audit_log')
      .select('details')
      .where('object_id', '=', created.id)
      .where('action', '=', 'feedback.submit')
      .executeTakeFirstOrThrow();
    expect(JSON.stringify(audit.details)).toContain('Trần Thị Ẩn');
  });

  it('suggests the category when the resident leaves it empty, and names a signed-in reporter', async () => {
    const resident = await makeResident(app, { fullName: 'Lê Văn Có Tên' });
    const res = await fileReport(
      app,
      { description: POTHOLE, communeCode: place.code, address: 'Thôn 2' },
      { headers: resident.headers },
    );
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ categoryCode: 'giao-thong', categorySuggested: true });
    const view = (
      await app.server.inject({ url: `/api/feedback/reports/${res.json().reference}` })
    ).json();
    expect(view.reporterName).toBe('Lê Văn Có Tên');
    expect(view.lat).toBeNull();
  });

  it('flags a chosen category the text contradicts, and holds text with a phone number', async () => {
    const res = await fileReport(app, {
      category: 'giao-duc',
      description: `${POTHOLE}. Liên hệ 0905123456`,
      communeCode: place.code,
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().moderation).toBe('pending');
    const row = await app.database.db
      .selectFrom('feedback_reports')
      .select(['category_flagged', 'moderation_reasons'])
      .where('id', '=', res.json().id)
      .executeTakeFirstOrThrow();
    expect(row.category_flagged).toBe(true);
    expect(row.moderation_reasons).toContain('phone');
    // Held: not on the public page nor in the list until an officer approves it.
    const pub = await app.server.inject({ url: `/api/feedback/reports/${res.json().reference}` });
    expectError(pub, 404, 'FEEDBACK_NOT_FOUND');
    const list = (await app.server.inject({ url: '/api/feedback/reports?pageSize=100' })).json();
    expect(list.items.map((i: { id: string }) => i.id)).not.toContain(res.json().id);
  });

  it('sends unclear text to triage', async () => {
    const res = await fileReport(app, { description: 'xin hỏi một việc', communeCode: place.code });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().state).toBe('triage');
  });

  describe('refuses bad input and stores nothing', () => {
    const cases: [string, Record<string, string>, number, string, boolean?][] = [
      [
        'a point outside the province',
        { lat: '21.03', lng: '105.85' },
        422,
        'POINT_OUTSIDE_PROVINCE',
      ],
      ['no location at all', {}, 400, 'FEEDBACK_LOCATION_MISSING'],
      [
        'an unknown category',
        { category: 'khong-co', communeCode: 'X' },
        400,
        'FEEDBACK_CATEGORY_UNKNOWN',
      ],
      ['text over 4,000 characters', { description: 'a'.repeat(4001) }, 400, 'VALIDATION_FAILED'],
      ['a PDF as a photo', {}, 415, 'FILE_TYPE_NOT_ALLOWED', true],
    ];
    it.each(cases)('%s', async (_name, extra, status, code, withPdf) => {
      const before = await counts(app);
      const fields: Record<string, string> = {
        category: 'giao-thong',
        description: POTHOLE,
        ...extra,
      };
      if (extra.communeCode === 'X') fields.communeCode = place.code;
      if (code !== 'FEEDBACK_LOCATION_MISSING' && !fields.lat && !fields.communeCode) {
        fields.communeCode = place.code;
      }
      const res = await fileReport(app, fields, {
        photos: [
          { name: 'media', filename: 'ok.jpg', contentType: 'image/jpeg', data: jpeg().bytes },
          ...(withPdf
            ? [
                {
                  name: 'media',
                  filename: 'x.pdf',
                  contentType: 'application/pdf',
                  data: pdfBytes(),
                },
              ]
            : []),
        ],
      });
      expectError(res, status, code);
      expect(await counts(app)).toEqual(before);
    });
  });

  it('finds similar reports within 100 m of the same category, and lets a resident follow one', async () => {
    const near = await app.server.inject({
      url: `/api/feedback/similar?category=giao-thong&lat=${place.lat + 0.0005}&lng=${place.lng}`,
    });
    expect(near.statusCode).toBe(200);
    const items = near.json().items;
    expect(items.length).toBeGreaterThanOrEqual(1);
    expect(items[0].distanceM).toBeLessThanOrEqual(100);
    const far = await app.server.inject({
      url: `/api/feedback/similar?category=giao-thong&lat=${place.lat + 0.002}&lng=${place.lng}`,
    });
    expect(far.json().items).toEqual([]);
    const other = await app.server.inject({
      url: `/api/feedback/similar?category=moi-truong&lat=${place.lat}&lng=${place.lng}`,
    });
    expect(other.json().items).toEqual([]);

    const resident = await makeResident(app);
    const follow = await app.server.inject({
      method: 'POST',
      url: `/api/feedback/reports/${items[0].reference}/follow`,
      headers: resident.headers,
    });
    expect(follow.statusCode).toBe(204);
  });
});
