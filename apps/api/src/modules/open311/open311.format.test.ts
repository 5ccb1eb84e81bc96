import { describe, expect, it } from 'vitest';
import { errorDocument, list, parseW3cDateTime, render, w3cDateTime } from './open311.format';
import { parseXml } from './open311.xml-check';

describe('W3C datetimes', () => {
  it('writes Vietnamese time with its +07:00 offset, to the second', () => {
    expect(w3cDateTime(new Date('2026-12-31T17:30:15.999Z'))).toBe('2027-01-01T00:30:15+07:00');
    expect(w3cDateTime(null)).toBeNull();
  });

  it('reads every W3C profile, a missing zone as Vietnamese time', () => {
    const iso = (s: string) => parseW3cDateTime(s)?.toISOString() ?? null;
    expect(iso('2026-11-28T08:00:00Z')).toBe('2026-11-28T08:00:00.000Z');
    expect(iso('2026-11-28T08:00:00-05:00')).toBe('2026-11-28T13:00:00.000Z');
    expect(iso('2026-11-28T08:00+07:00')).toBe('2026-11-28T01:00:00.000Z');
    expect(iso('2026-11-28T08:00:00.5Z')).toBe('2026-11-28T08:00:00.500Z');
    expect(iso('2026-11-28')).toBe('2026-11-27T17:00:00.000Z');
    expect(iso('2026-11')).toBe('2026-10-31T17:00:00.000Z');
    expect(iso('2026')).toBe('2025-12-31T17:00:00.000Z');
  });

  it('refuses what is not a date', () => {
    for (const bad of [
      '',
      'hôm qua',
      '2026-02-30',
      '2026-13-01',
      '28/11/2026',
      '2026-11-28 08:00',
      '2026-11-28T25:00Z',
    ]) {
      expect(parseW3cDateTime(bad), bad).toBeNull();
    }
  });
});

describe('rendering', () => {
  const doc = {
    root: 'service_requests',
    body: list('request', [
      {
        service_request_id: 'PA-1',
        description: 'a < b & "c" \u0001',
        lat: 12.5,
        notes: null,
        flag: true,
      },
    ]),
  };

  it('writes well-formed XML with escaped text and without forbidden control characters', () => {
    const out = render(doc, 'xml');
    expect(out.contentType).toBe('text/xml; charset=utf-8');
    const { root } = parseXml(out.body);
    const request = root.children[0];
    expect(request?.children.map((c) => [c.name, c.text])).toEqual([
      ['service_request_id', 'PA-1'],
      ['description', 'a < b & "c" '],
      ['lat', '12.5'],
      ['notes', ''],
      ['flag', 'true'],
    ]);
  });

  it('writes the Spark-convention JSON: lists as arrays, scalars typed', () => {
    const out = render(doc, 'json');
    expect(out.contentType).toBe('application/json; charset=utf-8');
    expect(JSON.parse(out.body)).toEqual([
      {
        service_request_id: 'PA-1',
        description: 'a < b & "c" \u0001',
        lat: 12.5,
        notes: null,
        flag: true,
      },
    ]);
  });

  it('writes the error list of the spec', () => {
    const doc = errorDocument([{ code: 403, description: 'api_key sai' }]);
    expect(JSON.parse(render(doc, 'json').body)).toEqual([
      { code: 403, description: 'api_key sai' },
    ]);
    expect(render(doc, 'xml').body).toBe(
      '<?xml version="1.0" encoding="utf-8"?>\n<errors>\n  <error>\n    <code>403</code>\n    <description>api_key sai</description>\n  </error>\n</errors>\n',
    );
  });
});

describe('the strict XML checker used by the conformance suite', () => {
  it('refuses malformed documents', () => {
    const decl = '<?xml version="1.0" encoding="utf-8"?>\n';
    for (const bad of [
      '<a/>',
      `${decl}<a><b></a></b>`,
      `${decl}<a>x & y</a>`,
      `${decl}<a/><b/>`,
      `${decl}<a>`,
      `${decl}<a x="1"/>`,
      `${decl}<a>&nbsp;</a>`,
    ]) {
      expect(() => parseXml(bad), bad).toThrow();
    }
    expect(parseXml(`${decl}<a><b>&lt;&#x41;&#66;</b></a>`).root.children[0]?.text).toBe('<AB');
  });
});
