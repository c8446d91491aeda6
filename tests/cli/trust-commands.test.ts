import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/main';

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
  expect(clean).toMatchObject({ code: 0, value: { ok: true, firstBadEvent: null } });
  const events = clean.value['events'] as number;

  tamper("update audit_events set data = '{}' where seq = 3");
  const edited = await json(['audit', 'verify', '--json']);
  expect(edited.code).toBe(1);
  expect(edited.value).toMatchObject({ ok: false, events });
  expect(edited.value['firstBadEvent']).toEqual(expect.any(String));
});

it('audit verify finds a deleted event and an inserted one', async () => {
  await main(['demo']);
  tamper('delete from audit_events where seq = 2');
  expect((await json(['audit', 'verify', '--json'])).value['ok']).toBe(false);
  const other = mkdtempSync(join(tmpdir(), 'baucoso-trust-'));
  process.env['BAUCOSO_DATA_DIR'] = dir = other;
  await main(['demo']);
  tamper(
    "insert into audit_events (seq, id, at, user_id, action, entity, entity_id, data, prev_hash, hash) values (999, 'forged', '2030-01-01', null, 'x', 'y', null, 'null', 'a', 'b')",
  );
  expect((await json(['audit', 'verify', '--json'])).value).toMatchObject({
    ok: false,
    firstBadEvent: 'forged',
  });
});

it('backs up, restores, and asks for --force before restoring an older backup over newer data', async () => {
  await main(['demo']);
  const file = join(dir, 'backup.sqlite');
  const made = await json(['backup', file, '--json']);
  expect(made.value).toMatchObject({ integrity: 'ok', audit: { ok: true } });
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
