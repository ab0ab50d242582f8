// Main's own calls to the hub (the kiosk's exit check, the data of a locally printed ticket):
// JSON over fetch, never throwing for an HTTP error, so callers turn the contract's
// {error:{code,message}} into their own answer.
export type FetchLike = (url: string, init?: { method?: string; headers?: Record<string, string>; body?: string }) => Promise<{
  status: number;
  text(): Promise<string>;
}>;

export interface HubReply<T> {
  status: number;
  body: T | null;
  error: { code: string; message: string } | null;
}

export async function hubCall<T>(
  fetchImpl: FetchLike,
  hubUrl: string,
  path: string,
  opts: { method?: 'GET' | 'POST'; token?: string | null; body?: unknown } = {},
): Promise<HubReply<T>> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (opts.token) headers.authorization = `Bearer ${opts.token}`;
  const method = opts.method ?? (opts.body === undefined ? 'GET' : 'POST');
  let body: string | undefined;
  if (method !== 'GET') {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(opts.body ?? {});
  }
  let res: Awaited<ReturnType<FetchLike>>;
  try {
    res = await fetchImpl(new URL(path, hubUrl).toString(), { method, headers, body });
  } catch (e) {
    return { status: 0, body: null, error: { code: 'hub_unreachable', message: `The hub does not answer (${e instanceof Error ? e.message : String(e)}).` } };
  }
  const text = await res.text();
  let json: unknown = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = null;
  }
  if (res.status >= 200 && res.status < 300) return { status: res.status, body: json as T, error: null };
  const err = (json as { error?: { code?: unknown; message?: unknown } } | null)?.error;
  return {
    status: res.status,
    body: null,
    error:
      err && typeof err.code === 'string' && typeof err.message === 'string'
        ? { code: err.code, message: err.message }
        : { code: `http_${res.status}`, message: text.slice(0, 200) },
  };
}
