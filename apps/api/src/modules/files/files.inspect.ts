import type { FileMediaType } from '@cqs/shared';
import { FileContentInvalidError, ImageDimensionsTooLargeError } from './files.errors';

/** Pixel-bomb limits: a decoder asked for more than this would need gigabytes of memory. */
export const MAX_IMAGE_SIDE = 12_000;
export const MAX_IMAGE_PIXELS = 60_000_000;

export interface InspectedFile {
  mediaType: FileMediaType;
  /** The bytes to store: the input itself, or a copy with metadata removed (images). */
  bytes: Buffer;
  width: number | null;
  height: number | null;
  /** True when the bytes went through metadata removal (every JPEG and PNG). */
  metadataStripped: boolean;
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const PDF_MAGIC = Buffer.from('%PDF-', 'latin1');

/** The type the content itself says it is; the declared type and the extension only have to agree. */
export function sniffMediaType(head: Buffer): FileMediaType | null {
  if (head.subarray(0, 5).equals(PDF_MAGIC)) return 'application/pdf';
  if (head.length >= 3 && head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) {
    return 'image/jpeg';
  }
  if (head.subarray(0, 8).equals(PNG_SIGNATURE)) return 'image/png';
  return null;
}

/** Validates the structure of a file whose type was sniffed, and strips image metadata. */
export function inspectContent(mediaType: FileMediaType, bytes: Buffer): InspectedFile {
  switch (mediaType) {
    case 'application/pdf':
      checkPdf(bytes);
      return { mediaType, bytes, width: null, height: null, metadataStripped: false };
    case 'image/jpeg': {
      const { output, width, height } = stripJpeg(bytes);
      return { mediaType, bytes: output, width, height, metadataStripped: true };
    }
    case 'image/png': {
      const { output, width, height } = stripPng(bytes);
      return { mediaType, bytes: output, width, height, metadataStripped: true };
    }
  }
}

function checkPdf(bytes: Buffer): void {
  // Readers accept the end-of-file marker within the last 1024 bytes; a file without it is
  // truncated or something else wearing a PDF header.
  const tail = bytes.subarray(Math.max(0, bytes.length - 1024)).toString('latin1');
  if (!bytes.subarray(0, 5).equals(PDF_MAGIC) || !tail.includes('%%EOF')) {
    throw new FileContentInvalidError();
  }
}

function checkDimensions(width: number, height: number): void {
  if (width < 1 || height < 1) throw new FileContentInvalidError();
  if (width > MAX_IMAGE_SIDE || height > MAX_IMAGE_SIDE || width * height > MAX_IMAGE_PIXELS) {
    throw new ImageDimensionsTooLargeError(width, height);
  }
}

const SOF_MARKERS = new Set([
  0xc0, 0xc1, 0xc2, 0xc3, 0xc5, 0xc6, 0xc7, 0xc9, 0xca, 0xcb, 0xcd, 0xce, 0xcf,
]);

function startsWith(buf: Buffer, offset: number, text: string): boolean {
  return buf.subarray(offset, offset + text.length).toString('latin1') === text;
}

/**
 * Keeps what a decoder needs and nothing that describes the person or the place: APP1 (Exif with
 * GPS, XMP), APP13 (IPTC/Photoshop), COM and every other APPn go; APP0 (JFIF), APP2 ICC profiles
 * and APP14 (Adobe colour transform) stay. Kept segments and the entropy-coded data are copied
 * byte for byte. Anything after the first end-of-image marker (appended archives, MPF secondary
 * images) is dropped, so the stored bytes are one image and nothing else.
 */
export function stripJpeg(input: Buffer): { output: Buffer; width: number; height: number } {
  const n = input.length;
  if (n < 4 || input[0] !== 0xff || input[1] !== 0xd8 || input[2] !== 0xff) {
    throw new FileContentInvalidError();
  }
  if (input[n - 2] !== 0xff || input[n - 1] !== 0xd9) throw new FileContentInvalidError();
  const kept: Buffer[] = [input.subarray(0, 2)];
  let pos = 2;
  let frame: { width: number; height: number } | null = null;
  let scans = 0;
  for (;;) {
    if (pos >= n || input[pos] !== 0xff) throw new FileContentInvalidError();
    while (pos < n && input[pos] === 0xff) pos += 1; // fill bytes before a marker
    if (pos >= n) throw new FileContentInvalidError();
    const marker = input[pos]!;
    const segmentStart = pos - 1;
    pos += 1;
    if (marker === 0xd9) {
      kept.push(input.subarray(segmentStart, pos));
      break;
    }
    // Stand-alone markers have no business outside a scan; a second SOI means a concatenation.
    if (
      marker === 0xd8 ||
      marker === 0x00 ||
      marker === 0x01 ||
      (marker >= 0xd0 && marker <= 0xd7)
    ) {
      throw new FileContentInvalidError();
    }
    if (pos + 2 > n) throw new FileContentInvalidError();
    const length = input.readUInt16BE(pos);
    const end = pos + length;
    if (length < 2 || end > n) throw new FileContentInvalidError();
    const payload = pos + 2;
    if (SOF_MARKERS.has(marker)) {
      if (frame || length < 8) throw new FileContentInvalidError();
      frame = { height: input.readUInt16BE(payload + 1), width: input.readUInt16BE(payload + 3) };
      checkDimensions(frame.width, frame.height);
    }
    if (keepJpegSegment(marker, input, payload)) kept.push(input.subarray(segmentStart, end));
    pos = end;
    if (marker === 0xda) {
      if (!frame) throw new FileContentInvalidError();
      scans += 1;
      const dataEnd = entropyDataEnd(input, pos);
      kept.push(input.subarray(pos, dataEnd));
      pos = dataEnd;
    }
  }
  if (!frame || scans === 0) throw new FileContentInvalidError();
  return { output: Buffer.concat(kept), width: frame.width, height: frame.height };
}

function keepJpegSegment(marker: number, input: Buffer, payload: number): boolean {
  if (marker === 0xfe) return false; // COM
  if (marker < 0xe0 || marker > 0xef) return true; // tables, frame, scan headers, restart interval
  if (marker === 0xe0)
    return startsWith(input, payload, 'JFIF\0') || startsWith(input, payload, 'JFXX\0');
  if (marker === 0xe2) return startsWith(input, payload, 'ICC_PROFILE\0');
  if (marker === 0xee) return startsWith(input, payload, 'Adobe');
  return false; // APP1 Exif/XMP, APP13 IPTC, and every other application segment
}

/** Entropy-coded data runs until a marker that is neither a stuffed 0xFF00 nor a restart. */
function entropyDataEnd(input: Buffer, start: number): number {
  let i = start;
  for (;;) {
    i = input.indexOf(0xff, i);
    if (i < 0 || i + 1 >= input.length) throw new FileContentInvalidError();
    const next = input[i + 1]!;
    if (next === 0x00 || (next >= 0xd0 && next <= 0xd7)) {
      i += 2;
      continue;
    }
    if (next === 0xff) {
      // Fill bytes: the marker starts at the last 0xFF of the run.
      i += 1;
      continue;
    }
    return i;
  }
}

const PNG_DROPPED_CHUNKS = new Set(['tEXt', 'iTXt', 'zTXt', 'eXIf', 'tIME']);
const PNG_CRITICAL_CHUNKS = new Set(['IHDR', 'PLTE', 'IDAT', 'IEND']);
/** Ancillary chunks that affect rendering (colour, transparency, animation); all others go. */
const PNG_KEPT_ANCILLARY = new Set([
  'tRNS',
  'cHRM',
  'gAMA',
  'iCCP',
  'sBIT',
  'sRGB',
  'cICP',
  'mDCv',
  'cLLi',
  'bKGD',
  'hIST',
  'pHYs',
  'sPLT',
  'acTL',
  'fcTL',
  'fdAT',
]);

/**
 * Checks signature, IHDR first, chunk CRCs and IEND last (nothing may follow it: that is where a
 * polyglot hides its second format), and drops text, Exif and time chunks plus any unknown
 * ancillary chunk. Kept chunks are copied byte for byte.
 */
export function stripPng(input: Buffer): { output: Buffer; width: number; height: number } {
  const n = input.length;
  if (n < 8 + 25 + 12 || !input.subarray(0, 8).equals(PNG_SIGNATURE)) {
    throw new FileContentInvalidError();
  }
  const kept: Buffer[] = [input.subarray(0, 8)];
  let pos = 8;
  let size: { width: number; height: number } | null = null;
  let sawData = false;
  for (;;) {
    if (pos + 12 > n) throw new FileContentInvalidError();
    const length = input.readUInt32BE(pos);
    const type = input.subarray(pos + 4, pos + 8).toString('latin1');
    const end = pos + 12 + length;
    if (length > 0x7fffffff || end > n || !/^[A-Za-z]{4}$/.test(type)) {
      throw new FileContentInvalidError();
    }
    const crc = input.readUInt32BE(pos + 8 + length);
    if (crc32(input.subarray(pos + 4, pos + 8 + length)) !== crc) {
      throw new FileContentInvalidError();
    }
    if (!size && type !== 'IHDR') throw new FileContentInvalidError();
    if (type === 'IHDR') {
      if (size || length !== 13) throw new FileContentInvalidError();
      size = { width: input.readUInt32BE(pos + 8), height: input.readUInt32BE(pos + 12) };
      checkDimensions(size.width, size.height);
    } else if (type === 'IDAT') {
      sawData = true;
    }
    const critical = type.charCodeAt(0) < 0x61;
    if (critical && !PNG_CRITICAL_CHUNKS.has(type)) throw new FileContentInvalidError();
    if (critical || (PNG_KEPT_ANCILLARY.has(type) && !PNG_DROPPED_CHUNKS.has(type))) {
      kept.push(input.subarray(pos, end));
    }
    pos = end;
    if (type === 'IEND') {
      if (length !== 0 || pos !== n || !sawData) throw new FileContentInvalidError();
      break;
    }
  }
  if (!size) throw new FileContentInvalidError();
  return { output: Buffer.concat(kept), width: size.width, height: size.height };
}

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let i = 0; i < 256; i += 1) {
    let c = i;
    for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[i] = c >>> 0;
  }
  return table;
})();

/** CRC-32 as PNG defines it (ISO 3309); also used by the tests to build chunks. */
export function crc32(data: Buffer): number {
  let c = 0xffffffff;
  for (const byte of data) c = CRC_TABLE[(c ^ byte) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
