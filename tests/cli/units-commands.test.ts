import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/main';

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
  dir = mkdtempSync(join(tmpdir(), 'baucoso-cli-'));
  process.env['BAUCOSO_DATA_DIR'] = dir;
  delete process.env['DATABASE_URL'];
});
afterEach(() => {
  vi.restoreAllMocks();
  process.env = { ...saved };
  process.exitCode = undefined;
});

const HEAD = 'Mã tỉnh,Huyện cũ,Xã cũ,Mã xã mới,Ngày hiệu lực,Số nghị quyết,Ngày nghị quyết,Cơ quan ban hành';
// Test data: the resolution number is invented.
const GOOD =
  '68,Thành phố Bảo Lộc,Phường 2,24820,01/07/2025,9999/NQ-UBTVQH15,16/06/2025,Ủy ban Thường vụ Quốc hội';

it('baucoso units lineage import: dry run, then written; a bad row writes nothing and exits 1', async () => {
  expect(await main(['demo', '--json'])).toBe(0);
  const good = join(dir, 'good.csv');
  writeFileSync(good, `${HEAD}\n${GOOD}\n`);
  out = '';
  expect(await main(['units', 'lineage', 'import', good, '--dry-run', '--json'])).toBe(0);
  expect(JSON.parse(out)).toMatchObject({ rows: 1, written: false });
  const bad = join(dir, 'bad.csv');
  writeFileSync(
    bad,
    `${HEAD}\n${GOOD}\n68,Thành phố Bảo Lộc,Phường 9,99999,01/07/2025,9999/NQ-UBTVQH15,16/06/2025,UBTVQH\n`,
  );
  out = '';
  expect(await main(['units', 'lineage', 'import', bad])).toBe(1);
  expect(err).toContain('Dòng 3: Không có xã, phường mã "99999"');
  out = '';
  expect(await main(['units', 'lineage', 'import', good])).toBe(0);
  expect(out).toContain('Đã ghi 1 đơn vị cũ.');
  expect(out).toContain('Phường 2 (Thành phố Bảo Lộc) → Phường 2 Bảo Lộc, từ 2025-07-01');
  err = '';
  expect(await main(['units', 'lineage', 'import', good])).toBe(1);
  expect(err).toContain('đã được ghi là đã nhập vào Phường 2 Bảo Lộc');
});
