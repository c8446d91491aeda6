import { writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { demo, oversight } from '../../services';
import type { Actor } from '../../services';
import { fail, printJson, withContext } from '../runtime';

/** The command line reads as the administrator: whoever runs it on the server holds the database. */
const CLI_ACTOR: Actor = {
  userId: 'cli',
  username: 'cli',
  displayName: 'Dòng lệnh (quản trị)',
  role: 'admin',
  scope: { kind: 'all' },
};

/** `baucoso report progress|results` and `baucoso demo-province`. */
export function registerReportCommands(program: Command): void {
  const group = program.command('report').description('Oversight reports of a province or a commune');
  group
    .command('progress')
    .description('Per child unit: counts of elections by state, late items and what is missing')
    .requiredOption('--unit <code>', 'province code (e.g. 68) or commune id (e.g. 24820)')
    .option('--deadline <date>', "the plan's final deadline YYYY-MM-DD (default: the plans' own)")
    .option('--json', 'print the report as JSON')
    .action(async (opts: { unit: string; deadline?: string; json?: boolean }) =>
      withContext(async (ctx) => {
        const r = await oversight.progressReport(ctx, CLI_ACTOR, opts.unit, {
          ...(opts.deadline ? { deadline: opts.deadline } : {}),
        });
        if (!r.ok) return fail(r.error.message);
        if (opts.json) return printJson(r.value);
        const v = r.value;
        process.stdout.write(
          `${v.unit.name}: ${v.totals.done}/${v.totals.hamlets} đã hoàn thành, ${v.totals.lateHamlets} chậm tiến độ, ${v.totals.lateItems} việc quá hạn${v.deadline ? `, hạn ${v.deadline}` : ''}.\n`,
        );
        for (const c of v.children) {
          process.stdout.write(
            `- ${c.name}: ${c.done}/${c.hamlets} xong, ${c.lateItems} việc quá hạn, còn thiếu ${c.missing.length}\n`,
          );
        }
      }),
    );
  group
    .command('results')
    .description('Results as XLSX: one row per hamlet (commune) or per commune (province), with totals')
    .requiredOption('--unit <code>', 'province code or commune id')
    .requiredOption('--xlsx <file>', 'the XLSX file to write')
    .option('--json', 'print {"file", "bytes"} as JSON')
    .action(async (opts: { unit: string; xlsx: string; json?: boolean }) =>
      withContext(async (ctx) => {
        const r = await oversight.resultsXlsx(ctx, CLI_ACTOR, opts.unit);
        if (!r.ok) return fail(r.error.message);
        try {
          await writeFile(opts.xlsx, r.value.bytes);
        } catch (e) {
          return fail(
            `không ghi được tệp ${opts.xlsx} (--xlsx): ${e instanceof Error ? e.message : String(e)}`,
          );
        }
        if (opts.json) printJson({ file: opts.xlsx, bytes: r.value.bytes.length });
        else process.stdout.write(`Đã ghi ${opts.xlsx} (${r.value.bytes.length} byte).\n`);
      }),
    );
  program
    .command('demo-province')
    .description(
      'Load the demo ward and four more communes of Tỉnh Lâm Đồng with elections in various states',
    )
    .option('--json', 'print what was loaded as JSON')
    .action(async (opts: { json?: boolean }) =>
      withContext(async (ctx) => {
        const s = await demo.loadDemoProvince(ctx);
        if (opts.json) return printJson(s);
        for (const c of s.communes)
          process.stdout.write(
            `${c.created ? 'Đã tạo' : 'Đã có sẵn'}: ${c.name} (${c.code}), ${c.hamlets} thôn, tổ dân phố\n`,
          );
      }),
    );
}
