// What `atrium verify` answers: sound, or the first bad record in a plain sentence.
export type VerifyProblem = { ok: false; problem: string; seq?: number; table?: string; key?: string };
export type VerifyResult = { ok: true; events: number } | VerifyProblem;

/** How a value is quoted in a problem sentence: 'text', 12, null, ["a","b"]. */
export function show(value: unknown): string {
  return typeof value === 'string' ? `'${value}'` : value === undefined ? 'missing' : JSON.stringify(value);
}
