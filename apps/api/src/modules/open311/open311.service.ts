import type { Clock } from '../../lib/clock';
import { feedbackStates, openStates } from '../feedback/feedback-workflow';
import { Open311Error } from './open311.errors';
import {
  list,
  type Open311Document,
  type Open311Object,
  parseW3cDateTime,
  w3cDateTime,
} from './open311.format';
import type {
  Open311Repository,
  PublicRequestRow,
  PublicUpdateRow,
  ServiceRow,
} from './open311.repository';

export const OPEN311_SPECIFICATION = 'http://wiki.open311.org/GeoReport_v2';
/** Bumped whenever the services, their attributes or this API's behaviour change. */
export const OPEN311_CHANGESET = '2026-11-28T00:00:00+07:00';
export const DAY_MS = 86_400_000;
/** The spec's default window and its largest page. */
export const MAX_RANGE_DAYS = 90;
export const MAX_PAGE_SIZE = 1000;

/** The one optional attribute of every service: Open311 itself has no notion of anonymity. */
export const ANONYMOUS_ATTRIBUTE = 'an_danh';

/**
 * The spec knows two statuses; ours are richer. Everything still being handled is `open`;
 * answered (resolved or rejected) and closed reports are `closed`.
 */
export function open311Status(state: string): 'open' | 'closed' {
  return (openStates as readonly string[]).includes(state) ? 'open' : 'closed';
}

/** mySociety's extended statuses for updates (FixMyStreet reads these). */
export function updateStatus(type: string, state: string): string {
  if (type === 'transfer') return 'internal_referral';
  switch (state) {
    case 'in_progress':
      return 'in_progress';
    case 'info_requested':
      return 'investigating';
    case 'resolved':
      return 'fixed';
    case 'rejected':
      return 'no_further_action';
    case 'closed':
      return 'closed';
    default:
      return 'open';
  }
}

export interface DiscoveryOptions {
  publicUrl: string;
  mode: 'demo' | 'production';
  contact: string;
}

export interface RequestsQuery {
  service_request_id?: string | undefined;
  service_code?: string | undefined;
  start_date?: string | undefined;
  end_date?: string | undefined;
  status?: string | undefined;
  updated_after?: string | undefined;
  updated_before?: string | undefined;
  page?: string | undefined;
  page_size?: string | undefined;
}

function commaList(value: string | undefined): string[] | undefined {
  if (value === undefined) return undefined;
  const items = value
    .split(',')
    .map((v) => v.trim())
    .filter(Boolean);
  return items.length ? items : undefined;
}

function dateParam(name: string, value: string | undefined): Date | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  const date = parseW3cDateTime(value);
  if (!date) {
    throw new Open311Error(
      400,
      `${name}: ngày giờ không đúng định dạng W3C (ví dụ 2026-11-28T08:00:00+07:00) / not a W3C datetime`,
    );
  }
  return date;
}

function positiveInt(name: string, value: string | undefined, max: number): number | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  if (!/^\d{1,7}$/.test(value.trim()) || Number(value) < 1 || Number(value) > max) {
    throw new Open311Error(400, `${name}: phải là số nguyên từ 1 đến ${max} / must be 1–${max}`);
  }
  return Number(value);
}

/**
 * A date window of at most 90 days (the spec's limit). A missing end is start + 90 days (or
 * now), a missing start is end − 90 days; with neither, `defaultToRecent` gives the last 90 days.
 */
function window(
  names: [string, string],
  from: Date | undefined,
  to: Date | undefined,
  now: Date,
  defaultToRecent: boolean,
): { from?: Date; to?: Date } {
  const span = MAX_RANGE_DAYS * DAY_MS;
  if (!from && !to) {
    return defaultToRecent ? { from: new Date(now.getTime() - span), to: now } : {};
  }
  const start = from ?? new Date((to as Date).getTime() - span);
  const end = to ?? new Date(start.getTime() + span);
  if (end < start)
    throw new Open311Error(400, `${names[1]} đứng trước ${names[0]} / ends before it starts`);
  if (end.getTime() - start.getTime() > span) {
    throw new Open311Error(
      400,
      `${names[0]}–${names[1]}: khoảng thời gian tối đa ${MAX_RANGE_DAYS} ngày / may not span more than ${MAX_RANGE_DAYS} days`,
    );
  }
  return { from: start, to: end };
}

/** GeoReport v2 read side: services, requests and updates as documents ready to render. */
export class Open311Service {
  constructor(
    private readonly deps: {
      repository: Open311Repository;
      clock: Clock;
      /** Absolute links (media_url) start here. */
      publicUrl: string;
    },
  ) {}

  discovery(options: DiscoveryOptions): Open311Document {
    const base = `${options.publicUrl}/open311/v2`;
    return {
      root: 'discovery',
      body: {
        changeset: OPEN311_CHANGESET,
        contact: options.contact,
        key_service: `${options.contact} — xin khoá API (api_key) / request an API key`,
        endpoints: list('endpoint', [
          {
            specification: OPEN311_SPECIFICATION,
            url: base,
            changeset: OPEN311_CHANGESET,
            type: options.mode === 'production' ? 'production' : 'test',
            formats: list('format', ['text/xml', 'application/json']),
          },
        ]),
      },
    };
  }

  private serviceObject(row: ServiceRow): Open311Object {
    // Synonyms help clients search: the English name too, and the main category's name.
    const keywords = [row.name_vi, row.name_en, row.parent_name_vi, row.code]
      .filter(Boolean)
      .join(', ');
    return {
      service_code: row.code,
      service_name: row.name_vi,
      description: row.description_vi ?? row.name_vi,
      metadata: true,
      type: 'realtime',
      keywords,
      group: row.parent_name_vi ?? row.name_vi,
    };
  }

  async services(): Promise<Open311Document> {
    const rows = await this.deps.repository.services();
    return {
      root: 'services',
      body: list(
        'service',
        rows.map((r) => this.serviceObject(r)),
      ),
    };
  }

  async serviceDefinition(code: string): Promise<Open311Document> {
    const [row] = await this.deps.repository.services(code);
    if (!row)
      throw new Open311Error(404, `service_code ${code}: không có lĩnh vực này / not found`);
    return {
      root: 'service_definition',
      body: {
        service_code: row.code,
        attributes: list('attribute', [
          {
            variable: true,
            code: ANONYMOUS_ATTRIBUTE,
            datatype: 'singlevaluelist',
            required: false,
            datatype_description: 'Chọn 1 để ẩn tên người phản ánh với công chúng',
            order: 1,
            description:
              'Ẩn danh: tên người phản ánh không hiển thị công khai (vẫn được lưu trong nhật ký)',
            values: list('value', [
              { key: '0', name: 'Công khai tên' },
              { key: '1', name: 'Ẩn danh' },
            ]),
          },
        ]),
      },
    };
  }

  /** The spec's documents of these rows, each with a link to its first public photo. */
  private async requestList(rows: PublicRequestRow[]): Promise<Open311Document> {
    const photos = await this.deps.repository.firstPhotos(rows.map((r) => r.id));
    return {
      root: 'service_requests',
      body: list(
        'request',
        rows.map((r) => {
          const photo = photos.get(r.id);
          const mediaUrl = photo
            ? `${this.deps.publicUrl}/api/feedback/reports/${encodeURIComponent(r.reference)}/photos/${photo}`
            : null;
          return this.requestObject(r, mediaUrl);
        }),
      ),
    };
  }

  private requestObject(row: PublicRequestRow, mediaUrl: string | null): Open311Object {
    const status = open311Status(row.state);
    const address = [row.address, row.commune_name].filter(Boolean).join(', ') || null;
    return {
      service_request_id: row.reference,
      status,
      status_notes: row.public_answer,
      service_name: row.category_name,
      service_code: row.category_code,
      description: row.description,
      agency_responsible: row.unit_name,
      service_notice: serviceNotice(row.answer_days),
      requested_datetime: w3cDateTime(row.created_at),
      updated_datetime: w3cDateTime(row.updated_at),
      expected_datetime: status === 'open' ? w3cDateTime(row.due_at) : null,
      address,
      // The commune code stands in for the jurisdiction's address register.
      address_id: row.commune_code,
      zipcode: null,
      lat: row.lat,
      long: row.lng,
      media_url: mediaUrl,
    };
  }

  async requests(query: RequestsQuery): Promise<Open311Document> {
    const now = this.deps.clock.now();
    const references = commaList(query.service_request_id);
    const page = positiveInt('page', query.page, 1_000_000) ?? 1;
    const pageSize = positiveInt('page_size', query.page_size, MAX_PAGE_SIZE) ?? MAX_PAGE_SIZE;
    let rows: PublicRequestRow[];
    if (references) {
      // The spec: service_request_id overrides every other argument.
      rows = await this.deps.repository.requests({
        references: references.slice(0, MAX_PAGE_SIZE),
        limit: MAX_PAGE_SIZE,
        offset: 0,
      });
    } else {
      const statuses = commaList(query.status);
      if (statuses?.some((s) => s !== 'open' && s !== 'closed')) {
        throw new Open311Error(400, 'status: chỉ nhận open, closed / must be open or closed');
      }
      const updated = window(
        ['updated_after', 'updated_before'],
        dateParam('updated_after', query.updated_after),
        dateParam('updated_before', query.updated_before),
        now,
        false,
      );
      const created = window(
        ['start_date', 'end_date'],
        dateParam('start_date', query.start_date),
        dateParam('end_date', query.end_date),
        now,
        // Synchronising clients ask by update time; the 90-day default would hide old reports.
        !updated.from,
      );
      const states = statuses
        ? feedbackStates.filter((s) => statuses.includes(open311Status(s)))
        : undefined;
      const serviceCodes = commaList(query.service_code);
      rows = await this.deps.repository.requests({
        ...(serviceCodes ? { serviceCodes } : {}),
        ...(states ? { states } : {}),
        ...(created.from ? { createdFrom: created.from } : {}),
        ...(created.to ? { createdTo: created.to } : {}),
        ...(updated.from ? { updatedFrom: updated.from } : {}),
        ...(updated.to ? { updatedTo: updated.to } : {}),
        limit: pageSize,
        offset: (page - 1) * pageSize,
      });
    }
    return this.requestList(rows);
  }

  async request(reference: string): Promise<Open311Document> {
    const rows = await this.deps.repository.requests({
      references: [reference],
      limit: 1,
      offset: 0,
    });
    if (!rows.length) {
      throw new Open311Error(404, `service_request_id ${reference}: không tìm thấy / not found`);
    }
    return this.requestList(rows);
  }

  async token(token: string): Promise<Open311Document> {
    const found = await this.deps.repository.referenceForToken(token);
    // A report still held by the moderation check has no public id yet.
    if (found?.moderation_state !== 'visible') {
      throw new Open311Error(
        404,
        `token ${token}: không tìm thấy (hoặc đang chờ kiểm duyệt) / not found`,
      );
    }
    return {
      root: 'service_requests',
      body: list('request', [{ service_request_id: found.reference, token }]),
    };
  }

  async updates(query: { start_date?: string | undefined; end_date?: string | undefined }) {
    const range = window(
      ['start_date', 'end_date'],
      dateParam('start_date', query.start_date),
      dateParam('end_date', query.end_date),
      this.deps.clock.now(),
      true,
    );
    const rows = await this.deps.repository.publicUpdates(
      range.from as Date,
      range.to as Date,
      MAX_PAGE_SIZE,
    );
    return {
      root: 'service_request_updates',
      body: list('request_update', rows.map(updateObject)),
    } satisfies Open311Document;
  }
}

function updateObject(row: PublicUpdateRow): Open311Object {
  return {
    update_id: String(row.id),
    service_request_id: row.reference,
    status: updateStatus(row.type, row.state),
    updated_datetime: w3cDateTime(row.at),
    description: row.note ?? '',
    media_url: '',
  };
}

export function serviceNotice(answerDays: number): string {
  return `Cơ quan có thẩm quyền trả lời trong ${answerDays} ngày làm việc (không tính ngày nghỉ, lễ, Tết).`;
}
