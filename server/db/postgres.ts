import postgres from 'postgres';
import type { Database, Queryable } from './database.js';

/** A PostgreSQL server at `url`; several instances of the backend may share it. */
export async function openPostgres(url: string): Promise<Database> {
  const sql = postgres(url, {
    max: 10,
    onnotice: () => undefined,
    transform: { undefined: null },
    // count(*) and sequences are int8; ours stay far below 2^53, so they come back as numbers as in PGlite
    types: {
      int8: { to: 20, from: [20], serialize: (value: number) => String(value), parse: (value: string) => Number(value) },
    },
  });
  const wrap = (target: postgres.Sql | postgres.TransactionSql): Queryable => ({
    async query<Row>(text: string, params: readonly unknown[] = []) {
      return (await target.unsafe(text, params as postgres.ParameterOrJSON<never>[])) as unknown as Row[];
    },
  });
  await sql`select 1`;
  return {
    kind: 'postgres',
    ...wrap(sql),
    transaction: (work) => sql.begin((tx) => work(wrap(tx))) as Promise<never>,
    exec: async (script) => {
      await sql.unsafe(script);
    },
    listen: async (channel, onMessage) => {
      const { unlisten } = await sql.listen(channel, onMessage);
      return unlisten;
    },
    close: () => sql.end({ timeout: 5 }),
  };
}
