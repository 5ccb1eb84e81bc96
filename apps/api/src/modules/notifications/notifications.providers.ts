import nodemailer, { type Transporter } from 'nodemailer';
import { maskPersonalNumbers } from '../../http/logging';
import type { NotificationChannel } from './notifications.tables';

/** One message as handed to a provider; `id` is the outbox id and the idempotency key. */
export interface OutgoingMessage {
  id: string;
  channel: NotificationChannel;
  to: string;
  template: string;
  subject: string;
  /** E-mail: the plain-text body; SMS/Zalo: the short text. */
  text: string;
  html?: string;
}

export interface SendOutcome {
  providerMessageId: string | null;
}

/**
 * Thrown by a provider when retrying cannot help (the address is refused, the request is invalid).
 * Any other error is treated as transient and retried with back-off. Messages are technical
 * (status codes, error classes) and never carry the recipient or the text.
 */
export class PermanentSendError extends Error {
  override name = 'PermanentSendError';
}

export interface NotificationProvider {
  readonly name: string;
  send(message: OutgoingMessage): Promise<SendOutcome>;
}

export interface ProviderLogger {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

const SEND_TIMEOUT_MS = 15_000;

/** SMTP through nodemailer. The Message-ID derives from the outbox id, so a resend is recognisable. */
export class SmtpEmailProvider implements NotificationProvider {
  readonly name = 'smtp';
  private readonly transport: Transporter;
  private readonly messageIdDomain: string;
  private readonly from: string;

  constructor(options: { url: string; from: string }) {
    this.transport = nodemailer.createTransport({
      url: options.url,
      connectionTimeout: SEND_TIMEOUT_MS,
      greetingTimeout: SEND_TIMEOUT_MS,
      socketTimeout: SEND_TIMEOUT_MS,
    });
    this.from = options.from;
    this.messageIdDomain = /@([^>\s]+)>?\s*$/.exec(options.from)?.[1] ?? 'localhost';
  }

  messageIdFor(outboxId: string): string {
    return `<${outboxId}@${this.messageIdDomain}>`;
  }

  async send(message: OutgoingMessage): Promise<SendOutcome> {
    try {
      const info = await this.transport.sendMail({
        from: this.from,
        to: message.to,
        subject: message.subject,
        text: message.text,
        ...(message.html ? { html: message.html } : {}),
        messageId: this.messageIdFor(message.id),
        headers: { 'Auto-Submitted': 'auto-generated' },
      });
      return { providerMessageId: String(info.messageId ?? this.messageIdFor(message.id)) };
    } catch (error) {
      throw classifySmtpError(error);
    }
  }

  close(): void {
    this.transport.close();
  }
}

/** SMTP replies may quote the address: keep only the code and nodemailer's error class. */
function classifySmtpError(error: unknown): Error {
  const e = error as { code?: string; responseCode?: number };
  const summary = `smtp ${e.code ?? 'error'}${e.responseCode ? ` ${e.responseCode}` : ''}`;
  // 5xx to a message or its envelope is final; connection, timeout and 4xx replies are retried.
  // A rejected login (EAUTH) is a configuration fault: retried, so nothing is lost once fixed.
  if (e.responseCode && e.responseCode >= 500 && e.code !== 'EAUTH') {
    return new PermanentSendError(summary);
  }
  return new Error(summary);
}

/**
 * An SMS or Zalo OA gateway over HTTP: POST JSON `{ messageId, to, text }` with a bearer token
 * and `Idempotency-Key: <outbox id>`, so a gateway that honours the key sends a retried request
 * once. 2xx = sent; 429, 408 and 5xx = retry; any other 4xx = permanent failure.
 */
export class HttpMessageProvider implements NotificationProvider {
  constructor(
    readonly name: string,
    private readonly options: { url: string; token: string | undefined },
  ) {}

  async send(message: OutgoingMessage): Promise<SendOutcome> {
    let response: Response;
    try {
      response = await fetch(this.options.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json; charset=utf-8',
          'idempotency-key': message.id,
          ...(this.options.token ? { authorization: `Bearer ${this.options.token}` } : {}),
        },
        body: JSON.stringify({ messageId: message.id, to: message.to, text: message.text }),
        signal: AbortSignal.timeout(SEND_TIMEOUT_MS),
      });
    } catch (error) {
      const name = error instanceof Error ? error.name : 'error';
      throw new Error(`${this.name} network ${name}`);
    }
    const status = response.status;
    if (status >= 200 && status < 300) {
      const body = (await response.json().catch(() => null)) as Record<string, unknown> | null;
      const id = body?.id ?? body?.messageId;
      return {
        providerMessageId: typeof id === 'string' || typeof id === 'number' ? String(id) : null,
      };
    }
    await response.body?.cancel().catch(() => {});
    const summary = `${this.name} http ${status}`;
    if (status >= 400 && status < 500 && status !== 429 && status !== 408) {
      throw new PermanentSendError(summary);
    }
    throw new Error(summary);
  }
}

export function maskRecipient(to: string): string {
  const at = to.indexOf('@');
  if (at > 0) return `${to.slice(0, 1)}***${to.slice(at)}`;
  return maskPersonalNumbers(to.replace(/^\+84/, '0'));
}

/**
 * Demo mode without a configured gateway: "sends" by writing one log line with the recipient
 * masked and no message body (names and dossier details are personal data), so the whole flow
 * can be watched on a laptop.
 */
export class LogProvider implements NotificationProvider {
  readonly name = 'log';
  constructor(private readonly logger: ProviderLogger) {}

  async send(message: OutgoingMessage): Promise<SendOutcome> {
    this.logger.info(
      {
        outboxId: message.id,
        channel: message.channel,
        template: message.template,
        to: maskRecipient(message.to),
      },
      'notification (demo log provider, not delivered)',
    );
    return { providerMessageId: `log:${message.id}` };
  }
}

export interface NotificationsConfig {
  smtpUrl: string | undefined;
  mailFrom: string;
  sms: { url: string | undefined; token: string | undefined };
  zalo: { url: string | undefined; token: string | undefined };
  pollMs: number;
}

export type ProviderSet = Partial<Record<NotificationChannel, NotificationProvider>>;

/**
 * Providers by channel, from configuration. A channel without a gateway uses the log provider in
 * demo mode; in production it has no provider at all, so its messages stay 'pending' (a warning
 * says so at start) and go out once the gateway is configured: nothing is dropped or faked.
 */
export function createProviders(
  config: NotificationsConfig,
  mode: 'demo' | 'production',
  logger: ProviderLogger,
): ProviderSet {
  const providers: ProviderSet = {};
  const fallback = mode === 'demo' ? new LogProvider(logger) : undefined;
  const missing: NotificationChannel[] = [];
  const pick = (channel: NotificationChannel, provider: NotificationProvider | undefined) => {
    const chosen = provider ?? fallback;
    if (chosen) providers[channel] = chosen;
    if (!provider) missing.push(channel);
  };
  pick(
    'email',
    config.smtpUrl
      ? new SmtpEmailProvider({ url: config.smtpUrl, from: config.mailFrom })
      : undefined,
  );
  pick(
    'sms',
    config.sms.url
      ? new HttpMessageProvider('sms', { ...config.sms, url: config.sms.url })
      : undefined,
  );
  pick(
    'zalo',
    config.zalo.url
      ? new HttpMessageProvider('zalo', { ...config.zalo, url: config.zalo.url })
      : undefined,
  );
  if (missing.length) {
    logger.warn(
      { channels: missing, mode },
      mode === 'demo'
        ? 'no gateway configured: these notifications are written to the log only'
        : 'no gateway configured: these notifications stay queued until one is',
    );
  }
  return providers;
}
