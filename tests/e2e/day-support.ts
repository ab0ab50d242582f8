// Steps of the business day on the manager console, for day.spec.ts and the lead's "go live"
// walk: open the day, close it (finishing the customers still at counters when asked, and
// reporting the closing checklist's refusal), and sign the closing checklist through the API.
import { expect, type Page } from '@playwright/test';

/** The console's day state: 'open' (营业中), 'notStarted' (未开始) or 'closed' (已结束). */
export async function dayStateOf(console: Page): Promise<string | null> {
  return console.getByTestId('day-state').getAttribute('data-state');
}

/** Opens the business day from the console (the confirmation included). */
export async function openDay(console: Page): Promise<void> {
  await console.getByTestId('day-open').click();
  await console.locator('.ant-modal-footer .ant-btn-primary').filter({ visible: true }).click();
  await expect(console.getByTestId('day-state')).toHaveAttribute('data-state', 'open');
}

export type CloseOutcome =
  /** The day closed (customers at counters, if any, finished). */
  | { kind: 'closed'; finished: string[] }
  /** Refused: the closing checklist is not signed (the console links to /records). */
  | { kind: 'checklist'; finished: string[] }
  /** Refused for customers at counters, and `finish` was false: the console still lists them. */
  | { kind: 'customers'; counters: string[] };

/**
 * Closes the day from the console. When customers are still at counters the console lists
 * them; with `finish` (the default) the manager confirms finishing them and closing.
 */
export async function closeDay(console: Page, { finish = true }: { finish?: boolean } = {}): Promise<CloseOutcome> {
  await console.getByTestId('day-close').click();
  await console.locator('.ant-modal-footer .ant-btn-dangerous').filter({ visible: true }).click();
  const atCounters = console.getByTestId('day-at-counters');
  const closed = console.locator('[data-testid=day-state][data-state=closed]');
  const checklist = console.getByTestId('day-checklist');
  await expect(atCounters.or(closed).or(checklist)).toBeVisible();
  let finished: string[] = [];
  if (await atCounters.isVisible()) {
    const counters = await atCounters.locator('li').allTextContents();
    if (!finish) return { kind: 'customers', counters };
    finished = counters;
    await console.getByTestId('day-finish-and-close').click();
    await expect(closed.or(checklist)).toBeVisible();
  }
  return (await closed.isVisible()) ? { kind: 'closed', finished } : { kind: 'checklist', finished };
}

/** A call to the hub at `base` (its own origin), JSON in and out. */
export async function hubCall<T = any>(base: string, method: string, path: string, token: string | null, body?: unknown): Promise<{ status: number; body: T }> {
  const headers: Record<string, string> = {};
  if (token) headers.authorization = `Bearer ${token}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(new URL(path, base), { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : null) as T };
}

/** The closing checklist answered (every item passes) by `manager` and signed by the supervisor, through the API. */
export async function signClosingChecklist(base: string, manager: string, supervisor: string, pin = '000000'): Promise<void> {
  const started = await hubCall<{ checklist: { id: string; items: { id: string }[] } }>(base, 'POST', '/api/checklists', manager, { kind: 'closing' });
  expect(started.status).toBe(200);
  const { id, items } = started.body.checklist;
  expect((await hubCall(base, 'POST', `/api/checklists/${id}/answers`, manager, { answers: items.map((i) => ({ itemId: i.id, result: 'pass' })) })).status).toBe(200);
  expect((await hubCall(base, 'POST', `/api/checklists/${id}/complete`, manager)).status).toBe(200);
  expect((await hubCall(base, 'POST', `/api/checklists/${id}/sign`, supervisor, { pin })).status).toBe(200);
}
