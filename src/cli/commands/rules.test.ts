import { afterEach, describe, expect, it } from 'vitest';
import { Command } from 'commander';
import { registerRulesCommands } from './rules';
import type { RulesIo } from './rules';

interface Run {
  stdout: string;
  stderr: string;
  exitCode: number;
  files: Map<string, string>;
}

function run(args: string[], files: Record<string, string> = {}): Run {
  const out: string[] = [];
  const errs: string[] = [];
  const fs = new Map(Object.entries(files));
  const io: RulesIo = {
    out: (t) => void out.push(t),
    err: (t) => void errs.push(t),
    readFile: (p) => {
      const t = fs.get(p);
      if (t === undefined) throw new Error('ENOENT');
      return t;
    },
    writeFile: (p, t) => void fs.set(p, t),
  };
  const program = new Command('baucoso').exitOverride().configureOutput({
    writeOut: (t) => out.push(t),
    writeErr: (t) => errs.push(t),
  });
  registerRulesCommands(program, io);
  process.exitCode = undefined;
  let exitCode = 0;
  try {
    program.parse(args, { from: 'user' });
    exitCode = typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (e) {
    exitCode = (e as { exitCode?: number }).exitCode ?? 99;
  }
  process.exitCode = undefined;
  return { stdout: out.join(''), stderr: errs.join(''), exitCode, files: fs };
}

const parse = (r: Run) => JSON.parse(r.stdout) as unknown;

afterEach(() => {
  process.exitCode = undefined;
});

describe('baucoso profiles', () => {
  it('--json lists id, title, effectiveFrom', () => {
    const r = run(['profiles', '--json']);
    expect(r.exitCode).toBe(0);
    const list = parse(r) as Array<Record<string, string>>;
    expect(list.map((p) => p.id)).toEqual([
      'kien-giang-2024',
      'nd59-2023',
      'quang-tri-2016',
      'tay-ninh-2019',
    ]);
    expect(Object.keys(list[0] ?? {})).toEqual(['id', 'title', 'effectiveFrom']);
  });
});

describe('baucoso timeline', () => {
  it('prints the contract shape with step ids and no warnings on a Sunday (QĐ 01/2016)', () => {
    const r = run(['timeline', '--profile', 'quang-tri-2016', '--date', '2024-11-17', '--json']);
    const t = parse(r) as {
      profile: string;
      electionDate: string;
      steps: Array<Record<string, string>>;
      warnings: unknown[];
    };
    expect(t.profile).toBe('quang-tri-2016');
    expect(t.electionDate).toBe('2024-11-17');
    expect(t.warnings).toEqual([]);
    expect(t.steps.find((s) => s.id === 'form-team')).toEqual({
      id: 'form-team',
      due: '2024-11-07',
      title: 'Quyết định thành lập Tổ bầu cử (05–07 người) và quyết định thành phần cử tri',
      citation: 'Quyết định 01/2016/QĐ-UBND tỉnh Quảng Trị (Quy chế), Điều 15, khoản 1 điểm đ',
    });
  });

  it('warns weekday-not-allowed on a Monday', () => {
    const t = parse(run(['timeline', '--profile', 'quang-tri-2016', '--date', '2024-11-18', '--json'])) as {
      warnings: Array<{ code: string }>;
    };
    expect(t.warnings.map((w) => w.code)).toEqual(['weekday-not-allowed']);
  });

  it('fails on an unknown profile or a bad date, printing nothing on stdout', () => {
    const a = run(['timeline', '--profile', 'nowhere', '--date', '2024-11-17', '--json']);
    expect(a.exitCode).toBe(1);
    expect(a.stdout).toBe('');
    expect(a.stderr).toContain('nowhere');
    const b = run(['timeline', '--profile', 'nd59-2023', '--date', '2024-02-30', '--json']);
    expect(b.exitCode).toBe(1);
    expect(b.stderr).toContain('--date');
  });
});

describe('baucoso workdays and recognition-due', () => {
  it('workdays: 5 working days after Fri 13/02/2026 cross Tết', () => {
    expect(parse(run(['workdays', '--from', '2026-02-13', '--add', '5', '--json']))).toEqual({
      date: '2026-02-27',
    });
  });
  it('workdays: --add must be an integer', () => {
    const r = run(['workdays', '--from', '2026-02-13', '--add', 'five', '--json']);
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toContain('--add');
  });
  it('recognition-due: ND59 Điều 8, 05 working days', () => {
    expect(
      parse(run(['recognition-due', '--profile', 'nd59-2023', '--received', '2026-02-13', '--json'])),
    ).toEqual({
      due: '2026-02-27',
    });
  });
});

describe('baucoso tally', () => {
  const count = {
    position: 'head',
    seats: 1,
    round: 1,
    registered: 412,
    voted: 380,
    issued: 380,
    received: 3,
    candidates: [
      { id: 'a', name: 'Nguyễn Văn An', birthDate: '1970-05-01' },
      { id: 'b', name: 'Trần Thị Bình', birthDate: '1965-03-12' },
    ],
    papers: [{ kept: ['a'] }, { kept: ['a', 'b'] }, { kept: [], defects: ['unstamped'] }],
  };

  it('prints the contract for papers', () => {
    const r = run(['tally', '--profile', 'quang-tri-2016', 'count.json', '--json'], {
      'count.json': JSON.stringify(count),
    });
    expect(r.exitCode).toBe(0);
    expect(parse(r)).toEqual({
      registered: 412,
      voted: 380,
      issued: 380,
      received: 3,
      valid: 1,
      invalid: 2,
      invalidReasons: { unstamped: 1, 'too-many-kept': 1 },
      candidates: [
        { id: 'a', votes: 1, percentOfRegistered: '0.24' },
        { id: 'b', votes: 0, percentOfRegistered: '0.00' },
      ],
      outcome: 'rerun',
      elected: null,
      reasons: ['no-candidate-over-threshold'],
    });
  });

  it('prints the contract for a show of hands (ND59)', () => {
    const { papers: _p, received: _r, ...rest } = count;
    const r = run(['tally', '--profile', 'nd59-2023', 'hands.json', '--json'], {
      'hands.json': JSON.stringify({ ...rest, hands: { a: 220, b: 150 } }),
    });
    const out = parse(r) as Record<string, unknown>;
    expect(out).toMatchObject({ outcome: 'elected', elected: 'a', valid: 380, invalid: 0, reasons: [] });
    expect((out.candidates as Array<{ percentOfRegistered: string }>)[0]?.percentOfRegistered).toBe('53.40');
  });

  it.each([
    [
      'unknown candidate id',
      { ...count, papers: [{ kept: ['z'] }, { kept: [] }, { kept: [] }] },
      'papers[0].kept',
    ],
    ['received > issued', { ...count, issued: 2 }, 'received'],
    ['negative numbers', { ...count, voted: -3 }, 'voted'],
  ])('bad input (%s) exits 1, names the field, prints no result', (_what, input, field) => {
    const r = run(['tally', '--profile', 'quang-tri-2016', 'bad.json', '--json'], {
      'bad.json': JSON.stringify(input),
    });
    expect(r.exitCode).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(field);
  });

  it('malformed JSON exits 1 naming the file', () => {
    const r = run(['tally', '--profile', 'quang-tri-2016', 'broken.json', '--json'], {
      'broken.json': '{"position": ',
    });
    expect(r.exitCode).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('broken.json');
  });

  it('a missing --profile is a usage error', () => {
    const r = run(['tally', 'count.json', '--json'], { 'count.json': '{}' });
    expect(r.exitCode).not.toBe(0);
    expect(r.stdout).toBe('');
  });
});

describe('baucoso rules-doc', () => {
  it('writes every profile with citations and confidence', () => {
    const r = run(['rules-doc', '--out', 'docs/rules.md']);
    const doc = r.files.get('docs/rules.md') ?? '';
    expect(r.exitCode).toBe(0);
    for (const id of ['nd59-2023', 'quang-tri-2016', 'tay-ninh-2019', 'kien-giang-2024'])
      expect(doc).toContain(`\`${id}\``);
    expect(doc).toContain('chưa xác minh');
    expect(doc).toContain('Điều 15, khoản 1 điểm đ');
  });

  it('has --help text for each command', () => {
    for (const cmd of ['profiles', 'timeline', 'workdays', 'recognition-due', 'tally', 'rules-doc']) {
      const r = run([cmd, '--help']);
      expect(r.stdout.length, cmd).toBeGreaterThan(50);
    }
  });
});

describe('docs/rules.md', () => {
  it('is the committed output of rules-doc (regenerate with npm run rules:doc)', async () => {
    const { readFileSync } = await import('node:fs');
    const r = run(['rules-doc', '--out', 'x.md']);
    expect(readFileSync('docs/rules.md', 'utf8')).toBe(r.files.get('x.md'));
  });
});
