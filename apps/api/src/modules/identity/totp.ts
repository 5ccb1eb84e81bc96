import { createHash } from 'node:crypto';
import { Secret, TOTP } from 'otpauth';

const PERIOD_SECONDS = 30;

export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

function totpFor(secretBase32: string, label = 'officer'): TOTP {
  return new TOTP({
    issuer: 'Chinh quyen so',
    label,
    algorithm: 'SHA1',
    digits: 6,
    period: PERIOD_SECONDS,
    secret: Secret.fromBase32(secretBase32),
  });
}

export function totpUri(secretBase32: string, label: string): string {
  return totpFor(secretBase32, label).toString();
}

export function totpCode(secretBase32: string, at: Date): string {
  return totpFor(secretBase32).generate({ timestamp: at.getTime() });
}

/**
 * Checks a code with one step of clock drift either way and returns the time step it belongs
 * to (so the caller can refuse a step that was already used), or null when it is wrong.
 */
export function matchTotpStep(secretBase32: string, token: string, at: Date): number | null {
  const delta = totpFor(secretBase32).validate({ token, timestamp: at.getTime(), window: 1 });
  if (delta === null) return null;
  return Math.floor(at.getTime() / 1000 / PERIOD_SECONDS) + delta;
}

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/**
 * Demo accounts' TOTP secrets are derived from the username so that anyone running the demo can
 * compute the codes (`npm run demo:totp -- <username>`). Demo accounts exist only in demo mode.
 */
export function demoTotpSecret(username: string): string {
  const bytes = createHash('sha256').update(`cqs-demo-totp:${username}`).digest().subarray(0, 20);
  let bits = '';
  for (const b of bytes) bits += b.toString(2).padStart(8, '0');
  let out = '';
  for (let i = 0; i + 5 <= bits.length; i += 5)
    out += BASE32[Number.parseInt(bits.slice(i, i + 5), 2)];
  return out;
}
