import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type autocannon from 'autocannon';
import type { Fixtures, ReadyDraft } from './load.protocol';
import type { RunControl } from './load.run';

/** What a scenario is compared with: the bare write or read ceiling measured in the same run. */
export type CeilingKind = 'write' | 'read';

export interface Scenario {
  id: string;
  title: string;
  /** The ceiling itself has none. */
  ceiling: CeilingKind | null;
  /** Which server the requests go to. */
  target: 'app' | 'ceiling';
  /** Builds the request list of one run; called once per run. */
  requests(fixtures: Fixtures, control: RunControl): autocannon.Request[];
}

const json = { 'content-type': 'application/json' };

/** Cycles through a list, one item per request, across all connections. */
function cycle<T>(items: readonly T[]): () => T {
  let i = 0;
  return () => items[i++ % items.length]!;
}

/**
 * Drafts ready to submit, each used once: a submission is never a replay. Refilled by the driver
 * before each run; running out stops the run (loudly) instead of sending invalid requests.
 */
export class DraftPool {
  private drafts: ReadyDraft[] = [];
  add(drafts: ReadyDraft[]): void {
    this.drafts.push(...drafts);
  }
  get size(): number {
    return this.drafts.length;
  }
  take(): ReadyDraft | undefined {
    return this.drafts.pop();
  }
}

export const draftPool = new DraftPool();

function submissionRequest(fixtures: Fixtures, control: RunControl): autocannon.Request {
  let last: ReadyDraft | undefined;
  return {
    method: 'POST',
    setupRequest: (request) => {
      const draft = draftPool.take();
      if (!draft) control.stop('the draft pool ran out: raise --drafts-per-second');
      last = draft ?? last;
      const resident = fixtures.residents[last!.resident]!;
      return {
        ...request,
        path: `/api/drafts/${last!.id}/submit`,
        headers: {
          ...json,
          cookie: resident.cookie,
          'x-csrf-token': resident.csrf,
          // Unique per request: each one is a first submission, never a stored-answer replay.
          'idempotency-key': randomUUID(),
        },
        body: '{}',
      };
    },
  };
}

let reportNumber = 0;
const REPORTS = [
  'Ổ gà lớn giữa đường liên thôn, xe máy đi qua dễ bị ngã, đề nghị sửa đường',
  'Mặt đường bị sụt lún thành hố sâu trước cổng trường, nguy hiểm cho học sinh',
  'Đèn tín hiệu giao thông ở ngã tư không hoạt động từ sáng nay',
  'Cây đổ chắn ngang đường sau cơn mưa lớn, xe không qua được',
];

function open311Request(fixtures: Fixtures): autocannon.Request {
  const point = cycle(fixtures.open311.points);
  const text = cycle(REPORTS);
  return {
    method: 'POST',
    path: '/open311/v2/requests.json',
    setupRequest: (request) => {
      const p = point();
      reportNumber += 1;
      return {
        ...request,
        headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' },
        body: new URLSearchParams({
          api_key: fixtures.open311.apiKey,
          service_code: fixtures.open311.serviceCode,
          lat: String(p.lat),
          long: String(p.lng),
          // Each report different, as residents' reports are.
          description: `${text()} (phản ánh số ${reportNumber})`,
          device_id: `bench-${reportNumber % 500}`,
        }).toString(),
      };
    },
  };
}

function trackingRequest(fixtures: Fixtures): autocannon.Request {
  const next = cycle(fixtures.tracking);
  return {
    method: 'GET',
    setupRequest: (request) => {
      const t = next();
      return { ...request, path: `/api/tracking?code=${t.code}&last4=${t.last4}` };
    },
  };
}

/** What residents type in the catalogue search box (with and without diacritics, shorthand). */
const SEARCHES = [
  'đăng ký khai sinh',
  'dang ky ket hon',
  'cấp CCCD',
  'làm căn cước',
  'sổ đỏ',
  'đăng ký thường trú',
  'dang ky tam tru',
  'xác nhận tình trạng hôn nhân',
  'chứng thực bản sao',
  'lý lịch tư pháp',
  'đăng ký hộ kinh doanh',
  'the bao hiem y te',
  'giấy chứng nhận quyền sử dụng đất',
  'trích lục khai tử',
  'cap lai giay phep lai xe',
  'xin giấy phép xây dựng',
  'trợ cấp xã hội',
  'chuyển hộ khẩu',
  'đổi bằng lái',
  'xac nhan cu tru',
];

function searchRequest(): autocannon.Request {
  const next = cycle(SEARCHES);
  return {
    method: 'GET',
    setupRequest: (request) => ({
      ...request,
      path: `/api/procedures?q=${encodeURIComponent(next())}`,
    }),
  };
}

function dashboardRequest(fixtures: Fixtures): autocannon.Request {
  return {
    method: 'GET',
    path: `/api/dashboard/service-index?${fixtures.dashboardQuery}`,
    headers: { cookie: fixtures.officerCookie },
  };
}

/** The assistant's tuning questions (apps/api/seed-data/assistant): real phrasing, every intent. */
const QUESTIONS = readFileSync(
  new URL('../../apps/api/seed-data/assistant/questions-tune.jsonl', import.meta.url),
  'utf8',
)
  .split('\n')
  .filter((line) => line.trim())
  .map((line) => (JSON.parse(line) as { text: string }).text);

function assistantRequest(): autocannon.Request {
  const next = cycle(QUESTIONS);
  return {
    method: 'POST',
    path: '/api/assistant/messages',
    setupRequest: (request) => ({
      ...request,
      headers: json,
      body: JSON.stringify({ text: next() }),
    }),
  };
}

function ceilingWrite(): autocannon.Request {
  let n = 0;
  return {
    method: 'POST',
    path: '/ceiling/write',
    setupRequest: (request) => ({
      ...request,
      headers: json,
      body: JSON.stringify({ note: `ghi ${++n}` }),
    }),
  };
}

function ceilingRead(fixtures: Fixtures): autocannon.Request {
  return {
    method: 'GET',
    setupRequest: (request) => ({
      ...request,
      path: `/ceiling/read/${1 + Math.floor(Math.random() * fixtures.ceilingRows)}`,
    }),
  };
}

export const CEILINGS: Record<CeilingKind, Scenario> = {
  write: {
    id: 'ceiling-write',
    title: 'ceiling: bare INSERT',
    ceiling: null,
    target: 'ceiling',
    requests: () => [ceilingWrite()],
  },
  read: {
    id: 'ceiling-read',
    title: 'ceiling: bare PK SELECT',
    ceiling: null,
    target: 'ceiling',
    requests: (f) => [ceilingRead(f)],
  },
};

export const SCENARIOS: Scenario[] = [
  {
    id: 'submission',
    title: 'dossier submission',
    ceiling: 'write',
    target: 'app',
    requests: (f, control) => [submissionRequest(f, control)],
  },
  {
    id: 'open311',
    title: 'Open311 POST',
    ceiling: 'write',
    target: 'app',
    requests: (f) => [open311Request(f)],
  },
  {
    id: 'tracking',
    title: 'tracking lookup',
    ceiling: 'read',
    target: 'app',
    requests: (f) => [trackingRequest(f)],
  },
  {
    id: 'search',
    title: 'catalogue search',
    ceiling: 'read',
    target: 'app',
    requests: () => [searchRequest()],
  },
  {
    id: 'dashboard',
    title: 'dashboard overview',
    ceiling: 'read',
    target: 'app',
    requests: (f) => [dashboardRequest(f)],
  },
  {
    id: 'assistant',
    title: 'assistant answer',
    ceiling: 'read',
    target: 'app',
    requests: () => [assistantRequest()],
  },
];

/** The steady mixed load of --memory: every read scenario in turn on each connection. */
export const readMix = (f: Fixtures): autocannon.Request[] => [
  trackingRequest(f),
  searchRequest(),
  dashboardRequest(f),
  assistantRequest(),
];

/** …and the writes beside it, at a fixed rate. */
export const writeMix = (f: Fixtures, control: RunControl): autocannon.Request[] => [
  submissionRequest(f, control),
  open311Request(f),
];
