import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Command } from 'commander';
import { people } from '../../services';
import type { Actor } from '../../services';
import { fail, printJson, withContext } from '../runtime';

/**
 * The command line acts as the system administrator: whoever can run it on the server already holds
 * the database. The audit trail records the import without a user id.
 */
const CLI_ACTOR: Actor = {
  userId: 'cli',
  username: 'cli',
  displayName: 'Dòng lệnh (quản trị)',
  role: 'admin',
  scope: { kind: 'all' },
};

interface ImportOptions {
  hamlet: string;
  dryRun?: boolean;
  json?: boolean;
  layout?: 'residents' | 'households';
  residenceDefault?: string;
}

const RESIDENCES = ['permanent', 'temporary'] as const;
type Residence = (typeof RESIDENCES)[number];
const isResidence = (v: string): v is Residence => (RESIDENCES as readonly string[]).includes(v);

/** `baucoso import residents FILE --hamlet ID [--dry-run] --json`. */
export function registerImportCommands(program: Command): void {
  const group = program.command('import').description('Import data from XLSX or CSV files');
  group
    .command('residents')
    .description("Import a hamlet's residents (template columns); every accepted row in one transaction")
    .argument('<file>', 'XLSX or CSV file (UTF-8, TCVN3, VNI or windows-1258)')
    .requiredOption('--hamlet <id>', 'id of the hamlet the residents live in')
    .option('--dry-run', 'validate and show what would change, write nothing')
    .option('--layout <layout>', "'residents' (one row per person) or 'households' (households with members)")
    .option(
      '--residence-default <type>',
      "residence of everyone the file does not say (no 'Loại cư trú' column or a blank cell): 'permanent' (default) or 'temporary'",
    )
    .option('--json', 'print the result as JSON')
    .action(async (file: string, opts: ImportOptions) => runImport(file, opts));
}

async function runImport(file: string, opts: ImportOptions): Promise<void> {
  const residenceDefault = opts.residenceDefault ?? 'permanent';
  if (!isResidence(residenceDefault))
    return fail(`--residence-default phải là 'permanent' (thường trú) hoặc 'temporary' (tạm trú).`);
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await readFile(file));
  } catch (e) {
    return fail(`không đọc được tệp ${file}: ${e instanceof Error ? e.message : String(e)}`);
  }
  await withContext(async (ctx) => {
    const request = { fileName: basename(file), layout: opts.layout, residenceDefault };
    const run = opts.dryRun ? people.previewResidentImport : people.confirmResidentImport;
    const result = await run(ctx, CLI_ACTOR, opts.hamlet, bytes, request);
    if (!result.ok) return fail(result.error.message);
    const r = result.value;
    if (r.missing.length > 0) {
      const names = r.fields.filter((f) => r.missing.includes(f.field)).map((f) => `'${f.header}'`);
      return fail(`không tìm thấy cột ${names.join(', ')}; hãy đặt tiêu đề cột theo tệp mẫu.`);
    }
    const summary = {
      rows: r.rows,
      accepted: r.accepted,
      rejected: r.rejected.map((x) => ({ row: x.row, field: x.field, message: x.message })),
      converted: r.converted,
      residenceDefault: r.residenceDefault,
    };
    if (opts.json) return printJson(summary);
    const done = opts.dryRun ? null : (r as people.ResidentImportDone);
    const written = done
      ? `, thêm ${done.added}, sửa ${done.changed}`
      : ` (chạy thử: sẽ thêm ${r.toAddCount}, sửa ${r.toChangeCount})`;
    process.stdout.write(`${r.rows} dòng, nhận ${r.accepted}, loại ${r.rejected.length}${written}.\n`);
    if (r.residenceDefault.assumed > 0) {
      const value = r.residenceDefault.value === 'permanent' ? 'thường trú' : 'tạm trú';
      process.stdout.write(
        `  ${r.residenceDefault.assumed} người không ghi loại cư trú: ghi là ${value} (giả định).\n`,
      );
    }
    for (const x of r.rejected) process.stdout.write(`  ${x.message}\n`);
  });
}
