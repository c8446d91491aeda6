import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { plan, territory } from '../../src/services';
import { verifyRecord } from '../../src/store/record-seals';
import { resealExistingRows } from '../../src/store/reseal';
import * as migration from '../../src/store/migrations/0033-resident-group-elections';
import { aCommuneOfficer } from '../support/actors';
import { describeEachDatabase } from '../support/databases';
import { lastResealing } from '../support/sealed-fixture';

const COMMUNE = '31069';
const officer = aCommuneOfficer(COMMUNE);
const at = () => new Date('2024-05-22T03:00:00.000Z');

describeEachDatabase(
  'migration 0033: the group column of elections on a database that has elections',
  (t) => {
    it('adding the column seals the elections again, so the record still verifies', async () => {
      const db = t.store().db as unknown as Kysely<unknown>;
      await territory.loadAdministrativeUnits(t.ctx(at));
      const h = await territory.createHamlet(t.ctx(at), officer, COMMUNE, { name: 'Ấp Cũ', kind: 'ap' });
      if (!h.ok) throw new Error(h.error.message);
      const r = await plan.createRound(t.ctx(at), officer, {
        communeId: COMMUNE,
        termLabel: '2024-2029',
        profileId: 'nd59-2023',
        form: 'meeting',
        chairName: 'Nguyễn Văn Hiền',
        frontChairName: 'Danh Thị Sa Rươl',
        planDate: '2024-05-22',
        hamlets: [{ hamletId: h.value.id, electionDate: '2024-09-15' }],
      });
      if (!r.ok) throw new Error(r.error.message);

      // The database as it was before 0033: no column, every election sealed without it.
      await migration.down(db);
      await resealExistingRows(db, 'elections', 'test: as before 0033');
      expect((await verifyRecord(t.store().db, t.store().kind)).ok).toBe(true);

      // A column added without sealing again reads as an edit of every election...
      await sql`alter table elections add column resident_group_id text`.execute(db);
      const broken = await verifyRecord(t.store().db, t.store().kind);
      expect(broken.problems.filter((p) => p.table === 'elections' && p.kind === 'edited')).toHaveLength(1);
      await sql`alter table elections drop column resident_group_id`.execute(db);
      await sql`delete from record_changes`.execute(db);

      // ...and the migration, which seals them again, leaves the record whole.
      await migration.up(db);
      expect((await verifyRecord(t.store().db, t.store().kind)).problems).toEqual([]);
      expect(await lastResealing(t.store())).toEqual({ rows: 1, reason: 'elections.resident_group_id' });
    });
  },
);
