import { expect, it } from 'vitest';
import { demo, plan, people, auth } from '../../src/services';
import type { Actor, ServiceContext } from '../../src/services';
import { checkVersion } from '../../src/services/audit/edit-conflict';
import { aCommuneOfficer } from '../support/actors';
import { describeEachDatabase } from '../support/databases';

const WARD = '24820';
const CONFLICT =
  /^Bản ghi đã được người khác sửa lúc \d\d:\d\d ngày \d\d\/\d\d\/\d{4} \(Cán bộ Thứ Nhất\)\. Tải lại trang để xem và sửa lại\.$/;

function must<T>(r: { ok: true; value: T } | { ok: false; error: { message: string } }): T {
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

async function auditCount(ctx: ServiceContext): Promise<number> {
  const row = await ctx.store.db
    .selectFrom('audit_events')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

it('accepts a missing or positive integer version and refuses anything else', () => {
  expect(checkVersion(undefined)).toEqual({ ok: true, value: undefined });
  expect(checkVersion(3)).toEqual({ ok: true, value: 3 });
  for (const bad of [0, -1, 1.5, '2', {}]) expect(checkVersion(bad).ok).toBe(false);
});

describeEachDatabase('optimistic concurrency: two officers editing the same record', (t) => {
  let first: Actor;
  let second: Actor;
  const s = { resident: '', other: '', household: '' };

  const detail = async (id: string) => must(await people.getResident(t.ctx(), first, id)).resident;
  const fields = (r: Awaited<ReturnType<typeof detail>>) => ({
    fullName: r.fullName,
    birthDate: r.birthDate,
    sex: r.sex,
    personalId: r.personalId,
    relation: r.relation,
    residence: r.residence,
    legalCapacity: r.legalCapacity,
  });

  it('prepares two commune officers and a resident', async () => {
    const ctx = t.ctx();
    await demo.loadDemo(ctx);
    const make = async (username: string, displayName: string): Promise<Actor> => {
      const u = must(
        await auth.createUser(ctx, null, {
          username,
          displayName,
          role: 'communeOfficer',
          scopeId: WARD,
          password: 'matkhau2024',
        }),
      );
      return { ...aCommuneOfficer(WARD), userId: u.id, displayName };
    };
    first = await make('canbo.mot', 'Cán bộ Thứ Nhất');
    second = await make('canbo.hai', 'Cán bộ Thứ Hai');
    const rows = await ctx.store.db
      .selectFrom('residents as r')
      .innerJoin('households as h', 'h.id', 'r.household_id')
      .innerJoin('hamlets as hm', 'hm.id', 'h.hamlet_id')
      .select(['r.id', 'r.household_id'])
      .where('hm.commune_id', '=', WARD)
      .where('r.status', '=', 'active')
      .orderBy('r.id')
      .limit(2)
      .execute();
    s.resident = rows[0]!.id;
    s.other = rows[1]!.id;
    const home = await ctx.store.db
      .selectFrom('households')
      .select('hamlet_id')
      .where('id', '=', rows[0]!.household_id)
      .executeTakeFirstOrThrow();
    const elsewhere = await ctx.store.db
      .selectFrom('households')
      .select('id')
      .where('hamlet_id', '=', home.hamlet_id)
      .where('id', '!=', rows[0]!.household_id)
      .executeTakeFirstOrThrow();
    s.household = elsewhere.id;
  });

  it('refuses the second save from the same version with a 409-style conflict, and writes nothing', async () => {
    const read = await detail(s.resident);
    expect(read.version).toBe(1);
    must(
      await people.editResident(t.ctx(), first, s.resident, {
        ...fields(read),
        fullName: 'Tên Người Thứ Nhất',
        reason: 'Sửa theo giấy tờ',
        version: read.version,
      }),
    );
    const events = await auditCount(t.ctx());
    const late = await people.editResident(t.ctx(), second, s.resident, {
      ...fields(read),
      fullName: 'Tên Người Thứ Hai',
      reason: 'Sửa theo lời khai',
      version: read.version,
    });
    expect(!late.ok && late.error.code).toBe('conflict');
    expect(!late.ok && late.error.message).toMatch(CONFLICT);
    const after = await detail(s.resident);
    expect(after.fullName).toBe('Tên Người Thứ Nhất');
    expect(after.version).toBe(2);
    expect(await auditCount(t.ctx())).toBe(events);
  });

  it('lets the second officer save after reloading (the new version)', async () => {
    const read = await detail(s.resident);
    const saved = await people.editResident(t.ctx(), second, s.resident, {
      ...fields(read),
      fullName: 'Tên Người Thứ Hai',
      reason: 'Sửa theo lời khai',
      version: read.version,
    });
    expect(saved.ok).toBe(true);
    expect((await detail(s.resident)).version).toBe(3);
  });

  it('lets exactly one of two simultaneous saves from the same version through', async () => {
    const read = await detail(s.other);
    const save = (actor: Actor, name: string) =>
      people.editResident(t.ctx(), actor, s.other, {
        ...fields(read),
        fullName: name,
        reason: 'Hai người sửa cùng lúc',
        version: read.version,
      });
    const results = await Promise.all([save(first, 'Cùng Lúc Một'), save(second, 'Cùng Lúc Hai')]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok && r.error.code === 'conflict')).toHaveLength(1);
    const after = await detail(s.other);
    expect(after.version).toBe(read.version + 1);
    expect(['Cùng Lúc Một', 'Cùng Lúc Hai']).toContain(after.fullName);
  });

  it('checks the version of a move and of a departure too', async () => {
    const stale = (await detail(s.resident)).version - 1;
    const move = await people.moveResident(t.ctx(), first, s.resident, {
      householdId: s.household,
      relation: 'other',
      reason: 'x',
      version: stale,
    });
    expect(!move.ok && move.error.code).toBe('conflict');
    expect((await detail(s.resident)).householdId).not.toBe(s.household);
    const gone = await people.markDeparture(t.ctx(), first, s.resident, {
      kind: 'moved',
      effectiveOn: '2024-09-30',
      version: stale,
    });
    expect(!gone.ok && gone.error.code).toBe('conflict');
    expect((await detail(s.resident)).status).toBe('active');
    const bad = await people.markDeparture(t.ctx(), first, s.resident, {
      kind: 'moved',
      effectiveOn: '2024-09-30',
      version: 0,
    });
    expect(!bad.ok && bad.error.code).toBe('invalid-input');
  });

  it('applies the same check to a plan task', async () => {
    const hamlet = await t
      .ctx()
      .store.db.selectFrom('hamlets')
      .select('id')
      .where('commune_id', '=', WARD)
      .where('name', '=', 'Khu phố 2')
      .executeTakeFirstOrThrow();
    const round = must(
      await plan.createRound(t.ctx(), first, {
        communeId: WARD,
        termLabel: '2025-2030',
        profileId: 'nd59-2023',
        form: 'meeting',
        chairName: 'Lê Thanh Bình',
        frontChairName: 'Trần Thị Kim Loan',
        planDate: '2024-09-20',
        hamlets: [
          { hamletId: hamlet.id, electionDate: '2024-11-17', startTime: '07:30', venue: 'Nhà văn hóa' },
        ],
        assignments: [],
      }),
    );
    const task = round.tasks[0]!;
    expect(task.version).toBe(1);
    const done = must(
      await plan.updateTask(t.ctx(), first, task.id, { status: 'done', version: task.version }),
    );
    expect(done.version).toBe(2);
    const late = await plan.updateTask(t.ctx(), second, task.id, {
      status: 'doing',
      version: task.version,
    });
    expect(!late.ok && late.error.code).toBe('conflict');
    expect(!late.ok && late.error.message).toMatch(CONFLICT);
    const round2 = must(await plan.getRound(t.ctx(), first, round.id));
    expect(round2.tasks.find((x) => x.id === task.id)!.status).toBe('done');
  });
});
