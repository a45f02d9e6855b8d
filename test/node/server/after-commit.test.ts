/*
 * Work held until a write commits (an e-mail): run once after a commit, never after a rollback, and once
 * only when the transaction's body ran twice (as app.ts runs one again that PostgreSQL aborted).
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { afterCommit, holdAfterCommit, takeAfterCommit } from '../../../server/after-commit.js';
import type { Database } from '../../../server/db/database.js';
import { openPglite } from '../../../server/db/pglite.js';

describe('work after commit', () => {
  let db: Database;
  before(async () => {
    db = await openPglite(undefined);
    await db.query('create table sent (what text)');
  });
  after(() => db.close());

  /** A write as app.ts runs it: the body in a transaction holding its after-commit work, which runs after. */
  async function write(body: (tx: Database) => Promise<void>): Promise<void> {
    const later = await db.transaction(async (tx) => {
      holdAfterCommit(tx);
      await body(tx as Database);
      return takeAfterCommit(tx);
    });
    for (const work of later) await work();
  }

  test('runs after the commit, when what it tells of is stored', async () => {
    const seen: number[] = [];
    await write(async (tx) => {
      await tx.query("insert into sent values ('one')");
      await afterCommit(tx, async () => {
        seen.push(Number((await db.query<{ n: number }>("select count(*)::int as n from sent where what = 'one'"))[0]!.n));
      });
      assert.deepEqual(seen, [], 'not while the transaction is open');
    });
    assert.deepEqual(seen, [1], 'once, and the row it tells of is there');
  });

  test('never runs for a write that rolls back', async () => {
    let ran = 0;
    await assert.rejects(write(async (tx) => {
      await afterCommit(tx, async () => void ran++);
      throw new Error('a later step fails');
    }));
    assert.equal(ran, 0);
  });

  test('runs once when the transaction body runs twice', async () => {
    let ran = 0;
    let attempt = 0;
    for (;;) {
      try {
        await write(async (tx) => {
          await afterCommit(tx, async () => void ran++);
          if (++attempt === 1) throw Object.assign(new Error('deadlock detected'), { code: '40P01' });
        });
        break;
      } catch (error) {
        if ((error as { code?: string }).code !== '40P01') throw error;
      }
    }
    assert.equal(attempt, 2);
    assert.equal(ran, 1);
  });
});
