import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/main';
import { auditHash } from '../../src/store/audit-repo';

let out = '';
let err = '';
let dir = '';
const saved = { ...process.env };

beforeEach(() => {
  out = '';
  err = '';
  process.exitCode = undefined;
  vi.spyOn(process.stdout, 'write').mockImplementation((s) => ((out += String(s)), true));
  vi.spyOn(process.stderr, 'write').mockImplementation((s) => ((err += String(s)), true));
  dir = mkdtempSync(join(tmpdir(), 'baucoso-trust-'));
  process.env['BAUCOSO_DATA_DIR'] = dir;
  delete process.env['DATABASE_URL'];
});
afterEach(() => {
  vi.restoreAllMocks();
  process.env = { ...saved };
  process.exitCode = undefined;
});

async function json(args: string[]): Promise<{ code: number; value: Record<string, unknown> }> {
  out = '';
  const code = await main(args);
  return { code, value: JSON.parse(out || '{}') as Record<string, unknown> };
}

function tamper(statement: string): void {
  const db = new BetterSqlite3(join(dir, 'baucoso.sqlite'));
  db.prepare(statement).run();
  db.close();
}

it('audit verify finds an edited, a deleted and an inserted event', async () => {
  await main(['demo']);
  await main([
    'users',
    'add',
    '--username',
    'canbo9',
    '--name',
    'Cán bộ 9',
    '--role',
    'admin',
    '--password',
    'matkhau2024',
  ]);
  const clean = await json(['audit', 'verify', '--json']);
  expect(clean).toMatchObject({
    code: 0,
    value: { ok: true, chain: { ok: true, firstBadEvent: null }, record: { ok: true }, problems: [] },
  });
  const events = (clean.value['chain'] as { events: number }).events;

  tamper("update audit_events set data = '{}' where seq = 3");
  const edited = await json(['audit', 'verify', '--json']);
  expect(edited.code).toBe(1);
  expect(edited.value).toMatchObject({ ok: false, chain: { ok: false, events } });
  expect(edited.value['problems']).toContainEqual(
    expect.objectContaining({ kind: 'chain', table: 'audit_events', seq: 3 }),
  );
});

it('audit verify finds a deleted event and an inserted one', async () => {
  await main(['demo']);
  tamper('delete from audit_events where seq = 2');
  expect((await json(['audit', 'verify', '--json'])).value['ok']).toBe(false);
  out = '';
  expect(await main(['audit', 'verify'])).toBe(1);
  expect(out).toContain('KHÔNG toàn vẹn');
  expect(out).toContain('chuỗi băm đứt từ sự kiện');
  const other = mkdtempSync(join(tmpdir(), 'baucoso-trust-'));
  process.env['BAUCOSO_DATA_DIR'] = dir = other;
  await main(['demo']);
  tamper(
    "insert into audit_events (seq, id, at, user_id, action, entity, entity_id, data, prev_hash, hash) values (999, 'forged', '2030-01-01', null, 'x', 'y', null, 'null', 'a', 'b')",
  );
  expect((await json(['audit', 'verify', '--json'])).value).toMatchObject({
    ok: false,
    chain: { firstBadEvent: 'forged' },
  });
});

it('backs up, restores, and asks for --force before restoring an older backup over newer data', async () => {
  await main(['demo']);
  const file = join(dir, 'backup.sqlite');
  const made = await json(['backup', file, '--json']);
  expect(made.value).toMatchObject({ integrity: 'ok', trail: { ok: true }, warning: null });
  expect(await main(['backup', file])).toBe(1);
  expect(err).toContain('đã có');

  await main([
    'users',
    'add',
    '--username',
    'moi',
    '--name',
    'Người mới',
    '--role',
    'admin',
    '--password',
    'matkhau2024',
  ]);
  err = '';
  expect(await main(['restore', file])).toBe(1);
  expect(err).toContain('--force');
  const restored = await json(['restore', file, '--force', '--json']);
  expect(restored.value).toMatchObject({ restored: true });
  err = '';
  const code = await main([
    'users',
    'add',
    '--username',
    'moi',
    '--name',
    'Người mới',
    '--role',
    'admin',
    '--password',
    'matkhau2024',
  ]);
  expect(err).toBe('');
  expect(code).toBe(0);
});

it('refuses to restore a file that is not a baucoso backup', async () => {
  await main(['demo']);
  const junk = join(dir, 'junk.sqlite');
  writeFileSync(junk, 'hello');
  expect(await main(['restore', junk])).toBe(1);
  expect(err).toContain('không phải là bản sao lưu');
});

function sql<T>(statement: string, file = join(dir, 'baucoso.sqlite')): T {
  const db = new BetterSqlite3(file);
  try {
    return db.prepare(statement).get() as T;
  } finally {
    db.close();
  }
}

it('audit verify names the table and row of a record row edited outside the application', async () => {
  await main(['demo']);
  const { id } = sql<{ id: string }>('select id from residents order by id limit 1');
  tamper(`update residents set full_name = 'Người Giả Mạo' where id = '${id}'`);
  const check = await json(['audit', 'verify', '--json']);
  expect(check.code).toBe(1);
  expect(check.value).toMatchObject({ ok: false, chain: { ok: true }, record: { ok: false } });
  expect(check.value['problems']).toContainEqual(
    expect.objectContaining({ kind: 'record', problem: 'edited', table: 'residents', row: id }),
  );
  out = '';
  await main(['audit', 'verify']);
  expect(out).toContain(`bảng residents, dòng ${id}`);
});

it('the checkpoint beside the database catches the end of the trail cut off with its seals', async () => {
  await main(['demo']);
  const witness = readFileSync(join(dir, 'audit-checkpoints.jsonl'), 'utf8').trim().split('\n');
  const last = JSON.parse(witness[witness.length - 1]!) as { seq: number; hash: string };
  const head = sql<{ seq: number; hash: string }>(
    'select seq, hash from audit_events order by seq desc limit 1',
  );
  expect(last).toMatchObject(head);
  // Cut the last 3 events and their seals: the chain that is left is internally consistent.
  tamper(`delete from record_seals where seq > ${head.seq - 3}`);
  tamper(`delete from audit_events where seq > ${head.seq - 3}`);
  const check = await json(['audit', 'verify', '--json']);
  expect(check.code).toBe(1);
  expect(check.value).toMatchObject({
    ok: false,
    chain: { ok: true },
    checkpoint: { ok: false, head: head.seq - 3, problem: { kind: 'truncated', seq: head.seq } },
  });
  expect(check.value['problems']).toContainEqual(
    expect.objectContaining({ kind: 'checkpoint', problem: 'truncated', seq: head.seq }),
  );
});

it('the checkpoint catches a chain rewritten consistently from some event on', async () => {
  await main(['demo']);
  const head = sql<{ seq: number }>('select seq from audit_events order by seq desc limit 1');
  tamper(`update audit_events set hash = 'f${'0'.repeat(63)}' where seq = ${head.seq}`);
  const check = await json(['audit', 'verify', '--json']);
  expect(check.value['checkpoint']).toMatchObject({
    ok: false,
    problem: { kind: 'rewritten', seq: head.seq },
  });
});

it('backup refuses a database that fails its check, or writes it with --force and warns', async () => {
  await main(['demo']);
  const { id } = sql<{ id: string }>('select id from households order by id limit 1');
  tamper(`update households set address = 'Địa chỉ giả' where id = '${id}'`);
  const file = join(dir, 'broken.sqlite');
  err = '';
  expect(await main(['backup', file])).toBe(1);
  expect(err).toContain('KHÔNG toàn vẹn, không sao lưu');
  expect(err).toContain(`bảng households, dòng ${id}`);
  expect(existsSync(file)).toBe(false);
  err = '';
  expect(await main(['backup', file, '--force'])).toBe(2);
  expect(err).toContain('CẢNH BÁO');
  expect(existsSync(file)).toBe(true);
  // A forced copy of broken data is refused on restore.
  err = '';
  expect(await main(['restore', file, '--force'])).toBe(1);
  expect(err).toContain('Bản sao lưu KHÔNG toàn vẹn');
});

it('restores into a fresh, empty data folder, witness included', async () => {
  await main(['demo']);
  const file = join(dir, 'backup.sqlite');
  expect(await main(['backup', file])).toBe(0);
  const fresh = mkdtempSync(join(tmpdir(), 'baucoso-trust-fresh-'));
  process.env['BAUCOSO_DATA_DIR'] = fresh;
  err = '';
  expect(await main(['restore', file])).toBe(0);
  expect(err).toBe('');
  expect(existsSync(join(fresh, 'audit-checkpoints.jsonl'))).toBe(true);
  dir = fresh;
  const check = await json(['audit', 'verify', '--json']);
  expect(check).toMatchObject({ code: 0, value: { ok: true, checkpoint: { ok: true } } });
  expect(
    sql<{ n: number }>("select count(*) as n from sqlite_master where name = 'backup_checkpoints'").n,
  ).toBe(0);
});

it('refuses a truncated backup with a message, not a stack trace', async () => {
  await main(['demo']);
  const file = join(dir, 'backup.sqlite');
  expect(await main(['backup', file])).toBe(0);
  const cut = join(dir, 'cut.sqlite');
  const bytes = readFileSync(file);
  writeFileSync(cut, bytes.subarray(0, Math.floor(bytes.length / 2)));
  err = '';
  expect(await main(['restore', cut, '--force'])).toBe(1);
  expect(err).toContain('bị hỏng hoặc bị cắt cụt');
  expect(err).not.toMatch(/at .*\.ts:\d+/);
});

it('refuses a backup whose chain was rewritten, against the data folder’s checkpoint', async () => {
  await main(['demo']);
  const file = join(dir, 'backup.sqlite');
  expect(await main(['backup', file])).toBe(0);
  // Someone with the backup rewrites its last event (and drops the checkpoint it carries), so the
  // file is consistent on its own; the folder's witness still remembers the real head.
  const db = new BetterSqlite3(file);
  const last = db.prepare('select * from audit_events order by seq desc limit 1').get() as {
    seq: number;
    id: string;
    at: string;
    user_id: string | null;
    entity: string;
    entity_id: string | null;
    data: string;
    prev_hash: string;
    seals: string | null;
  };
  const forged = {
    seq: last.seq,
    id: last.id,
    at: last.at,
    userId: last.user_id,
    action: 'forged',
    entity: last.entity,
    entityId: last.entity_id,
    data: JSON.parse(last.data) as unknown,
    seals: last.seals,
  };
  db.prepare('delete from backup_checkpoints').run();
  db.prepare("update audit_events set action = 'forged', hash = ? where seq = ?").run(
    auditHash(last.prev_hash, forged),
    last.seq,
  );
  db.close();
  err = '';
  expect(await main(['restore', file, '--force'])).toBe(1);
  expect(err).toContain('không khớp với điểm mốc nhật ký của thư mục dữ liệu này');
  expect(err).toContain('Nhật ký bị viết lại');
});
