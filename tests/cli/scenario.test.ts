import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseScenario, runScenario } from '../../src/cli/commands/scenario';
import type { Scenario } from '../../src/cli/commands/scenario';

const load = (file: string): Scenario => {
  const parsed = parseScenario(readFileSync(new URL(`../../scenarios/${file}`, import.meta.url), 'utf8'));
  if (!parsed.ok) throw new Error(parsed.error.message);
  return parsed.value;
};

describe('baucoso scenario', () => {
  for (const file of ['phuong2-nd59.json', 'quang-tri-thon.json', 'tay-ninh-ap.json']) {
    it(`runs ${file} clean through the services and writes every document`, async () => {
      const out = mkdtempSync(join(tmpdir(), 'baucoso-scenario-'));
      const report = await runScenario(load(file), out);
      const wrong = report.steps.filter((s) => !s.asExpected);
      expect(wrong).toEqual([]);
      expect(report.clean).toBe(true);
      // Quảng Trị runs through polling day and the count of both positions, Tây Ninh's hội nghị ấp to
      // the recognition; ND59's stops at the roll.
      const last =
        { 'quang-tri-thon.json': 'reported', 'tay-ninh-ap.json': 'recognised' }[file] ?? 'rollPosted';
      expect(Object.values(report.elections).every((s) => s === last)).toBe(true);
      const written = readdirSync(out).sort();
      expect(written).toEqual([...report.documents].sort());
      expect(written.some((f) => f.endsWith('election-team-decision.pdf'))).toBe(true);
      expect(
        readFileSync(
          join(
            out,
            written.find((f) => f.endsWith('.pdf'))!,
          ),
        )
          .subarray(0, 4)
          .toString(),
      ).toBe('%PDF');
      // The hamlet's proper name keeps its case in every document ("thôn Tân Hòa", never "thôn tân hòa").
      const hamlet = load(file).hamlet as { name?: string };
      const proper = (hamlet.name ?? '').split(' ').slice(1).join(' ');
      for (const pdf of written.filter((f) => f.endsWith('.pdf'))) {
        const text = execFileSync('pdftotext', ['-enc', 'UTF-8', join(out, pdf), '-'])
          .toString('utf8')
          .normalize('NFC');
        if (proper && !/\d/.test(proper)) expect(text, pdf).not.toContain(proper.toLowerCase());
      }
    }, 60_000);
  }

  it('Quảng Trị Điều 15 k2d: the election team counts, two voters of the roll who are not candidates witness, the record has no ND59 label', async () => {
    const out = mkdtempSync(join(tmpdir(), 'baucoso-scenario-'));
    const report = await runScenario(load('quang-tri-thon.json'), out);
    expect(report.steps.filter((s) => !s.asExpected)).toEqual([]);
    const refused = report.steps.find((s) => s.do === 'seal' && s.expected === 'refused')!;
    expect(refused.refusal?.code).toBe('witness-candidate');
    expect(refused.events).toEqual([]);
    const records = readdirSync(out).filter((f) => f.endsWith('count-record.pdf'));
    expect(records).toHaveLength(2);
    for (const f of records) {
      const text = execFileSync('pdftotext', ['-enc', 'UTF-8', join(out, f), '-'])
        .toString('utf8')
        .normalize('NFC')
        .replace(/\s+/g, ' ');
      expect(text).not.toContain('Mẫu số');
      expect(text).toMatch(/Tổ bầu cử gồm: 1\. .+ - Tổ trưởng 2\. .+ - Thư ký/);
      expect(text).toMatch(/Cử tri chứng kiến việc kiểm phiếu: 1\. \S+/);
      // Signed by the team's members (Điều 15 k2d), not by the witnesses.
      expect(text).not.toContain('NGƯỜI CHỨNG KIẾN');
      expect(text).toContain('thôn Tân Hòa');
    }
  }, 120_000);

  it('runs a scenario through to recognition: the head is recognised and the decision written', async () => {
    const out = mkdtempSync(join(tmpdir(), 'baucoso-scenario-'));
    const report = await runScenario(load('phuong2-nd59-recognition.json'), out);
    expect(report.steps.filter((s) => !s.asExpected)).toEqual([]);
    expect(report.elections).toEqual({ head: 'recognised' });
    expect(readdirSync(out).filter((f) => f.includes('recognition-decision'))).toHaveLength(2);
  }, 60_000);

  it('runs polling day and the count: agenda votes, attendance, an interruption, double entry with three planted differences, the record', async () => {
    const out = mkdtempSync(join(tmpdir(), 'baucoso-scenario-'));
    const report = await runScenario(load('phuong2-polling.json'), out);
    expect(report.steps.filter((s) => !s.asExpected)).toEqual([]);
    expect(report.elections).toEqual({ head: 'recognised' });
    const refused = report.steps.filter((s) => s.expected === 'refused').map((s) => s.refusal?.message);
    expect(refused.join(' ')).toMatch(/đã bỏ phiếu lúc 08:45: mỗi cử tri chỉ bỏ phiếu một lần/);
    const record = readdirSync(out).find((f) => f.endsWith('count-record.pdf'))!;
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', join(out, record), '-'])
      .toString('utf8')
      .normalize('NFC')
      .replace(/\s+/g, ' ');
    expect(text).toContain('Số phiếu thu vào: 240');
    // ND59 Điều 3 k5 i and Mẫu 02: the counting team the meeting elected, the two witnesses recorded at sealing.
    expect(text).toContain(
      'Ban kiểm phiếu gồm: 1. Đỗ Văn Thắng - Trưởng ban 2. Phan Thị Ngọc Ánh - Thành viên',
    );
    expect(text).toMatch(/Đại diện hộ gia đình chứng kiến việc kiểm phiếu: 1\. \S+ .+ 2\. /);
    expect(text.match(/NGƯỜI CHỨNG KIẾN/g)).toHaveLength(2);
    const seal = report.steps.find((s) => s.do === 'seal')!;
    expect(seal.events.map((e) => e.action)).toEqual(['polling.seal', 'document.issue']);
    expect(text).toMatch(/189 Một trăm tám mươi chín/i);
    expect(text).toContain('Tạm dừng bỏ phiếu lúc 09:10 đến 09:40. Lý do: Mưa lớn, mất điện tại nhà văn hóa');
    const minutes = readdirSync(out).find((f) => f.endsWith('community-meeting.pdf'))!;
    const m = execFileSync('pdftotext', ['-enc', 'UTF-8', join(out, minutes), '-']).toString('utf8');
    expect(m.normalize('NFC').replace(/\s+/g, ' ')).toContain('NGHỊ QUYẾT CUỘC HỌP CỘNG ĐỒNG DÂN CƯ');
  }, 120_000);

  it('Tây Ninh Điều 15 k3: a roll posted after D-5 is refused in the report with its code, rule and message', async () => {
    const base = load('tay-ninh-ap.json');
    const cut = base.steps.findIndex((s) => s.do === 'roll');
    const late: Scenario = {
      ...base,
      steps: [...base.steps.slice(0, cut), { do: 'step', on: '2024-11-14', to: 'rollPosted' }],
    };
    const report = await runScenario(late, null);
    const last = report.steps[report.steps.length - 1]!;
    expect(report.clean).toBe(false);
    expect(last.ok).toBe(false);
    expect(last.refusal?.code).toBe('deadline-passed');
    expect(last.refusal?.rule).toBe('timeline.post-voters');
    expect(last.refusal?.message).toContain('12/11/2024');
    expect(last.refusal?.message).toContain('Điều 15, khoản 3');
    expect(last.states).toEqual({ head: 'teamFormed' });
    // Declared as expected, the same refusal leaves the run clean; with the chair's override it passes.
    const expected = await runScenario(
      {
        ...late,
        steps: [
          ...late.steps.slice(0, -1),
          { do: 'step', on: '2024-11-14', to: 'rollPosted', expect: { refused: 'deadline-passed' } },
        ],
      },
      null,
    );
    expect(expected.clean).toBe(true);
    const overridden = await runScenario(
      {
        ...late,
        steps: [
          ...late.steps.slice(0, -1),
          {
            do: 'step',
            on: '2024-11-14',
            to: 'rollPosted',
            override: { authorisedBy: 'Nguyễn Văn Tâm', reason: 'Niêm yết lại sau khi bổ sung hộ mới' },
          },
        ],
      },
      null,
    );
    expect(overridden.clean).toBe(true);
    expect(overridden.elections).toEqual({ head: 'rollPosted' });
    // The report carries the trail: the late step's event holds who authorised it and why.
    const lateStep = overridden.steps.at(-1)!;
    const stepEvent = lateStep.events.find((e) => e.action === 'election.step')!;
    expect(stepEvent.override).toEqual({
      step: 'rollPosted',
      due: '2024-11-12',
      authorisedBy: 'Nguyễn Văn Tâm',
      reason: 'Niêm yết lại sau khi bổ sung hộ mới',
    });
    const earlier = overridden.steps.slice(0, -1).flatMap((s) => s.events);
    expect(earlier.filter((e) => e.override)).toEqual([]);
    // A refused step wrote nothing; every step that went through wrote its events, in order.
    expect(last.events).toEqual([]);
    for (const s of overridden.steps.filter((x) => x.ok)) expect(s.events.length).toBeGreaterThan(0);
    const seqs = overridden.steps.flatMap((s) => s.events.map((e) => e.seq));
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
  }, 60_000);

  it('rejects a malformed scenario with a Vietnamese message', () => {
    const r = parseScenario('{"name": "x"}');
    expect(!r.ok && r.error.message).toContain('Kịch bản không hợp lệ');
  });
});
