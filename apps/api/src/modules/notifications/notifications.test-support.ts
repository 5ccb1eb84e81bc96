import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import type { ProviderLogger } from './notifications.providers';

/** Test-only helpers: a local SMS/Zalo gateway and a local SMTP server. */

export const silentLogger: ProviderLogger = { info() {}, warn() {}, error() {} };

export interface GatewayRequest {
  headers: http.IncomingHttpHeaders;
  body: { messageId: string; to: string; text: string };
}

/**
 * An HTTP message gateway that answers with the planned statuses (then 200) and, like a real
 * idempotent gateway, delivers a given Idempotency-Key once however often it is retried.
 */
export async function startGateway() {
  const requests: GatewayRequest[] = [];
  const delivered = new Map<string, GatewayRequest>();
  const plan: number[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const request = {
        headers: req.headers,
        body: JSON.parse(Buffer.concat(chunks).toString('utf8')),
      } as GatewayRequest;
      requests.push(request);
      const status = plan.shift() ?? 200;
      const key = String(req.headers['idempotency-key']);
      if (status >= 200 && status < 300 && !delivered.has(key)) delivered.set(key, request);
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(status < 300 ? { id: `gw-${key}` } : { error: 'planned' }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/messages`,
    requests,
    delivered,
    /** The next responses' statuses, in order. */
    plan: (...statuses: number[]) => plan.push(...statuses),
    reset: () => {
      requests.length = 0;
      delivered.clear();
      plan.length = 0;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export interface ReceivedMail {
  envelopeTo: string[];
  parsed: ParsedMail;
}

/** A plain SMTP server on 127.0.0.1; recipients listed in `refuse` get a permanent 550. */
export async function startSmtp(options: { refuse?: string[] } = {}) {
  const received: ReceivedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (options.refuse?.includes(address.address)) {
        const error = new Error('mailbox unavailable') as Error & { responseCode: number };
        error.responseCode = 550;
        return callback(error);
      }
      callback();
    },
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((parsed) => {
          received.push({ envelopeTo: session.envelope.rcptTo.map((r) => r.address), parsed });
          callback();
        })
        .catch(callback);
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
