import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { csvQuote, type Database, type Queryable } from './database.js';

/** Embedded PostgreSQL: files in `dataDir`, or in memory when it is undefined (tests). */
export async function openPglite(dataDir: string | undefined): Promise<Database> {
  // A fresh clone has no data directory yet; PGlite creates only the last level of the path.
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const pg = await PGlite.create(dataDir, { extensions: { pg_trgm } });
  const wrap = (target: Pick<PGlite, 'query'>): Queryable => ({
    async query<Row>(sql: string, params: readonly unknown[] = []) {
      return (await target.query<Row>(sql, params as unknown[])).rows;
    },
    async copyCsv(table, columns, csv, options) {
      // PGlite reads COPY's input from the query's blob, as `/dev/blob`.
      const quote = `E'\\x${csvQuote.charCodeAt(0).toString(16).padStart(2, '0')}'`;
      const format = `format csv, quote ${quote}${options?.freeze ? ', freeze' : ''}`;
      await target.query(`copy ${table} (${columns.join(', ')}) from '/dev/blob' with (${format})`, [], { blob: new Blob([csv]) });
    },
  });
  return {
    kind: 'pglite',
    ...wrap(pg),
    transaction: (work) => pg.transaction((tx) => work(wrap(tx))),
    exec: async (sql) => {
      await pg.exec(sql);
    },
    listen: (channel, onMessage) => pg.listen(channel, onMessage),
    close: () => pg.close(),
  };
}
