// The Electron shell's bridge (preload: window.atrium) when the kiosk runs in the shell; null
// in a plain browser, where printing goes through the hub and there is no kiosk mode to leave.
import type { AtriumBridge } from '../../main/common/ipc';

export function shellBridge(): AtriumBridge | null {
  const bridge = (window as { atrium?: Partial<AtriumBridge> }).atrium;
  return bridge && typeof bridge.printTicket === 'function' && typeof bridge.exitKiosk === 'function' ? (bridge as AtriumBridge) : null;
}
