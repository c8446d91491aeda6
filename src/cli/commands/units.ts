import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { territory } from '../../services';
import type { Actor } from '../../services';
import { fail, printJson, withContext } from '../runtime';

/** The command line acts as the administrator (see import.ts); the audit trail records it. */
const CLI_ACTOR: Actor = {
  userId: 'cli',
  username: 'cli',
  displayName: 'Dòng lệnh (quản trị)',
  role: 'admin',
  scope: { kind: 'all' },
};

interface LineageOptions {
  dryRun?: boolean;
  json?: boolean;
}

/** `baucoso units lineage import FILE [--dry-run] [--json]`: the communes merged in 2025. */
export function registerUnitsCommands(program: Command): void {
  const units = program.command('units').description('Administrative units and their changes');
  const lineage = units.command('lineage').description('Communes merged by the 2025 reorganisation');
  lineage
    .command('import')
    .description(
      'Import predecessor communes (old name, old district) merged into a 2025 commune; all rows or none',
    )
    .argument(
      '<file>',
      'XLSX or CSV file; columns: Mã tỉnh, Huyện cũ, Xã cũ, Mã xã mới, Ngày hiệu lực, Số nghị quyết, Ngày nghị quyết, Cơ quan ban hành',
    )
    .option('--dry-run', 'check every row and show what would be written, write nothing')
    .option('--json', 'print the result as JSON')
    .action(async (file: string, opts: LineageOptions) => runLineage(file, opts));
}

async function runLineage(file: string, opts: LineageOptions): Promise<void> {
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await readFile(file));
  } catch (e) {
    return fail(`không đọc được tệp ${file}: ${e instanceof Error ? e.message : String(e)}`);
  }
  await withContext(async (ctx) => {
    const r = await territory.importLineage(ctx, CLI_ACTOR, bytes, { confirm: !opts.dryRun });
    if (!r.ok) {
      const rejected = (r.error.details?.rejected ?? []) as { row: number; message: string }[];
      if (opts.json) printJson({ ok: false, message: r.error.message, rejected });
      return fail(
        rejected.length
          ? `${rejected.length} dòng có lỗi, không ghi dòng nào.\n${rejected.map((x) => `  Dòng ${x.row}: ${x.message}`).join('\n')}`
          : r.error.message,
      );
    }
    if (opts.json) return printJson(r.value);
    const verb = r.value.written ? 'Đã ghi' : 'Chạy thử: sẽ ghi';
    process.stdout.write(`${verb} ${r.value.rows} đơn vị cũ.\n`);
    for (const p of r.value.preview)
      process.stdout.write(`  ${p.oldCommune} (${p.oldDistrict}) → ${p.successor}, từ ${p.effectiveOn}\n`);
  });
}
