// Main-process code never trusts the page: every IPC handler first checks that the call
// comes from the top frame of a page served by the hub this terminal is set up for.
// Anything else (a frame that navigated elsewhere, an injected iframe, a devtools page)
// is refused before its input is even parsed.
import type { IpcMainInvokeEvent } from 'electron';
import type { IpcChannel } from '../../common/ipc.js';

export class IpcRefused extends Error {
  override name = 'IpcRefused';
}

/** The part of the event the check reads, so tests can build one by hand. */
export type SenderEvent = Pick<IpcMainInvokeEvent, 'senderFrame'>;

/** Returns the sender's origin when it is the hub's, throws IpcRefused otherwise. */
export function assertFromHub(channel: IpcChannel, event: SenderEvent, hubUrl: string): string {
  const frame = event.senderFrame;
  // null when the frame was destroyed or navigated before the call arrived.
  if (frame === null) throw new IpcRefused(`${channel}: the sending frame is gone`);
  if (frame.parent !== null) throw new IpcRefused(`${channel}: only the top frame may call`);
  const origin = originOf(frame.url);
  if (origin === null || origin !== originOf(hubUrl)) {
    throw new IpcRefused(`${channel}: refused for a page outside the hub's origin`);
  }
  return origin;
}

/** The origin of an http(s) URL, or null for anything else (file:, data:, about:blank…). */
export function originOf(url: string): string | null {
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.origin : null;
  } catch {
    return null;
  }
}
