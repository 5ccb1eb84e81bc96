import { AppError } from '../../http/errors';

export class TemplateUnknownError extends AppError {
  constructor(readonly template: string) {
    super('NOTIFICATION_TEMPLATE_UNKNOWN');
    this.name = 'TemplateUnknownError';
    this.message = `unknown notification template "${template}"`;
  }
}

/**
 * A payload that does not fit its template. The message names the fields only, never their
 * values: it may end up in logs and in outbox.last_error.
 */
export class TemplatePayloadError extends AppError {
  constructor(
    readonly template: string,
    readonly paths: string[],
  ) {
    super('NOTIFICATION_PAYLOAD_INVALID');
    this.name = 'TemplatePayloadError';
    this.message = `payload of template "${template}" is invalid at: ${paths.join(', ')}`;
  }
}

export class RecipientInvalidError extends AppError {
  constructor(readonly channel: string) {
    super('NOTIFICATION_RECIPIENT_INVALID');
    this.name = 'RecipientInvalidError';
    this.message = `invalid ${channel} recipient`;
  }
}
