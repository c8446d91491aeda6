import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/main';
import { writeResidentsCsv } from '../../src/io';

let out = '';
let err = '';
const saved = { ...process.env };
let dir = '';

beforeEach(() => {
  out = '';
  err = '';
  process.exitCode = undefined;
  vi.spyOn(process.stdout, 'write').mockImplementation((s) => ((out += String(s)), true));
  vi.spyOn(process.stderr, 'write').mockImplementation((s) => ((err += String(s)), true));
  dir = mkdtempSync(join(tmpdir(), 'baucoso-import-'));
  process.env['BAUCOSO_DATA_DIR'] = dir;
  delete process.env['DATABASE_URL'];
});
afterEach(() => {
  vi.restoreAllMocks();
  process.env = { ...saved };
  process.exitCode = undefined;
});

const head = {
  householdCode: 'MOI-01',
  fullName: 'Vũ Văn Hải',
  birthDate: '1975-04-30',
  sex: 'male' as const,
  personalId: null,
  relation: 'head' as const,
  residence: 'permanent' as const,
  legalCapacity: 'full' as const,
  residentGroup: 'Tổ 1',
  address: 'Số 1, đường Mới',
};

it('baucoso import residents --json prints rows, accepted, rejected and the legacy encoding', async () => {
  expect(await main(['demo', '--json'])).toBe(0);
  const hamlet = (JSON.parse(out) as { hamlets: { id: string }[] }).hamlets[0]!.id;
  const file = join(dir, 'moi.csv');
  writeFileSync(
    file,
    writeResidentsCsv(
      [head, { ...head, fullName: 'Vũ Thị Lan', sex: 'female', relation: 'spouse', birthDate: '2099-01-01' }],
      {
        legacy: 'tcvn3',
      },
    ),
  );

  out = '';
  expect(await main(['import', 'residents', file, '--hamlet', hamlet, '--dry-run', '--json'])).toBe(0);
  const dry = JSON.parse(out) as Record<string, unknown>;
  expect(Object.keys(dry)).toEqual(['rows', 'accepted', 'rejected', 'converted', 'residenceDefault']);
  expect(dry['residenceDefault']).toEqual({ columnPresent: true, value: 'permanent', assumed: 0 });
  expect(dry).toMatchObject({ rows: 2, accepted: 1, converted: 'tcvn3' });
  expect(dry['rejected']).toEqual([
    { row: 3, field: 'birthDate', message: expect.stringContaining('Dòng 3') as string },
  ]);

  out = '';
  expect(await main(['import', 'residents', file, '--hamlet', hamlet, '--json'])).toBe(0);
  expect(JSON.parse(out)).toMatchObject({ rows: 2, accepted: 1 });

  // A list without the residence column: everyone gets the default the command is given.
  const bare = join(dir, 'khong-cu-tru.csv');
  writeFileSync(bare, writeResidentsCsv([{ ...head, householdCode: 'MOI-02' }], { omit: ['residence'] }));
  out = '';
  expect(
    await main([
      'import',
      'residents',
      bare,
      '--hamlet',
      hamlet,
      '--dry-run',
      '--residence-default',
      'temporary',
      '--json',
    ]),
  ).toBe(0);
  expect(JSON.parse(out)).toMatchObject({
    accepted: 1,
    residenceDefault: { columnPresent: false, value: 'temporary', assumed: 1 },
  });
  out = '';
  err = '';
  expect(
    await main(['import', 'residents', bare, '--hamlet', hamlet, '--residence-default', 'tam-tru', '--json']),
  ).not.toBe(0);
  expect(err).toContain('--residence-default');

  out = '';
  expect(await main(['import', 'residents', join(dir, 'none.csv'), '--hamlet', hamlet, '--json'])).not.toBe(
    0,
  );
  expect(out).toBe('');
  expect(err).toContain('không đọc được tệp');
});
