/**
 * Migration 0038 on a database that already holds agenda votes: the step's check admits the list
 * vote (Tây Ninh Điều 7 k2đ), the rows and their seals are unchanged, and the seal triggers still
 * note every change (SQLite rebuilds the table).
 */
import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { count, demo } from '../../src/services';
import { verifyRecord } from '../../src/store/record-seals';
import * as migration from '../../src/store/migrations/0038-meeting-list-vote';
import { aCommuneOfficer, aTeamMember } from '../support/actors';
import { describeEachDatabase } from '../support/databases';
import { approveCountingTeam, DEMO_COMMUNE, demoElection, must } from '../support/demo-election';

const pollingDay = () => new Date('2024-11-17T03:30:00.000Z');

describeEachDatabase('migration 0038: the list vote joins the agenda of a database with votes', (t) => {
  it('keeps the votes and their seals, admits the new step, and the triggers still fire', async () => {
    const ctx = t.ctx(pollingDay);
    const store = t.store();
    const db = store.db as unknown as Kysely<unknown>;
    await demo.loadDemo(ctx);
    const electionId = await demoElection(ctx);
    must(await count.prepareDemoPolling(ctx, aCommuneOfficer(DEMO_COMMUNE), electionId));
    await approveCountingTeam(ctx, aTeamMember(electionId), electionId);
    const rows = () => store.db.selectFrom('meeting_agenda_votes').selectAll().orderBy('seq').execute();
    const before = await rows();
    expect(before.length).toBeGreaterThanOrEqual(4);

    const insertList = (trx: typeof store.db) =>
      sql`insert into meeting_agenda_votes (id, election_id, round, seq, step, subject, present,
        votes_for, against, abstained, passed, rule, recorded_at)
        values ('probe', ${electionId}, 1, 99, 'candidateList', '{}', 1, 1, 0, 0, 1, '{}', 'x')`.execute(trx);
    // A probe rolled back: the check is what is tested, not a row of the record.
    const admits = async () => {
      try {
        await store.db.transaction().execute(async (trx) => {
          await insertList(trx).catch(() => {
            throw new Error('refused');
          });
          throw new Error('admitted');
        });
      } catch (e) {
        return (e as Error).message === 'admitted';
      }
      return false;
    };

    await migration.down(db);
    expect(await admits()).toBe(false);
    expect((await verifyRecord(store.db, store.kind)).problems).toEqual([]);
    await migration.up(db);
    expect(await admits()).toBe(true);
    expect(await rows()).toEqual(before);
    expect((await verifyRecord(store.db, store.kind)).problems).toEqual([]);

    // An edit outside the application is still noted by the triggers on the rebuilt table.
    await sql`update meeting_agenda_votes set present = present + 1 where id = ${before[0]!.id}`.execute(db);
    const pending = await store.db.selectFrom('record_changes').selectAll().execute();
    expect(pending).toContainEqual({ tbl: 'meeting_agenda_votes', row_key: before[0]!.id });
    await sql`update meeting_agenda_votes set present = present - 1 where id = ${before[0]!.id}`.execute(db);
    await store.db.deleteFrom('record_changes').execute();
  });
});
