import type { DashboardExportView } from '@cqs/shared';
import { addDays, type IsoDate, toLocal } from '../calendar/calendar.time';

/**
 * What an export contains, independent of the file format: the xlsx and PDF writers render the
 * same tables, built from the same service calls as the view's JSON route.
 */

export type CellKind = 'text' | 'int' | 'rate' | 'decimal' | 'datetime' | 'date';
export type Cell = string | number | null;

export interface ExportColumn {
  header: string;
  kind: CellKind;
  /** Width in characters (Excel); the PDF shares the page width in the same proportions. */
  width: number;
}

export interface ExportTable {
  /** Sheet name in Excel (≤ 31 characters), section heading in the PDF. */
  name: string;
  columns: ExportColumn[];
  /** `datetime` cells are ISO instants; `date` cells 'YYYY-MM-DD'; `rate` cells fractions. */
  rows: Cell[][];
  /** Shown under the table (e.g. "the list stops at 200"). */
  note?: string;
}

export interface ExportDocument {
  view: DashboardExportView;
  title: string;
  unit: { code: string; name: string };
  /** The reporting period, when the view has one. */
  period: { from: IsoDate; to: IsoDate } | null;
  asOf: Date;
  tables: ExportTable[];
  /** File name without extension, ASCII only: `chi-so-phuc-vu-24133-2026-11`. */
  fileStem: string;
}

/** A column; numbers default to 12 characters wide, text to 24. */
export const col = (
  header: string,
  kind: CellKind,
  width = kind === 'text' ? 24 : 12,
): ExportColumn => ({ header, kind, width });

export const NO_ROWS = 'Không có số liệu.';

/** 'YYYY-MM-DD' → 'DD/MM/YYYY' */
export function vnDay(date: IsoDate): string {
  const [y, m, d] = date.split('-');
  return `${d}/${m}/${y}`;
}

/** An instant as 'HH:mm DD/MM/YYYY' in Vietnam time, whatever the server's zone. */
export function vnDateTime(instant: Date): string {
  const { date, ms } = toLocal(instant);
  const minutes = Math.floor(ms / 60_000);
  const hh = String(Math.floor(minutes / 60)).padStart(2, '0');
  const mm = String(minutes % 60).padStart(2, '0');
  return `${hh}:${mm} ${vnDay(date)}`;
}

/** Is [from, to] one whole calendar month? */
function wholeMonth(from: IsoDate, to: IsoDate): boolean {
  return (
    from.endsWith('-01') && to.slice(0, 7) === from.slice(0, 7) && addDays(to, 1).endsWith('-01')
  );
}

function wholeYear(from: IsoDate, to: IsoDate): boolean {
  return from.endsWith('-01-01') && to === `${from.slice(0, 4)}-12-31`;
}

/** "Tháng 11/2026", "Năm 2026", "Ngày 07/05/2026", or "Từ 01/04/2026 đến 07/05/2026". */
export function periodLabel(period: { from: IsoDate; to: IsoDate }): string {
  const { from, to } = period;
  if (wholeMonth(from, to)) return `Tháng ${from.slice(5, 7)}/${from.slice(0, 4)}`;
  if (wholeYear(from, to)) return `Năm ${from.slice(0, 4)}`;
  if (from === to) return `Ngày ${vnDay(from)}`;
  return `Từ ${vnDay(from)} đến ${vnDay(to)}`;
}

/** The period part of a file name: '2026-11', '2026', '2026-05-07' or '2026-04-01_2026-05-07'. */
export function periodSlug(period: { from: IsoDate; to: IsoDate }): string {
  const { from, to } = period;
  if (wholeMonth(from, to)) return from.slice(0, 7);
  if (wholeYear(from, to)) return from.slice(0, 4);
  if (from === to) return from;
  return `${from}_${to}`;
}

/** ASCII, lower case, hyphens: safe in any file system and in a Content-Disposition header. */
export function slug(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** `attachment; filename="…"; filename*=UTF-8''…` (RFC 6266; the stem is ASCII already). */
export function contentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

/** Numbers and dates as people read them in Vietnamese (PDF cells). */
export function formatCell(value: Cell, kind: CellKind): string {
  if (value === null || value === '') return '';
  switch (kind) {
    case 'int':
      return Number(value).toLocaleString('vi-VN');
    case 'decimal':
      return Number(value).toLocaleString('vi-VN', { maximumFractionDigits: 2 });
    case 'rate':
      return `${(Math.round(Number(value) * 1000) / 10).toLocaleString('vi-VN')} %`;
    case 'datetime':
      return vnDateTime(new Date(String(value)));
    case 'date':
      return vnDay(String(value));
    default:
      return String(value);
  }
}
