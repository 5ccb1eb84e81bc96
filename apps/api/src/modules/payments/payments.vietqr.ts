/**
 * VietQR payloads: EMVCo Merchant-Presented Mode QR as profiled by NAPAS for 24/7 interbank
 * transfers ("QR chuyển nhanh NAPAS 247", specification v1.5.2). Every data object is
 * ID (2 digits) ‖ length (2 digits) ‖ value; the last one is the CRC over everything before it,
 * including its own "6304".
 */

/** NAPAS's globally unique identifier (field 38, sub-field 00). */
export const NAPAS_GUID = 'A000000727';
/** Service code: transfer to an account (QRIBFTTC would be to a card number). */
export const SERVICE_TO_ACCOUNT = 'QRIBFTTA';
/** ISO 4217 numeric code of the Vietnamese đồng. */
const CURRENCY_VND = '704';

export interface VietQrInput {
  bankBin: string;
  accountNumber: string;
  /** Whole đồng; omitted on a static code, where the payer types the amount. */
  amountVnd?: number;
  /** Field 62/08, the transfer note the bank carries to the beneficiary. */
  purpose?: string;
  /** Dynamic ("12") for one payment of a fixed amount; static ("11") for a reusable code. */
  initiation?: 'static' | 'dynamic';
}

function tlv(id: string, value: string): string {
  if (value.length > 99) throw new Error(`EMVCo field ${id} is longer than 99 characters`);
  return `${id}${String(value.length).padStart(2, '0')}${value}`;
}

/** CRC-16/CCITT-FALSE (polynomial 0x1021, initial value 0xFFFF), as EMVCo field 63 requires. */
export function crc16Ccitt(data: string): string {
  let crc = 0xffff;
  for (const byte of Buffer.from(data, 'utf8')) {
    crc ^= byte << 8;
    for (let bit = 0; bit < 8; bit++) {
      crc = crc & 0x8000 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff;
    }
  }
  return crc.toString(16).toUpperCase().padStart(4, '0');
}

// Transfer notes travel through every bank's core system: plain ASCII letters, digits and spaces.
const PURPOSE = /^[A-Za-z0-9 ]{1,25}$/;

export function buildVietQrPayload(input: VietQrInput): string {
  if (!/^\d{6}$/.test(input.bankBin)) throw new Error('bank BIN must be 6 digits');
  if (!/^[0-9A-Z]{1,19}$/.test(input.accountNumber)) throw new Error('invalid account number');
  if (
    input.amountVnd !== undefined &&
    !(Number.isSafeInteger(input.amountVnd) && input.amountVnd > 0)
  )
    throw new Error('amount must be a positive whole number of đồng');
  if (input.purpose !== undefined && !PURPOSE.test(input.purpose))
    throw new Error('purpose must be 1–25 ASCII letters, digits or spaces');

  const initiation = input.initiation ?? (input.amountVnd !== undefined ? 'dynamic' : 'static');
  const beneficiary = tlv('00', input.bankBin) + tlv('01', input.accountNumber);
  const merchantAccount =
    tlv('00', NAPAS_GUID) + tlv('01', beneficiary) + tlv('02', SERVICE_TO_ACCOUNT);
  const body =
    tlv('00', '01') +
    tlv('01', initiation === 'dynamic' ? '12' : '11') +
    tlv('38', merchantAccount) +
    tlv('53', CURRENCY_VND) +
    (input.amountVnd !== undefined ? tlv('54', String(input.amountVnd)) : '') +
    tlv('58', 'VN') +
    (input.purpose !== undefined ? tlv('62', tlv('08', input.purpose)) : '') +
    '6304';
  return body + crc16Ccitt(body);
}

/** Splits a TLV string into its data objects (used to check payloads, not to trust them). */
export function parseTlv(data: string): Map<string, string> {
  const out = new Map<string, string>();
  let i = 0;
  while (i < data.length) {
    const id = data.slice(i, i + 2);
    const length = Number.parseInt(data.slice(i + 2, i + 4), 10);
    if (!/^\d{2}$/.test(id) || !Number.isInteger(length) || i + 4 + length > data.length)
      throw new Error(`malformed TLV at ${i}`);
    out.set(id, data.slice(i + 4, i + 4 + length));
    i += 4 + length;
  }
  return out;
}

/** True when the payload's field 63 matches the CRC of everything before it. */
export function hasValidCrc(payload: string): boolean {
  return (
    payload.length > 8 &&
    payload.slice(-8, -4) === '6304' &&
    crc16Ccitt(payload.slice(0, -4)) === payload.slice(-4)
  );
}
