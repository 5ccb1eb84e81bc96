/**
 * An Open311 failure: answered in the spec's own error list (`<errors><error>…`), never in the
 * platform's JSON error shape, with the HTTP status as the error's code (400, 403, 404).
 */
export class Open311Error extends Error {
  constructor(
    readonly status: 400 | 403 | 404 | 429,
    readonly description: string,
  ) {
    super(description);
    this.name = 'Open311Error';
  }
}
