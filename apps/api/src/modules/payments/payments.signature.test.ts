import { describe, expect, it } from 'vitest';
import { signWebhook, verifyWebhookSignature } from './payments.signature';

const secret = 'gateway-shared-secret-0123456789abcdef';
const body = '{"reference":"CQS2345678923","amountVnd":10000}';
const at = new Date('2026-05-04T03:00:00Z');

describe('webhook signatures', () => {
  it('accepts its own signature within five minutes, either side', () => {
    const header = signWebhook(secret, body, at);
    expect(header).toMatch(/^t=1777863600,v1=[0-9a-f]{64}$/);
    expect(verifyWebhookSignature(secret, body, header, at)).toBe(true);
    expect(verifyWebhookSignature(secret, body, header, new Date(at.getTime() + 300_000))).toBe(
      true,
    );
    expect(verifyWebhookSignature(secret, body, header, new Date(at.getTime() + 301_000))).toBe(
      false,
    );
    expect(verifyWebhookSignature(secret, body, header, new Date(at.getTime() - 301_000))).toBe(
      false,
    );
  });

  it('refuses another body, another secret, a moved timestamp and malformed headers', () => {
    const header = signWebhook(secret, body, at);
    expect(verifyWebhookSignature(secret, `${body} `, header, at)).toBe(false);
    expect(verifyWebhookSignature(`${secret}x`, body, header, at)).toBe(false);
    const moved = header.replace('t=1777863600', 't=1777863660');
    expect(verifyWebhookSignature(secret, body, moved, at)).toBe(false);
    for (const bad of [undefined, '', 'v1=abc', 't=abc,v1=00', `t=1777863600`, 42]) {
      expect(verifyWebhookSignature(secret, body, bad, at)).toBe(false);
    }
  });

  it('accepts any one of several v1 values (secret rotation)', () => {
    const header = signWebhook(secret, body, at);
    const rotated = `${header},v1=${'0'.repeat(64)}`;
    expect(verifyWebhookSignature(secret, body, rotated, at)).toBe(true);
  });

  it('refuses everything when no secret is configured', () => {
    expect(verifyWebhookSignature(null, body, signWebhook(secret, body, at), at)).toBe(false);
  });
});
