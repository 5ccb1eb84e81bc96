import { describe, expect, it } from 'vitest';
import { FileContentInvalidError, ImageDimensionsTooLargeError } from './files.errors';
import { inspectContent, sniffMediaType, stripJpeg, stripPng } from './files.inspect';
import { contentDisposition, fileExtension, sanitiseFileName } from './files.names';
import { exifGpsSegment, jpeg, pdfBytes, png, pngChunk } from './files.test-fixtures';

const segment = (marker: number, text: string) => {
  const payload = Buffer.from(text, 'latin1');
  const head = Buffer.from([0xff, marker, 0, 0]);
  head.writeUInt16BE(payload.length + 2, 2);
  return { name: `M${marker.toString(16)}`, bytes: Buffer.concat([head, payload]) };
};

describe('sanitiseFileName', () => {
  it.each([
    ['../../etc/passwd.pdf', 'passwd.pdf'],
    ['..\\..\\Windows\\system.ini.pdf', 'system.ini.pdf'],
    ['/etc/shadow.png', 'shadow.png'],
    ['C:\\Users\\An\\Ảnh CCCD.jpg', 'Ảnh CCCD.jpg'],
    ['a\u0000b\u001fc\u007f.pdf', 'abc.pdf'],
    ['hoa\u202Egpj.pdf', 'hoagpj.pdf'],
    ['  ...ẩn.pdf  ', 'ẩn.pdf'],
    ['bad<>:"|?*.pdf', 'bad_______.pdf'],
    ['', 'tep-dinh-kem'],
    ['../..', 'tep-dinh-kem'],
    ['.pdf', 'pdf'],
  ])('%j → %j', (raw, expected) => {
    expect(sanitiseFileName(raw)).toBe(expected);
  });

  it('normalises to NFC so "Hoà" typed as combining marks equals the precomposed name', () => {
    const decomposed = 'Ho\u0061\u0300.pdf';
    expect(sanitiseFileName(decomposed)).toBe('Hoà.pdf');
    expect(sanitiseFileName(decomposed).length).toBe('Hoà.pdf'.length);
  });

  it('keeps at most 120 characters and the extension', () => {
    const name = sanitiseFileName(`${'Giấy khai sinh '.repeat(20)}.pdf`);
    expect([...name].length).toBeLessThanOrEqual(120);
    expect(name.endsWith('.pdf')).toBe(true);
    expect(fileExtension(name)).toBe('pdf');
  });

  it('never cuts an astral character in half', () => {
    const name = sanitiseFileName(`${'😀'.repeat(200)}.png`);
    expect([...name].length).toBe(120);
    expect(name).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
  });
});

describe('contentDisposition', () => {
  it('is an attachment with an ASCII fallback and the exact UTF-8 name', () => {
    expect(contentDisposition('Tờ khai (bản 2).pdf')).toBe(
      `attachment; filename="To khai (ban 2).pdf"; filename*=UTF-8''T%E1%BB%9D%20khai%20%28b%E1%BA%A3n%202%29.pdf`,
    );
    expect(contentDisposition('a"b\\c.pdf')).toContain('filename="a_b_c.pdf"');
  });
});

describe('sniffMediaType', () => {
  it('decides by magic bytes only', () => {
    expect(sniffMediaType(pdfBytes())).toBe('application/pdf');
    expect(sniffMediaType(jpeg().bytes)).toBe('image/jpeg');
    expect(sniffMediaType(png().bytes)).toBe('image/png');
    expect(sniffMediaType(Buffer.from('GIF89a'))).toBeNull();
    expect(sniffMediaType(Buffer.from(' %PDF-1.4'))).toBeNull();
  });
});

describe('stripJpeg', () => {
  it('drops APP1, APP13, COM and unknown APPn, keeps JFIF, ICC and Adobe, and copies the rest', () => {
    const icc = segment(0xe2, 'ICC_PROFILE\0\u0001\u0001profile');
    const mpf = segment(0xe2, 'MPF\0data');
    const adobe = segment(0xee, 'Adobe\0d\0\0\0\0\u0001');
    const iptc = segment(0xed, 'Photoshop 3.0\u00008BIM');
    const xmp = segment(0xe1, 'http://ns.adobe.com/xap/1.0/\0<x:xmpmeta/>');
    const com = segment(0xfe, 'Nguyen Van A');
    const app5 = segment(0xe5, 'vendor');
    const exif = { name: 'APP1', bytes: exifGpsSegment() };
    const original = jpeg({ extra: [exif, icc, mpf, adobe, iptc, xmp, com, app5] });
    const { output, width, height } = stripJpeg(original.bytes);
    const dropped = [exif, mpf, iptc, xmp, com, app5];
    const expected = original.parts.filter((p) => !dropped.includes(p));
    expect(expected.length).toBe(original.parts.length - dropped.length);
    expect(output.equals(Buffer.concat(expected.map((p) => p.bytes)))).toBe(true);
    expect(output.includes(Buffer.from('ICC_PROFILE'))).toBe(true);
    expect(output.includes(Buffer.from('Adobe'))).toBe(true);
    for (const gone of ['Exif', 'MPF', 'Photoshop', 'xmpmeta', 'Nguyen', 'vendor']) {
      expect(output.includes(Buffer.from(gone)), gone).toBe(false);
    }
    expect({ width, height }).toEqual({ width: 16, height: 16 });
  });

  it('copies entropy data with stuffed bytes and restart markers verbatim', () => {
    const base = jpeg();
    const scan = Buffer.from([0x12, 0xff, 0x00, 0x34, 0xff, 0xd0, 0x56, 0xff, 0xff, 0x00, 0x3f]);
    const parts = base.parts.map((p) => (p.name === 'scan' ? { name: 'scan', bytes: scan } : p));
    const bytes = Buffer.concat(parts.map((p) => p.bytes));
    expect(stripJpeg(bytes).output.equals(bytes)).toBe(true);
  });

  it('drops a second image appended after the end marker', () => {
    const first = jpeg().bytes;
    const { output } = stripJpeg(Buffer.concat([first, jpeg({ width: 8, height: 8 }).bytes]));
    expect(output.equals(first)).toBe(true);
  });

  it('refuses truncated, frame-less and oversized images', () => {
    const bytes = jpeg().bytes;
    expect(() => stripJpeg(bytes.subarray(0, bytes.length - 5))).toThrow(FileContentInvalidError);
    const noFrame = Buffer.concat(
      jpeg()
        .parts.filter((p) => p.name !== 'SOF0')
        .map((p) => p.bytes),
    );
    expect(() => stripJpeg(noFrame)).toThrow(FileContentInvalidError);
    expect(() => stripJpeg(jpeg({ width: 12_001, height: 10 }).bytes)).toThrow(
      ImageDimensionsTooLargeError,
    );
    expect(() => stripJpeg(jpeg({ width: 8000, height: 8000 }).bytes)).toThrow(
      ImageDimensionsTooLargeError,
    );
    expect(stripJpeg(jpeg({ width: 12_000, height: 5000 }).bytes).width).toBe(12_000);
  });
});

describe('stripPng', () => {
  it('drops tEXt, iTXt, zTXt, eXIf, tIME and unknown ancillary chunks; keeps the rest', () => {
    const original = png({
      extra: [
        { type: 'tEXt', data: Buffer.from('Author\0A') },
        { type: 'iTXt', data: Buffer.from('GPS\0\0\0\0\0x') },
        { type: 'zTXt', data: Buffer.from('c\0\0x') },
        { type: 'eXIf', data: Buffer.from('MM\0*') },
        { type: 'tIME', data: Buffer.from([7, 234, 1, 1, 0, 0, 0]) },
        { type: 'prVt', data: Buffer.from('private') },
        { type: 'gAMA', data: Buffer.from([0, 0, 0xb1, 0x8f]) },
      ],
    });
    const { output, width, height } = stripPng(original.bytes);
    const kept = original.chunks.filter((c) => ['IHDR', 'gAMA', 'IDAT', 'IEND'].includes(c.type));
    expect(
      output.equals(Buffer.concat([original.bytes.subarray(0, 8), ...kept.map((c) => c.bytes)])),
    ).toBe(true);
    expect({ width, height }).toEqual({ width: 4, height: 3 });
  });

  it('refuses a bad CRC, a missing IHDR or IEND, unknown critical chunks and trailing data', () => {
    const good = png().bytes;
    const badCrc = Buffer.from(good);
    badCrc[good.length - 20] = (badCrc[good.length - 20] ?? 0) ^ 0xff;
    expect(() => stripPng(badCrc)).toThrow(FileContentInvalidError);
    expect(() => stripPng(good.subarray(0, good.length - 12))).toThrow(FileContentInvalidError);
    expect(() => stripPng(Buffer.concat([good, Buffer.from('PK')]))).toThrow(
      FileContentInvalidError,
    );
    const critical = png({ extra: [{ type: 'ABCD', data: Buffer.alloc(1) }] }).bytes;
    expect(() => stripPng(critical)).toThrow(FileContentInvalidError);
    const noIhdr = Buffer.concat([good.subarray(0, 8), pngChunk('IEND', Buffer.alloc(0))]);
    expect(() => stripPng(Buffer.concat([noIhdr, Buffer.alloc(40)]))).toThrow(
      FileContentInvalidError,
    );
  });

  it('refuses pixel bombs by their header alone', () => {
    expect(() => stripPng(png({ width: 13_000, height: 1 }).bytes)).toThrow(
      ImageDimensionsTooLargeError,
    );
  });
});

describe('inspectContent', () => {
  it('requires %%EOF near the end of a PDF', () => {
    expect(inspectContent('application/pdf', pdfBytes()).metadataStripped).toBe(false);
    expect(() => inspectContent('application/pdf', Buffer.from('%PDF-1.7\n1 0 obj'))).toThrow(
      FileContentInvalidError,
    );
  });
});
