// The audit trail: a hash chain made by the database, whole under concurrent writers, refused to the app's
// connection for anything but INSERT, and telling exactly where it was tampered with.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { promisify } from 'node:util';
import { sql } from 'kysely';
import { startTestApp, type TestApp } from '../testing/app.js';
import { superuserClient } from '../testing/database.js';
import { audit, verifyAuditChain } from './audit.js';
import { createDatabase } from './db/database.js';

const run = promisify(execFile);
const system = { kind: 'system' as const, label: 'test' };
const root = join(import.meta.dirname, '..', '..');

async function chain(t: TestApp) {
  return t.ctx.db.selectFrom('audit_log').select(['seq', 'prev_hash', 'hash']).orderBy('seq').execute();
}

/** `keikai verify-audit` against the test database, as an operator would run it. */
async function verifyCli(t: TestApp): Promise<{ code: number; out: string }> {
  try {
    const r = await run(process.execPath, ['--import', 'tsx', 'src/cli.ts', 'verify-audit'], {
      cwd: root,
      env: {
        ...process.env,
        DATABASE_URL: t.database.url,
        KEIKAI_SECRET: 'cli-secret-cli-secret-cli-secret-12345',
        KEIKAI_DATA_DIR: mkdtempSync(join(tmpdir(), 'keikai-cli-')),
        KEIKAI_LOG_LEVEL: 'silent',
        KEIKAI_DEMO: 'false',
      },
    });
    return { code: 0, out: r.stdout };
  } catch (err) {
    const e = err as { code?: number; stdout?: string; stderr?: string };
    return { code: e.code ?? -1, out: `${e.stdout ?? ''}${e.stderr ?? ''}` };
  }
}

describe('audit trail', () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp();
  });
  after(() => t.close());

  it('links each entry to the one before it, starting from a zero hash', async () => {
    for (let i = 0; i < 5; i++) {
      await audit(t.ctx.db, { actor: system, action: 'test.linked', detail: { i } });
    }
    const rows = await chain(t);
    assert.equal(rows[0]?.seq, '1');
    assert.equal(rows[0]?.prev_hash, '0'.repeat(64));
    for (let i = 1; i < rows.length; i++) {
      assert.equal(rows[i]!.prev_hash, rows[i - 1]!.hash);
      assert.equal(Number(rows[i]!.seq), Number(rows[i - 1]!.seq) + 1);
    }
    assert.equal(await verifyAuditChain(t.ctx.db), null);
  });

  it('stays one whole chain with consecutive numbers under 50 concurrent writers', async () => {
    const { db, pool } = createDatabase(t.database.url, { max: 20 });
    try {
      const before = (await chain(t)).length;
      await Promise.all(
        Array.from({ length: 50 }, (_, i) =>
          db.transaction().execute(async (trx) => {
            await audit(trx, { actor: system, action: 'test.concurrent', detail: { i } });
            // hold the transaction open a little so writers really overlap
            await sql`select pg_sleep(0.005)`.execute(trx);
          }),
        ),
      );
      const rows = await chain(t);
      assert.equal(rows.length, before + 50);
      rows.forEach((r, i) => {
        assert.equal(r.seq, String(i + 1));
        if (i > 0) assert.equal(r.prev_hash, rows[i - 1]!.hash);
      });
      assert.equal(await verifyAuditChain(t.ctx.db), null);
    } finally {
      await db.destroy();
      await pool.end().catch(() => {});
    }
  });

  it('leaves no entry and no gap when the writing transaction rolls back', async () => {
    const before = (await chain(t)).length;
    await assert.rejects(
      t.ctx.db.transaction().execute(async (trx) => {
        await audit(trx, { actor: system, action: 'test.rolled_back' });
        throw new Error('roll back');
      }),
    );
    await audit(t.ctx.db, { actor: system, action: 'test.after_rollback' });
    const rows = await chain(t);
    assert.equal(rows.length, before + 1);
    assert.equal(rows.at(-1)!.seq, String(before + 1));
  });

  it("refuses UPDATE, DELETE and TRUNCATE on the app's connection", async () => {
    await assert.rejects(
      t.ctx.db.updateTable('audit_log').set({ action: 'forged' }).where('seq', '=', '1').execute(),
      /append-only/,
    );
    await assert.rejects(t.ctx.db.deleteFrom('audit_log').where('seq', '=', '1').execute(), /append-only/);
    await assert.rejects(sql`truncate audit_log`.execute(t.ctx.db), /append-only/);
    // nor can a writer choose its own number, link or hash: the trigger assigns them
    const count = (await chain(t)).length;
    await t.ctx.db
      .insertInto('audit_log')
      .values({
        seq: '999',
        prev_hash: 'forged',
        hash: 'forged',
        actor_label: 'system:test',
        action: 'test.forged_values',
        actor_user_id: null,
        subject_type: null,
        subject_id: null,
        ip: null,
        detail: '{}',
      })
      .execute();
    const last = (await chain(t)).at(-1)!;
    assert.equal(last.seq, String(count + 1));
    assert.notEqual(last.prev_hash, 'forged');
    assert.notEqual(last.hash, 'forged');
    assert.equal(await verifyAuditChain(t.ctx.db), null);
  });

  it('the verify-audit command says intact and exits 0 on a whole chain', async () => {
    const r = await verifyCli(t);
    assert.equal(r.code, 0, r.out);
    assert.match(r.out, /intact/);
  });

  it('names the altered entry, a re-linked entry, and the entry after a removed one; the CLI exits 2', async () => {
    const su = await superuserClient(t.database.name);
    try {
      // what the app can never do: switch the append-only triggers off for this session
      await su.query('set session_replication_role = replica');
      const original = (await su.query('select detail from audit_log where seq = 3')).rows[0].detail;
      await su.query(`update audit_log set detail = '{"i": 999}' where seq = 3`);
      assert.deepEqual(await verifyAuditChain(t.ctx.db), { seq: '3', problem: 'row content was altered' });

      // put it back exactly: the chain is whole again
      await su.query('update audit_log set detail = $1 where seq = 3', [JSON.stringify(original)]);
      assert.equal(await verifyAuditChain(t.ctx.db), null);

      // a forger who recomputes the row's own hash after changing its link is caught by the link check
      const row8 = (await su.query('select prev_hash, hash from audit_log where seq = 8')).rows[0];
      await su.query(`
        update audit_log set prev_hash = repeat('f', 64),
          hash = audit_row_digest(repeat('f', 64), seq, at, actor_user_id, actor_label, action,
                                  subject_type, subject_id, ip, detail)
        where seq = 8`);
      assert.deepEqual(await verifyAuditChain(t.ctx.db), {
        seq: '8',
        problem: 'link to the previous row does not match',
      });
      await su.query('update audit_log set prev_hash = $1, hash = $2 where seq = 8', [
        row8.prev_hash,
        row8.hash,
      ]);
      assert.equal(await verifyAuditChain(t.ctx.db), null);

      await su.query('delete from audit_log where seq = 5');
      const broken = await verifyAuditChain(t.ctx.db);
      assert.equal(broken?.seq, '6');
      assert.match(broken!.problem, /removed/);

      const r = await verifyCli(t);
      assert.equal(r.code, 2, r.out);
      assert.match(r.out, /BROKEN at entry #6/);
    } finally {
      await su.end();
    }
  });
});
