import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FixedClock } from '../../lib/clock';
import { makeOfficer, makeResident, type SignedIn, signInOfficer } from '../../test/factories';
import { createTestApp, type TestApp } from '../../test/test-app';
import { at } from './calendar.test-support';

let app: TestApp;
let provinceAdmin: SignedIn;
let communeOfficer: SignedIn;
let communeAdmin: SignedIn;

beforeAll(async () => {
  app = await createTestApp({ clock: new FixedClock(at('2026-03-02 08:00')) });
  provinceAdmin = await signInOfficer(
    app,
    await makeOfficer(app, [{ role: 'province_admin', unitCode: '66' }]),
  );
  communeOfficer = await signInOfficer(
    app,
    await makeOfficer(app, [{ role: 'receiving_officer', unitCode: '22015' }]),
  );
  // The right role at the wrong unit: a commune grant never covers the province calendar.
  communeAdmin = await signInOfficer(
    app,
    await makeOfficer(app, [{ role: 'province_admin', unitCode: '22015' }]),
  );
});
afterAll(async () => {
  await app.close();
});

function get(url: string) {
  return app.server.inject({ method: 'GET', url });
}

function due(query: Record<string, string>) {
  return get(`/api/calendar/due?${new URLSearchParams(query)}`);
}

function confirm(who: SignedIn | null, year: string, payload?: Record<string, unknown>) {
  return app.server.inject({
    method: 'POST',
    url: `/api/admin/calendar/years/${year}/confirm`,
    headers: who ? { cookie: who.cookie, 'x-csrf-token': who.csrf } : {},
    ...(payload ? { payload } : {}),
  });
}

describe('GET /api/calendar/due', () => {
  it('worked example: 29/4/2026 14:59 + 1 working day → due Mon 4/5 17:00, no flag', async () => {
    const res = await due({
      receivedAt: '2026-04-29T14:59:00+07:00',
      amount: '1',
      unit: 'working_days',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({
      countFrom: '2026-05-04T07:30:00+07:00',
      due: '2026-05-04T17:00:00+07:00',
    });
    expect(res.headers['x-calendar-unconfirmed']).toBeUndefined();
  });

  it('worked example at 15:01, given in UTC (08:01Z) → due Tue 5/5; unit defaults to working days', async () => {
    const res = await due({ receivedAt: '2026-04-29T08:01:00Z', amount: '1' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().due).toBe('2026-05-05T17:00:00+07:00');
  });

  it('working hours: countFrom is the counting start instant', async () => {
    const res = await due({
      receivedAt: '2026-03-02T12:00:00+07:00',
      amount: '1',
      unit: 'working_hours',
    });
    expect(res.json()).toEqual({
      countFrom: '2026-03-02T13:30:00+07:00',
      due: '2026-03-02T14:30:00+07:00',
    });
  });

  it('a result that uses unconfirmed 2027 carries x-calendar-unconfirmed: 2027', async () => {
    const res = await due({ receivedAt: '2026-12-30T10:00:00+07:00', amount: '3' });
    expect(res.statusCode).toBe(200);
    expect(res.json().due).toBe('2027-01-05T17:00:00+07:00');
    expect(res.headers['x-calendar-unconfirmed']).toBe('2027');
  });

  it('receivedAt without an offset → 400 with a Vietnamese message', async () => {
    const res = await due({ receivedAt: '2026-04-29T14:59:00', amount: '1' });
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body.error.code).toBe('VALIDATION_FAILED');
    expect(JSON.stringify(body.error.fields)).toContain('phải theo ISO 8601 và có múi giờ');
  });

  it.each([
    ['0', 'below 1'],
    ['3651', 'above 3650'],
    ['1.5', 'not an integer'],
    ['abc', 'not a number'],
  ])('amount=%s (%s) → 400', async (amount) => {
    const res = await due({ receivedAt: '2026-04-29T14:59:00+07:00', amount });
    expect(res.statusCode).toBe(400);
    expect(JSON.stringify(res.json().error.fields)).toContain('số nguyên từ 1 đến 3650');
  });

  it('unknown unit or unknown parameter → 400', async () => {
    const base = { receivedAt: '2026-04-29T14:59:00+07:00', amount: '1' };
    expect((await due({ ...base, unit: 'weeks' })).statusCode).toBe(400);
    expect((await due({ ...base, extra: '1' })).statusCode).toBe(400);
  });

  it('a year outside the calendar → 422 CALENDAR_YEAR_OUT_OF_RANGE', async () => {
    const res = await due({ receivedAt: '2019-05-02T10:00:00+07:00', amount: '1' });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe('CALENDAR_YEAR_OUT_OF_RANGE');
  });
});

describe('GET /api/calendar/working-days', () => {
  it('lists the days off of National Day 2026 and flags the make-up Saturday as working', async () => {
    const res = await get('/api/calendar/working-days?from=2026-08-21&to=2026-09-03');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().items).toEqual([
      { date: '2026-08-22', kind: 'make_up_working_day', name: 'Làm bù cho 31/8', working: true },
      { date: '2026-08-23', kind: 'weekend', name: 'Chủ nhật', working: false },
      { date: '2026-08-29', kind: 'weekend_in_break', name: 'Quốc khánh', working: false },
      { date: '2026-08-30', kind: 'weekend_in_break', name: 'Quốc khánh', working: false },
      {
        date: '2026-08-31',
        kind: 'swapped_day_off',
        name: 'Quốc khánh – hoán đổi',
        working: false,
      },
      { date: '2026-09-01', kind: 'statutory', name: 'Quốc khánh (ngày liền kề)', working: false },
      { date: '2026-09-02', kind: 'statutory', name: 'Quốc khánh 2/9', working: false },
    ]);
    expect(res.headers['x-calendar-unconfirmed']).toBeUndefined();
  });

  it('a whole year is allowed; a range into 2027 is flagged', async () => {
    const res = await get('/api/calendar/working-days?from=2026-01-01&to=2027-01-01');
    expect(res.statusCode).toBe(200);
    expect(res.json().items.length).toBeGreaterThan(104);
    expect(res.headers['x-calendar-unconfirmed']).toBe('2027');
  });

  it.each([
    ['from after to', 'from=2026-05-02&to=2026-05-01', 'phải bằng hoặc sau'],
    ['more than one year', 'from=2026-01-01&to=2027-01-02', 'tối đa là 1 năm'],
    ['an impossible date', 'from=2026-02-30&to=2026-03-01', 'YYYY-MM-DD'],
    ['a missing bound', 'from=2026-02-01', ''],
  ])('%s → 400', async (_name, query, message) => {
    const res = await get(`/api/calendar/working-days?${query}`);
    expect(res.statusCode).toBe(400);
    expect(JSON.stringify(res.json().error.fields)).toContain(message);
  });
});

describe('admin: calendar years', () => {
  it('lists 2024–2026 as confirmed official data and 2027 as computed, unconfirmed', async () => {
    const res = await app.server.inject({
      url: '/api/admin/calendar/years',
      headers: { cookie: communeOfficer.cookie },
    });
    expect(res.statusCode, res.body).toBe(200);
    const byYear = Object.fromEntries(res.json().items.map((y: { year: number }) => [y.year, y]));
    expect(byYear[2026]).toMatchObject({ origin: 'official_data', confirmed: true, stored: true });
    expect(byYear[2027]).toMatchObject({ origin: 'computed', confirmed: false, stored: true });
  });

  it('a commune officer or a commune-level admin may not confirm (403); anonymous 401', async () => {
    expect((await confirm(communeOfficer, '2027')).statusCode).toBe(403);
    expect((await confirm(communeAdmin, '2027')).statusCode).toBe(403);
    expect((await confirm(null, '2027')).statusCode).toBe(401);
    const resident = await makeResident(app);
    const res = await app.server.inject({
      method: 'POST',
      url: '/api/admin/calendar/years/2027/confirm',
      headers: resident.headers,
    });
    expect(res.statusCode).toBe(403);
  });

  it('the province administrator confirms 2027: audited, flag gone, a second confirm is 409', async () => {
    const res = await confirm(provinceAdmin, '2027', { note: 'Quyết định của Thủ tướng (thử)' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ year: 2027, confirmed: true, origin: 'computed' });
    expect(res.json().confirmedBy).toBeTruthy();

    const audit = await app.database.db
      .selectFrom('audit_log')
      .select(['action', 'object_id', 'unit_code', 'details'])
      .where('action', '=', 'calendar.confirm')
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ object_id: '2027', unit_code: '66' });

    const after = await due({ receivedAt: '2026-12-30T10:00:00+07:00', amount: '3' });
    expect(after.headers['x-calendar-unconfirmed']).toBeUndefined();

    const again = await confirm(provinceAdmin, '2027');
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('CALENDAR_YEAR_ALREADY_CONFIRMED');
  });

  it('confirming a computed year without data (2028) stores its computed days', async () => {
    const before = await due({ receivedAt: '2028-01-24T10:00:00+07:00', amount: '1' });
    expect(before.headers['x-calendar-unconfirmed']).toBe('2028');
    const res = await confirm(provinceAdmin, '2028');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ year: 2028, confirmed: true, stored: true });
    const stored = await app.database.db
      .selectFrom('calendar_days')
      .select(['date', 'kind'])
      .where('date', '>=', '2028-01-01')
      .where('date', '<=', '2028-12-31')
      .execute();
    expect(stored).toContainEqual({ date: '2028-01-26', kind: 'statutory' });
    const after = await due({ receivedAt: '2028-01-24T10:00:00+07:00', amount: '1' });
    expect(after.json().due).toBe('2028-02-01T17:00:00+07:00');
    expect(after.headers['x-calendar-unconfirmed']).toBeUndefined();
  });

  it('refuses a write without the CSRF token, an unknown body field and an out-of-range year', async () => {
    const noCsrf = await app.server.inject({
      method: 'POST',
      url: '/api/admin/calendar/years/2029/confirm',
      headers: { cookie: provinceAdmin.cookie },
    });
    expect(noCsrf.statusCode).toBe(403);
    expect((await confirm(provinceAdmin, '2029', { year: 2030 })).statusCode).toBe(400);
    expect((await confirm(provinceAdmin, '1999')).statusCode).toBe(400);
  });
});
