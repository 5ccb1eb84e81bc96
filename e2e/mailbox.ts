import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/**
 * A real SMTP server for the end-to-end runs: the platform sends its notifications to it, and it
 * files each message as an .eml file, so tests (in other processes) can read what arrived.
 */
export async function startMailbox(dir: string) {
  fs.mkdirSync(dir, { recursive: true });
  let count = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        count += 1;
        fs.writeFileSync(
          path.join(dir, `${String(count).padStart(4, '0')}.eml`),
          Buffer.concat(chunks),
        );
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Every message received so far, oldest first. */
export async function readMailbox(dir: string): Promise<ParsedMail[]> {
  if (!fs.existsSync(dir)) return [];
  const files = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.eml'))
    .sort();
  return Promise.all(files.map((f) => simpleParser(fs.readFileSync(path.join(dir, f)))));
}

/** Waits (bounded) until a message to `to` whose subject matches arrives. */
export async function waitForMail(
  dir: string,
  to: string,
  subject: RegExp,
  timeoutMs = 20_000,
): Promise<ParsedMail> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const mails = await readMailbox(dir);
    const found = mails.find((m) => {
      const recipients = [m.to]
        .flat()
        .flatMap((a) => (a && 'value' in a ? a.value.map((v) => v.address) : []));
      return recipients.includes(to) && subject.test(m.subject ?? '');
    });
    if (found) return found;
    if (Date.now() > deadline)
      throw new Error(`no mail to ${to} matching ${subject} within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 250));
  }
}
