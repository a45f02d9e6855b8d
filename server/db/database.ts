/**
 * The storage the reference backend runs on: PostgreSQL's SQL, whether embedded (PGlite) or a server.
 * Everything above this interface is written once, in plain SQL, and runs on both.
 */
export interface Queryable {
  query<Row = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<Row[]>;
  /**
   * Loads rows given as CSV quoted with `csvQuote` (`COPY … FROM … (FORMAT csv, QUOTE …)`), as text or UTF-8, where the storage
   * can take them so: far faster than INSERT for a bulk load. Absent where it cannot (then the caller
   * inserts). With `freeze`, the rows go in frozen and marked visible to all (COPY's FREEZE), so index-only
   * scans need not visit the table for them; PostgreSQL allows that only into a table created or truncated in
   * the same transaction.
   */
  copyCsv?(table: string, columns: readonly string[], csv: string | Uint8Array<ArrayBuffer>, options?: { freeze?: boolean }): Promise<void>;
}

/**
 * The quote of the CSV that `copyCsv` takes: a control character no text holds in practice, so quoting a
 * field is wrapping it, where with `"` every JSON document's quotes had to be doubled (a second of a first
 * start's 100,000 relations). A field that does hold it has it doubled, as CSV says.
 */
export const csvQuote = '\u0001';

export interface Database extends Queryable {
  /** Runs `work` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T>;
  /** Runs a script of several statements (migrations). */
  exec(sql: string): Promise<void>;
  /** Calls `onMessage` for every NOTIFY on `channel`, from any connection or server instance. */
  listen(channel: string, onMessage: (payload: string) => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
  readonly kind: 'pglite' | 'postgres';
}
