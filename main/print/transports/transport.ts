// One way of reaching a printer. Every operation opens the link, does one thing and closes
// it: network printers often take one connection at a time, and a kiosk's cable can be
// pulled between any two tickets.
export interface PrinterTransport {
  readonly uri: string;
  /** Resolves once every byte is handed to the printer; rejects when the link fails part-way. */
  send(bytes: Buffer, timeoutMs: number): Promise<void>;
  /** Sends a status request and resolves with `answerLength` bytes; rejects on silence. */
  query(request: Buffer, answerLength: number, timeoutMs: number): Promise<Buffer>;
}

export class LinkError extends Error {
  constructor(
    message: string,
    /** Bytes the printer had taken before the link failed (a job cut mid-way). */
    readonly bytesSent = 0,
  ) {
    super(message);
  }
}
