// The HTTP side of talking to the hub: same origin, JSON in and out, Bearer token of the
// screen's session, and the contract's error shape turned into a thrown ApiError.
import type { ApiError as ApiErrorBody } from '../main/common/api';
import { getSession, type Screen } from './auth/session';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'DELETE';
  body?: unknown;
  token?: string | null;
}

/** One API call. Resolves to the parsed JSON, or null for 204 (e.g. call-next with nobody waiting). */
export async function apiRequest<T>(path: string, options: RequestOptions = {}): Promise<T | null> {
  const method = options.method ?? (options.body === undefined ? 'GET' : 'POST');
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (options.token) headers.Authorization = `Bearer ${options.token}`;
  let body: string | undefined;
  if (method === 'POST' || method === 'PUT') {
    // Always a JSON body on POST and PUT: the hub parses JSON and an empty JSON body is an error.
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(options.body ?? {});
  }
  let response: Response;
  try {
    response = await fetch(path, { method, headers, body });
  } catch (e) {
    throw new ApiError(0, 'network', e instanceof Error ? e.message : String(e));
  }
  if (response.status === 204) return null;
  const text = await response.text();
  const json: unknown = text ? safeJson(text) : null;
  if (!response.ok) throw toApiError(response.status, json, text);
  return json as T;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

function toApiError(status: number, json: unknown, text: string): ApiError {
  const err = (json as Partial<ApiErrorBody> | null)?.error;
  if (err && typeof err.code === 'string' && typeof err.message === 'string') {
    return new ApiError(status, err.code, err.message);
  }
  return new ApiError(status, `http_${status}`, text.slice(0, 200) || `HTTP ${status}`);
}

/** Calls made with a screen's own token. */
export function hubFor(screen: Screen) {
  const token = () => getSession(screen)?.token ?? null;
  return {
    get: <T>(path: string) => apiRequest<T>(path, { token: token() }),
    post: <T>(path: string, body?: unknown) => apiRequest<T>(path, { method: 'POST', body, token: token() }),
    put: <T>(path: string, body: unknown) => apiRequest<T>(path, { method: 'PUT', body, token: token() }),
    delete: <T>(path: string) => apiRequest<T>(path, { method: 'DELETE', token: token() }),
  };
}

/** The message to show a person: the hub's sentence when there is one. */
export function errorMessage(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
