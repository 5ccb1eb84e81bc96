import ExcelJS from 'exceljs';
import { VN_OFFSET_MS } from '../calendar/calendar.time';
import type { Issuer } from './pdf-layout';
import { vnDate, vnUpper } from './vn-format';

export const LOGBOOK_TITLE = 'Sổ theo dõi hồ sơ';
export const LOGBOOK_SHEET = 'So theo doi ho so';

export interface LogbookRow {
  code: string;
  procedureName: string;
  applicantName: string;
  /** "Địa chỉ, số điện thoại" */
  contact: string;
  handlingUnit: string;
  acceptedAt: Date;
  dueAt: Date | null;
  transferredAt: Date | null;
  resultReceivedAt: Date | null;
  returnedAt: Date | null;
  note: string;
}

export interface LogbookInput {
  issuer: Issuer;
  /** Vietnam dates, inclusive. */
  from: Date;
  to: Date;
  rows: LogbookRow[];
}

/** Column order of Mẫu số 06 (Circular 01/2018/TT-VPCP). */
export const LOGBOOK_COLUMNS = [
  { header: 'STT', width: 6 },
  { header: 'Mã hồ sơ', width: 26 },
  { header: 'Tên thủ tục hành chính', width: 40 },
  { header: 'Số lượng hồ sơ (bộ)', width: 9 },
  { header: 'Tên cá nhân, tổ chức', width: 24 },
  { header: 'Địa chỉ, số điện thoại', width: 26 },
  { header: 'Cơ quan chủ trì giải quyết', width: 24 },
  { header: 'Nhận hồ sơ', width: 16 },
  { header: 'Hẹn trả kết quả', width: 16 },
  { header: 'Chuyển hồ sơ đến cơ quan giải quyết', width: 16 },
  { header: 'Nhận kết quả từ cơ quan giải quyết', width: 16 },
  { header: 'Trả kết quả cho cá nhân, tổ chức', width: 16 },
  { header: 'Ký nhận', width: 12 },
  { header: 'Ghi chú', width: 30 },
] as const;

/** Row of the first dossier (after the title block and the two header rows and the numbers). */
export const LOGBOOK_FIRST_DATA_ROW = 10;
const DATE_COLUMNS = { first: 8, last: 12 };

/**
 * Excel stores wall-clock times without a zone: the cell holds the Vietnam local time, so a
 * dossier accepted at 15:00 in Đắk Lắk reads 15:00 on any computer.
 */
export function excelLocal(instant: Date): Date {
  return new Date(instant.getTime() + VN_OFFSET_MS);
}

const border: Partial<ExcelJS.Borders> = {
  top: { style: 'thin' },
  left: { style: 'thin' },
  bottom: { style: 'thin' },
  right: { style: 'thin' },
};

/** Mẫu số 06: the unit's logbook of received dossiers as an .xlsx workbook. */
export async function renderLogbook(input: LogbookInput): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Chính quyền số';
  wb.title = LOGBOOK_TITLE;
  const ws = wb.addWorksheet(LOGBOOK_SHEET, {
    pageSetup: {
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
    },
    views: [{ state: 'frozen', ySplit: LOGBOOK_FIRST_DATA_ROW - 1 }],
  });
  const lastCol = LOGBOOK_COLUMNS.length;
  LOGBOOK_COLUMNS.forEach((c, i) => {
    ws.getColumn(i + 1).width = c.width;
  });
  const font = { name: 'Times New Roman', size: 12 };
  const centred = { horizontal: 'center', vertical: 'middle', wrapText: true } as const;

  const put = (
    row: number,
    text: string,
    opts: { bold?: boolean; italic?: boolean; from: number; to: number },
  ) => {
    ws.mergeCells(row, opts.from, row, opts.to);
    const cell = ws.getCell(row, opts.from);
    cell.value = text;
    cell.font = { ...font, bold: opts.bold ?? false, italic: opts.italic ?? false };
    cell.alignment = centred;
  };
  if (input.issuer.authority) put(1, vnUpper(input.issuer.authority), { from: 1, to: 5 });
  put(2, vnUpper(input.issuer.office), { bold: true, from: 1, to: 5 });
  put(1, 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { bold: true, from: 9, to: lastCol });
  put(2, 'Độc lập - Tự do - Hạnh phúc', { bold: true, from: 9, to: lastCol });
  put(4, vnUpper(LOGBOOK_TITLE), { bold: true, from: 1, to: lastCol });
  put(5, `${input.issuer.unitName} – từ ngày ${vnDate(input.from)} đến ngày ${vnDate(input.to)}`, {
    italic: true,
    from: 1,
    to: lastCol,
  });
  ws.getRow(4).font = { ...font, size: 14, bold: true };

  // Two header rows: the date columns sit under one "Ngày, tháng, năm" heading, as on paper.
  const top = 7;
  LOGBOOK_COLUMNS.forEach((c, i) => {
    const col = i + 1;
    if (col >= DATE_COLUMNS.first && col <= DATE_COLUMNS.last) {
      ws.getCell(top + 1, col).value = c.header;
    } else {
      ws.mergeCells(top, col, top + 1, col);
      ws.getCell(top, col).value = c.header;
    }
  });
  ws.mergeCells(top, DATE_COLUMNS.first, top, DATE_COLUMNS.last);
  ws.getCell(top, DATE_COLUMNS.first).value = 'Ngày, tháng, năm';
  for (let col = 1; col <= lastCol; col++) {
    ws.getCell(top + 2, col).value = `(${col})`;
    for (const r of [top, top + 1, top + 2]) {
      const cell = ws.getCell(r, col);
      cell.font = { ...font, bold: r !== top + 2, italic: r === top + 2 };
      cell.alignment = centred;
      cell.border = border;
    }
  }
  ws.getRow(top + 1).height = 48;

  input.rows.forEach((r, i) => {
    const local = (d: Date | null) => (d ? excelLocal(d) : null);
    const row = ws.getRow(LOGBOOK_FIRST_DATA_ROW + i);
    row.values = [
      i + 1,
      r.code,
      r.procedureName,
      1,
      r.applicantName,
      r.contact,
      r.handlingUnit,
      local(r.acceptedAt),
      local(r.dueAt),
      local(r.transferredAt),
      local(r.resultReceivedAt),
      local(r.returnedAt),
      null,
      r.note,
    ];
    for (let col = 1; col <= lastCol; col++) {
      const cell = row.getCell(col);
      cell.font = font;
      cell.border = border;
      cell.alignment = {
        vertical: 'top',
        wrapText: true,
        ...(col === 1 || col === 4 ? { horizontal: 'center' } : {}),
      };
      if (col >= DATE_COLUMNS.first && col <= DATE_COLUMNS.last) cell.numFmt = 'dd/mm/yyyy hh:mm';
    }
  });
  const buffer = await wb.xlsx.writeBuffer();
  return Buffer.from(buffer as ArrayBuffer);
}
