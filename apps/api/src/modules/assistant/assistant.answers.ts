import type {
  AssistantAction,
  AssistantAspect,
  AssistantCitation,
  CatalogueRecord,
} from '@cqs/shared';
import { whereToSubmit } from '../catalogue/catalogue.where';
import type { UnitRecord } from '../units/units.repository';
import type { KnowledgeProcedure, VersionSettings } from './assistant.knowledge';

/** Quotes longer than this are cut at a line end; the procedure page has the rest. */
const MAX_QUOTE = 1400;
const MAX_ITEMS = 12;

export const ASPECT_LABELS: Record<AssistantAspect | 'overview', string> = {
  documents: 'Thành phần hồ sơ',
  fees: 'Phí, lệ phí',
  time: 'Thời hạn giải quyết',
  place: 'Nơi nộp và cách nộp',
  steps: 'Trình tự thực hiện',
  conditions: 'Yêu cầu, điều kiện',
  legal_basis: 'Căn cứ pháp lý',
  results: 'Kết quả',
  applicants: 'Đối tượng thực hiện',
  overview: 'Tóm tắt',
};

export interface PlaceContext {
  commune: UnitRecord | undefined;
  provinceCentre: UnitRecord | undefined;
}

export interface ProcedureAnswer {
  text: string;
  citations: AssistantCitation[];
  actions: AssistantAction[];
  /** The record text the answer quotes (the phrasing check compares numbers against it). */
  quoted: string;
}

export const procedureUrl = (code: string) => `/thu-tuc/${encodeURIComponent(code)}`;
export const submissionUrl = (code: string) => `/nop-ho-so/${encodeURIComponent(code)}`;

export function citationOf(
  p: Pick<KnowledgeProcedure, 'code' | 'name'>,
  section: AssistantAspect | 'overview',
): AssistantCitation {
  return { type: 'procedure', code: p.code, name: p.name, section, url: procedureUrl(p.code) };
}

/**
 * The extractive answer: the asked section quoted from the record of the version in force (and
 * the province's settings for fees and place), never a number that is not in them.
 */
export function answerSection(
  p: KnowledgeProcedure,
  settings: VersionSettings,
  aspect: AssistantAspect | null,
  place: PlaceContext,
): ProcedureAnswer {
  const section = aspect ?? 'overview';
  const body = aspect
    ? quoteSection(p.record, settings, aspect, place)
    : overview(p.record, settings);
  const text = `${ASPECT_LABELS[section]} của thủ tục «${shortName(p.name)}» (mã ${p.code}), theo bản ghi trên Cổng Dịch vụ công quốc gia:\n${body}`;
  const actions: AssistantAction[] = [
    {
      type: 'open_procedure',
      label: 'Xem đầy đủ thủ tục',
      procedureCode: p.code,
      url: procedureUrl(p.code),
    },
  ];
  if (settings.offeredOnline) {
    actions.push({
      type: 'start_submission',
      label: 'Nộp hồ sơ trực tuyến',
      procedureCode: p.code,
      url: submissionUrl(p.code),
    });
  }
  return { text, citations: [citationOf(p, section)], actions, quoted: body };
}

function quoteSection(
  record: CatalogueRecord,
  settings: VersionSettings,
  aspect: AssistantAspect,
  place: PlaceContext,
): string {
  switch (aspect) {
    case 'documents':
      return documents(record);
    case 'fees':
      return fees(record, settings);
    case 'time':
      return times(record);
    case 'place':
      return placeText(record, settings, place);
    case 'steps':
      return cut(record.steps_text) || 'Bản ghi không nêu trình tự thực hiện.';
    case 'conditions':
      return cut(record.requirements_text) || 'Bản ghi không nêu yêu cầu, điều kiện riêng.';
    case 'legal_basis':
      return record.legal_basis.length > 0
        ? bullets(record.legal_basis.map((l) => [l.number, l.title].filter(Boolean).join(': ')))
        : cut(record.legal_basis_text) || 'Bản ghi không nêu căn cứ pháp lý.';
    case 'results':
      return record.results.length > 0
        ? bullets(record.results.map((r) => r.name))
        : 'Bản ghi không nêu kết quả.';
    case 'applicants':
      return cut(record.applicants) || 'Bản ghi không nêu đối tượng thực hiện.';
  }
}

function documents(record: CatalogueRecord): string {
  if (record.documents.length === 0) {
    return cut(record.documents_text) || 'Bản ghi không nêu thành phần hồ sơ.';
  }
  const lines: string[] = [];
  let count = 0;
  for (const group of record.documents) {
    if (count >= MAX_ITEMS) break;
    if (group.case) lines.push(group.case);
    for (const item of group.items) {
      if (count >= MAX_ITEMS) break;
      const copies = [
        item.originals ? `bản chính: ${item.originals}` : '',
        item.copies ? `bản sao: ${item.copies}` : '',
      ]
        .filter(Boolean)
        .join(', ');
      lines.push(`- ${item.name}${copies ? ` (${copies})` : ''}`);
      count += 1;
    }
  }
  const total = record.documents.reduce((n, g) => n + g.items.length, 0);
  if (total > count) lines.push(`… và ${total - count} mục khác: xem đầy đủ trên trang thủ tục.`);
  return lines.join('\n');
}

const CHANNEL_NAMES = { truc_tiep: 'Trực tiếp', truc_tuyen: 'Trực tuyến', buu_chinh: 'Bưu chính' };

function fees(record: CatalogueRecord, settings: VersionSettings): string {
  if (record.channels.length === 0) return 'Bản ghi không nêu phí, lệ phí.';
  return record.channels
    .map((c) => {
      const name = c.channel_text ?? CHANNEL_NAMES[c.channel];
      const local = settings.feeOverrides[c.channel];
      if (local) {
        const amount = local.feeVnd === 0 ? 'miễn phí' : `${formatVnd(local.feeVnd)} đồng`;
        return `- ${name}: ${amount} (mức do tỉnh quy định${local.note ? `: ${local.note}` : ''})`;
      }
      const note = noteAbout(c.fee_or_time_note, 'fees');
      return `- ${name}: ${c.fee?.trim() || 'bản ghi không ghi mức phí'}${note}`;
    })
    .join('\n');
}

function times(record: CatalogueRecord): string {
  if (record.channels.length === 0) return 'Bản ghi không nêu thời hạn giải quyết.';
  return record.channels
    .map((c) => {
      const name = c.channel_text ?? CHANNEL_NAMES[c.channel];
      const raw = c.processing_time?.trim();
      // The portal sometimes gives a bare number without its unit: quoted as is, not completed.
      const value = !raw
        ? 'bản ghi không ghi thời hạn'
        : /^\d+$/.test(raw) && !c.time_unit
          ? `«${raw}» (bản ghi không ghi đơn vị)`
          : raw;
      return `- ${name}: ${value}${noteAbout(c.fee_or_time_note, 'time')}`;
    })
    .join('\n');
}

function placeText(record: CatalogueRecord, settings: VersionSettings, ctx: PlaceContext): string {
  const where = whereToSubmit(record, settings, ctx);
  const channels = record.channels.map((c) => c.channel_text ?? CHANNEL_NAMES[c.channel]);
  const lines = [where.note];
  if (where.address) lines.push(`Địa chỉ: ${where.address}`);
  if (channels.length > 0) lines.push(`Cách nộp theo bản ghi: ${channels.join(', ')}.`);
  return lines.join('\n');
}

function overview(record: CatalogueRecord, settings: VersionSettings): string {
  const first = record.channels.find((c) => c.channel === 'truc_tiep') ?? record.channels[0];
  const lines: string[] = [];
  if (record.results.length > 0)
    lines.push(`Kết quả: ${record.results.map((r) => r.name).join('; ')}`);
  if (first) {
    lines.push(
      `Thời hạn (${first.channel_text ?? CHANNEL_NAMES[first.channel]}): ${times({ ...record, channels: [first] }).replace(/^- [^:]+: /, '')}`,
    );
    lines.push(
      `Phí, lệ phí: ${fees({ ...record, channels: [first] }, settings).replace(/^- [^:]+: /, '')}`,
    );
  }
  const items = record.documents.reduce((n, g) => n + g.items.length, 0);
  if (items > 0) lines.push(`Thành phần hồ sơ: ${items} mục (hỏi "cần giấy tờ gì" để xem).`);
  lines.push(
    settings.offeredOnline
      ? 'Có thể nộp trực tuyến.'
      : 'Chưa nộp trực tuyến được: nộp trực tiếp hoặc qua bưu chính.',
  );
  return lines.join('\n');
}

/** "Thủ tục đăng ký khai sinh" reads "thủ tục «Đăng ký khai sinh»" inside a sentence. */
export function shortName(name: string): string {
  const rest = name.replace(/^Thủ tục\s+/i, '');
  return rest.charAt(0).toLocaleUpperCase('vi') + rest.slice(1);
}

const MAX_NOTE = 600;

/**
 * The portal keeps one note per channel for fees and time alike: it is shown with the fee when it
 * speaks of money and with the time when it speaks of days, cut when very long.
 */
function noteAbout(note: string | null, about: 'fees' | 'time'): string {
  const t = note?.trim();
  if (!t) return '';
  const money = /phí|đồng|miễn|thu/i.test(t);
  const days = /ngày|giờ|tháng|tuần/i.test(t);
  if ((about === 'fees' && !money) || (about === 'time' && (!days || money))) return '';
  return ` – ${t.length > MAX_NOTE ? `${t.slice(0, MAX_NOTE)}…` : t}`;
}

function bullets(items: string[]): string {
  const shown = items.slice(0, MAX_ITEMS).map((i) => `- ${i}`);
  if (items.length > MAX_ITEMS) shown.push(`… và ${items.length - MAX_ITEMS} mục khác.`);
  return shown.join('\n');
}

function cut(text: string | null | undefined): string {
  const t = (text ?? '').trim();
  if (t.length <= MAX_QUOTE) return t;
  const end = t.lastIndexOf('\n', MAX_QUOTE);
  return `${t.slice(0, end > MAX_QUOTE / 2 ? end : MAX_QUOTE)}\n… (xem tiếp trên trang thủ tục)`;
}

function formatVnd(n: number): string {
  return n.toLocaleString('vi-VN');
}
