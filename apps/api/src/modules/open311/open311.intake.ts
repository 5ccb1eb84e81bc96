import { foldVietnamese } from '@cqs/shared';
import { randomToken, sha256Hex } from '../../lib/tokens';
import { Open311Error } from './open311.errors';
import { list, type Open311Document, type Open311Object } from './open311.format';
import type { Open311Media, Open311Submission } from './open311.post';
import type { Open311Repository } from './open311.repository';
import { ANONYMOUS_ATTRIBUTE, serviceNotice } from './open311.service';

const MAX_DESCRIPTION = 4000;
const MAX_ADDRESS = 300;

/** A report checked against the spec's rules, ready for the feedback core. */
export interface Open311Report {
  clientId: string;
  /** Returned by tokens/{token} once the report is public. */
  token: string;
  categoryCode: string;
  description: string;
  lat: number | null;
  lng: number | null;
  communeCode: string | null;
  address: string | null;
  name: string | null;
  email: string | null;
  phone: string | null;
  anonymous: boolean;
  media: Open311Media | null;
}

/** The feedback core as Open311 needs it: file one report, say whether it is public yet. */
export type Open311FileReport = (
  report: Open311Report,
  requestId: string,
) => Promise<{ reference: string; visible: boolean }>;

function text(fields: Record<string, string>, name: string): string | null {
  const value = fields[name]?.trim();
  return value ? value : null;
}

function coordinate(name: string, value: string, min: number, max: number): number {
  if (!/^-?\d{1,3}(\.\d+)?$/.test(value))
    throw new Open311Error(400, `${name}: không phải số / not a number`);
  const n = Number(value);
  if (n < min || n > max)
    throw new Open311Error(400, `${name}: ngoài khoảng ${min}..${max} / out of range`);
  return n;
}

/**
 * `POST requests`: the API key first (403), then the spec's required arguments (400), then the
 * service (404); the feedback core then applies the same rules as the web form (place inside the
 * province, photo really an image…) and stores the report.
 */
export class Open311Intake {
  constructor(
    private readonly deps: { repository: Open311Repository; fileReport: Open311FileReport | null },
  ) {}

  async submit(submission: Open311Submission, requestId: string): Promise<Open311Document> {
    const { fields, attributes } = submission;
    const apiKey = text(fields, 'api_key');
    if (!apiKey) throw new Open311Error(403, 'api_key: thiếu khoá API / api_key is required');
    const client = await this.deps.repository.activeClientByKeyHash(sha256Hex(apiKey));
    if (!client) throw new Open311Error(403, 'api_key: khoá API không hợp lệ / invalid api_key');

    const serviceCode = text(fields, 'service_code');
    if (!serviceCode) throw new Open311Error(400, 'service_code: bắt buộc / is required');

    const description = text(fields, 'description');
    if (!description)
      throw new Open311Error(400, 'description: cần mô tả nội dung phản ánh / is required');
    if (description.length > MAX_DESCRIPTION) {
      throw new Open311Error(
        400,
        `description: tối đa ${MAX_DESCRIPTION} ký tự / at most ${MAX_DESCRIPTION} characters`,
      );
    }

    const latText = text(fields, 'lat');
    const longText = text(fields, 'long');
    if ((latText === null) !== (longText === null)) {
      throw new Open311Error(400, 'lat, long: phải gửi cả hai / both are required together');
    }
    const lat = latText === null ? null : coordinate('lat', latText, -90, 90);
    const lng = longText === null ? null : coordinate('long', longText, -180, 180);
    const address = text(fields, 'address_string');
    if (address && address.length > MAX_ADDRESS) {
      throw new Open311Error(
        400,
        `address_string: tối đa ${MAX_ADDRESS} ký tự / at most ${MAX_ADDRESS} characters`,
      );
    }
    const addressId = text(fields, 'address_id');
    if (lat === null && !address && !addressId) {
      throw new Open311Error(
        400,
        'lat/long, address_string hoặc address_id: cần vị trí / a location is required',
      );
    }
    let communeCode: string | null = null;
    if (addressId) {
      // address_id is the commune's code: the province's own address register.
      if (!(await this.deps.repository.communeExists(addressId))) {
        throw new Open311Error(
          400,
          `address_id ${addressId}: không phải mã xã, phường của tỉnh / not a commune code`,
        );
      }
      communeCode = addressId;
    } else if (lat === null && address) {
      communeCode = await this.communeNamedIn(address);
      if (!communeCode) {
        throw new Open311Error(
          400,
          'address_string: không nhận ra xã, phường trong địa chỉ; gửi lat/long hoặc address_id (mã xã) / name the commune, or send lat/long or address_id',
        );
      }
    }

    const anonymousValue = attributes[ANONYMOUS_ATTRIBUTE]?.trim() ?? '';
    if (!['', '0', '1'].includes(anonymousValue)) {
      throw new Open311Error(
        400,
        `attribute[${ANONYMOUS_ATTRIBUTE}]: chỉ nhận 0 hoặc 1 / must be 0 or 1`,
      );
    }
    const email = text(fields, 'email');
    if (email && (email.length > 254 || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email))) {
      throw new Open311Error(400, 'email: không đúng định dạng / not an e-mail address');
    }
    const phone = text(fields, 'phone');
    if (phone && !/^\+?[0-9 .()-]{8,20}$/.test(phone)) {
      throw new Open311Error(400, 'phone: không đúng định dạng / not a phone number');
    }
    // Vietnamese order: family name (last_name) first.
    const name = [text(fields, 'last_name'), text(fields, 'first_name')].filter(Boolean).join(' ');
    if (name.length > 200) throw new Open311Error(400, 'first_name, last_name: quá dài / too long');

    const [service] = await this.deps.repository.services(serviceCode);
    if (!service)
      throw new Open311Error(404, `service_code ${serviceCode}: không có lĩnh vực này / not found`);

    if (!this.deps.fileReport) {
      throw new Open311Error(
        400,
        'Hệ thống chưa nhận phản ánh qua Open311 / not accepting requests yet',
      );
    }
    const token = randomToken(18);
    const created = await this.deps.fileReport(
      {
        clientId: client.id,
        token,
        categoryCode: service.code,
        description,
        lat,
        lng,
        communeCode,
        address,
        name: name || null,
        email,
        phone,
        anonymous: anonymousValue === '1',
        media: submission.media,
      },
      requestId,
    );
    // A report held by the moderation check has no public id yet: the client gets a token and
    // asks tokens/{token} later (the spec's answer for ids not known at once).
    const receipt: Open311Object = created.visible
      ? { service_request_id: created.reference }
      : { token };
    return {
      root: 'service_requests',
      body: list('request', [
        { ...receipt, service_notice: serviceNotice(service.answer_days), account_id: null },
      ]),
    };
  }

  /**
   * The commune an address names: its full name ("Phường Buôn Ma Thuột") first, the longest one
   * winning; else its bare name ("Buôn Ma Thuột") when exactly one commune has it.
   */
  private async communeNamedIn(address: string): Promise<string | null> {
    const fold = (text: string) => ` ${foldVietnamese(text)} `;
    const folded = fold(address);
    const communes = await this.deps.repository.communes();
    const byFullName = communes
      .filter((c) => folded.includes(fold(c.full_name)))
      .sort((a, b) => b.full_name.length - a.full_name.length);
    if (byFullName[0]) return byFullName[0].code;
    const byName = communes.filter((c) => folded.includes(fold(c.name)));
    return byName.length === 1 ? (byName[0] as { code: string }).code : null;
  }
}
