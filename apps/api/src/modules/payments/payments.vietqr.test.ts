import { describe, expect, it } from 'vitest';
import { buildVietQrPayload, crc16Ccitt, hasValidCrc, parseTlv } from './payments.vietqr';

describe('crc16Ccitt', () => {
  it('gives the CRC-16/CCITT-FALSE check value for "123456789"', () => {
    expect(crc16Ccitt('123456789')).toBe('29B1');
  });
});

describe('buildVietQrPayload against published examples', () => {
  it('checks the NAPAS v1.5.2 specification example "static QR to account"', () => {
    // NAPAS VietQR specification v1.5.2 ("QR chuyển nhanh NAPAS 247"), sample "Immutable QR for
    // Account": Sacombank BIN 970403, account 0011012345678; reproduced verbatim in the test suites
    // of several open-source VietQR encoders. Its CRC is right, but its account sub-field says
    // length "12" for a 13-digit account (the enclosing lengths 27 and 57 count 13): a typo in the
    // sample. A correct encoder writes "13", which changes the CRC to 9E6F.
    const published =
      '00020101021138570010A00000072701270006970403011200110123456780208QRIBFTTA53037045802VN6304F4E5';
    expect(hasValidCrc(published)).toBe(true);
    const built = buildVietQrPayload({ bankBin: '970403', accountNumber: '0011012345678' });
    expect(built).toBe(
      published.replace('01120011012345678', '01130011012345678').replace(/F4E5$/, '9E6F'),
    );
    expect(hasValidCrc(built)).toBe(true);
  });

  it('reproduces the README example of xuannghia/vietnam-qr-pay (amount and purpose)', () => {
    // github.com/xuannghia/vietnam-qr-pay, README "Decode → VietQR": ACB (970416), account
    // 257678859, 1,000 đồng, purpose "Chuyen tien"; that library reads it as a valid VietQR.
    const published =
      '00020101021238530010A0000007270123000697041601092576788590208QRIBFTTA5303704540410005802VN62150811Chuyen tien6304BBB8';
    expect(
      buildVietQrPayload({
        bankBin: '970416',
        accountNumber: '257678859',
        amountVnd: 1000,
        purpose: 'Chuyen tien',
      }),
    ).toBe(published);
  });

  it('builds a dynamic payment code with every field where the profile puts it', () => {
    const payload = buildVietQrPayload({
      bankBin: '970405',
      accountNumber: 'DEMO24133',
      amountVnd: 10000,
      purpose: 'CQS23456789AB',
    });
    const root = parseTlv(payload);
    expect([...root.keys()]).toEqual(['00', '01', '38', '53', '54', '58', '62', '63']);
    expect(root.get('00')).toBe('01');
    expect(root.get('01')).toBe('12');
    const merchant = parseTlv(root.get('38')!);
    expect(merchant.get('00')).toBe('A000000727');
    expect(merchant.get('02')).toBe('QRIBFTTA');
    const beneficiary = parseTlv(merchant.get('01')!);
    expect(beneficiary.get('00')).toBe('970405');
    expect(beneficiary.get('01')).toBe('DEMO24133');
    expect(root.get('53')).toBe('704');
    expect(root.get('54')).toBe('10000');
    expect(root.get('58')).toBe('VN');
    expect(parseTlv(root.get('62')!).get('08')).toBe('CQS23456789AB');
    expect(hasValidCrc(payload)).toBe(true);
    // The CRC covers its own "6304": computing it without them gives another value.
    expect(crc16Ccitt(payload.slice(0, -8))).not.toBe(payload.slice(-4));
    // One changed digit is detected.
    expect(hasValidCrc(payload.replace('5405100005', '5405100009'))).toBe(false);
  });

  it('refuses values a bank would reject', () => {
    expect(() => buildVietQrPayload({ bankBin: '97040', accountNumber: '1' })).toThrow();
    expect(() => buildVietQrPayload({ bankBin: '970405', accountNumber: 'abc' })).toThrow();
    expect(() =>
      buildVietQrPayload({ bankBin: '970405', accountNumber: '1', amountVnd: 10.5 }),
    ).toThrow();
    expect(() =>
      buildVietQrPayload({ bankBin: '970405', accountNumber: '1', purpose: 'Lệ phí' }),
    ).toThrow();
  });
});
