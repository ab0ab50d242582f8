// Hostile requests for any route of the hub: bodies of the wrong types, huge, nested, with
// prototype keys, unicode and nulls; path parameters that do not exist, traverse or overflow;
// queries with impossible dates, arrays and repeated keys; wrong content types and every
// kind of token. Field names come from the API's own schemas, so the fuzzer reaches past
// "unknown key" into the routes' logic.
import fc from 'fast-check';
import { z } from 'zod';
import * as api from '../../main/common/api.js';
import * as kiosk from '../../main/common/kiosk.js';
import * as records from '../../main/common/records.js';
import type { RouteDef } from '../../main/common/routes/index.js';

export interface HostileRequest {
  method: string;
  /** The route as registered, for the report. */
  route: string;
  /** Path and query, already encoded (or deliberately mis-encoded). */
  url: string;
  /** Which principal's token (or which garbage) goes in Authorization. */
  principal: string;
  contentType: string | null;
  body: string | null;
  /** Extra header bytes, to overflow the server's header limit now and then. */
  bigHeader: boolean;
}

/** Values worth trying in any field: real ones (so some requests get deep), and poison. */
const REAL_VALUES = ['cash', 'noncash', 'vip', 'A', 'B', 'V', 'normal', 'green', 'appointment', 'opening', 'closing', 'lunch', 'other', 'pass', 'fault', 'manager', 'teller1', 'admin', 'supervisor', 'kiosk', 'display', 'counter', '1', '6', '000000', '123456', 'book', 'waiting', 'calm', 'fix', 'card', 'phone', 'elderly', 'referral', 'care', 'A001', 'B002'];
const DATES = ['2026-03-02', '2026-02-28', '2024-02-29', '2026-02-30', '2026-13-45', '0000-00-00', '9999-12-31', '1999-12-31', '2101-01-01', '2026-3-2', '2026-03', '2026-13', '2026-00', '0000-00', '2026-03-02T10:30:00+08:00', '2026-02-30T10:00:00Z', '2026-03-02T25:61:00Z', '+275760-09-13T00:00:00Z', '2026-03-02 10:30'];
const POISON = ['', ' ', '\u0000', '\uFFFF', '\uD800', '票号😀', 'null', 'undefined', 'true', 'NaN', '-1', '0', '1e309', '-0', '0x10', '9007199254740993', '__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', '../../../etc/passwd', '..\\..\\windows', '<script>alert(1)</script>', "' OR 1=1 --", '%00', '%E0%A4%A', '\r\nX-Injected: 1', 'a'.repeat(300), '6222020000001234', '+86 138 0013 8000', '110101194001011234'];
const PROTO_KEYS = ['__proto__', 'constructor', 'prototype'];

/** Percent-encodes UTF-8 bytes (a lone surrogate too, as U+FFFD); a value starting with % goes raw, mis-encoded on purpose. */
function enc(value: string): string {
  if (/^%[%0-9A-Za-z]*$/.test(value)) return value;
  return [...Buffer.from(value, 'utf8')].map((b) => (/[A-Za-z0-9\-_.~]/.test(String.fromCharCode(b)) ? String.fromCharCode(b) : `%${b.toString(16).toUpperCase().padStart(2, '0')}`)).join('');
}

/** The key sets of the API's request schemas, read from the schemas themselves. */
function schemaShapes(): string[][] {
  const shapes: string[][] = [];
  const visit = (schema: unknown, depth: number): void => {
    if (depth > 6 || !(schema instanceof z.ZodType)) return;
    const def = (schema as unknown as { def: Record<string, unknown> }).def;
    if (schema instanceof z.ZodObject) {
      const shape = schema.shape as Record<string, unknown>;
      shapes.push(Object.keys(shape));
      for (const inner of Object.values(shape)) visit(inner, depth + 1);
      return;
    }
    for (const inner of [def.innerType, def.element, def.in, def.out, def.schema, ...((def.options as unknown[]) ?? [])]) visit(inner, depth + 1);
  };
  for (const module of [api, kiosk, records]) for (const value of Object.values(module)) visit(value, 0);
  return shapes.filter((keys) => keys.length > 0);
}

const SHAPES = schemaShapes();
const FIELD_NAMES = [...new Set([...SHAPES.flat(), 'date', 'month', 'from', 'to', 'id', 'token', 'pin', 'newPin', 'score', 'counter', 'overrideReason'])];

const scalar: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom<unknown>(...REAL_VALUES, ...DATES) },
  { weight: 3, arbitrary: fc.constantFrom<unknown>(...POISON) },
  { weight: 2, arbitrary: fc.string({ maxLength: 24, unit: 'binary' }) },
  { weight: 1, arbitrary: fc.constantFrom<unknown>(null, true, false, 0, -1, 1.5, 1e308, -1e308, Number.MAX_SAFE_INTEGER + 2) },
  { weight: 1, arbitrary: fc.integer() },
  { weight: 1, arbitrary: fc.constant('x'.repeat(5000)) },
);

/** A JSON text built by hand, so keys like __proto__ and repeated keys really reach the wire. */
const jsonText: fc.Arbitrary<string> = fc.letrec<{ value: string; object: string; array: string }>((tie) => ({
  value: fc.oneof({ depthSize: 'small', withCrossShrink: true }, { weight: 5, arbitrary: scalar.map((v) => JSON.stringify(v) ?? 'null') }, { weight: 1, arbitrary: tie('object') }, { weight: 1, arbitrary: tie('array') }),
  object: fc
    .array(fc.tuple(fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...FIELD_NAMES) }, { weight: 1, arbitrary: fc.constantFrom(...PROTO_KEYS) }, { weight: 1, arbitrary: fc.string({ maxLength: 8 }) }), tie('value')), { maxLength: 6 })
    .map((entries) => `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${v}`).join(',')}}`),
  array: fc.array(tie('value'), { maxLength: 4 }).map((items) => `[${items.join(',')}]`),
})).value;

/** A body shaped like the API's: an object of known fields with hostile values. */
const fieldsObject = fc
  .dictionary(fc.constantFrom(...FIELD_NAMES), fc.oneof({ weight: 4, arbitrary: scalar }, { weight: 1, arbitrary: fc.array(scalar, { maxLength: 3 }) }, { weight: 1, arbitrary: fc.dictionary(fc.constantFrom(...FIELD_NAMES, ...PROTO_KEYS), scalar, { maxKeys: 3 }) }), { maxKeys: 6 })
  .map((o) => JSON.stringify(o));

/** A body with the keys of one request schema, most of them present: it gets past "unknown key". */
const schemaShaped = fc
  .constantFrom(...SHAPES)
  .chain((keys) => fc.tuple(...keys.map((k) => fc.option(fc.tuple(fc.constant(k), fc.oneof({ weight: 5, arbitrary: scalar }, { weight: 1, arbitrary: fc.array(scalar, { maxLength: 3 }) })), { freq: 5 }))))
  .map((entries) => JSON.stringify(Object.fromEntries(entries.filter((e) => e !== null))));

const body: fc.Arbitrary<string | null> = fc.oneof(
  { weight: 3, arbitrary: fc.constant(null) },
  { weight: 6, arbitrary: schemaShaped },
  { weight: 6, arbitrary: fieldsObject },
  { weight: 4, arbitrary: jsonText },
  { weight: 1, arbitrary: fc.constantFrom('{', '{"a":', '[', 'nul', '{"__proto__":{"isAdmin":true}}', '{"constructor":{"prototype":{"x":1}}}', '\u0000', '{}{}', '"' + 'y'.repeat(70_000) + '"', '{"a":'.repeat(5000) + '1' + '}'.repeat(5000), '['.repeat(20_000) + ']'.repeat(20_000)) },
  { weight: 1, arbitrary: fc.string({ maxLength: 40 }) },
);

const contentType = fc.oneof(
  { weight: 8, arbitrary: fc.constant('application/json') },
  { weight: 1, arbitrary: fc.constantFrom(null, 'text/plain', 'application/xml', 'multipart/form-data; boundary=x', 'application/x-www-form-urlencoded', 'application/json; charset=utf-16', 'application/json; charset=latin1', 'application/jsonx', '*/*', 'garbage', '') },
);

/** A path parameter: an id that exists (when the caller gives some), or one that cannot. */
function paramValue(known: readonly string[]): fc.Arbitrary<string> {
  return fc.oneof(
    // Read at generation time: the pool grows with the ids the hub hands out during the run.
    { weight: 3, arbitrary: fc.nat().map((n) => (known.length ? enc(known[n % known.length]!) : '1')) },
    { weight: 2, arbitrary: fc.uuid().map(enc) },
    { weight: 3, arbitrary: fc.constantFrom(...POISON, ...DATES).map(enc) },
    { weight: 1, arbitrary: fc.constantFrom('..', '.', '..%2F..%2Fetc%2Fpasswd', '%2e%2e', '%', '%zz', '%C0%AE', 'a'.repeat(201), '%F0%9F%98') },
    { weight: 1, arbitrary: fc.string({ minLength: 1, maxLength: 12 }).map(enc) },
  );
}

const queryValue = fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...DATES, ...REAL_VALUES) }, { weight: 2, arbitrary: fc.constantFrom(...POISON) }, { weight: 1, arbitrary: fc.string({ maxLength: 10 }) });
const singleDate = fc.tuple(fc.constantFrom('date', 'month', 'from', 'to'), fc.constantFrom(...DATES)).map(([k, v]) => `?${k}=${enc(v)}`);
const manyPairs = fc
  .array(
    fc.tuple(
      fc.oneof(
        // The keys the API reads from queries, most often; then any field, and array or prototype forms.
        { weight: 4, arbitrary: fc.constantFrom('date', 'month', 'from', 'to', 'number', 'token') },
        { weight: 2, arbitrary: fc.constantFrom(...FIELD_NAMES) },
        { weight: 1, arbitrary: fc.constantFrom('date[]', 'date[0]', '__proto__', '__proto__[x]', 'constructor[prototype][x]') },
      ),
      queryValue,
    ),
    { minLength: 1, maxLength: 4 },
  )
  .map((pairs) => '?' + pairs.map(([k, v]) => `${enc(k)}=${enc(v)}`).join('&'));
const oddQuery = fc.constantFrom('?', '?&&', '?date', '?date=%', '?date=%E0%A4%A', '?=x', '?month=2026-13&month=2026-02', '?date=' + 'a'.repeat(5000));

/** Queries matter most to GET routes: there one date-like key alone (what the strict query schemas take) comes often. */
function queryFor(method: string): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 2, arbitrary: fc.constant('') },
    { weight: method === 'GET' ? 6 : 1, arbitrary: singleDate },
    { weight: 4, arbitrary: manyPairs },
    { weight: 1, arbitrary: oddQuery },
  );
}

/**
 * One hostile request to one of the routes. Most go as a principal the route admits (so they
 * reach its logic), some as any other role, a few with no or a garbage token.
 */
export function hostileRequest(
  routes: readonly Pick<RouteDef, 'method' | 'path'>[],
  principals: { roles: readonly string[]; garbage: readonly string[]; admitted: Record<string, readonly string[]> },
  knownIds: Record<string, readonly string[]>,
): fc.Arbitrary<HostileRequest> {
  return fc.constantFrom(...routes).chain((route) => {
    const names = [...route.path.matchAll(/:(\w+)/g)].map((m) => m[1]!);
    return fc
      .record({
        params: fc.tuple(...names.map((n) => paramValue(knownIds[n] ?? []))),
        query: queryFor(route.method),
        principal: fc.oneof(
          { weight: 6, arbitrary: fc.constantFrom(...(principals.admitted[`${route.method} ${route.path}`]?.length ? principals.admitted[`${route.method} ${route.path}`]! : principals.roles)) },
          { weight: 2, arbitrary: fc.constantFrom(...principals.roles) },
          { weight: 1, arbitrary: fc.constantFrom(...principals.garbage) },
        ),
        contentType,
        body,
        bigHeader: fc.nat(60).map((n) => n === 0),
        method: fc.oneof({ weight: 19, arbitrary: fc.constant(route.method) }, { weight: 1, arbitrary: fc.constantFrom('PATCH', 'OPTIONS', 'TRACE', 'DELETE') }),
      })
      .map(({ params, query, principal, contentType, body, bigHeader, method }) => {
        let i = 0;
        const path = route.path.replace(/:(\w+)/g, () => params[i++] ?? '');
        return { method, route: `${route.method} ${route.path}`, url: path + query, principal, contentType, body, bigHeader };
      });
  });
}
