// The keys that would take a customer out of the kiosk page: close, quit, reload, full
// screen, devtools, print, new window, zoom, history. Pure, so the table is tested directly.
export interface KeyInput {
  type: string;
  key: string;
  control: boolean;
  meta: boolean;
  alt: boolean;
  shift: boolean;
}

const ALONE = new Set(['F5', 'F11', 'F12', 'BrowserBack', 'BrowserForward', 'BrowserRefresh', 'BrowserHome']);
/** With Ctrl (or Cmd): close, quit, reload, new window/tab, print, save, open, find, history, zoom. */
const WITH_CTRL = new Set(['w', 'q', 'r', 'n', 't', 'p', 's', 'o', 'f', 'h', 'j', 'u', 'l', '+', '=', '-', '0', 'tab', 'f4', 'f5']);
/** With Ctrl+Shift: devtools, inspect, console, reopen tab, hard reload, quit. */
const WITH_CTRL_SHIFT = new Set(['i', 'j', 'c', 'k', 'm', 'r', 't', 'n', 'w', 'q', 'delete']);

export function isExitShortcut(input: KeyInput): boolean {
  if (input.type !== 'keyDown' && input.type !== 'rawKeyDown') return false;
  const key = input.key.toLowerCase();
  if (ALONE.has(input.key)) return true;
  if (input.alt && (key === 'f4' || key === 'arrowleft' || key === 'arrowright' || key === 'home' || key === ' ')) return true;
  const ctrl = input.control || input.meta;
  if (ctrl && input.shift && WITH_CTRL_SHIFT.has(key)) return true;
  if (ctrl && WITH_CTRL.has(key)) return true;
  return false;
}
