import type { FastifyServerOptions } from 'fastify';

/**
 * Structured logs never carry citizen ID numbers, phone numbers, tokens or cookies (Personal Data
 * Protection Law 91/2025): known fields are redacted by path, and any 12-digit or phone-like number
 * left in a message string is masked.
 */
export const redactPaths = [
  'req.headers.cookie',
  'req.headers.authorization',
  'req.headers["x-csrf-token"]',
  'res.headers["set-cookie"]',
  '*.password',
  '*.totp',
  '*.token',
  '*.accessToken',
  '*.idToken',
  '*.citizenId',
  '*.citizen_id',
  '*.phone',
  '*.phone_number',
  '*.secret',
];

const citizenIdPattern = /\b\d{12}\b/g;
// A Vietnamese number: 0 or +84, then 9 digits, optionally grouped by spaces or dots; not part of
// a longer token such as a dossier code (H15.50.05.13-261008-0975).
const phonePattern = /(?<![\w.-])(?:\+84|0)(?:[ .]?\d){9}(?![\w-])/g;

export function maskPersonalNumbers(text: string): string {
  return text
    .replace(citizenIdPattern, (m) => `${m.slice(0, 3)}*******${m.slice(-2)}`)
    .replace(phonePattern, (m) => `${m.slice(0, 3)}****${m.slice(-3)}`);
}

export function loggerOptions(level: string): FastifyServerOptions['logger'] {
  return {
    level,
    redact: { paths: redactPaths, censor: '[redacted]' },
    serializers: {
      req(request: { method: string; url: string; id: string }) {
        // Query strings can carry ID numbers (tracking look-ups): mask them.
        return { method: request.method, url: maskPersonalNumbers(request.url), id: request.id };
      },
    },
    hooks: {
      logMethod(args, method) {
        const masked = args.map((a) => (typeof a === 'string' ? maskPersonalNumbers(a) : a));
        method.apply(this, masked as Parameters<typeof method>);
      },
    },
  };
}
