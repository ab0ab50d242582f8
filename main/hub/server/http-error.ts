// An error the caller caused: always a 4xx (or a 503 for a device that is down), in the contract's shape.
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}
