import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseScenario, runScenario } from '../../src/cli/commands/scenario';

describe('baucoso scenario: the hamlet register steps', () => {
  it('runs phuong2-merge.json: a refused merge, the merge, attach, rename, establish, as-of checks', async () => {
    const parsed = parseScenario(
      readFileSync(new URL('../../scenarios/phuong2-merge.json', import.meta.url), 'utf8'),
    );
    if (!parsed.ok) throw new Error(parsed.error.message);
    const report = await runScenario(parsed.value, null);
    expect(report.steps.filter((s) => !s.asExpected)).toEqual([]);
    expect(report.clean).toBe(true);
    const refused = report.steps.filter((s) => s.expected === 'refused');
    expect(refused.map((s) => s.do)).toEqual(['mergeHamlets', 'dissolveHamlet']);
    expect(refused[0]!.refusal!.message).toMatch(/Hãy chọn cuộc bầu được giữ lại/);
    expect(report.steps.filter((s) => s.do === 'checkAsOf').every((s) => s.ok)).toBe(true);
  }, 60_000);

  it('fails an as-of check whose households differ, saying which', async () => {
    const parsed = parseScenario(
      JSON.stringify({
        ...JSON.parse(readFileSync(new URL('../../scenarios/phuong2-merge.json', import.meta.url), 'utf8')),
        steps: [{ do: 'checkAsOf', on: '2024-08-01', date: '2024-08-01', households: { 'Khu phố 1': 400 } }],
      }),
    );
    if (!parsed.ok) throw new Error(parsed.error.message);
    const report = await runScenario(parsed.value, null);
    expect(report.clean).toBe(false);
    expect(report.steps[1]!.refusal!.message).toMatch(/Khu phố 1 có 412 hộ, kịch bản chờ 400/);
  }, 60_000);
});
