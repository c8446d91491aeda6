import type { Command } from 'commander';
import { demo as demoScale } from '../../services';
import type { Actor } from '../../services';
import { fail, printJson, withContext } from '../runtime';

/** The generator runs as the administrator: whoever runs it on the server holds the database. */
const CLI_ACTOR: Actor = {
  userId: 'cli',
  username: 'cli',
  displayName: 'Dòng lệnh (quản trị)',
  role: 'admin',
  scope: { kind: 'all' },
};

const integer = (name: string, value: string): number | string => {
  const n = Number(value);
  return Number.isInteger(n) && n >= 0 ? n : `${name} phải là số nguyên không âm (nhận "${value}")`;
};

function print(summary: demoScale.ScaleSummary, json: boolean | undefined): void {
  if (json) return printJson(summary);
  process.stdout.write(
    `Đã tạo ${summary.communes} xã, ${summary.hamlets} thôn, ${summary.elections} cuộc bầu (${summary.counts} đã kiểm phiếu), ` +
      `${summary.planTasks} việc kế hoạch, ${summary.households} hộ, ${summary.residents} nhân khẩu trong ${summary.seconds} giây` +
      `${summary.skippedCommunes > 0 ? `; bỏ qua ${summary.skippedCommunes} xã đã có thôn` : ''}.\n`,
  );
}

/** `baucoso demo scale` and `baucoso demo national`: data at scale for benchmarks (issue 11). */
export function registerScaleCommands(program: Command): void {
  const demo =
    program.commands.find((c) => c.name() === 'demo') ??
    program.command('demo').description('Demo and generated data');
  demo
    .command('scale')
    .description(
      'A province at scale: communes of a real province with hamlets, households, residents and elections',
    )
    .requiredOption('--province <code>', 'province code of the 2025 dataset (e.g. 68)')
    .option('--communes <n>', 'communes to fill (the first ones in code order)', '100')
    .option('--hamlets <n>', 'hamlets in all', '2000')
    .option('--households <n>', 'households in all (about 3.6 residents each)', '600000')
    .option('--json', 'print what was created as JSON')
    .action(
      async (
        opts: {
          province: string;
          communes: string;
          hamlets: string;
          households: string;
          json?: boolean;
        },
        cmd: Command,
      ) => {
        // `demo` has its own --json and --seed (default 2024): read them from either level.
        const { json, seed: seedText } = cmd.optsWithGlobals<{ json?: boolean; seed: string }>();
        const numbers = [
          integer('--communes', opts.communes),
          integer('--hamlets', opts.hamlets),
          integer('--households', opts.households),
          integer('--seed', seedText),
        ];
        const bad = numbers.find((n) => typeof n === 'string');
        if (bad !== undefined) return fail(String(bad));
        const [communes, hamlets, households, seed] = numbers as number[];
        await withContext(async (ctx) => {
          const r = await demoScale.loadProvinceScale(ctx, CLI_ACTOR, {
            provinceCode: opts.province,
            communes: communes!,
            hamlets: hamlets!,
            households: households!,
            seed: seed!,
          });
          if (!r.ok) return fail(r.error.message);
          print(r.value, json);
        });
      },
    );
  demo
    .command('national')
    .description(
      "The country's election tables: every commune, hamlets with one election and one result each",
    )
    .option('--hamlets <n>', 'hamlets in all, spread over every commune', '70000')
    .option('--communes <n>', 'only the first communes in code order (a trial run)')
    .option('--json', 'print what was created as JSON')
    .action(async (opts: { hamlets: string; communes?: string }, cmd: Command) => {
      const { json, seed: seedText } = cmd.optsWithGlobals<{ json?: boolean; seed: string }>();
      const hamlets = integer('--hamlets', opts.hamlets);
      const seed = integer('--seed', seedText);
      if (typeof hamlets === 'string') return fail(hamlets);
      if (typeof seed === 'string') return fail(seed);
      const communes = opts.communes === undefined ? undefined : integer('--communes', opts.communes);
      if (typeof communes === 'string') return fail(communes);
      await withContext(async (ctx) => {
        const r = await demoScale.loadNationalScale(ctx, CLI_ACTOR, {
          hamlets,
          seed,
          ...(communes === undefined ? {} : { communes }),
        });
        if (!r.ok) return fail(r.error.message);
        print(r.value, json);
      });
    });
}
