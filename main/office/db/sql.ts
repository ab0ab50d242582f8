// The one small query interface the office speaks, over PGlite (PostgreSQL compiled to
// WebAssembly, embedded in the office's data folder) or a PostgreSQL server through `pg`.
// Both speak PostgreSQL's SQL and $1 parameters; what differs (how a transaction is held,
// how a bigint comes back) stays behind this interface.

export interface Queryable {
  /** Rows of one statement, with $1… parameters. Read bigints through Number(): pg gives strings. */
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  /** Several statements, no parameters: migrations. */
  exec(text: string): Promise<void>;
}

export interface Sql extends Queryable {
  /** One transaction: committed when `fn` resolves, rolled back when it throws. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
  /** 'pglite' or 'postgres', for the log line. */
  readonly engine: string;
}
