import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Hono } from 'hono';
import { createApi } from './app.js';
import type { Database } from './db/database.js';
import { openDatabase, opensNewPglite } from './db/open.js';
import { createMailer } from './mail.js';
import { NotificationHub } from './notification-hub.js';
import { seedIfEmpty, seedSource } from './seeding.js';

export interface BackendOptions {
  /** PostgreSQL to use instead of PGlite. */
  databaseUrl?: string | undefined;
  /** Where PGlite keeps its files and outgoing mail is written; PGlite runs in memory without it. */
  dataDir?: string | undefined;
  smtpUrl?: string | undefined;
  /** Where `.eml` files go without SMTP; defaults to `mail/` in the data dir. */
  outbox?: string | undefined;
  /** Relations of the demo tenant to create on first start. */
  seedRelations?: number;
}

export interface Backend {
  /** The API, mounted under `/api/v1`. */
  readonly app: Hono;
  readonly db: Database;
  /** Where `.eml` files go when no SMTP server is configured. */
  readonly outbox: string;
  close(): Promise<void>;
}

/** The reference backend: database opened and migrated, demo data seeded once, API ready to serve. */
export async function createBackend(options: BackendOptions = {}): Promise<Backend> {
  const relations = options.seedRelations ?? 3000;
  // A new PGlite data dir will be seeded: its seed is made (in a worker when large) while the data dir is created.
  const source = opensNewPglite(options) ? seedSource(relations, { loadsCsv: true }) : undefined;
  let db: Database;
  try {
    db = await openDatabase(options);
  } catch (error) {
    source?.close();
    throw error;
  }
  await seedIfEmpty(db, { relations, source });
  const outbox = options.outbox ?? join(options.dataDir ?? join(tmpdir(), 'relation-elements'), 'mail');
  const hub = new NotificationHub(db);
  const services = { db, mailer: createMailer({ smtpUrl: options.smtpUrl, outbox }), hub };
  const app = new Hono().route('/api/v1', createApi(services));
  return {
    app,
    db,
    outbox,
    async close() {
      await hub.close();
      await db.close();
    },
  };
}
