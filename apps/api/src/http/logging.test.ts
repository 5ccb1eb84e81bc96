import { Writable } from 'node:stream';
import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { loggerOptions, maskPersonalNumbers } from './logging';

describe('log redaction', () => {
  it('masks citizen ID numbers and phone numbers in text', () => {
    expect(maskPersonalNumbers('CCCD 066090001234, ĐT 0905123456 hoặc +84905123456')).toBe(
      'CCCD 066*******34, ĐT 090****456 hoặc +84****456',
    );
    expect(maskPersonalNumbers('mã hồ sơ H15.50.05.13-261008-0975')).toBe(
      'mã hồ sơ H15.50.05.13-261008-0975',
    );
  });

  it('never writes cookies, tokens, ID numbers or phones to the log', async () => {
    const lines: string[] = [];
    const stream = new Writable({
      write(chunk, _enc, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const options = loggerOptions('info') as object;
    const server = Fastify({ logger: { ...options, stream } });
    server.post('/echo', async (request) => {
      request.log.info({ body: request.body }, 'received');
      request.log.info('tra cứu CCCD 066090001234 SĐT 0905123456');
      return { ok: true };
    });
    await server.inject({
      method: 'POST',
      url: '/echo?cccd=066090001234',
      headers: { cookie: 'cqs_sid=bi-mat-phien', authorization: 'Bearer bi-mat-token' },
      payload: { citizenId: '066090001234', phone: '0905123456', password: 'mat-khau', note: 'ok' },
    });
    await server.close();
    const log = lines.join('\n');
    expect(log).toContain('received');
    expect(log).not.toContain('066090001234');
    expect(log).not.toContain('0905123456');
    expect(log).not.toContain('bi-mat-phien');
    expect(log).not.toContain('bi-mat-token');
    expect(log).not.toContain('mat-khau');
  });
});
