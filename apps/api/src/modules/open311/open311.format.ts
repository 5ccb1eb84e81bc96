/**
 * GeoReport v2 wire formats. XML is the spec's required format (and the default without an
 * extension); JSON follows the Spark convention, i.e. the same tree with the list wrappers
 * (`services`, `service_requests`, `errors`…) turned into arrays.
 */

export type Open311Format = 'xml' | 'json';

/** A scalar leaf: null becomes an empty element in XML and null in JSON. */
export type Open311Scalar = string | number | boolean | null;

/** A repeated element: `<wrapper><item>…</item>…</wrapper>` in XML, an array in JSON. */
export interface Open311List {
  readonly kind: 'list';
  readonly item: string;
  readonly items: readonly Open311Node[];
}

export type Open311Node = Open311Scalar | Open311Object | Open311List;
export interface Open311Object {
  readonly [key: string]: Open311Node;
}

export function list(item: string, items: readonly Open311Node[]): Open311List {
  return { kind: 'list', item, items };
}

function isList(node: Open311Node): node is Open311List {
  return typeof node === 'object' && node !== null && (node as Open311List).kind === 'list';
}

/** The response's root: an element name and its content (an object, or a list of items). */
export interface Open311Document {
  root: string;
  body: Open311Object | Open311List;
}

// XML 1.0 forbids most control characters even when escaped; residents' text may carry them.
// biome-ignore lint/suspicious/noControlCharactersInRegex: these are exactly what must go.
const XML_INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

function escapeXml(text: string): string {
  return text
    .replace(XML_INVALID, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

function xmlElement(name: string, node: Open311Node, indent: string): string {
  if (node === null) return `${indent}<${name}/>`;
  if (typeof node !== 'object') return `${indent}<${name}>${escapeXml(String(node))}</${name}>`;
  const children = isList(node)
    ? node.items.map((item) => xmlElement(node.item, item, `${indent}  `))
    : Object.entries(node).map(([key, value]) => xmlElement(key, value, `${indent}  `));
  if (children.length === 0) return `${indent}<${name}/>`;
  return `${indent}<${name}>\n${children.join('\n')}\n${indent}</${name}>`;
}

function toJson(node: Open311Node): unknown {
  if (node === null || typeof node !== 'object') return node;
  if (isList(node)) return node.items.map(toJson);
  return Object.fromEntries(Object.entries(node).map(([key, value]) => [key, toJson(value)]));
}

export function renderXml(doc: Open311Document): string {
  return `<?xml version="1.0" encoding="utf-8"?>\n${xmlElement(doc.root, doc.body, '')}\n`;
}

export function render(
  doc: Open311Document,
  format: Open311Format,
): { contentType: string; body: string } {
  return format === 'json'
    ? { contentType: 'application/json; charset=utf-8', body: JSON.stringify(toJson(doc.body)) }
    : { contentType: 'text/xml; charset=utf-8', body: renderXml(doc) };
}

export interface Open311ErrorItem {
  code: number;
  description: string;
}

/** The spec's error list: `<errors><error><code/><description/></error></errors>`. */
export function errorDocument(errors: readonly Open311ErrorItem[]): Open311Document {
  return {
    root: 'errors',
    body: list(
      'error',
      errors.map((e) => ({ code: e.code, description: e.description })),
    ),
  };
}

/** Vietnam has kept UTC+07:00 all year since 1975: no daylight saving to account for. */
const VIETNAM_OFFSET_MS = 7 * 3_600_000;

/** W3C datetime with the Vietnamese offset, to the second: `2026-11-28T09:15:00+07:00`. */
export function w3cDateTime(date: Date | null | undefined): string | null {
  if (!date) return null;
  const local = new Date(date.getTime() + VIETNAM_OFFSET_MS).toISOString().slice(0, 19);
  return `${local}+07:00`;
}

const W3C_PATTERN =
  /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?(Z|[+-]\d{2}:\d{2})?)?)?)?$/;

/**
 * Parses the W3C profile of ISO 8601 (YYYY, YYYY-MM, YYYY-MM-DD, and times with a zone). A date
 * or a time without a zone is read in Vietnamese time, the jurisdiction's own.
 */
export function parseW3cDateTime(text: string): Date | null {
  const m = W3C_PATTERN.exec(text.trim());
  if (!m) return null;
  const [, y, mo = '01', d = '01', h = '00', mi = '00', s = '00', frac = '', zone] = m;
  const fraction = frac ? `.${frac.slice(0, 3).padEnd(3, '0')}` : '';
  const offset = zone ?? '+07:00';
  const iso = `${y}-${mo}-${d}T${h}:${mi}:${s}${fraction}${offset}`;
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return null;
  // Reject dates the Date constructor rolled over (2026-02-31 → 3 March).
  const check = new Date(date.getTime() + offsetMs(offset)).toISOString();
  if (check.slice(0, 10) !== `${y}-${mo}-${d}`) return null;
  return date;
}

function offsetMs(zone: string): number {
  if (zone === 'Z') return 0;
  const sign = zone.startsWith('-') ? -1 : 1;
  const [hh, mm] = zone.slice(1).split(':').map(Number);
  return sign * ((hh ?? 0) * 60 + (mm ?? 0)) * 60_000;
}
