import PDFDocument from 'pdfkit';
import { type FontName, fonts } from '../printing/pdf-layout';
import { drawTable } from '../printing/pdf-table';
import {
  type ExportDocument,
  formatCell,
  NO_ROWS,
  periodLabel,
  vnDateTime,
} from './dashboard.exports.model';

const MARGIN = { top: 40, bottom: 44, left: 36, right: 36 };

/**
 * A4 landscape report: the title, unit, period and "as of" on the first page, each table with
 * its header row repeated on every page it spans (printing's drawTable), page numbers in the
 * footer. The font is the printing module's Tinos (every Vietnamese letter with its tone marks,
 * embedded as a subset with a ToUnicode map, so the text can be searched and copied).
 */
export async function renderPdf(doc: ExportDocument): Promise<Buffer> {
  const f = fonts();
  const pdf = new PDFDocument({
    size: 'A4',
    layout: 'landscape',
    margins: MARGIN,
    bufferPages: true,
    // Avoids loading the built-in Helvetica: every glyph comes from the embedded font.
    font: f.regular as unknown as string,
    info: {
      Title: `${doc.title} – ${doc.unit.name}`,
      Subject: doc.period ? periodLabel(doc.period) : 'Hiện tại',
      Creator: 'Chính quyền số',
      CreationDate: doc.asOf,
      ModDate: doc.asOf,
    },
    lang: 'vi-VN',
  });
  for (const name of Object.keys(f) as FontName[]) pdf.registerFont(name, f[name]);
  const chunks: Buffer[] = [];
  pdf.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
  });

  const width = pdf.page.width - MARGIN.left - MARGIN.right;
  const text = (value: string, font: FontName, size: number, gap = 2) => {
    pdf.font(font).fontSize(size).text(value, MARGIN.left, pdf.y, { width, lineGap: gap });
  };
  text(doc.title, 'bold', 15);
  text(`Đơn vị: ${doc.unit.name} (${doc.unit.code})`, 'regular', 11);
  text(`Kỳ báo cáo: ${doc.period ? periodLabel(doc.period) : 'hiện tại'}`, 'regular', 11);
  text(`Số liệu tính đến: ${vnDateTime(doc.asOf)}`, 'italic', 11);
  pdf.y += 8;

  for (const table of doc.tables) {
    if (pdf.y > pdf.page.height - MARGIN.bottom - 80) pdf.addPage();
    text(table.name, 'bold', 12);
    pdf.y += 2;
    const total = table.columns.reduce((s, c) => s + c.width, 0);
    const columns = table.columns.map((c) => ({
      header: c.header,
      width: c.width / total,
      align: c.kind === 'text' ? ('left' as const) : ('center' as const),
    }));
    const rows = table.rows.map((r) =>
      table.columns.map((c, i) => formatCell(r[i] ?? null, c.kind)),
    );
    drawTable(pdf, { left: MARGIN.left, width, bottom: MARGIN.bottom }, columns, rows, {
      fontSize: 8.5,
    });
    if (rows.length === 0) text(NO_ROWS, 'italic', 10);
    if (table.note) text(table.note, 'italic', 9);
    pdf.y += 10;
  }

  const range = pdf.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    pdf.switchToPage(i);
    // Writing inside the bottom margin would otherwise open a new page.
    const bottom = pdf.page.margins.bottom;
    pdf.page.margins.bottom = 0;
    pdf.font('italic').fontSize(8).fillColor('#444444');
    pdf.text(
      `${doc.title} – ${doc.unit.name} – ${vnDateTime(doc.asOf)} – Trang ${i + 1}/${range.count}`,
      MARGIN.left,
      pdf.page.height - 28,
      { width, align: 'center', lineBreak: false },
    );
    pdf.fillColor('black');
    pdf.page.margins.bottom = bottom;
  }
  pdf.end();
  return done;
}
