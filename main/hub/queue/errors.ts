// The one error the engine throws. The hub turns it into `{error: {code, message}}` with
// `status`, so the message is written for the person at the screen, not for a developer.

export type DomainErrorStatus = 400 | 404 | 409;

export class DomainError extends Error {
  readonly code: string;
  readonly status: DomainErrorStatus;

  constructor(code: string, status: DomainErrorStatus, message: string) {
    super(message);
    this.name = 'DomainError';
    this.code = code;
    this.status = status;
  }
}
