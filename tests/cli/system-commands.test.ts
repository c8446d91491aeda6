import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { buildProgram, main } from '../../src/cli/main';
import { latestMigration } from '../../src/store/database';

let out = '';
let err = '';
const saved = { ...process.env };

beforeEach(() => {
  out = '';
  err = '';
  process.exitCode = undefined;
  vi.spyOn(process.stdout, 'write').mockImplementation((s) => ((out += String(s)), true));
  vi.spyOn(process.stderr, 'write').mockImplementation((s) => ((err += String(s)), true));
  process.env['BAUCOSO_DATA_DIR'] = mkdtempSync(join(tmpdir(), 'baucoso-cli-'));
  delete process.env['DATABASE_URL'];
});
afterEach(() => {
  vi.restoreAllMocks();
  process.env = { ...saved };
  process.exitCode = undefined;
});

it('baucoso demo --json prints the commune, its hamlets with households, and the accounts', async () => {
  expect(await main(['demo', '--json'])).toBe(0);
  const printed = JSON.parse(out) as {
    commune: object;
    hamlets: { id: string; name: string; households: number }[];
    users: object[];
  };
  expect(printed.commune).toEqual({ id: '24820', code: '24820', name: 'Phường 2 Bảo Lộc' });
  expect(printed.hamlets).toHaveLength(5);
  expect(Object.keys(printed.hamlets[0]!)).toEqual(['id', 'name', 'households']);
  expect(printed.users).toContainEqual({ username: 'ubnd.phuong2', role: 'communeOfficer' });
});

it('baucoso users add creates an account and refuses a weak password with a non-zero exit', async () => {
  expect(await main(['migrate', '--json'])).toBe(0);
  expect(JSON.parse(out)).toMatchObject({ version: await latestMigration() });
  out = '';
  await main([
    'users',
    'add',
    '--username',
    'quantri2',
    '--name',
    'Quản trị 2',
    '--role',
    'admin',
    '--password',
    'matkhau2024',
    '--json',
  ]);
  expect(JSON.parse(out)).toMatchObject({ username: 'quantri2', role: 'admin' });
  expect(
    await main(['users', 'add', '--username', 'x2', '--name', 'X', '--role', 'admin', '--password', '123']),
  ).toBe(1);
  expect(err).toContain('Tên đăng nhập');
});

it('has --help on every subcommand', async () => {
  const program = buildProgram();
  const walk = (cmd: typeof program): string[][] => cmd.commands.flatMap((c) => [[...pathOf(c)], ...walk(c)]);
  const pathOf = (c: typeof program): string[] =>
    c.parent && c.parent.parent ? [...pathOf(c.parent), c.name()] : [c.name()];
  const paths = walk(program);
  expect(paths.length).toBeGreaterThanOrEqual(5);
  for (const path of paths) {
    out = '';
    expect(await main([...path, '--help'])).toBe(0);
    expect(out).toContain('Usage: baucoso');
  }
});
