/**
 * What sealing the record costs a write where people wait: papers entered one by one through the
 * count service (the work of `POST /api/counts/:id/papers` without HTTP), on two SQLite files
 * prepared the same way. On one the record's triggers are dropped, so nothing is noted and nothing
 * sealed: the reference. Rounds alternate between the two, so load on a shared machine hits both.
 *
 * Run: npx tsx bench/seal-cost.bench.ts [--full]   (quick: 5 rounds of 200 papers; full: 10 of 500)
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { count, createContext, demo } from '../src/services';
import type { Actor, ServiceContext } from '../src/services';
import { writeWithAudit } from '../src/services/common';
import { migrateToLatest, openStore, recordSeals } from '../src/store';
import type { Store } from '../src/store';
import { figure } from './format';

const full = process.argv.includes('--full');
const ROUNDS = full ? 10 : 5;
const PER_ROUND = full ? 500 : 200;
const PAPERS = ROUNDS * PER_ROUND;
const now = () => new Date('2024-11-17T03:00:00.000Z');
const officer: Actor = {
  userId: 'bench',
  username: 'bench',
  displayName: 'Bench',
  role: 'communeOfficer',
  scope: { kind: 'commune', id: '24820' },
};

interface Lane {
  readonly store: Store;
  readonly ctx: ServiceContext;
  readonly team: Actor;
  readonly countId: string;
  readonly candidates: string[];
  seconds: number;
}

async function prepare(dir: string, name: string, sealed: boolean): Promise<Lane> {
  const store = openStore({ kind: 'sqlite', file: join(dir, `${name}.sqlite`) });
  await migrateToLatest(store);
  if (!sealed) {
    const triggers = await sql<{
      name: string;
    }>`select name from sqlite_master where type = 'trigger' and name like 'record_%'`.execute(store.db);
    for (const t of triggers.rows) await sql`drop trigger ${sql.id(t.name)}`.execute(store.db);
  }
  const ctx = createContext(store, now);
  await demo.loadDemo(ctx);
  const election = await store.db
    .selectFrom('elections as e')
    .innerJoin('hamlets as h', 'h.id', 'e.hamlet_id')
    .select('e.id')
    .where('h.commune_id', '=', '24820')
    .executeTakeFirstOrThrow();
  const prepared = await count.prepareDemoPolling(ctx, officer, election.id);
  if (!prepared.ok) throw new Error(prepared.error.message);
  const team: Actor = {
    userId: 'bench-team',
    username: 'bench-team',
    displayName: 'Tổ bầu cử',
    role: 'teamMember',
    scope: { kind: 'election', id: election.id },
  };
  // A larger posted roll (a second snapshot, written as the roll service would) so that one count
  // holds every paper of the rounds.
  const roll = await store.db
    .selectFrom('voter_rolls')
    .select('id')
    .where('election_id', '=', election.id)
    .executeTakeFirstOrThrow();
  await writeWithAudit(ctx, officer, async (trx) => {
    await trx
      .insertInto('voter_roll_snapshots')
      .values({
        id: randomUUID(),
        roll_id: roll.id,
        number: 2,
        posted_on: '2024-11-10',
        registered: PAPERS,
        entries: '[]',
        user_id: null,
        at: now().toISOString(),
        kind: 'posted',
        amendment_seq: null,
      })
      .execute();
    return { value: undefined, audit: { action: 'bench.roll', entity: 'election', entityId: election.id } };
  });
  const papers = PAPERS;
  const opened = await count.openCount(ctx, team, election.id, {
    position: 'head',
    voted: papers,
    issued: papers,
    received: papers,
    doubleEntry: false,
  });
  if (!opened.ok) throw new Error(opened.error.message);
  const view = await count.getCount(ctx, team, opened.value.id);
  if (!view.ok) throw new Error(view.error.message);
  return {
    store,
    ctx,
    team,
    countId: opened.value.id,
    candidates: view.value.candidates.map((c) => c.id),
    seconds: 0,
  };
}

async function round(lane: Lane, n: number): Promise<void> {
  const batch = await count.openBatch(lane.ctx, lane.team, lane.countId, { size: n });
  if (!batch.ok) throw new Error(batch.error.message);
  const t0 = performance.now();
  for (let i = 0; i < n; i++) {
    const r = await count.enterPaper(lane.ctx, lane.team, lane.countId, {
      batchId: batch.value.id,
      lane: 1,
      kept: [lane.candidates[i % 3 === 0 ? 1 : 0]!],
      key: randomUUID(),
    });
    if (!r.ok) throw new Error(r.error.message);
  }
  lane.seconds += (performance.now() - t0) / 1000;
}

const dir = mkdtempSync(join(tmpdir(), 'baucoso-seal-cost-'));
const sealed = await prepare(dir, 'sealed', true);
const bare = await prepare(dir, 'bare', false);
const per = PER_ROUND;
for (let r = 0; r < ROUNDS; r++) {
  // Alternate which goes first, so neither always meets a warmer cache.
  const order = r % 2 === 0 ? [sealed, bare] : [bare, sealed];
  for (const lane of order) await round(lane, per);
}
const check = await recordSeals.verifyRecord(sealed.store.db, 'sqlite', ['count_entries']);
if (!check.ok) {
  console.error('broken: the papers entered do not verify', check.problems.slice(0, 3));
  process.exitCode = 1;
}
const entered = per * ROUNDS;
figure({
  name: `papers entered one by one through the count service, sealed (${entered} papers), SQLite`,
  value: entered / sealed.seconds,
  unit: 'papers/s',
  reference: {
    name: 'the same without the record triggers',
    value: entered / bare.seconds,
    unit: 'papers/s',
  },
  goals: [{ kind: 'min', value: 0.7, on: 'ratio' }],
});
await sealed.store.close();
await bare.store.close();
rmSync(dir, { recursive: true, force: true });
