import { createHmac, timingSafeEqual } from 'node:crypto';

/** A confirmation older (or further in the future) than this is refused as a possible replay. */
export const SIGNATURE_TOLERANCE_SECONDS = 300;

function mac(secret: string, timestamp: number, rawBody: string): string {
  return createHmac('sha256', secret).update(`${timestamp}.${rawBody}`, 'utf8').digest('hex');
}

/** `X-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.rawBody">`, as the gateway sends it. */
export function signWebhook(secret: string, rawBody: string, at: Date): string {
  const timestamp = Math.floor(at.getTime() / 1000);
  return `t=${timestamp},v1=${mac(secret, timestamp, rawBody)}`;
}

/**
 * True only for a well-formed header whose timestamp is within the tolerance of `now` and whose
 * MAC over exactly these body bytes matches. The timestamp is inside the MAC, so it cannot be
 * moved forward on a captured request.
 */
export function verifyWebhookSignature(
  secret: string | null,
  rawBody: string,
  header: unknown,
  now: Date,
): boolean {
  if (!secret || typeof header !== 'string' || header.length > 300) return false;
  const parts = new Map<string, string[]>();
  for (const item of header.split(',')) {
    const eq = item.indexOf('=');
    if (eq <= 0) return false;
    const key = item.slice(0, eq).trim();
    parts.set(key, [...(parts.get(key) ?? []), item.slice(eq + 1).trim()]);
  }
  const t = parts.get('t');
  if (t?.length !== 1 || !/^\d{1,12}$/.test(t[0]!)) return false;
  const timestamp = Number(t[0]);
  if (Math.abs(now.getTime() / 1000 - timestamp) > SIGNATURE_TOLERANCE_SECONDS) return false;
  const expected = Buffer.from(mac(secret, timestamp, rawBody), 'hex');
  // Several v1 values let the gateway roll its secret; any one matching is enough.
  return (parts.get('v1') ?? []).some((candidate) => {
    if (!/^[0-9a-f]{64}$/i.test(candidate)) return false;
    return timingSafeEqual(Buffer.from(candidate, 'hex'), expected);
  });
}
