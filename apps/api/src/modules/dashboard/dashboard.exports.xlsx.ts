import ExcelJS from 'exceljs';
import { excelLocal } from '../printing/logbook';
import {
  type CellKind,
  type ExportDocument,
  NO_ROWS,
  periodLabel,
  vnDateTime,
} from './dashboard.exports.model';

/** Row of each sheet's header: title, unit, period, as-of, a blank line, then the header. */
export const XLSX_HEADER_ROW = 6;

const NUMBER_FORMATS: Partial<Record<CellKind, string>> = {
  int: '#,##0',
  decimal: '#,##0.00',
  rate: '0.0%',
  datetime: 'dd/mm/yyyy hh:mm',
  date: 'dd/mm/yyyy',
};

const border: Partial<ExcelJS.Borders> = {
  top: { style: 'thin' },
  left: { style: 'thin' },
  bottom: { style: 'thin' },
  right: { style: 'thin' },
};

/** Excel forbids these in sheet names, and allows 31 characters. */
function sheetName(name: string, used: Set<string>): string {
  const base = name.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31);
  let candidate = base;
  for (let i = 2; used.has(candidate); i++) candidate = `${base.slice(0, 28)} ${i}`;
  used.add(candidate);
  return candidate;
}

/**
 * One sheet per table: a title block (title, unit, period, "as of"), a frozen bold header row,
 * then the rows with real numbers (counts, rates as percentages, Vietnam local date-times), so
 * the figures can be summed and charted in Excel.
 */
export async function renderXlsx(doc: ExportDocument): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Chính quyền số';
  wb.title = doc.title;
  wb.created = doc.asOf;
  const used = new Set<string>();
  for (const table of doc.tables) {
    const ws = wb.addWorksheet(sheetName(table.name, used), {
      pageSetup: {
        paperSize: 9,
        orientation: 'landscape',
        fitToPage: true,
        fitToWidth: 1,
        fitToHeight: 0,
      },
      views: [{ state: 'frozen', ySplit: XLSX_HEADER_ROW }],
    });
    const width = Math.max(table.columns.length, 4);
    const line = (row: number, text: string, font: Partial<ExcelJS.Font>) => {
      ws.mergeCells(row, 1, row, width);
      const cell = ws.getCell(row, 1);
      cell.value = text;
      cell.font = { name: 'Times New Roman', size: 12, ...font };
    };
    line(1, `${doc.title} – ${table.name}`, { bold: true, size: 14 });
    line(2, `Đơn vị: ${doc.unit.name} (${doc.unit.code})`, {});
    line(3, doc.period ? `Kỳ báo cáo: ${periodLabel(doc.period)}` : 'Kỳ báo cáo: hiện tại', {});
    line(4, `Số liệu tính đến: ${vnDateTime(doc.asOf)}`, { italic: true });

    table.columns.forEach((c, i) => {
      ws.getColumn(i + 1).width = c.width;
      const cell = ws.getCell(XLSX_HEADER_ROW, i + 1);
      cell.value = c.header;
      cell.font = { name: 'Times New Roman', size: 12, bold: true };
      cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
      cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF7' } };
      cell.border = border;
    });
    table.rows.forEach((values, r) => {
      const row = ws.getRow(XLSX_HEADER_ROW + 1 + r);
      table.columns.forEach((c, i) => {
        const cell = row.getCell(i + 1);
        const v = values[i];
        cell.value =
          v === null || v === undefined
            ? null
            : c.kind === 'datetime'
              ? excelLocal(new Date(String(v)))
              : c.kind === 'date'
                ? new Date(`${String(v)}T00:00:00Z`)
                : v;
        const format = NUMBER_FORMATS[c.kind];
        if (format) cell.numFmt = format;
        cell.font = { name: 'Times New Roman', size: 12 };
        cell.border = border;
        cell.alignment = { vertical: 'top', wrapText: c.kind === 'text' };
      });
    });
    if (table.rows.length === 0) line(XLSX_HEADER_ROW + 1, NO_ROWS, { italic: true });
    if (table.note) {
      const at = XLSX_HEADER_ROW + Math.max(table.rows.length, 1) + 2;
      line(at, table.note, { italic: true });
    }
  }
  return Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}
