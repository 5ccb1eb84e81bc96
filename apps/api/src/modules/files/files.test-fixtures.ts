import { deflateSync } from 'node:zlib';
import { crc32 } from './files.inspect';

/** Tiny, valid files built byte by byte, so every test knows exactly what it sends. */

export function pdfBytes(padTo = 0): Buffer {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 72 72] >>',
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(body.length);
    body += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  // Padding in a comment keeps the file valid while making it as large as a test needs.
  if (padTo > body.length) body += `%${'x'.repeat(padTo - body.length)}\n`;
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const off of offsets) body += `${String(off).padStart(10, '0')} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

function segment(marker: number, payload: Buffer): Buffer {
  const head = Buffer.alloc(4);
  head[0] = 0xff;
  head[1] = marker;
  head.writeUInt16BE(payload.length + 2, 2);
  return Buffer.concat([head, payload]);
}

/** An Exif APP1 segment whose IFD0 points at a GPS IFD (latitude 12°40'N, the Buôn Ma Thuột area). */
export function exifGpsSegment(): Buffer {
  const tiff = Buffer.alloc(80);
  tiff.write('MM', 0, 'latin1');
  tiff.writeUInt16BE(42, 2);
  tiff.writeUInt32BE(8, 4); // IFD0 at 8
  tiff.writeUInt16BE(1, 8); // one entry
  tiff.writeUInt16BE(0x8825, 10); // GPSInfo IFD pointer
  tiff.writeUInt16BE(4, 12); // LONG
  tiff.writeUInt32BE(1, 14);
  tiff.writeUInt32BE(26, 18); // GPS IFD at 26
  tiff.writeUInt32BE(0, 22); // no next IFD
  tiff.writeUInt16BE(2, 26); // GPS IFD: two entries
  tiff.writeUInt16BE(0x0001, 28); // GPSLatitudeRef
  tiff.writeUInt16BE(2, 30); // ASCII
  tiff.writeUInt32BE(2, 32);
  tiff.write('N\0', 36, 'latin1');
  tiff.writeUInt16BE(0x0002, 40); // GPSLatitude
  tiff.writeUInt16BE(5, 42); // RATIONAL
  tiff.writeUInt32BE(3, 44);
  tiff.writeUInt32BE(56, 48); // values at 56
  tiff.writeUInt32BE(0, 52); // no next IFD
  [12, 1, 40, 1, 0, 1].forEach((v, i) => {
    tiff.writeUInt32BE(v, 56 + i * 4);
  });
  return segment(0xe1, Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), tiff]));
}

export interface JpegParts {
  /** Every segment in order; `bytes` is their concatenation. */
  parts: { name: string; bytes: Buffer }[];
  bytes: Buffer;
}

/**
 * A baseline greyscale JPEG: one quantisation table, one-code Huffman tables, and blocks whose DC
 * difference and AC run are all zero (a flat grey image any decoder reads).
 */
export function jpeg(
  options: { width?: number; height?: number; extra?: { name: string; bytes: Buffer }[] } = {},
): JpegParts {
  const width = options.width ?? 16;
  const height = options.height ?? 16;
  const jfif = segment(
    0xe0,
    Buffer.from([0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0, 1, 0, 1, 0, 0]),
  );
  const dqt = segment(0xdb, Buffer.concat([Buffer.from([0x00]), Buffer.alloc(64, 1)]));
  const sofPayload = Buffer.alloc(9);
  sofPayload[0] = 8;
  sofPayload.writeUInt16BE(height, 1);
  sofPayload.writeUInt16BE(width, 3);
  sofPayload.set([1, 1, 0x11, 0], 5);
  const sof = segment(0xc0, sofPayload);
  const table = (cls: number) =>
    segment(
      0xc4,
      Buffer.concat([
        Buffer.from([cls << 4]),
        Buffer.from([1, ...Array(15).fill(0)]),
        Buffer.from([0]),
      ]),
    );
  const sos = segment(0xda, Buffer.from([1, 1, 0x00, 0, 63, 0]));
  // Two bits ("0" DC, "0" EOB) per 8×8 block, padded with ones.
  const blocks = Math.ceil(width / 8) * Math.ceil(height / 8);
  // Headers of huge images are what the tests need; their scan data is capped.
  const written = Math.min(blocks, 4096) * 2;
  const bits = '0'.repeat(written).padEnd(Math.ceil(written / 8) * 8, '1');
  const data = Buffer.from(bits.match(/.{8}/g)!.map((b) => Number.parseInt(b, 2)));
  const parts = [
    { name: 'SOI', bytes: Buffer.from([0xff, 0xd8]) },
    { name: 'APP0', bytes: jfif },
    ...(options.extra ?? []),
    { name: 'DQT', bytes: dqt },
    { name: 'SOF0', bytes: sof },
    { name: 'DHT-DC', bytes: table(0) },
    { name: 'DHT-AC', bytes: table(1) },
    { name: 'SOS', bytes: sos },
    { name: 'scan', bytes: data },
    { name: 'EOI', bytes: Buffer.from([0xff, 0xd9]) },
  ];
  return { parts, bytes: Buffer.concat(parts.map((p) => p.bytes)) };
}

export function pngChunk(type: string, data: Buffer): Buffer {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'latin1');
  data.copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

export interface PngParts {
  chunks: { type: string; bytes: Buffer }[];
  bytes: Buffer;
}

/** An 8-bit greyscale PNG; `extra` chunks go between IHDR and IDAT. */
export function png(
  options: { width?: number; height?: number; extra?: { type: string; data: Buffer }[] } = {},
): PngParts {
  const width = options.width ?? 4;
  const height = options.height ?? 3;
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 0, 0, 0, 0], 8);
  // Raw rows (filter byte 0 + pixels), only for sizes small enough to build.
  const rows = width * height <= 1_000_000 ? height : 1;
  const raw = Buffer.alloc(rows * (Math.min(width, 1000) + 1), 0x80);
  const chunks = [
    { type: 'IHDR', bytes: pngChunk('IHDR', ihdr) },
    ...(options.extra ?? []).map((c) => ({ type: c.type, bytes: pngChunk(c.type, c.data) })),
    { type: 'IDAT', bytes: pngChunk('IDAT', deflateSync(raw)) },
    { type: 'IEND', bytes: pngChunk('IEND', Buffer.alloc(0)) },
  ];
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return { chunks, bytes: Buffer.concat([signature, ...chunks.map((c) => c.bytes)]) };
}

export interface MultipartPart {
  name: string;
  value?: string;
  filename?: string;
  contentType?: string;
  data?: Buffer;
}

/** A multipart/form-data body as a browser would send it. */
export function multipart(parts: MultipartPart[]): {
  payload: Buffer;
  headers: Record<string, string>;
} {
  const boundary = '----cqsTestBoundary7MA4YWxkTrZu0gW';
  const chunks: Buffer[] = [];
  for (const p of parts) {
    let head = `--${boundary}\r\nContent-Disposition: form-data; name="${p.name}"`;
    if (p.filename !== undefined) head += `; filename="${p.filename}"`;
    head += '\r\n';
    if (p.contentType) head += `Content-Type: ${p.contentType}\r\n`;
    chunks.push(Buffer.from(`${head}\r\n`, 'utf8'));
    chunks.push(p.data ?? Buffer.from(p.value ?? '', 'utf8'));
    chunks.push(Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return {
    payload: Buffer.concat(chunks),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}
