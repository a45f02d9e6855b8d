import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Database } from './database.js';
import { migrate } from './migrations.js';
import { openPglite } from './pglite.js';
import { openPostgres } from './postgres.js';

interface OpenOptions {
  databaseUrl?: string | undefined;
  dataDir?: string | undefined;
}

/** Where PGlite keeps its database in a data dir (beside it: mail). */
const pgliteDir = (dataDir: string) => join(dataDir, 'pglite');

/** PostgreSQL when `databaseUrl` is given, else PGlite in `dataDir` (in memory without one); migrated. */
export async function openDatabase(options: OpenOptions): Promise<Database> {
  const db = options.databaseUrl
    ? await openPostgres(options.databaseUrl)
    : await openPglite(options.dataDir ? pgliteDir(options.dataDir) : undefined);
  await migrate(db);
  return db;
}

/** Whether `openDatabase` will create a new PGlite database (in memory, or a data dir that has none yet). */
export function opensNewPglite(options: OpenOptions): boolean {
  return !options.databaseUrl && !(options.dataDir && existsSync(join(pgliteDir(options.dataDir), 'PG_VERSION')));
}
