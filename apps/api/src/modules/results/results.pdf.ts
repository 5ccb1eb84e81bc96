import fs from 'node:fs';
import { createRequire } from 'node:module';
import fontkit from '@pdf-lib/fontkit';
import { degrees, EncryptedPDFError, PDFDocument, type PDFFont, type PDFPage, rgb } from 'pdf-lib';
import QRCode from 'qrcode';
import { AppError } from '../../http/errors';

/** A4 in points. */
const A4 = { width: 595.28, height: 841.89 };
const IMAGE_MARGIN = 36;
/** Room kept free under an embedded image for the stamp. */
const STAMP_BAND = 72;
const QR_SIZE = 50;
const EDGE = 8;
const PADDING = 4;
const FONT_SIZE = 6.5;
const LINE_GAP = 2.2;

export interface StampText {
  /** e.g. "Kết quả điện tử – xác minh tại" */
  heading: string;
  verifyUrl: string;
  /** e.g. "Mã hồ sơ: H15.50.05.13-261008-0001" */
  detail: string;
}

export interface IssuedPdfInput {
  source: Buffer;
  mediaType: 'application/pdf' | 'image/jpeg' | 'image/png';
  stamp: StampText;
  title: string;
  /** Written as the PDF's creation date, so the same inputs give the same bytes. */
  issuedAt: Date;
}

let fontBytes: Buffer | null = null;
/** Be Vietnam Pro (SIL OFL 1.1) covers every Vietnamese letter with its tones. */
function vietnameseFont(): Buffer {
  if (!fontBytes) {
    const require = createRequire(import.meta.url);
    const pkg = require.resolve('@expo-google-fonts/be-vietnam-pro/package.json');
    fontBytes = fs.readFileSync(
      new URL('./400Regular/BeVietnamPro_400Regular.ttf', `file://${pkg}`),
    );
  }
  return fontBytes;
}

/** The QR code as one SVG path of unit squares (crisp at any zoom, a few hundred bytes). */
function qrPath(text: string): { path: string; modules: number } {
  const qr = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const size = qr.modules.size;
  let path = '';
  for (let row = 0; row < size; row++) {
    for (let col = 0; col < size; col++) {
      if (qr.modules.get(row, col)) path += `M${col} ${row}h1v1h-1z`;
    }
  }
  return { path, modules: size };
}

/**
 * Visual coordinates (u right, v up, from the visible bottom-left corner) → the page's user space,
 * for pages shown rotated by /Rotate: the stamp must sit bottom-right as the reader sees the page.
 */
function visualFrame(page: PDFPage) {
  const box = page.getCropBox();
  const rotation = ((page.getRotation().angle % 360) + 360) % 360;
  const quarter = rotation === 90 || rotation === 270;
  const width = quarter ? box.height : box.width;
  const height = quarter ? box.width : box.height;
  const at = (u: number, v: number) => {
    switch (rotation) {
      case 90:
        return { x: box.x + box.width - v, y: box.y + u };
      case 180:
        return { x: box.x + box.width - u, y: box.y + box.height - v };
      case 270:
        return { x: box.x + v, y: box.y + box.height - u };
      default:
        return { x: box.x + u, y: box.y + v };
    }
  };
  return { width, height, at, rotate: degrees(rotation) };
}

function drawStamp(
  page: PDFPage,
  font: PDFFont,
  qr: { path: string; modules: number },
  text: StampText,
) {
  const lines = [text.heading, text.verifyUrl, text.detail];
  const frame = visualFrame(page);
  const textWidth = Math.max(...lines.map((l) => font.widthOfTextAtSize(l, FONT_SIZE)));
  const boxWidth = PADDING + textWidth + PADDING + QR_SIZE + PADDING;
  const boxHeight = QR_SIZE + 2 * PADDING;
  const left = frame.width - EDGE - boxWidth;
  const bottom = EDGE;
  page.drawRectangle({
    ...frame.at(left, bottom),
    width: boxWidth,
    height: boxHeight,
    rotate: frame.rotate,
    color: rgb(1, 1, 1),
    opacity: 0.92,
    borderColor: rgb(0.35, 0.35, 0.35),
    borderWidth: 0.5,
  });
  // Lines centred vertically beside the QR code, first line on top.
  const lineHeight = FONT_SIZE + LINE_GAP;
  const blockTop = bottom + boxHeight / 2 + (lines.length * lineHeight) / 2;
  lines.forEach((line, i) => {
    page.drawText(line, {
      ...frame.at(left + PADDING, blockTop - (i + 1) * lineHeight + LINE_GAP),
      size: FONT_SIZE,
      font,
      rotate: frame.rotate,
      color: rgb(0.1, 0.1, 0.1),
    });
  });
  // drawSvgPath's origin is the path's top-left corner.
  page.drawSvgPath(qr.path, {
    ...frame.at(left + boxWidth - PADDING - QR_SIZE, bottom + PADDING + QR_SIZE),
    scale: QR_SIZE / qr.modules,
    rotate: frame.rotate,
    color: rgb(0, 0, 0),
  });
}

async function loadSource(source: Buffer): Promise<PDFDocument> {
  try {
    return await PDFDocument.load(new Uint8Array(source), { updateMetadata: false });
  } catch (error) {
    if (error instanceof EncryptedPDFError) throw new AppError('RESULT_SOURCE_UNREADABLE');
    throw new AppError('RESULT_SOURCE_UNREADABLE', { cause: error });
  }
}

/**
 * The issued result: a new PDF with the original pages (their content only: no scripts, forms or
 * open actions of the source document) or the image on an A4 page, and the verification stamp —
 * QR code and text — in the bottom-right corner of every page.
 */
export async function buildIssuedPdf(input: IssuedPdfInput): Promise<Buffer> {
  const out = await PDFDocument.create({ updateMetadata: false });
  out.registerFontkit(fontkit);
  if (input.mediaType === 'application/pdf') {
    const src = await loadSource(input.source);
    if (src.getPageCount() === 0) throw new AppError('RESULT_SOURCE_UNREADABLE');
    const pages = await out.copyPages(src, src.getPageIndices());
    for (const page of pages) out.addPage(page);
  } else {
    // A copy with its own ArrayBuffer: pdf-lib reads JPEGs through a DataView that ignores a
    // Buffer's offset into Node's shared pool.
    const bytes = new Uint8Array(input.source);
    const image =
      input.mediaType === 'image/png' ? await out.embedPng(bytes) : await out.embedJpg(bytes);
    const landscape = image.width > image.height;
    const pageWidth = landscape ? A4.height : A4.width;
    const pageHeight = landscape ? A4.width : A4.height;
    const page = out.addPage([pageWidth, pageHeight]);
    const boxW = pageWidth - 2 * IMAGE_MARGIN;
    const boxH = pageHeight - IMAGE_MARGIN - STAMP_BAND;
    const scale = Math.min(boxW / image.width, boxH / image.height);
    const w = image.width * scale;
    const h = image.height * scale;
    page.drawImage(image, {
      x: (pageWidth - w) / 2,
      y: STAMP_BAND + (boxH - h) / 2,
      width: w,
      height: h,
    });
  }
  const font = await out.embedFont(vietnameseFont(), { subset: true });
  const qr = qrPath(input.stamp.verifyUrl);
  for (const page of out.getPages()) drawStamp(page, font, qr, input.stamp);
  out.setTitle(input.title);
  out.setProducer('Chính quyền số');
  out.setCreator('Chính quyền số – kết quả điện tử');
  out.setCreationDate(input.issuedAt);
  out.setModificationDate(input.issuedAt);
  return Buffer.from(await out.save());
}
