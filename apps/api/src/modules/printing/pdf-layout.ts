import fs from 'node:fs';
import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import { drawTable, type TableColumn } from './pdf-table';
import { vnUpper } from './vn-format';

export type { TableColumn } from './pdf-table';

/**
 * Shared page layout of the one-stop forms (Circular 01/2018/TT-VPCP, appendix): the two-column
 * header (issuing body | national motto), the centred title, labelled lines, signature blocks,
 * tables and a footer. Fonts: Tinos (see FONTS.md), metric-compatible with Times New Roman, the
 * typeface Decree 30/2020 prescribes for administrative documents, and covering every Vietnamese
 * letter with its tone marks.
 */

const FONT_FILES = {
  regular: '400Regular/Tinos_400Regular.ttf',
  bold: '700Bold/Tinos_700Bold.ttf',
  italic: '400Regular_Italic/Tinos_400Regular_Italic.ttf',
  boldItalic: '700Bold_Italic/Tinos_700Bold_Italic.ttf',
} as const;
export type FontName = keyof typeof FONT_FILES;

let fontCache: Record<FontName, Buffer> | null = null;
/**
 * Read once per process from the npm package; never from the system or the network. Also used
 * by the dashboard's PDF exports (same Vietnamese font, same licence notes in FONTS.md).
 */
export function fonts(): Record<FontName, Buffer> {
  if (!fontCache) {
    const require = createRequire(import.meta.url);
    const read = (file: string) =>
      fs.readFileSync(require.resolve(`@expo-google-fonts/tinos/${file}`));
    fontCache = {
      regular: read(FONT_FILES.regular),
      bold: read(FONT_FILES.bold),
      italic: read(FONT_FILES.italic),
      boldItalic: read(FONT_FILES.boldItalic),
    };
  }
  return fontCache;
}

/** Decree 30/2020 margins: top/bottom 20 mm, left 30 mm, right 15 mm (in points). */
const MARGIN = { top: 57, bottom: 57, left: 85, right: 43 };
const BODY_SIZE = 13;

/** Who issues the form, as printed top-left. */
export interface Issuer {
  /** The governing body ("Ủy ban nhân dân Phường Buôn Ma Thuột"); empty for the top level. */
  authority: string;
  /** The issuing office ("Trung tâm Phục vụ hành chính công"). */
  office: string;
  /** The unit's full name for the body text ("Phường Buôn Ma Thuột"). */
  unitName: string;
  /** Place name of the date line ("Buôn Ma Thuột"). */
  place: string;
}

export interface Signature {
  title: string;
  hint: string;
  name?: string | null;
}

export interface PdfMeta {
  /** Mixed-case title, also printed in the footer of every page. */
  title: string;
  formNo: string;
  /** e.g. the dossier code, printed in the footer. */
  reference: string;
  /** Written as the PDF creation date so the same data gives the same bytes. */
  issuedAt: Date;
  landscape?: boolean;
}

export class FormWriter {
  readonly doc: PDFKit.PDFDocument;
  private readonly chunks: Buffer[] = [];
  private readonly done: Promise<Buffer>;

  constructor(private readonly meta: PdfMeta) {
    const f = fonts();
    this.doc = new PDFDocument({
      size: 'A4',
      layout: meta.landscape ? 'landscape' : 'portrait',
      margins: MARGIN,
      bufferPages: true,
      // Avoids loading the built-in Helvetica: every glyph comes from the embedded font.
      font: f.regular as unknown as string,
      info: {
        Title: meta.title,
        Subject: `Mẫu số ${meta.formNo} – Thông tư 01/2018/TT-VPCP`,
        Creator: 'Chính quyền số',
        CreationDate: meta.issuedAt,
        ModDate: meta.issuedAt,
      },
      lang: 'vi-VN',
    });
    for (const name of Object.keys(f) as FontName[]) this.doc.registerFont(name, f[name]);
    this.doc.font('regular').fontSize(BODY_SIZE);
    this.doc.on('data', (c: Buffer) => this.chunks.push(c));
    this.done = new Promise((resolve, reject) => {
      this.doc.on('end', () => resolve(Buffer.concat(this.chunks)));
      this.doc.on('error', reject);
    });
  }

  get left(): number {
    return MARGIN.left;
  }

  get width(): number {
    return this.doc.page.width - MARGIN.left - MARGIN.right;
  }

  /** Starts a new page when fewer than `height` points remain. */
  ensureSpace(height: number): void {
    if (this.doc.y + height > this.doc.page.height - MARGIN.bottom) this.doc.addPage();
  }

  /**
   * "Mẫu số NN" top-right, then the issuing body (left) beside the national motto (right), each
   * with its short rule, then the document number (left) and the italic place-date line (right).
   */
  header(issuer: Issuer, opts: { number?: string | null; placeDate?: string | null } = {}): void {
    const { doc } = this;
    doc.font('bold').fontSize(11);
    doc.text(`Mẫu số ${this.meta.formNo}`, MARGIN.left, MARGIN.top - 30, {
      width: this.width,
      align: 'right',
    });
    const top = MARGIN.top;
    const leftWidth = Math.round(this.width * 0.45);
    const rightX = MARGIN.left + leftWidth;
    const rightWidth = this.width - leftWidth;

    let y = top;
    if (issuer.authority) {
      doc.font('regular').fontSize(12);
      doc.text(this.balanced(vnUpper(issuer.authority), leftWidth), MARGIN.left, y, {
        width: leftWidth,
        align: 'center',
      });
      y = doc.y;
    }
    doc.font('bold').fontSize(12);
    doc.text(this.balanced(vnUpper(issuer.office), leftWidth), MARGIN.left, y, {
      width: leftWidth,
      align: 'center',
    });
    const leftBottom = doc.y + 2;
    this.rule(MARGIN.left + leftWidth / 2, leftBottom, 70);

    doc.font('bold').fontSize(12);
    doc.text('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', rightX, top, {
      width: rightWidth,
      align: 'center',
    });
    doc.font('bold').fontSize(13);
    doc.text('Độc lập - Tự do - Hạnh phúc', rightX, doc.y, { width: rightWidth, align: 'center' });
    const mottoWidth = doc.widthOfString('Độc lập - Tự do - Hạnh phúc');
    const rightBottom = doc.y + 2;
    this.rule(rightX + rightWidth / 2, rightBottom, mottoWidth);

    y = Math.max(leftBottom, rightBottom) + 10;
    doc.font('regular').fontSize(12);
    if (opts.number) doc.text(opts.number, MARGIN.left, y, { width: leftWidth, align: 'center' });
    const numberBottom = doc.y;
    if (opts.placeDate) {
      doc.font('italic').fontSize(13);
      doc.text(opts.placeDate, rightX, y, { width: rightWidth, align: 'center' });
    }
    doc.x = MARGIN.left;
    doc.y = Math.max(y, numberBottom, doc.y) + 18;
  }

  /** Bold, uppercase, centred; optional italic lines under it. */
  title(text: string, sublines: string[] = []): void {
    const { doc } = this;
    doc.font('bold').fontSize(14);
    doc.text(vnUpper(text), MARGIN.left, doc.y, { width: this.width, align: 'center' });
    doc.font('italic').fontSize(12);
    for (const line of sublines) {
      doc.text(line, MARGIN.left, doc.y, { width: this.width, align: 'center' });
    }
    doc.y += 12;
    this.body();
  }

  /** "Label: value"; a missing value prints the form's dotted blank, as on paper. */
  field(label: string, value: string | null | undefined, opts: { indent?: number } = {}): void {
    const { doc } = this;
    const x = MARGIN.left + (opts.indent ?? 0);
    const width = this.width - (opts.indent ?? 0);
    this.ensureSpace(18);
    doc.font('regular').fontSize(BODY_SIZE);
    doc.text(`${label}: `, x, doc.y, { width, continued: true, lineGap: 2 });
    doc.font(value ? 'bold' : 'regular').text(value || '…………………………………………', { lineGap: 2 });
    this.body();
  }

  paragraph(
    text: string,
    opts: {
      bold?: boolean;
      italic?: boolean;
      indent?: number;
      align?: 'left' | 'center' | 'justify';
    } = {},
  ): void {
    const { doc } = this;
    const font: FontName = opts.bold
      ? opts.italic
        ? 'boldItalic'
        : 'bold'
      : opts.italic
        ? 'italic'
        : 'regular';
    const indent = opts.indent ?? 0;
    this.ensureSpace(18);
    doc.font(font).fontSize(BODY_SIZE);
    doc.text(text, MARGIN.left + indent, doc.y, {
      width: this.width - indent,
      align: opts.align ?? 'justify',
      lineGap: 2,
    });
    this.body();
  }

  /** Numbered items "1) …", indented under the preceding line. */
  list(items: string[], empty = '(không có)'): void {
    if (items.length === 0) {
      this.paragraph(empty, { italic: true, indent: 24 });
      return;
    }
    items.forEach((item, i) => {
      this.paragraph(`${i + 1}) ${item}`, { indent: 24, align: 'left' });
    });
  }

  gap(points = 8): void {
    this.doc.y += points;
  }

  /** Two signature blocks side by side (either may be null); the name goes under the space. */
  signatures(left: Signature | null, right: Signature | null): void {
    const { doc } = this;
    this.ensureSpace(130);
    const half = this.width / 2;
    const top = doc.y + 10;
    let bottom = top;
    for (const [block, x] of [
      [left, MARGIN.left],
      [right, MARGIN.left + half],
    ] as const) {
      if (!block) continue;
      doc
        .font('bold')
        .fontSize(BODY_SIZE)
        .text(block.title, x, top, { width: half, align: 'center' });
      doc.font('italic').fontSize(12).text(block.hint, x, doc.y, { width: half, align: 'center' });
      const nameY = doc.y + 62;
      if (block.name) {
        doc
          .font('bold')
          .fontSize(BODY_SIZE)
          .text(block.name, x, nameY, { width: half, align: 'center' });
      }
      bottom = Math.max(bottom, block.name ? doc.y : nameY);
    }
    doc.x = MARGIN.left;
    doc.y = bottom + 10;
    this.body();
  }

  /** "Nơi nhận:" with its list on the left (Decree 30 style), a signature block on the right. */
  recipientsAndSignature(recipients: string[], signature: Signature): void {
    const { doc } = this;
    this.ensureSpace(130);
    const top = doc.y + 10;
    const half = this.width / 2;
    doc.font('boldItalic').fontSize(12).text('Nơi nhận:', MARGIN.left, top, { width: half });
    doc.font('regular').fontSize(11);
    for (const r of recipients) doc.text(`- ${r}`, MARGIN.left, doc.y, { width: half });
    const leftBottom = doc.y;
    doc.y = top - 10;
    this.signatures(null, signature);
    doc.y = Math.max(doc.y, leftBottom + 10);
  }

  /** A QR code drawn as vector squares at (x, y), `size` points wide. */
  qr(text: string, x: number, y: number, size: number): void {
    const qr = QRCode.create(text, { errorCorrectionLevel: 'M' });
    const n = qr.modules.size;
    const cell = size / (n + 8); // 4-module quiet zone on each side
    const { doc } = this;
    doc.save().fillColor('black');
    for (let row = 0; row < n; row++) {
      for (let col = 0; col < n; col++) {
        if (qr.modules.get(row, col)) {
          doc.rect(x + (col + 4) * cell, y + (row + 4) * cell, cell, cell);
        }
      }
    }
    doc.fill().restore();
  }

  /** A bordered table; the header row repeats on every page it spans. */
  table(columns: TableColumn[], rows: string[][], opts: { fontSize?: number } = {}): void {
    drawTable(
      this.doc,
      { left: MARGIN.left, width: this.width, bottom: MARGIN.bottom },
      columns,
      rows,
      opts,
    );
    this.doc.y += 8;
    this.body();
  }

  /** Writes the footer on every page and returns the PDF bytes. */
  async finish(): Promise<Buffer> {
    const { doc } = this;
    const range = doc.bufferedPageRange();
    for (let i = range.start; i < range.start + range.count; i++) {
      doc.switchToPage(i);
      // Writing inside the bottom margin would otherwise open a new page.
      const bottom = doc.page.margins.bottom;
      doc.page.margins.bottom = 0;
      doc.font('italic').fontSize(9).fillColor('#444444');
      doc.text(
        `Mẫu số ${this.meta.formNo} – ${this.meta.title} – ${this.meta.reference} – Trang ${i + 1}/${range.count}`,
        MARGIN.left,
        doc.page.height - 34,
        { width: this.width, align: 'center', lineBreak: false },
      );
      doc.fillColor('black');
      doc.page.margins.bottom = bottom;
    }
    doc.end();
    return this.done;
  }

  /**
   * A header line too long for its column is broken into two lines of similar length, as on
   * paper ("TRUNG TÂM PHỤC VỤ / HÀNH CHÍNH CÔNG"), instead of leaving one word on the second line.
   */
  private balanced(text: string, width: number): string {
    const { doc } = this;
    if (doc.widthOfString(text) <= width - 2) return text;
    const words = text.split(' ');
    let best = text;
    let bestWidth = Number.POSITIVE_INFINITY;
    for (let i = 1; i < words.length; i++) {
      const a = words.slice(0, i).join(' ');
      const b = words.slice(i).join(' ');
      const widest = Math.max(doc.widthOfString(a), doc.widthOfString(b));
      if (widest < bestWidth) {
        bestWidth = widest;
        best = `${a}\n${b}`;
      }
    }
    return best;
  }

  private rule(centreX: number, y: number, width: number): void {
    this.doc
      .moveTo(centreX - width / 2, y)
      .lineTo(centreX + width / 2, y)
      .lineWidth(0.6)
      .stroke();
  }

  private body(): void {
    this.doc.font('regular').fontSize(BODY_SIZE);
    this.doc.x = MARGIN.left;
  }
}
