import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/main';
import { count, createContext, demo, polling } from '../../src/services';
import { migrateToLatest, openStore } from '../../src/store';
import { aCommuneOfficer, aTeamMember } from '../support/actors';

let out = '';
let err = '';
const saved = { ...process.env };
const laptop = mkdtempSync(join(tmpdir(), 'baucoso-laptop-'));
const server = mkdtempSync(join(tmpdir(), 'baucoso-server-'));
const file = join(laptop, 'kp1.package.json');
let electionId = '';

async function run(dir: string, args: string[]): Promise<{ code: number; out: string; err: string }> {
  out = '';
  err = '';
  process.env['BAUCOSO_DATA_DIR'] = dir;
  const code = await main(args);
  process.exitCode = undefined;
  return { code, out, err };
}

beforeAll(async () => {
  delete process.env['DATABASE_URL'];
  const day = () => new Date('2024-11-17T08:00:00+07:00');
  const store = openStore({ kind: 'sqlite', file: join(laptop, 'baucoso.sqlite') });
  await migrateToLatest(store);
  const ctx = createContext(store, day);
  await demo.loadDemo(ctx);
  const e = await store.db
    .selectFrom('elections as e')
    .innerJoin('hamlets as h', 'h.id', 'e.hamlet_id')
    .select('e.id')
    .where('h.commune_id', '=', '24820')
    .executeTakeFirstOrThrow();
  electionId = e.id;
  await count.prepareDemoPolling(ctx, aCommuneOfficer('24820'), electionId);
  await store.close();
  copyFileSync(join(laptop, 'baucoso.sqlite'), join(server, 'baucoso.sqlite'));
  const again = openStore({ kind: 'sqlite', file: join(laptop, 'baucoso.sqlite') });
  for (const n of [1, 2, 3]) {
    const r = await polling.checkIn(createContext(again, day), aTeamMember(electionId), electionId, {
      rollNumber: n,
    });
    if (!r.ok) throw new Error(r.error.message);
  }
  await again.close();
  vi.spyOn(process.stdout, 'write').mockImplementation((s) => ((out += String(s)), true));
  vi.spyOn(process.stderr, 'write').mockImplementation((s) => ((err += String(s)), true));
});
afterAll(() => {
  vi.restoreAllMocks();
  process.env = { ...saved };
});

it('package key prints the laptop public key; package trust adds it on the commune server', async () => {
  const key = await run(laptop, ['package', 'key']);
  expect(key.out).toMatch(/BEGIN PUBLIC KEY/);
  writeFileSync(join(laptop, 'laptop.pem'), key.out);
  const trusted = await run(server, [
    'package',
    'trust',
    join(laptop, 'laptop.pem'),
    '--name',
    'Tổ bầu cử KP1',
    '--json',
  ]);
  expect(trusted.code).toBe(0);
});

it('package export writes a signed package; package import adds it once, then nothing', async () => {
  const exported = await run(laptop, ['package', 'export', '--election', electionId, file, '--json']);
  expect(exported.code).toBe(0);
  expect((JSON.parse(exported.out) as { rows: number }).rows).toBe(3 + 1); // three check-ins, one "open"
  const first = await run(server, ['package', 'import', file, '--json']);
  expect(first.code).toBe(0);
  expect(JSON.parse(first.out)).toMatchObject({ electionId, inserted: 4, skipped: 0 });
  const second = await run(server, ['package', 'import', file, '--json']);
  expect(JSON.parse(second.out)).toMatchObject({ inserted: 0, skipped: 4 });
});

it('package import refuses another election and an altered package (exit 1)', async () => {
  const other = await run(server, ['package', 'import', file, '--election', 'another-election']);
  expect(other.code).toBe(1);
  expect(other.err).toMatch(/cuộc bầu cử khác/);
  const altered = join(laptop, 'altered.json');
  writeFileSync(altered, readFileSync(file, 'utf8').replace('"roll_number": 2', '"roll_number": 7'));
  const r = await run(server, ['package', 'import', altered]);
  expect(r.code).toBe(1);
  expect(r.err).toMatch(/đã bị sửa/);
});
