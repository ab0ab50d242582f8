// The shape of one route of the hub's HTTP API. The hub registers its routes from these, the
// renderer's client takes its types from them, the README's table and the fuzz test walk them.
import type { z } from 'zod';
import type { Access } from './access.js';

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
/** What the answer is: JSON (the default), a CSV download, an audio clip, or a WebSocket. */
export type Produces = 'json' | 'csv' | 'audio' | 'websocket';

export interface RouteDef<
  P extends z.ZodType | undefined = z.ZodType | undefined,
  Q extends z.ZodType | undefined = z.ZodType | undefined,
  B extends z.ZodType | undefined = z.ZodType | undefined,
  A extends z.ZodType = z.ZodType,
> {
  method: Method;
  /** fastify's pattern: `:name` for a parameter, `*` for the rest. */
  path: string;
  access: Access;
  /** One line for the README's API table. */
  summary: string;
  params?: P;
  query?: Q;
  body?: B;
  /** What a 2xx answers. It is what the hub sends: tests check real answers against it. */
  answer: A;
  produces?: Produces;
  /** The request body may be this large (a register import); otherwise the hub's default. */
  bodyLimit?: number;
}

/** One route; keeps each schema's own type, so the client and the handler see them. */
export function route<
  P extends z.ZodType | undefined = undefined,
  Q extends z.ZodType | undefined = undefined,
  B extends z.ZodType | undefined = undefined,
  A extends z.ZodType = z.ZodType,
>(def: RouteDef<P, Q, B, A>): RouteDef<P, Q, B, A> {
  return def;
}

type Schema<D, K extends 'params' | 'query' | 'body'> = D extends RouteDef ? NonNullable<D[K]> : never;
type InputOf<S> = [S] extends [never] ? undefined : S extends z.ZodType ? z.input<S> : undefined;
/** What a caller sends: the input of each schema (defaults may be left out), undefined when the route takes none. */
export type ParamsOf<D> = InputOf<Schema<D, 'params'>>;
export type QueryOf<D> = InputOf<Schema<D, 'query'>>;
export type BodyOf<D> = InputOf<Schema<D, 'body'>>;
/** What a 2xx answers (null for a 204 where the route has one). */
export type AnswerOf<D> = D extends RouteDef ? z.output<D['answer']> : never;

/** The path with its parameters filled in, and the query appended (undefined values left out). */
export function pathOf(def: Pick<RouteDef, 'path'>, params?: Record<string, string | number>, query?: Record<string, string | number | undefined>): string {
  const path = def.path.replace(/:([A-Za-z]+)/g, (_m, name: string) => {
    const value = params?.[name];
    if (value === undefined) throw new Error(`${def.path} needs :${name}`);
    return encodeURIComponent(String(value));
  });
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) if (value !== undefined) search.append(key, String(value));
  const text = search.toString();
  return text ? `${path}?${text}` : path;
}
