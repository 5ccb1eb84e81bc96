import type { ProcedureDetail as ApiProcedureDetail } from '@cqs/shared';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { get } from './api';

// The pages' view of the procedures API (`/api/procedures…`); `toProcedureDetail` maps the API's
// shape (packages/shared/src/schemas/catalogue.ts) onto it in one place.

export type ProcedureLevel = 'xa' | 'tinh' | 'bo' | 'khac';
export type ChannelKind = 'truc_tiep' | 'truc_tuyen' | 'buu_chinh';

export interface ProcedureSummary {
  code: string;
  name: string;
  field: string;
  levels: ProcedureLevel[];
  online: boolean;
}

export interface ProcedureList {
  items: ProcedureSummary[];
  total: number;
}

export interface ProcedureFieldCount {
  field: string;
  count: number;
}

export interface ProcedureChannel {
  channel: ChannelKind;
  processing_time: string | null;
  time_value: number | null;
  time_unit: string | null;
  fee: string | null;
  fee_vnd: number | null;
  fee_or_time_note: string | null;
}

export interface ProcedureDocumentItem {
  name: string;
  form_file: string | null;
  originals: number | null;
  copies: number | null;
}

/** The catalogue record as published on the National Public Service Portal (snake_case). */
export interface ProcedureRecord {
  decision_no: string | null;
  procedure_type: string | null;
  applicants: string | null;
  implementing_agency: string | null;
  competent_authority: string | null;
  submission_address: string | null;
  steps_text: string | null;
  channels: ProcedureChannel[];
  documents: { case: string | null; items: ProcedureDocumentItem[] }[];
  documents_text: string | null;
  requirements_text: string | null;
  legal_basis: { title: string | null; number: string | null }[];
  legal_basis_text: string | null;
  results: { name: string; code: string | null }[];
  related_procedures_text: string | null;
  source_url: string | null;
}

export interface ProcedureDetail {
  code: string;
  version: number;
  name: string;
  field: string;
  levels: ProcedureLevel[];
  centralBranch: boolean;
  offeredOnline: boolean;
  onlineLevel: 'toan_trinh' | 'mot_phan' | null;
  receivingLevel: 'commune' | 'province';
  localNotes: string | null;
  whereToSubmit: {
    level: string;
    unitCode: string | null;
    unitName: string | null;
    note: string | null;
  };
  record: ProcedureRecord;
}

export interface ProcedureSearch {
  q: string;
  level: 'xa' | 'tinh' | null;
  field: string | null;
  online: boolean;
  page: number;
}

export const pageSize = 20;

/** `GET /api/procedures`: best match first; the previous page stays on screen while typing. */
export function useProcedureSearch(search: ProcedureSearch) {
  const query = {
    q: search.q.trim(),
    level: search.level,
    field: search.field,
    // Only "online only" is a filter a resident asks for; "not online" is never sent.
    online: search.online ? 'true' : undefined,
    limit: pageSize,
    offset: (search.page - 1) * pageSize,
  };
  return useQuery({
    queryKey: ['procedures', query],
    queryFn: ({ signal }) => get<ProcedureList>('/api/procedures', { signal, query }),
    placeholderData: keepPreviousData,
    staleTime: 10 * 60_000,
  });
}

/** `GET /api/procedures/fields`: the "lĩnh vực" filter. */
export function useProcedureFields() {
  return useQuery({
    queryKey: ['procedures', 'fields'],
    queryFn: ({ signal }) =>
      get<{ items: ProcedureFieldCount[] }>('/api/procedures/fields', { signal }),
    staleTime: 60 * 60_000,
  });
}

/**
 * The API keeps the catalogue record verbatim and the province's settings apart; the page wants
 * the settings at hand and the fees as they apply (local overrides win over the catalogue's).
 */
export function toProcedureDetail(api: ApiProcedureDetail): ProcedureDetail {
  const local = new Map(api.fees.filter((f) => f.source === 'local').map((f) => [f.channel, f]));
  const record = api.record as unknown as ProcedureRecord;
  return {
    code: api.code,
    version: api.version,
    name: api.name,
    field: api.field,
    levels: api.levels as ProcedureLevel[],
    centralBranch: api.centralBranch,
    offeredOnline: api.local.offeredOnline,
    onlineLevel: api.local.onlineLevel,
    receivingLevel: api.local.receivingLevel,
    localNotes: api.local.localNotes,
    whereToSubmit: {
      level: api.whereToSubmit.receivingLevel,
      unitCode: api.whereToSubmit.unitCode,
      unitName: api.whereToSubmit.name,
      note: api.whereToSubmit.note,
    },
    record: {
      ...record,
      channels: (record.channels ?? []).map((c) => {
        const override = local.get(c.channel);
        return override
          ? {
              ...c,
              fee_vnd: override.feeVnd,
              fee_or_time_note: override.note ?? c.fee_or_time_note,
            }
          : c;
      }),
    },
  };
}

/** `GET /api/procedures/:code`. */
export function useProcedure(code: string) {
  return useQuery({
    queryKey: ['procedure', code],
    queryFn: async ({ signal }) =>
      toProcedureDetail(
        await get<ApiProcedureDetail>(`/api/procedures/${encodeURIComponent(code)}`, { signal }),
      ),
    staleTime: 10 * 60_000,
  });
}

/** The procedures residents ask for most (home page and the empty search state). */
export const mostUsedProcedures = [
  { code: '1.001193', key: 'birth' },
  { code: '1.004222', key: 'permanentResidence' },
  { code: '1.004194', key: 'temporaryResidence' },
  { code: '1.000894', key: 'marriage' },
  { code: '1.004873', key: 'maritalStatus' },
  { code: '1.001612', key: 'householdBusiness' },
] as const;

export function procedurePath(code: string): string {
  return `/thu-tuc/${encodeURIComponent(code)}`;
}

const vnd = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 0 });

/** "20.000 đ": Vietnamese grouping in both languages, as printed on receipts. */
export function formatVnd(amount: number): string {
  return `${vnd.format(amount)}\u00a0đ`;
}

/**
 * The portal's fee/time notes carry crawl artefacts: a leading "VNĐ" glued to the note and the
 * note wrapped in one or two pairs of parentheses. Strip only those; keep the words.
 */
export function cleanNote(note: string | null): string | null {
  if (!note) return null;
  let text = note.trim().replace(/^VNĐ\s*/i, '');
  while (text.startsWith('(') && text.endsWith(')') && balanced(text.slice(1, -1))) {
    text = text.slice(1, -1).trim();
  }
  return text || null;
}

function balanced(text: string): boolean {
  let depth = 0;
  for (const ch of text) {
    if (ch === '(') depth++;
    else if (ch === ')' && --depth < 0) return false;
  }
  return depth === 0;
}

/** A document case heading such as "* Giấy tờ phải nộp:" without the list marker and colon. */
export function cleanCase(text: string | null): string | null {
  const value = text
    ?.replace(/^[*\-+\s]+/, '')
    .replace(/\s*:\s*$/, '')
    .trim();
  return value && value !== '-' ? value : null;
}

/** The source's paragraphs: one per line, blank lines dropped, nothing else restructured. */
export function sourceLines(text: string | null): string[] {
  return (text ?? '')
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);
}

export const channelOrder: ChannelKind[] = ['truc_tuyen', 'truc_tiep', 'buu_chinh'];

export function sortChannels(channels: ProcedureChannel[]): ProcedureChannel[] {
  return [...channels].sort(
    (a, b) => channelOrder.indexOf(a.channel) - channelOrder.indexOf(b.channel),
  );
}
