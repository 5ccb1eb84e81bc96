/** Bordered tables for the forms (form 05's hand-offs); fonts are those FormWriter registers. */

export interface TableColumn {
  header: string;
  /** Share of the content width. */
  width: number;
  align?: 'left' | 'center';
}

export interface TableFrame {
  left: number;
  width: number;
  /** Bottom margin: a row that would cross it starts a new page. */
  bottom: number;
}

const PAD = 4;
const MIN_ROW = 18;

/** Draws the table at the current y; the header row repeats on every page the table spans. */
export function drawTable(
  doc: PDFKit.PDFDocument,
  frame: TableFrame,
  columns: TableColumn[],
  rows: string[][],
  opts: { fontSize?: number } = {},
): void {
  const size = opts.fontSize ?? 11;
  const widths = columns.map((c) => c.width * frame.width);
  const heightOf = (cells: string[], font: 'regular' | 'bold') => {
    doc.font(font).fontSize(size);
    const heights = cells.map(
      (cell, i) => doc.heightOfString(cell || ' ', { width: widths[i]! - 2 * PAD }) + 2 * PAD,
    );
    return Math.max(...heights, MIN_ROW);
  };
  const drawRow = (cells: string[], font: 'regular' | 'bold', align?: 'center') => {
    const height = heightOf(cells, font);
    doc.font(font).fontSize(size);
    let x = frame.left;
    const y = doc.y;
    cells.forEach((cell, i) => {
      doc.rect(x, y, widths[i]!, height).lineWidth(0.6).stroke();
      doc.text(cell, x + PAD, y + PAD, {
        width: widths[i]! - 2 * PAD,
        align: align ?? columns[i]!.align ?? 'left',
      });
      x += widths[i]!;
    });
    doc.x = frame.left;
    doc.y = y + height;
  };
  const fits = (height: number) => doc.y + height <= doc.page.height - frame.bottom;
  const header = columns.map((c) => c.header);
  // The header never stands alone at the foot of a page.
  if (!fits(heightOf(header, 'bold') + 30)) doc.addPage();
  drawRow(header, 'bold', 'center');
  for (const row of rows) {
    if (!fits(heightOf(row, 'regular'))) {
      doc.addPage();
      drawRow(header, 'bold', 'center');
    }
    drawRow(row, 'regular');
  }
}
