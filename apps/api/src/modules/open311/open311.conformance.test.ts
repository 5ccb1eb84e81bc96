import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FixedClock } from '../../lib/clock';
import { createTestApp, type TestApp } from '../../test/test-app';
import {
  anyCommune,
  insertEvent,
  insertReport,
  seedClient,
  seedServices,
  TEST_API_KEY,
  TEST_SERVICE,
  TEST_SUB_SERVICE,
} from './open311.test-support';
import { child, leaf, parseXml, type XmlElement } from './open311.xml-check';

/**
 * GeoReport v2 conformance (http://wiki.open311.org/GeoReport_v2): every endpoint in XML and
 * JSON against the spec's field lists, types and error lists.
 */
const NOW = new Date('2026-11-28T03:00:00Z'); // 10:00 in Vietnam
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const W3C = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

const SERVICE_FIELDS = [
  'service_code',
  'service_name',
  'description',
  'metadata',
  'type',
  'keywords',
  'group',
];
const ATTRIBUTE_FIELDS = [
  'variable',
  'code',
  'datatype',
  'required',
  'datatype_description',
  'order',
  'description',
  'values',
];
const REQUEST_FIELDS = [
  'service_request_id',
  'status',
  'status_notes',
  'service_name',
  'service_code',
  'description',
  'agency_responsible',
  'service_notice',
  'requested_datetime',
  'updated_datetime',
  'expected_datetime',
  'address',
  'address_id',
  'zipcode',
  'lat',
  'long',
  'media_url',
];
const UPDATE_FIELDS = [
  'update_id',
  'service_request_id',
  'status',
  'updated_datetime',
  'description',
  'media_url',
];
const MYSOCIETY_STATUSES = [
  'open',
  'investigating',
  'in_progress',
  'action_scheduled',
  'fixed',
  'closed',
  'duplicate',
  'not_councils_responsibility',
  'no_further_action',
  'internal_referral',
];

let app: TestApp;
let commune: { code: string; full_name: string };
const refs: Record<string, string> = {};
const ids: Record<string, string> = {};

beforeAll(async () => {
  app = await createTestApp({ clock: new FixedClock(NOW) });
  const db = app.database.db;
  await seedServices(db, NOW);
  await seedClient(db, NOW);
  await seedClient(db, NOW, 'o311_inactive_key_000000000000', false);
  commune = await anyCommune(db);
  const add = async (name: string, o: Parameters<typeof insertReport>[3]) => {
    const r = await insertReport(db, commune.code, NOW, o);
    refs[name] = r.reference;
    ids[name] = r.id;
  };
  await add('open', { created_at: new Date(NOW.getTime() - DAY), state: 'assigned' });
  await add('closed', {
    created_at: new Date(NOW.getTime() - 2 * DAY),
    updated_at: new Date(NOW.getTime() - HOUR),
    state: 'resolved',
    public_answer: 'Đã vá ổ gà <xong> & dọn dẹp',
    category_code: TEST_SERVICE,
  });
  await add('pending', { moderation_state: 'pending', open311_token: 'tok-pending-123' });
  await add('hidden', { moderation_state: 'hidden' });
  await add('old', {
    created_at: new Date(NOW.getTime() - 100 * DAY),
    updated_at: new Date(NOW.getTime() - 2 * HOUR),
    state: 'in_progress',
  });
  await add('tokened', {
    created_at: new Date(NOW.getTime() - 3 * DAY),
    open311_token: 'tok-visible-456',
    anonymous: true,
    lat: null,
    lng: null,
    address: null,
  });
  const t = (h: number) => new Date(NOW.getTime() - h * HOUR);
  await insertEvent(db, ids.closed as string, t(30), {
    type: 'start',
    state: 'in_progress',
    public: true,
    note: 'Đang xử lý',
  });
  await insertEvent(db, ids.closed as string, t(20), {
    type: 'internal_note',
    state: 'in_progress',
    public: false,
    note: 'GHI CHÚ NỘI BỘ',
  });
  await insertEvent(db, ids.closed as string, t(10), {
    type: 'resolve',
    state: 'resolved',
    public: true,
    note: 'Đã vá',
  });
  await insertEvent(db, ids.pending as string, t(5), {
    type: 'start',
    state: 'in_progress',
    public: true,
    note: 'chờ kiểm duyệt',
  });
});
afterAll(async () => {
  await app?.close();
});

interface Answer {
  status: number;
  type: string;
  body: string;
}

async function get(url: string): Promise<Answer> {
  const res = await app.server.inject({ method: 'GET', url });
  return { status: res.statusCode, type: String(res.headers['content-type']), body: res.body };
}

async function post(url: string, fields: Record<string, string>): Promise<Answer> {
  const res = await app.server.inject({
    method: 'POST',
    url,
    headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' },
    payload: new URLSearchParams(fields).toString(),
  });
  return { status: res.statusCode, type: String(res.headers['content-type']), body: res.body };
}

function xmlOf(answer: Answer, root: string): XmlElement {
  expect(answer.type).toBe('text/xml; charset=utf-8');
  const doc = parseXml(answer.body);
  expect(doc.root.name).toBe(root);
  return doc.root;
}

function jsonOf(answer: Answer): unknown {
  expect(answer.type).toBe('application/json; charset=utf-8');
  return JSON.parse(answer.body);
}

/** An item has exactly the spec's elements, each once, in XML. */
function expectXmlFields(element: XmlElement, fields: string[]): void {
  expect(element.children.map((c) => c.name).sort()).toEqual([...fields].sort());
}

function expectJsonFields(object: Record<string, unknown>, fields: string[]): void {
  expect(Object.keys(object).sort()).toEqual([...fields].sort());
}

/** Both formats carry the same values: XML text equals the JSON scalar (null ↔ empty). */
function expectSameLeaves(element: XmlElement, object: Record<string, unknown>, fields: string[]) {
  for (const f of fields) {
    const value = object[f];
    if (value !== null && typeof value === 'object') continue;
    expect(leaf(element, f), f).toBe(value === null ? '' : String(value));
  }
}

function expectErrorList(answer: Answer, format: 'xml' | 'json', status: number): string {
  expect(answer.status).toBe(status);
  if (format === 'json') {
    const body = jsonOf(answer) as { code: unknown; description: unknown }[];
    expect(Array.isArray(body)).toBe(true);
    expect(body.length).toBeGreaterThan(0);
    for (const e of body) {
      expect(Object.keys(e).sort()).toEqual(['code', 'description']);
      expect(e.code).toBe(status);
      expect(typeof e.description).toBe('string');
      expect((e.description as string).length).toBeGreaterThan(3);
    }
    return (body[0] as { description: string }).description;
  }
  const root = xmlOf(answer, 'errors');
  expect(root.children.length).toBeGreaterThan(0);
  for (const e of root.children) {
    expect(e.name).toBe('error');
    expectXmlFields(e, ['code', 'description']);
    expect(leaf(e, 'code')).toBe(String(status));
  }
  return leaf(root.children[0] as XmlElement, 'description');
}

function expectRequest(object: Record<string, unknown>): void {
  expectJsonFields(object, REQUEST_FIELDS);
  expect(typeof object.service_request_id).toBe('string');
  expect(typeof object.service_code).toBe('string');
  expect(['open', 'closed']).toContain(object.status);
  expect(object.requested_datetime).toMatch(W3C);
  expect(object.updated_datetime).toMatch(W3C);
  expect(String(object.requested_datetime)).toMatch(/\+07:00$/);
  if (object.expected_datetime !== null) expect(object.expected_datetime).toMatch(W3C);
  if (object.lat !== null) expect(typeof object.lat).toBe('number');
  if (object.long !== null) expect(typeof object.long).toBe('number');
  if (object.address_id !== null) expect(typeof object.address_id).toBe('string');
}

const privateBits = ['Nguyễn Thị Bí Mật', '0912345678', 'bi.mat@example.vn', 'GHI CHÚ NỘI BỘ'];
function expectNoPrivateData(answer: Answer): void {
  for (const bit of privateBits) expect(answer.body).not.toContain(bit);
}

describe('discovery', () => {
  it.each(['xml', 'json'] as const)('lists the GeoReport v2 endpoint (%s)', async (format) => {
    const answer = await get(`/open311/v2/discovery.${format}`);
    expect(answer.status).toBe(200);
    const fields = ['changeset', 'contact', 'key_service', 'endpoints'];
    const endpointFields = ['specification', 'url', 'changeset', 'type', 'formats'];
    if (format === 'json') {
      const body = jsonOf(answer) as Record<string, unknown>;
      expectJsonFields(body, fields);
      const endpoints = body.endpoints as Record<string, unknown>[];
      expect(endpoints).toHaveLength(1);
      const e = endpoints[0] as Record<string, unknown>;
      expectJsonFields(e, endpointFields);
      expect(e.specification).toBe('http://wiki.open311.org/GeoReport_v2');
      expect(e.url).toBe(`${app.config.publicUrl}/open311/v2`);
      expect(e.type).toBe('test'); // demo mode
      expect(e.formats).toEqual(['text/xml', 'application/json']);
      expect(e.changeset).toMatch(W3C);
    } else {
      const root = xmlOf(answer, 'discovery');
      expectXmlFields(root, fields);
      const endpoint = child(child(root, 'endpoints'), 'endpoint');
      expectXmlFields(endpoint, endpointFields);
      expect(leaf(endpoint, 'type')).toBe('test');
      expect(child(endpoint, 'formats').children.map((f) => [f.name, f.text])).toEqual([
        ['format', 'text/xml'],
        ['format', 'application/json'],
      ]);
    }
  });

  it('answers XML without an extension (the spec default)', async () => {
    const answer = await get('/open311/v2/discovery');
    expect(answer.status).toBe(200);
    xmlOf(answer, 'discovery');
  });
});

describe('services', () => {
  it('lists each active category as a service, in both formats alike', async () => {
    const xml = xmlOf(await get('/open311/v2/services.xml'), 'services');
    const json = jsonOf(await get('/open311/v2/services.json')) as Record<string, unknown>[];
    expect(Array.isArray(json)).toBe(true);
    const codes = json.map((s) => s.service_code);
    expect(codes).toContain(TEST_SERVICE);
    expect(codes).toContain(TEST_SUB_SERVICE);
    expect(codes).not.toContain('kiem-thu-tat');
    expect(xml.children).toHaveLength(json.length);
    json.forEach((service, i) => {
      expectJsonFields(service, SERVICE_FIELDS);
      expect(typeof service.service_code).toBe('string');
      expect(typeof service.metadata).toBe('boolean');
      expect(['realtime', 'batch', 'blackbox']).toContain(service.type);
      const element = xml.children[i] as XmlElement;
      expect(element.name).toBe('service');
      expectXmlFields(element, SERVICE_FIELDS);
      expectSameLeaves(element, service, SERVICE_FIELDS);
    });
    const pothole = json.find((s) => s.service_code === TEST_SUB_SERVICE) as Record<
      string,
      unknown
    >;
    expect(pothole).toMatchObject({
      service_name: 'Ổ gà',
      group: 'Kiểm thử & đường sá',
      type: 'realtime',
    });
    expect(String(pothole.keywords).split(', ')).toEqual([
      'Ổ gà',
      'Pothole',
      'Kiểm thử & đường sá',
      TEST_SUB_SERVICE,
    ]);
  });

  it.each(['xml', 'json'] as const)('defines the attributes of a service (%s)', async (format) => {
    const answer = await get(`/open311/v2/services/${TEST_SUB_SERVICE}.${format}`);
    expect(answer.status).toBe(200);
    if (format === 'json') {
      const body = jsonOf(answer) as Record<string, unknown>;
      expectJsonFields(body, ['service_code', 'attributes']);
      expect(body.service_code).toBe(TEST_SUB_SERVICE);
      const attributes = body.attributes as Record<string, unknown>[];
      expect(attributes.length).toBeGreaterThan(0);
      for (const a of attributes) {
        expectJsonFields(a, ATTRIBUTE_FIELDS);
        expect(typeof a.variable).toBe('boolean');
        expect(typeof a.required).toBe('boolean');
        expect(typeof a.code).toBe('string');
        expect(Number.isInteger(a.order) && (a.order as number) > 0).toBe(true);
        expect([
          'string',
          'number',
          'datetime',
          'text',
          'singlevaluelist',
          'multivaluelist',
        ]).toContain(a.datatype);
        for (const v of a.values as Record<string, unknown>[]) {
          expectJsonFields(v, ['key', 'name']);
          expect(typeof v.key).toBe('string');
        }
      }
    } else {
      const root = xmlOf(answer, 'service_definition');
      expectXmlFields(root, ['service_code', 'attributes']);
      expect(leaf(root, 'service_code')).toBe(TEST_SUB_SERVICE);
      for (const a of child(root, 'attributes').children) {
        expect(a.name).toBe('attribute');
        expectXmlFields(a, ATTRIBUTE_FIELDS);
        for (const v of child(a, 'values').children) {
          expect(v.name).toBe('value');
          expectXmlFields(v, ['key', 'name']);
        }
      }
    }
  });

  it('reads a dotted service code without an extension as XML', async () => {
    const root = xmlOf(await get(`/open311/v2/services/${TEST_SUB_SERVICE}`), 'service_definition');
    expect(leaf(root, 'service_code')).toBe(TEST_SUB_SERVICE);
  });

  it.each(['xml', 'json'] as const)(
    'answers 404 in an error list for an unknown or inactive service (%s)',
    async (format) => {
      expectErrorList(await get(`/open311/v2/services/khong-co.${format}`), format, 404);
      expectErrorList(await get(`/open311/v2/services/kiem-thu-tat.${format}`), format, 404);
    },
  );
});

describe('GET requests', () => {
  it('lists public requests of the last 90 days with the spec fields, both formats alike', async () => {
    const xmlAnswer = await get('/open311/v2/requests.xml');
    const jsonAnswer = await get('/open311/v2/requests.json');
    const xml = xmlOf(xmlAnswer, 'service_requests');
    const json = jsonOf(jsonAnswer) as Record<string, unknown>[];
    const got = json.map((r) => r.service_request_id);
    expect(got).toEqual(expect.arrayContaining([refs.open, refs.closed, refs.tokened]));
    expect(got).not.toContain(refs.pending);
    expect(got).not.toContain(refs.hidden);
    expect(got).not.toContain(refs.old); // filed 100 days ago
    expect(xml.children).toHaveLength(json.length);
    json.forEach((request, i) => {
      expectRequest(request);
      const element = xml.children[i] as XmlElement;
      expect(element.name).toBe('request');
      expectXmlFields(element, REQUEST_FIELDS);
      expectSameLeaves(element, request, REQUEST_FIELDS);
    });
    expectNoPrivateData(xmlAnswer);
    expectNoPrivateData(jsonAnswer);
    // Newest first.
    expect(got.indexOf(refs.open)).toBeLessThan(got.indexOf(refs.closed));
  });

  it('maps our states to open/closed and carries the public answer, unit and place', async () => {
    const json = jsonOf(
      await get(`/open311/v2/requests.json?service_request_id=${refs.open},${refs.closed}`),
    ) as Record<string, unknown>[];
    const open = json.find((r) => r.service_request_id === refs.open) as Record<string, unknown>;
    const closed = json.find((r) => r.service_request_id === refs.closed) as Record<
      string,
      unknown
    >;
    expect(open).toMatchObject({
      status: 'open',
      status_notes: null,
      service_code: TEST_SUB_SERVICE,
      service_name: 'Ổ gà',
      agency_responsible: commune.full_name,
      address: `12 Lê Duẩn, ${commune.full_name}`,
      address_id: commune.code,
      lat: 12.6675,
      long: 108.0378,
      requested_datetime: '2026-11-27T10:00:00+07:00',
      expected_datetime: '2026-12-11T10:00:00+07:00',
    });
    expect(open.service_notice).toContain('5 ngày làm việc');
    expect(closed).toMatchObject({
      status: 'closed',
      status_notes: 'Đã vá ổ gà <xong> & dọn dẹp',
      service_code: TEST_SERVICE,
      updated_datetime: '2026-11-28T09:00:00+07:00',
      expected_datetime: null,
    });
    // Escaped in XML, read back intact.
    const xml = xmlOf(
      await get(`/open311/v2/requests.xml?service_request_id=${refs.closed}`),
      'service_requests',
    );
    expect(leaf(xml.children[0] as XmlElement, 'status_notes')).toBe('Đã vá ổ gà <xong> & dọn dẹp');
  });

  it('service_request_id overrides the other arguments (even the 90-day window)', async () => {
    const json = jsonOf(
      await get(
        `/open311/v2/requests.json?service_request_id=${refs.old},${refs.pending}&status=closed`,
      ),
    ) as Record<string, unknown>[];
    expect(json.map((r) => r.service_request_id)).toEqual([refs.old]);
  });

  it('filters by service_code, status and dates', async () => {
    const ids = async (query: string) =>
      (jsonOf(await get(`/open311/v2/requests.json?${query}`)) as Record<string, unknown>[]).map(
        (r) => r.service_request_id,
      );
    expect(await ids(`service_code=${TEST_SERVICE}`)).toEqual([refs.closed]);
    expect(await ids('status=closed')).toEqual([refs.closed]);
    expect(await ids('status=open')).not.toContain(refs.closed);
    expect(await ids('status=open,closed')).toContain(refs.closed);
    expect(await ids('status=open&status=closed')).toContain(refs.closed);
    const between = await ids(
      'start_date=2026-11-25T00:00:00%2B07:00&end_date=2026-11-26T00:00:00Z',
    );
    expect(between).toEqual([refs.tokened]);
    expect(await ids('start_date=2026-08-01T00:00:00Z&end_date=2026-09-01T00:00:00Z')).toContain(
      refs.old,
    );
    // Synchronising by update time reaches a request filed long ago.
    expect(await ids('updated_after=2026-11-28T00:00:00Z')).toEqual(
      expect.arrayContaining([refs.old, refs.closed]),
    );
    expect(
      await ids('updated_after=2026-11-28T00:00:00Z&updated_before=2026-11-28T01:30:00Z'),
    ).toEqual([refs.old]);
  });

  it('pages with page and page_size', async () => {
    const all = (jsonOf(await get('/open311/v2/requests.json')) as Record<string, unknown>[]).map(
      (r) => r.service_request_id,
    );
    const first = (
      jsonOf(await get('/open311/v2/requests.json?page_size=2')) as Record<string, unknown>[]
    ).map((r) => r.service_request_id);
    const second = (
      jsonOf(await get('/open311/v2/requests.json?page_size=2&page=2')) as Record<string, unknown>[]
    ).map((r) => r.service_request_id);
    expect(first).toEqual(all.slice(0, 2));
    expect(second).toEqual(all.slice(2, 4));
  });

  it.each(['xml', 'json'] as const)(
    'refuses bad arguments with a 400 error list (%s)',
    async (format) => {
      for (const query of [
        'status=pending',
        'start_date=yesterday',
        'start_date=2026-02-31',
        'start_date=2026-01-01T00:00:00Z&end_date=2026-06-01T00:00:00Z',
        'start_date=2026-06-01T00:00:00Z&end_date=2026-01-01T00:00:00Z',
        'page_size=1001',
        'page=0',
      ]) {
        expectErrorList(await get(`/open311/v2/requests.${format}?${query}`), format, 400);
      }
    },
  );

  it.each(['xml', 'json'] as const)(
    'answers one request as a list of one, 404 for unknown or unpublished (%s)',
    async (format) => {
      const answer = await get(`/open311/v2/requests/${refs.tokened}.${format}`);
      expect(answer.status).toBe(200);
      if (format === 'json') {
        const json = jsonOf(answer) as Record<string, unknown>[];
        expect(json).toHaveLength(1);
        expectRequest(json[0] as Record<string, unknown>);
        expect(json[0]).toMatchObject({ lat: null, long: null, address: commune.full_name });
      } else {
        const root = xmlOf(answer, 'service_requests');
        expect(root.children).toHaveLength(1);
        expectXmlFields(root.children[0] as XmlElement, REQUEST_FIELDS);
        expect(leaf(root.children[0] as XmlElement, 'lat')).toBe('');
      }
      expectNoPrivateData(answer);
      for (const id of ['PA-000000-XXXXXX', refs.pending, refs.hidden]) {
        expectErrorList(await get(`/open311/v2/requests/${id}.${format}`), format, 404);
      }
    },
  );
});

describe('tokens', () => {
  it.each(['xml', 'json'] as const)(
    'gives the service_request_id of a token (%s)',
    async (format) => {
      const answer = await get(`/open311/v2/tokens/tok-visible-456.${format}`);
      expect(answer.status).toBe(200);
      if (format === 'json') {
        expect(jsonOf(answer)).toEqual([
          { service_request_id: refs.tokened, token: 'tok-visible-456' },
        ]);
      } else {
        const root = xmlOf(answer, 'service_requests');
        const request = child(root, 'request');
        expectXmlFields(request, ['service_request_id', 'token']);
        expect(leaf(request, 'service_request_id')).toBe(refs.tokened);
      }
    },
  );

  it.each(['xml', 'json'] as const)(
    'answers 404 for an unknown token or one still held by moderation (%s)',
    async (format) => {
      expectErrorList(await get(`/open311/v2/tokens/khong-co.${format}`), format, 404);
      expectErrorList(await get(`/open311/v2/tokens/tok-pending-123.${format}`), format, 404);
    },
  );
});

describe("mySociety's servicerequestupdates", () => {
  it.each(['xml', 'json'] as const)(
    'lists public updates of public requests in the window (%s)',
    async (format) => {
      const answer = await get(
        `/open311/v2/servicerequestupdates.${format}?start_date=2026-11-26T00:00:00Z&end_date=2026-11-28T03:00:00Z`,
      );
      expect(answer.status).toBe(200);
      expectNoPrivateData(answer);
      if (format === 'json') {
        const json = jsonOf(answer) as Record<string, unknown>[];
        expect(json.map((u) => [u.service_request_id, u.status, u.description])).toEqual([
          [refs.closed, 'in_progress', 'Đang xử lý'],
          [refs.closed, 'fixed', 'Đã vá'],
        ]);
        for (const u of json) {
          expectJsonFields(u, UPDATE_FIELDS);
          expect(typeof u.update_id).toBe('string');
          expect(typeof u.service_request_id).toBe('string');
          expect(MYSOCIETY_STATUSES).toContain(u.status);
          expect(u.updated_datetime).toMatch(W3C);
        }
      } else {
        const root = xmlOf(answer, 'service_request_updates');
        expect(root.children).toHaveLength(2);
        for (const u of root.children) {
          expect(u.name).toBe('request_update');
          expectXmlFields(u, UPDATE_FIELDS);
        }
      }
    },
  );

  it('refuses a window over 90 days', async () => {
    expectErrorList(
      await get(
        '/open311/v2/servicerequestupdates.json?start_date=2026-01-01T00:00:00Z&end_date=2026-11-01T00:00:00Z',
      ),
      'json',
      400,
    );
  });
});

describe('POST requests: the API key and the spec arguments', () => {
  const good = {
    api_key: TEST_API_KEY,
    service_code: TEST_SUB_SERVICE,
    lat: '12.6675',
    long: '108.0378',
    description: 'Ổ gà sâu giữa đường',
  };

  it.each(['xml', 'json'] as const)(
    '403 without an api_key, with a wrong one, or an inactive one (%s)',
    async (format) => {
      const { api_key: _omit, ...withoutKey } = good;
      expectErrorList(await post(`/open311/v2/requests.${format}`, withoutKey), format, 403);
      expectErrorList(
        await post(`/open311/v2/requests.${format}`, { ...good, api_key: 'sai-khoa' }),
        format,
        403,
      );
      expectErrorList(
        await post(`/open311/v2/requests.${format}`, {
          ...good,
          api_key: 'o311_inactive_key_000000000000',
        }),
        format,
        403,
      );
    },
  );

  it.each(['xml', 'json'] as const)(
    '400 for missing or bad arguments, 404 for an unknown service (%s)',
    async (format) => {
      const url = `/open311/v2/requests.${format}`;
      const { service_code: _s, ...noService } = good;
      expect(expectErrorList(await post(url, noService), format, 400)).toContain('service_code');
      const { lat: _lat, long: _long, ...noPlace } = good;
      expectErrorList(await post(url, noPlace), format, 400);
      const { long: _only, ...latOnly } = good;
      expectErrorList(await post(url, latOnly), format, 400);
      const { description: _d, ...noText } = good;
      expectErrorList(await post(url, noText), format, 400);
      expectErrorList(await post(url, { ...good, description: 'a'.repeat(4001) }), format, 400);
      expectErrorList(await post(url, { ...good, lat: 'bắc' }), format, 400);
      expectErrorList(await post(url, { ...good, email: 'khong-phai-email' }), format, 400);
      expectErrorList(await post(url, { ...good, 'attribute[an_danh]': 'co' }), format, 400);
      const { lat: _a, long: _b, ...addressOnly } = good;
      expectErrorList(
        await post(url, { ...addressOnly, address_string: 'Đường không tên' }),
        format,
        400,
      );
      expectErrorList(await post(url, { ...addressOnly, address_id: '00000' }), format, 400);
      expectErrorList(await post(url, { ...good, service_code: 'khong-co' }), format, 404);
      expectErrorList(await post(url, { ...good, service_code: 'kiem-thu-tat' }), format, 404);
    },
  );

  it('stores nothing when it refuses', async () => {
    const before = await app.database.db
      .selectFrom('feedback_reports')
      .select(({ fn }) => fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    await post('/open311/v2/requests.json', { ...good, api_key: 'sai' });
    await post('/open311/v2/requests.json', { ...good, service_code: 'khong-co' });
    const after = await app.database.db
      .selectFrom('feedback_reports')
      .select(({ fn }) => fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });
});

describe('format and routing', () => {
  it('answers 404 in the spec format for an unknown extension or resource', async () => {
    expectErrorList(await get('/open311/v2/services.yaml'), 'xml', 404);
    expectErrorList(await get('/open311/v2/khong-co.json'), 'json', 404);
    expectErrorList(await get('/open311/v2/khong-co'), 'xml', 404);
  });
});
