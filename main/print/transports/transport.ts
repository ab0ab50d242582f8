// One way of reaching a printer. Every operation opens the link, does one thing and closes
// it: network printers often take one connection at a time, and a kiosk's cable can be
// pulled between any two tickets.
export interface PrinterTransport {
  readonly uri: string;
  /**
   * Resolves once every byte is handed to the printer: `confirmed` when the printer ended the
   * job itself (it closed the connection after our last byte, or the port drained), `held`
   * when every byte was taken but the printer neither closed nor failed, so whether paper
   * came out is not known. Rejects when the link fails before the last byte.
   */
  send(bytes: Buffer, timeouts: SendTimeouts): Promise<Delivery>;
  /** Sends a status request and resolves with `answerLength` bytes; rejects on silence. */
  query(request: Buffer, answerLength: number, timeoutMs: number): Promise<Buffer>;
}

export type Delivery = 'confirmed' | 'held';

export interface SendTimeouts {
  /** Until every byte is taken. */
  jobMs: number;
  /** After the last byte, how long a printer has to close its side before the job is `held`. */
  closeMs: number;
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
