/**
 * Commands over the rules engine: profiles, timeline, workdays, recognition-due, tally, rules-doc.
 * JSON goes to stdout exactly as docs/cli.md describes; errors go to stderr with exit code 1.
 */
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Command } from 'commander';
import { defaultWorkCalendar } from '../../domain/calendar/working-days';
import { formatVietnamese, parseCivilDate } from '../../domain/calendar/civil-date';
import { parseCountInput, tally } from '../../domain/count';
import type { TallyResult } from '../../domain/count';
import { buildTimeline, recognitionDue } from '../../domain/election';
import type { Result } from '../../domain/result';
import {
  SHIPPED_PROFILES,
  formatCitation,
  getProfile,
  listProfiles,
  renderRulesMarkdown,
} from '../../domain/rules';
import type { RuleProfile } from '../../domain/rules';

export interface RulesIo {
  out(text: string): void;
  err(text: string): void;
  readFile(path: string): string;
  writeFile(path: string, text: string): void;
}

const processIo: RulesIo = {
  out: (t) => void process.stdout.write(t),
  err: (t) => void process.stderr.write(t),
  readFile: (p) => readFileSync(p, 'utf8'),
  writeFile: (p, t) => {
    mkdirSync(dirname(p), { recursive: true });
    writeFileSync(p, t, 'utf8');
  },
};

class CliFailure extends Error {}

function unwrap<T>(r: Result<T>): T {
  if (r.ok) return r.value;
  throw new CliFailure(r.error.message);
}

function date(text: string, option: string): string {
  return unwrap(parseCivilDate(text, option));
}

function profileOf(id: string, onDate?: string): RuleProfile {
  return unwrap(getProfile(id, onDate));
}

function integer(text: string, option: string): number {
  if (!/^-?\d+$/.test(text)) throw new CliFailure(`${option}: phải là số nguyên (nhận được "${text}").`);
  return Number(text);
}

/** Runs an action, turning expected failures into a message on stderr and exit code 1. */
function guarded<A extends unknown[]>(io: RulesIo, action: (...args: A) => void): (...args: A) => void {
  return (...args: A) => {
    try {
      action(...args);
    } catch (e) {
      if (!(e instanceof CliFailure)) throw e;
      io.err(`Lỗi: ${e.message}\n`);
      process.exitCode = 1;
    }
  };
}

const json = (io: RulesIo, value: unknown) => io.out(`${JSON.stringify(value, null, 2)}\n`);

/** The `tally --json` contract: `elected` is one id or null for one seat, a list for several. */
export function tallyJson(r: TallyResult): Record<string, unknown> {
  return {
    registered: r.registered,
    voted: r.voted,
    issued: r.issued,
    received: r.received,
    valid: r.valid,
    invalid: r.invalid,
    invalidReasons: r.invalidReasons,
    candidates: r.candidates.map((c) => ({
      id: c.id,
      votes: c.votes,
      percentOfRegistered: c.percentOfRegistered,
    })),
    outcome: r.outcome,
    elected: r.seats === 1 ? (r.elected[0] ?? null) : r.elected,
    reasons: r.reasons,
  };
}

function readJsonFile(io: RulesIo, file: string): unknown {
  let text: string;
  try {
    text = io.readFile(file);
  } catch {
    throw new CliFailure(`${file}: không đọc được tệp.`);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (e) {
    throw new CliFailure(`${file}: JSON không hợp lệ (${e instanceof Error ? e.message : 'lỗi cú pháp'}).`);
  }
}

const OUTCOME_VI = { elected: 'Trúng cử', rerun: 'Phải bầu cử lại', interim: 'Cử người lâm thời' } as const;

function runTally(io: RulesIo, file: string, opts: { profile: string; json?: boolean }): void {
  const profile = profileOf(opts.profile);
  const raw = readJsonFile(io, file);
  const input = unwrap(parseCountInput(raw, profile));
  const result = unwrap(tally(profile, input));
  if (opts.json) return json(io, tallyJson(result));
  const lines = [
    `Bộ quy tắc: ${profile.id}; chức danh: ${result.position}; lần bầu: ${result.round}`,
    `Cử tri trong danh sách: ${result.registered}; tham gia: ${result.voted}; phát ra: ${result.issued}; thu vào: ${result.received}`,
    `Hợp lệ: ${result.valid}; không hợp lệ: ${result.invalid}`,
    ...result.candidates.map(
      (c) => `  ${c.id}: ${c.votes} phiếu (${c.percentOfRegistered}% so với danh sách)`,
    ),
    `Kết quả: ${OUTCOME_VI[result.outcome]}${result.elected.length ? `: ${result.elected.join(', ')}` : ''}${result.reasons.length ? ` (${result.reasons.join(', ')})` : ''}`,
  ];
  io.out(`${lines.join('\n')}\n`);
}

export function registerRulesCommands(program: Command, io: RulesIo = processIo): void {
  program
    .command('profiles')
    .description('List the rule profiles (national law and provincial rules) with their effective dates')
    .option('--json', 'print [{"id","title","effectiveFrom"}] as JSON')
    .action(
      guarded(io, (opts: { json?: boolean }) => {
        const list = listProfiles();
        if (opts.json)
          return json(
            io,
            list.map(({ id, title, effectiveFrom }) => ({ id, title, effectiveFrom })),
          );
        io.out(list.map((p) => `${p.id}\t${p.effectiveFrom}\t${p.title}`).join('\n') + '\n');
      }),
    );

  program
    .command('timeline')
    .description('Every step of an election with its due date, counted back from election day')
    .requiredOption('--profile <id>', 'rule profile id (see `baucoso profiles`)')
    .requiredOption('--date <YYYY-MM-DD>', 'election day')
    .option('--today <YYYY-MM-DD>', 'warn about steps already overdue on this day')
    .option('--json', 'print {"profile","electionDate","steps","warnings"} as JSON')
    .action(
      guarded(io, (opts: { profile: string; date: string; today?: string; json?: boolean }) => {
        const electionDate = date(opts.date, '--date');
        const today = opts.today === undefined ? undefined : date(opts.today, '--today');
        const t = buildTimeline(profileOf(opts.profile), electionDate, today === undefined ? {} : { today });
        if (opts.json) {
          return json(io, {
            profile: t.profile,
            electionDate: t.electionDate,
            steps: t.steps.map((s) => ({
              id: s.id,
              due: s.due,
              title: s.title,
              citation: formatCitation(s.citation),
            })),
            warnings: t.warnings.map((w) => ({ code: w.code, message: w.message })),
          });
        }
        const lines = t.steps.map(
          (s) => `${formatVietnamese(s.due)}  ${s.id.padEnd(21)} ${s.title} [${formatCitation(s.citation)}]`,
        );
        for (const w of t.warnings) lines.push(`Cảnh báo (${w.code}): ${w.message}`);
        io.out(`${lines.join('\n')}\n`);
      }),
    );

  program
    .command('workdays')
    .description('The N-th working day after a day (weekends, public holidays and official days off skipped)')
    .requiredOption('--from <YYYY-MM-DD>', 'the starting day (not counted)')
    .requiredOption('--add <n>', 'number of working days (negative counts backwards)')
    .option('--json', 'print {"date"} as JSON')
    .action(
      guarded(io, (opts: { from: string; add: string; json?: boolean }) => {
        const result = defaultWorkCalendar.addWorkingDays(
          date(opts.from, '--from'),
          integer(opts.add, '--add'),
        );
        if (opts.json) return json(io, { date: result });
        io.out(`${result}\n`);
      }),
    );

  program
    .command('recognition-due')
    .description('Last day for the commune to recognise the result, counted in working days from receipt')
    .requiredOption('--profile <id>', 'rule profile id')
    .requiredOption('--received <YYYY-MM-DD>', 'day the commune received the result')
    .option('--json', 'print {"due"} as JSON')
    .action(
      guarded(io, (opts: { profile: string; received: string; json?: boolean }) => {
        const due = recognitionDue(profileOf(opts.profile), date(opts.received, '--received'));
        if (opts.json) return json(io, { due });
        io.out(`${due}\n`);
      }),
    );

  program
    .command('tally')
    .description(
      'Count one position from a JSON file of ballot papers or a show of hands, and decide the outcome',
    )
    .argument('<file>', 'count file (see docs/cli.md)')
    .requiredOption('--profile <id>', 'rule profile id')
    .option('--json', 'print the count and outcome as JSON')
    .action(
      guarded(io, (file: string, opts: { profile: string; json?: boolean }) => runTally(io, file, opts)),
    );

  program
    .command('rules-doc')
    .description('Write the rules reference (every parameter of every profile, with citation and confidence)')
    .requiredOption('--out <file>', 'output Markdown file, e.g. docs/rules.md')
    .action(
      guarded(io, (opts: { out: string }) => {
        try {
          io.writeFile(opts.out, renderRulesMarkdown(SHIPPED_PROFILES));
        } catch (e) {
          throw new CliFailure(
            `${opts.out}: không ghi được tệp (${e instanceof Error ? e.message : String(e)}).`,
          );
        }
        io.err(`Đã ghi ${opts.out}\n`);
      }),
    );
}
