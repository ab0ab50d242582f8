// The office screen's calls: same origin, the office's own session token (kept apart from a
// hub screen's), errors in the office's error shape thrown with their message.
import type { OfficeBranchView } from '../../main/common/office/routes';
import type { BranchFigures, BranchLive } from '../../main/common/office/report-routes';

const KEY = 'atrium.office.session';

export interface OfficeSession {
  token: string;
  staffId: string;
  demoPin: boolean;
}

export function readSession(): OfficeSession | null {
  try {
    return JSON.parse(sessionStorage.getItem(KEY) ?? 'null') as OfficeSession | null;
  } catch {
    return null;
  }
}

export function saveSession(s: OfficeSession | null): void {
  if (s) sessionStorage.setItem(KEY, JSON.stringify(s));
  else sessionStorage.removeItem(KEY);
}

export class OfficeError extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
  }
}

async function call<T>(method: 'GET' | 'POST', path: string, token: string | null, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (token) headers.Authorization = `Bearer ${token}`;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const res = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const json = (await res.json().catch(() => null)) as { error?: { message?: string } } | null;
  if (!res.ok) {
    // A session the office no longer knows: back to the sign-in.
    if (res.status === 401 && token) saveSession(null);
    throw new OfficeError(res.status, json?.error?.message ?? `HTTP ${res.status}`);
  }
  return json as T;
}

export const officeApi = {
  login: (staffId: string, pin: string) => call<{ token: string; staffId: string; demoPin: boolean }>('POST', '/api/auth/login', null, { staffId, pin }),
  branches: (token: string) => call<{ branches: OfficeBranchView[] }>('GET', '/api/office/branches', token),
  live: (token: string, id: string) => call<BranchLive>('GET', `/api/office/branches/${encodeURIComponent(id)}/live`, token),
  daily: (token: string, date: string) => call<{ period: string; branches: BranchFigures[] }>('GET', `/api/office/reports/daily?date=${date}`, token),
  monthly: (token: string, month: string) => call<{ period: string; branches: BranchFigures[] }>('GET', `/api/office/reports/monthly?month=${month}`, token),
};

/** Today's date here, YYYY-MM-DD. */
export const localToday = () => new Date().toLocaleDateString('en-CA');
