import ExcelJS from 'exceljs';
import { expect, it } from 'vitest';
import {
  audit as auditTrail,
  count as counting,
  demo,
  people as residents,
  auth as users,
} from '../../src/services';
import type { Actor, ServiceContext } from '../../src/services';
import { vietnamDateTime } from '../../src/domain/calendar';
import { readableChanges } from '../../src/services/audit/audit-trail';
import { aCommuneOfficer, aProvinceViewer, aTeamMember } from '../support/actors';
import { describeEachDatabase } from '../support/databases';

const COMMUNE = '24820';

function must<T>(r: { ok: true; value: T } | { ok: false; error: { message: string } }): T {
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

async function hamletsAndElections(ctx: ServiceContext) {
  const rows = await ctx.store.db
    .selectFrom('hamlets as h')
    .leftJoin('elections as e', 'h.id', 'e.hamlet_id')
    .select(['e.id as electionId', 'h.id as hamletId', 'h.name'])
    .where('h.commune_id', '=', COMMUNE)
    .orderBy('h.name')
    .execute();
  return rows;
}

it('shows instants in Vietnam time whatever the machine time zone', () => {
  expect(vietnamDateTime('2024-10-01T20:30:05.000Z')).toBe('02/10/2024 03:30:05');
});

it('reads the three shapes of audit data as field, before, after', () => {
  expect(readableChanges({ changes: [{ field: 'fullName', before: 'A', after: 'B' }] })).toEqual([
    { field: 'fullName', before: 'A', after: 'B' },
  ]);
  expect(readableChanges({ before: { status: 'todo', due: '2024-10-01' }, set: { status: 'done' } })).toEqual(
    [{ field: 'status', before: 'todo', after: 'done' }],
  );
  expect(readableChanges({ name: 'Khu phố 6', size: 3 })).toEqual([
    { field: 'name', before: null, after: 'Khu phố 6' },
    { field: 'size', before: null, after: '3' },
  ]);
  expect(readableChanges(null)).toEqual([]);
});

describeEachDatabase('audit trail of an election, a hamlet and a commune', (t) => {
  const s = { kp1: '', kp2: '', e1: '', resident: '' };
  let editor: Actor;

  it('prepares: a real officer whose display name looks like a formula edits a resident of Khu phố 1', async () => {
    const ctx = t.ctx();
    await demo.loadDemo(ctx);
    const list = await hamletsAndElections(ctx);
    const kp1 = list.find((r) => r.name === 'Khu phố 1')!;
    const kp2 = list.find((r) => r.name === 'Khu phố 2')!;
    Object.assign(s, { kp1: kp1.hamletId, kp2: kp2.hamletId, e1: kp1.electionId! });
    const made = must(
      await users.createUser(ctx, null, {
        username: 'formula.officer',
        displayName: '=HYPERLINK("http://evil.example","x")',
        role: 'communeOfficer',
        scopeId: COMMUNE,
        password: 'matkhau2024',
      }),
    );
    editor = { ...aCommuneOfficer(COMMUNE), userId: made.id, displayName: made.displayName };
    const person = await ctx.store.db
      .selectFrom('residents as r')
      .innerJoin('households as h', 'h.id', 'r.household_id')
      .select(['r.id', 'r.full_name', 'r.birth_date', 'r.sex', 'r.relation', 'r.residence', 'r.personal_id'])
      .where('h.hamlet_id', '=', s.kp1)
      .executeTakeFirstOrThrow();
    s.resident = person.id;
    must(
      await residents.editResident(ctx, editor, person.id, {
        fullName: 'Nguyễn Văn Sửa',
        birthDate: person.birth_date,
        sex: person.sex as 'male' | 'female',
        relation: person.relation,
        residence: person.residence as 'permanent' | 'temporary',
        personalId: person.personal_id,
        reason: 'Sai chính tả',
      }),
    );
    must(await counting.prepareDemoPolling(ctx, editor, s.e1));
  });

  it('lists the hamlet trail newest first with who, Vietnam time and the before/after of the edit', async () => {
    const page = must(await auditTrail.listAuditTrail(t.ctx(), editor, { kind: 'hamlet', id: s.kp1 }));
    expect(page.title).toBe('Khu phố 1');
    const edit = page.events.find((e) => e.action === 'resident.edit')!;
    expect(edit.user).toBe('=HYPERLINK("http://evil.example","x")');
    expect(edit.entityId).toBe(s.resident);
    expect(edit.changes).toEqual([
      { field: 'fullName', before: expect.any(String), after: 'Nguyễn Văn Sửa' },
    ]);
    expect(edit.atVietnam).toBe(vietnamDateTime(edit.at));
    const seqs = page.events.map((e) => e.seq);
    expect([...seqs].sort((a, b) => b - a)).toEqual(seqs);
    // The polling preparation of the hamlet's election is part of the hamlet's trail.
    expect(page.events.some((e) => e.action === 'polling.demo')).toBe(true);
  });

  it('keeps an election trail to that election, and filters by action', async () => {
    const e1 = must(await auditTrail.listAuditTrail(t.ctx(), editor, { kind: 'election', id: s.e1 }));
    expect(e1.events.some((e) => e.action === 'polling.demo')).toBe(true);
    expect(e1.events.some((e) => e.action === 'resident.edit')).toBe(false);
    const kp2 = must(await auditTrail.listAuditTrail(t.ctx(), editor, { kind: 'hamlet', id: s.kp2 }));
    expect(kp2.events.some((e) => e.action === 'polling.demo' || e.action === 'resident.edit')).toBe(false);
    const only = must(
      await auditTrail.listAuditTrail(
        t.ctx(),
        editor,
        { kind: 'commune', id: COMMUNE },
        { action: 'resident.' },
      ),
    );
    expect(only.total).toBeGreaterThanOrEqual(1);
    expect(only.events.every((e) => e.action.startsWith('resident.'))).toBe(true);
  });

  it('paginates the commune trail without overlap', async () => {
    const all = must(await auditTrail.listAuditTrail(t.ctx(), editor, { kind: 'commune', id: COMMUNE }));
    expect(all.total).toBeGreaterThanOrEqual(3);
    const p1 = must(
      await auditTrail.listAuditTrail(t.ctx(), editor, { kind: 'commune', id: COMMUNE }, { pageSize: 2 }),
    );
    const p2 = must(
      await auditTrail.listAuditTrail(
        t.ctx(),
        editor,
        { kind: 'commune', id: COMMUNE },
        { pageSize: 2, page: 2 },
      ),
    );
    expect(p1.events).toHaveLength(2);
    expect(p1.total).toBe(all.total);
    expect(p2.events[0]!.seq).toBeLessThan(p1.events[1]!.seq);
    expect(p2.events[0]!.seq).toBe(all.events[2]!.seq);
    const bad = await auditTrail.listAuditTrail(
      t.ctx(),
      editor,
      { kind: 'commune', id: COMMUNE },
      { pageSize: 0 },
    );
    expect(!bad.ok && bad.error.code).toBe('invalid-input');
  });

  it('lets whoever may read the place read its trail, and nobody else', async () => {
    const ctx = t.ctx();
    const team = aTeamMember(s.e1);
    expect((await auditTrail.listAuditTrail(ctx, team, { kind: 'election', id: s.e1 })).ok).toBe(true);
    const other = await auditTrail.listAuditTrail(ctx, team, { kind: 'hamlet', id: s.kp2 });
    expect(!other.ok && other.error.code).toBe('forbidden');
    const ward = await auditTrail.listAuditTrail(ctx, team, { kind: 'commune', id: COMMUNE });
    expect(!ward.ok && ward.error.code).toBe('forbidden');
    expect(
      (await auditTrail.listAuditTrail(ctx, aProvinceViewer('68'), { kind: 'commune', id: COMMUNE })).ok,
    ).toBe(true);
    const far = await auditTrail.listAuditTrail(ctx, aProvinceViewer('01'), { kind: 'election', id: s.e1 });
    expect(!far.ok && far.error.code).toBe('forbidden');
    const stranger = await auditTrail.listAuditTrail(ctx, aCommuneOfficer('24823'), {
      kind: 'hamlet',
      id: s.kp1,
    });
    expect(!stranger.ok && stranger.error.code).toBe('forbidden');
    const missing = await auditTrail.listAuditTrail(ctx, editor, { kind: 'election', id: 'nope' });
    expect(!missing.ok && missing.error.code).toBe('not-found');
    const exportRefused = await auditTrail.exportAuditTrail(ctx, team, { kind: 'hamlet', id: s.kp2 }, 'csv');
    expect(!exportRefused.ok && exportRefused.error.code).toBe('forbidden');
  });

  it('exports CSV and XLSX with formula-looking text neutralised', async () => {
    const scope = { kind: 'hamlet' as const, id: s.kp1 };
    const csv = must(await auditTrail.exportAuditTrail(t.ctx(), editor, scope, 'csv'));
    expect(csv.fileName).toBe('nhat-ky-Khu phố 1.csv');
    const text = csv.bytes.toString('utf8');
    expect(text.startsWith('\ufeffSố thứ tự sự kiện,')).toBe(true);
    expect(text).toContain(`"'=HYPERLINK(""http://evil.example"",""x"")"`);
    expect(text).not.toMatch(/(^|,)"?=HYPERLINK/m);
    expect(text).toContain('Nguyễn Văn Sửa');
    const xlsx = must(await auditTrail.exportAuditTrail(t.ctx(), editor, scope, 'xlsx'));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.bytes as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    const users = ws.getColumn(3).values.filter((v): v is string => typeof v === 'string');
    expect(users).toContain(`'=HYPERLINK("http://evil.example","x")`);
    expect(users.some((v) => v.startsWith('='))).toBe(false);
    const page = must(await auditTrail.listAuditTrail(t.ctx(), editor, scope));
    expect(ws.rowCount).toBe(page.total + 1);
  });

  it('verifies the chain for an officer and refuses a team member', async () => {
    const check = must(await auditTrail.verifyAuditChain(t.ctx(), editor));
    expect(check).toMatchObject({
      ok: true,
      chain: { ok: true, events: expect.any(Number), firstBadEvent: null },
      record: { ok: true },
      problems: [],
    });
    expect(check.chain.events).toBeGreaterThan(3);
    const team = await auditTrail.verifyAuditChain(t.ctx(), aTeamMember(s.e1));
    expect(!team.ok && team.error.code).toBe('forbidden');
  });
});
