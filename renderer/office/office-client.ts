// The office screen's calls: same origin, the office's own session token (kept apart from a
// hub screen's), errors in the office's error shape thrown with their message and code.
import type { OfficeBranchView } from '../../main/common/office/routes';
import type { BranchFigures, BranchLive } from '../../main/common/office/report-routes';
import type { OfficeStaffView } from '../../main/common/office/staff-routes';
import type { ConfigKind, ConfigStatusAnswer } from '../../main/common/office/config-wire';

const KEY = 'atrium.office.session';

export type OfficeRole = 'hq_admin' | 'regional_manager';

export interface OfficeSession {
  token: string;
  staffId: string;
  role: OfficeRole;
  demoPin: boolean;
}

type LoginAnswer = { token: string; staffId: string; role: OfficeRole; demoPin: boolean };

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
  constructor(readonly status: number, message: string, readonly code: string | null = null) {
    super(message);
  }
}

async function call<T>(method: 'GET' | 'POST' | 'PATCH' | 'PUT', path: string, token: string | null, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (token) headers.Authorization = `Bearer ${token}`;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const res = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const json = (await res.json().catch(() => null)) as { error?: { code?: string; message?: string } } | null;
  if (!res.ok) {
    // A session the office no longer knows: back to the sign-in.
    if (res.status === 401 && token) saveSession(null);
    throw new OfficeError(res.status, json?.error?.message ?? `HTTP ${res.status}`, json?.error?.code ?? null);
  }
  return json as T;
}

export const officeApi = {
  login: (staffId: string, pin: string) => call<LoginAnswer>('POST', '/api/auth/login', null, { staffId, pin }),
  choosePin: (staffId: string, pin: string, newPin: string) => call<LoginAnswer>('POST', '/api/auth/pin', null, { staffId, pin, newPin }),
  staff: (token: string) => call<{ staff: OfficeStaffView[] }>('GET', '/api/office/staff', token),
  addStaff: (token: string, body: { staffId: string; name: string; role: OfficeRole; branches?: string[] }) =>
    call<{ staffId: string; oneTimePin: string }>('POST', '/api/office/staff', token, body),
  changeStaff: (token: string, staffId: string, body: { branches?: string[]; disabled?: boolean }) =>
    call<{ staff: OfficeStaffView }>('PATCH', `/api/office/staff/${encodeURIComponent(staffId)}`, token, body),
  resetPin: (token: string, staffId: string) => call<{ staffId: string; oneTimePin: string }>('POST', `/api/office/staff/${encodeURIComponent(staffId)}/reset-pin`, token),
  branches: (token: string) => call<{ branches: OfficeBranchView[] }>('GET', '/api/office/branches', token),
  live: (token: string, id: string) => call<BranchLive>('GET', `/api/office/branches/${encodeURIComponent(id)}/live`, token),
  configStatus: (token: string) => call<ConfigStatusAnswer>('GET', '/api/office/config/status', token),
  publishConfig: (token: string, kind: ConfigKind, document: unknown) =>
    call<{ kind: ConfigKind; version: number; changed: boolean; dropped?: number }>('PUT', `/api/office/config/${kind}`, token, document),
  daily: (token: string, date: string) => call<{ period: string; branches: BranchFigures[] }>('GET', `/api/office/reports/daily?date=${date}`, token),
  monthly: (token: string, month: string) => call<{ period: string; branches: BranchFigures[] }>('GET', `/api/office/reports/monthly?month=${month}`, token),
};

/** Today's date here, YYYY-MM-DD. */
export const localToday = () => new Date().toLocaleDateString('en-CA');

/** An office error in the screen's language when its code has a sentence (office.errors.CODE, else the hub's errors.CODE), else the office's own. */
export function officeErrorText(t: (k: string) => string, exists: (k: string) => boolean, e: unknown): string {
  if (e instanceof OfficeError && e.code) {
    for (const key of [`office.errors.${e.code}`, `errors.${e.code}`]) if (exists(key)) return t(key);
  }
  return e instanceof Error ? e.message : String(e);
}
