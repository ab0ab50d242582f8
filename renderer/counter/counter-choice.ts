// Which counter this terminal is: remembered in the browser, since a terminal sits at one window.
const KEY = 'atrium.counter.id';

export function getCounterChoice(): string | null {
  return localStorage.getItem(KEY);
}

export function setCounterChoice(id: string | null): void {
  if (id) localStorage.setItem(KEY, id);
  else localStorage.removeItem(KEY);
}
