import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { sql } from 'kysely';
import { parseScenario, runScenarioOn } from '../../src/cli/commands/scenario';
import { SEALED_TABLES, verifyRecord } from '../../src/store/record-seals';
import type { SealedTable } from '../../src/store/record-seals';
import { writeWithAudit } from '../../src/services/common';
import { describeEachDatabase } from '../support/databases';
import { expectEveryTamperFound } from '../support/tamper';

/** Two scenarios that between them run an election from plan to recognition, in two communes. */
const FIXTURE = ['phuong2-polling.json', 'tay-ninh-ap.json'];

/**
 * Tables the scenarios leave empty are tampered with where a service test fills them, at the end
 * of that test's own record.
 */
const TAMPERED_ELSEWHERE: Partial<Record<SealedTable, string>> = {
  count_entry_voids: 'polling-count',
  count_corrections: 'polling-count',
  polling_mobile_boxes: 'polling-day',
  voter_roll_amendments: 'roll',
  household_representatives: 'roll',
  resident_events: 'residents',
  office_records: 'office-records',
  removal_cases: 'removal',
  removal_signatures: 'removal',
  deadline_overrides: 'roll',
  count_hands: 'polling-meeting',
};

it('every sealed table is tampered with by this suite or by the service test that fills it', () => {
  for (const [table, file] of Object.entries(TAMPERED_ELSEWHERE)) {
    const text = readFileSync(new URL(`./${file}.test.ts`, import.meta.url), 'utf8');
    expect(text, `${file}.test.ts tampers with ${table}`).toContain(
      `expectEveryTamperFound(t.store(), '${table}')`,
    );
  }
});

describeEachDatabase('the election record proves itself against edits of the database', (t) => {
  const filled = new Set<SealedTable>();

  it('prepares: two whole elections, run through the application, verify clean', async () => {
    const store = t.store();
    for (const file of FIXTURE) {
      const parsed = parseScenario(readFileSync(new URL(`../../scenarios/${file}`, import.meta.url), 'utf8'));
      if (!parsed.ok) throw new Error(parsed.error.message);
      const report = await runScenarioOn(store, parsed.value, null);
      expect(report.record.problems).toEqual([]);
    }
    for (const table of Object.keys(SEALED_TABLES) as SealedTable[]) {
      const n = await sql<{ n: number }>`select count(*) as n from ${sql.table(table)}`.execute(store.db);
      if (Number(n.rows[0]!.n) > 0) filled.add(table);
    }
    const check = await verifyRecord(store.db, store.kind);
    expect(check.ok).toBe(true);
    expect(check.rows).toBeGreaterThan(9000);
  }, 180_000);

  it('an edit made with the triggers still firing is not vouched for by the next write of the application', async () => {
    const store = t.store();
    const ctx = t.ctx();
    const paper = await store.db
      .selectFrom('count_entries')
      .select(['id', 'kept'])
      .limit(1)
      .executeTakeFirstOrThrow();
    // Plain SQL on the live database, as another client would send it: the triggers note the row.
    await sql`update count_entries set kept = ${`${paper.kept}x`} where id = ${paper.id}`.execute(store.db);
    // The application then writes, about something else and about the same paper's count.
    await writeWithAudit(ctx, null, async (trx) => {
      await trx
        .updateTable('elections')
        .set({ venue: 'Nhà văn hóa khu phố' })
        .where(
          'id',
          '=',
          (await trx.selectFrom('elections').select('id').limit(1).executeTakeFirstOrThrow()).id,
        )
        .execute();
      return { value: undefined, audit: { action: 'test.write', entity: 'election', entityId: null } };
    });
    const check = await verifyRecord(store.db, store.kind);
    const found = check.problems.map((p) => `${p.kind} ${p.table} ${p.row}`);
    expect(found).toContain(`unsealed-change count_entries ${paper.id}`);
    expect(found).toContain(`edited count_entries ${paper.id}`);
    expect(found.filter((f) => !f.endsWith(paper.id))).toEqual([]);
    // Put back as it was, pending note included, for the table-by-table checks below.
    await sql`update count_entries set kept = ${paper.kept} where id = ${paper.id}`.execute(store.db);
    await sql`delete from record_changes`.execute(store.db);
  });

  for (const table of Object.keys(SEALED_TABLES) as SealedTable[]) {
    if (TAMPERED_ELSEWHERE[table]) continue;
    it(`finds an edit, a delete and an insert in ${table}`, async () => {
      expect(filled.has(table), `the scenarios fill ${table}`).toBe(true);
      await expectEveryTamperFound(t.store(), table);
    }, 60_000);
  }
});
