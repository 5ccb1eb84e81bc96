import ExcelJS from 'exceljs';
import { AppError } from '../../http/errors';

/** One sheet (or the whole CSV) as rows of trimmed strings; row 0 is the header. */
export interface RawTable {
  sheet: string;
  rows: string[][];
}

export const MAX_IMPORT_ROWS = 20_000;

/**
 * Reads an uploaded CSV or .xlsx into tables of strings. The content decides the format (an .xlsx
 * is a ZIP: it starts with "PK"), not the name the browser sent.
 */
export async function readImportFile(
  bytes: Buffer,
): Promise<{ format: 'csv' | 'xlsx'; tables: RawTable[] }> {
  if (bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b) {
    return { format: 'xlsx', tables: await readXlsx(bytes) };
  }
  const text = bytes.toString('utf8').replace(/^\uFEFF/, '');
  // A file that is not UTF-8 text (e.g. legacy .xls or a Windows-1258 CSV) decodes to U+FFFD.
  if (text.includes('\uFFFD') || text.includes('\u0000'))
    throw new AppError('TEAM_IMPORT_FILE_INVALID');
  return { format: 'csv', tables: [{ sheet: 'CSV', rows: parseCsv(text) }] };
}

/** RFC 4180 CSV; the delimiter is ';' when the header has semicolons and no commas (Excel, vi-VN). */
export function parseCsv(text: string): string[][] {
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const delimiter = firstLine.includes(';') && !firstLine.includes(',') ? ';' : ',';
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += c;
    } else if (c === '"' && field === '') quoted = true;
    else if (c === delimiter) {
      row.push(field.trim());
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field.trim());
      rows.push(row);
      row = [];
      field = '';
      if (rows.length > MAX_IMPORT_ROWS + 1) throw new AppError('TEAM_IMPORT_TOO_LARGE');
    } else field += c;
  }
  if (field !== '' || row.length > 0) {
    row.push(field.trim());
    rows.push(row);
  }
  return rows;
}

async function readXlsx(bytes: Buffer): Promise<RawTable[]> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (cause) {
    throw new AppError('TEAM_IMPORT_FILE_INVALID', { cause });
  }
  const tables: RawTable[] = [];
  let total = 0;
  wb.eachSheet((ws) => {
    const rows: string[][] = [];
    // Row numbers are kept: an empty row in the middle still counts, as the officer sees it.
    for (let r = 1; r <= ws.actualRowCount || r <= ws.rowCount; r++) {
      const row = ws.getRow(r);
      const values: string[] = [];
      for (let c = 1; c <= Math.max(row.cellCount, 1); c++)
        values.push(cellText(row.getCell(c).value));
      rows.push(values);
    }
    while (rows.length > 0 && rows[rows.length - 1]!.every((v) => v === '')) rows.pop();
    total += rows.length;
    if (total > MAX_IMPORT_ROWS + 10) throw new AppError('TEAM_IMPORT_TOO_LARGE');
    tables.push({ sheet: ws.name, rows });
  });
  return tables;
}

/** A cell as the officer reads it: dates as dd/mm/yyyy, rich text flattened, formulas' results. */
function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) {
    // exceljs gives calendar dates at UTC midnight.
    const d = value;
    return `${String(d.getUTCDate()).padStart(2, '0')}/${String(d.getUTCMonth() + 1).padStart(2, '0')}/${d.getUTCFullYear()}`;
  }
  if (typeof value === 'object') {
    if ('richText' in value)
      return value.richText
        .map((t) => t.text)
        .join('')
        .trim();
    if ('result' in value) return cellText((value.result ?? null) as ExcelJS.CellValue);
    if ('text' in value) return String(value.text).trim();
    return '';
  }
  return String(value).trim();
}
