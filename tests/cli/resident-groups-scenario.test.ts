import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseScenario, runScenarioOn } from '../../src/cli/commands/scenario';
import { migrateToLatest, openStore } from '../../src/store';

const pdfText = (file: string) =>
  execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'])
    .toString('utf8')
    .normalize('NFC')
    .replace(/\s+/g, ' ');

describe('scenario kien-giang-ap-groups.json (Kế hoạch 65/KH-UBND Vĩnh Thuận mục II.1.6–1.7)', () => {
  it('mục II.1.6: the ấp elects its head and two groups their Tổ trưởng, Tổ phó and Thư ký in one plan, each position counted and recognised on its own, naming the group', async () => {
    const text = readFileSync(new URL('../../scenarios/kien-giang-ap-groups.json', import.meta.url), 'utf8');
    const parsed = parseScenario(text);
    if (!parsed.ok) throw new Error(parsed.error.message);
    const out = mkdtempSync(join(tmpdir(), 'baucoso-scenario-'));
    const store = openStore({ kind: 'sqlite', file: ':memory:' });
    try {
      await migrateToLatest(store);
      const report = await runScenarioOn(store, parsed.value, out);
      expect(report.steps.filter((s) => !s.asExpected)).toEqual([]);
      expect(report.record.ok).toBe(true);
      expect(report.clean).toBe(true);
      expect(Object.keys(report.elections)).toEqual([
        'head',
        'Tổ 1/groupLeader',
        'Tổ 1/groupDeputy',
        'Tổ 1/groupSecretary',
        'Tổ 2/groupLeader',
        'Tổ 2/groupDeputy',
        'Tổ 2/groupSecretary',
      ]);
      expect(new Set(Object.values(report.elections))).toEqual(new Set(['recognised']));
      // A group's term is the profile's 24 months, not the heads' 60.
      const refused = report.steps.find((s) => s.expected === 'refused');
      expect(refused?.refusal?.code).toBe('term-not-allowed');
      expect(refused?.refusal?.rule).toBe('residentGroup.termMonths');

      // One term per position recognised: the head's for 2024-2029, each group's three for 2024-2026.
      const terms = await store.db
        .selectFrom('office_terms as t')
        .leftJoin('resident_groups as g', 'g.id', 't.resident_group_id')
        .select([
          'g.name as groupName',
          't.position',
          't.term_label as termLabel',
          't.start_on',
          't.planned_end',
        ])
        .orderBy('g.name')
        .orderBy('t.position')
        .execute();
      expect(terms.map((x) => [x.groupName, x.position, x.termLabel, x.planned_end])).toEqual(
        [
          [null, 'head', '2024-2029', '2029-09-19'],
          ['Tổ 1', 'groupDeputy', '2024-2026', '2026-09-19'],
          ['Tổ 1', 'groupLeader', '2024-2026', '2026-09-19'],
          ['Tổ 1', 'groupSecretary', '2024-2026', '2026-09-19'],
          ['Tổ 2', 'groupDeputy', '2024-2026', '2026-09-19'],
          ['Tổ 2', 'groupLeader', '2024-2026', '2026-09-19'],
          ['Tổ 2', 'groupSecretary', '2024-2026', '2026-09-19'],
        ].sort(
          (a, b) =>
            String(a[0] ?? '').localeCompare(String(b[0] ?? '')) || String(a[1]).localeCompare(String(b[1])),
        ),
      );

      const files = readdirSync(out);
      const decisions = files.filter((f) => f.endsWith('recognition-decision.pdf')).sort();
      expect(decisions).toHaveLength(7);
      const texts = decisions.map((f) => pdfText(join(out, f)));
      expect(texts[0]).toContain('công nhận người trúng cử Trưởng ấp ấp Vĩnh Phước, nhiệm kỳ 2024-2029');
      expect(texts[1]).toContain(
        'công nhận người trúng cử Tổ trưởng Tổ nhân dân tự quản số 1, ấp Vĩnh Phước, nhiệm kỳ 2024-2026',
      );
      expect(texts[6]).toContain('Thư ký Tổ nhân dân tự quản số 2, ấp Vĩnh Phước');
      const records = files.filter((f) => f.endsWith('count-record.pdf')).sort();
      expect(records).toHaveLength(7);
      const tổ1Deputy = pdfText(join(out, records[2]!));
      expect(tổ1Deputy).toContain(
        'Về việc bầu Tổ phó Tổ nhân dân tự quản số 1, ấp Vĩnh Phước, nhiệm kỳ 2024-2026',
      );
      // mục II.1.7: the group's roll is its households only (the ấp has 90, in three groups).
      expect(tổ1Deputy).toMatch(/Tổng số đại diện hộ gia đình trong danh sách: 30 /);
      const report1 = pdfText(join(out, files.filter((f) => f.endsWith('result-report.pdf')).sort()[1]!));
      expect(report1).toMatch(/^UBND XÃ VĨNH THUẬN .*TỔ BẦU CỬ .*TỔ NHÂN DÂN TỰ QUẢN SỐ 1 ẤP VĨNH PHƯỚC/);
    } finally {
      await store.close();
    }
  }, 180_000);
});
