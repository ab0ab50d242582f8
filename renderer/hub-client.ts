// The HTTP side of talking to the hub: same origin, JSON in and out, Bearer token of the
// screen's session, and the contract's error shape turned into a thrown ApiError. Every call
// names its route in the table (main/common/routes), which types its input and its answer.
import type { ApiError as ApiErrorBody } from '../main/common/api';
import { pathOf, type AnswerOf, type BodyOf, type ParamsOf, type QueryOf, type RouteDef } from '../main/common/routes/index';
import { getSession, type Screen } from './auth/session';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** The hub's `error.details`, when it sends any (the counters a day close is refused for). */
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** An object with nothing required: a part (or a call's whole input) that may be left out. */
type Nothing = Record<never, never>;
type Part<K extends string, T> = [T] extends [undefined] ? { [k in K]?: undefined } : Nothing extends T ? { [k in K]?: T } : { [k in K]: T };
/** A call's input: the route's params, query and body, each required when the route needs it. */
export type CallInput<D extends RouteDef> = Part<'params', ParamsOf<D>> & Part<'query', QueryOf<D>> & Part<'body', BodyOf<D>>;
type CallArgs<D extends RouteDef> = Nothing extends CallInput<D> ? [input?: CallInput<D>] : [input: CallInput<D>];

/**
 * One API call, with this token. Resolves to the route's answer (null for a 204, e.g.
 * call-next with nobody waiting). The answer is not parsed again here: the tests check that
 * the hub answers each route as its schema says.
 */
export async function callHub<D extends RouteDef>(def: D, token: string | null, ...[input]: CallArgs<D>): Promise<AnswerOf<D>> {
  const path = pathOf(def, input?.params ?? undefined, input?.query ?? undefined);
  return (await request(def.method, path, input?.body, token)) as AnswerOf<D>;
}

async function request(method: RouteDef['method'], path: string, payload: unknown, token: string | null): Promise<unknown> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (token) headers.Authorization = `Bearer ${token}`;
  let body: string | undefined;
  if (method === 'POST' || method === 'PUT' || method === 'PATCH') {
    // Always a JSON body on POST and PUT: the hub parses JSON and an empty JSON body is an error.
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(payload ?? {});
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
  return json;
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
    return new ApiError(status, err.code, err.message, err.details ?? {});
  }
  return new ApiError(status, `http_${status}`, text.slice(0, 200) || `HTTP ${status}`);
}

/** Calls made with a screen's own token: hubFor('counter').call(api.callNext, { params: { counter } }). */
export function hubFor(screen: Screen) {
  return {
    call: <D extends RouteDef>(def: D, ...input: CallArgs<D>) => callHub(def, getSession(screen)?.token ?? null, ...input),
  };
}
export type HubClient = ReturnType<typeof hubFor>;

/** The message to show a person: the hub's sentence when there is one. */
export function errorMessage(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
