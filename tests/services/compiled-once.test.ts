import { expect, it } from 'vitest';
import { compiledOnce } from '../../src/store/compiled-once';
import { describeEachDatabase } from '../support/databases';

describeEachDatabase('queries compiled once', (t) => {
  const byName = compiledOnce(2, (db, username: string, role: string) =>
    db
      .selectFrom('users')
      .select('username')
      .where('username', '=', username)
      .where('role', '=', role)
      .where('disabled', '=', 0)
      .limit(1),
  );

  it('runs the one compiled query with each call’s values, in and out of a transaction', async () => {
    const db = t.store().db;
    expect((await byName(db, 'nobody', 'communeOfficer')).rows).toEqual([]);
    const some = await db.selectFrom('users').select(['username', 'role']).limit(1).execute();
    for (const u of some) {
      expect((await byName(db, u.username, u.role)).rows).toEqual([{ username: u.username }]);
      const inside = await db.transaction().execute((trx) => byName(trx, u.username, u.role));
      expect(inside.rows).toEqual([{ username: u.username }]);
    }
  });

  it('refuses a query that leaves an argument out', async () => {
    const unused = compiledOnce(2, (db, username: string, _role: string) =>
      db.selectFrom('users').select('username').where('username', '=', username),
    );
    await expect(unused(t.store().db, 'a', 'b')).rejects.toThrow(/every argument/);
  });
});
