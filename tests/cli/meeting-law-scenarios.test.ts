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

const pdfText = (file: string) =>
  execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'])
    .toString('utf8')
    .normalize('NFC')
    .replace(/\s+/g, ' ');

describe('scenarios of the meeting and the polling law', () => {
  it('Quảng Trị Điều 13, Điều 16: head and deputy elected together are recognised by one decision from the same report', async () => {
    const out = mkdtempSync(join(tmpdir(), 'baucoso-scenario-'));
    const report = await runScenario(load('quang-tri-head-deputy-recognised.json'), out);
    expect(report.steps.filter((s) => !s.asExpected)).toEqual([]);
    expect(report.elections).toEqual({ head: 'recognised', deputyHead: 'recognised' });
    const alone = report.steps.find((s) => s.expected === 'refused' && s.do === 'recognise');
    expect(alone?.refusal?.code).toBe('deputy-elected');
    expect(alone?.refusal?.message).toMatch(/Điều 16/);
    const early = report.steps.find((s) => s.expected === 'refused' && s.do === 'closePoll');
    expect(early?.refusal?.message).toMatch(/100% cử tri/);
    const decisions = readdirSync(out).filter((f) => f.endsWith('recognition-decision.pdf'));
    expect(decisions).toHaveLength(1);
    const text = pdfText(join(out, decisions[0]!));
    expect(text).toContain('công nhận người trúng cử Trưởng thôn và Phó trưởng thôn thôn Tân Hòa');
    expect(text).toMatch(/Điều 1\. Công nhận .* trúng cử Trưởng thôn thôn Tân Hòa/);
    expect(text).toMatch(/Điều 2\. Công nhận .* trúng cử Phó trưởng thôn thôn Tân Hòa/);
    expect(text).toContain('- Như Điều 4;');
  }, 120_000);

  it('Tây Ninh Điều 16 k3f: a separate ballot across the two sessions the commune fixed, closed at the end of the afternoon', async () => {
    const out = mkdtempSync(join(tmpdir(), 'baucoso-scenario-'));
    const report = await runScenario(load('tay-ninh-two-sessions.json'), out);
    expect(report.steps.filter((s) => !s.asExpected)).toEqual([]);
    expect(report.elections).toEqual({ head: 'reported' });
    const refused = report.steps.filter((s) => s.expected === 'refused');
    expect(refused.map((s) => s.refusal?.code)).toEqual([
      'outside-polling-hours',
      'early-close',
      'outside-polling-hours',
    ]);
    expect(refused[1]?.refusal?.message).toContain('buổi 07:30–11:30 và buổi 13:30–17:00');
    expect(refused[1]?.refusal?.message).not.toContain('100%');
    const record = readdirSync(out).find((f) => f.endsWith('count-record.pdf'))!;
    expect(pdfText(join(out, record))).toContain('Số phiếu thu vào: 100');
  }, 120_000);

  it('Tây Ninh Điều 7 k2 d–đ: at the hội nghị ấp the floor nominates, the meeting votes the number and list of candidates before the vote, and the election runs to recognition', async () => {
    const out = mkdtempSync(join(tmpdir(), 'baucoso-scenario-'));
    const report = await runScenario(load('tay-ninh-ap.json'), out);
    expect(report.steps.filter((s) => !s.asExpected)).toEqual([]);
    expect(report.elections).toEqual({ head: 'recognised' });
    const refused = report.steps.filter((s) => s.expected === 'refused' && s.on === '2024-11-17');
    expect(refused.map((s) => [s.do, s.refusal?.code])).toEqual([
      ['agenda', 'conflict'],
      ['floorNomination', 'floor-nomination-closed'],
      ['agenda', 'no-such-step'],
    ]);
    // The voting form waits for the list vote; no nomination once the list is voted.
    expect(refused[0]?.refusal?.message).toContain('Biểu quyết số lượng và danh sách người ứng cử');
    expect(refused[1]?.refusal?.message).toMatch(/Điều 7, khoản 2 điểm d, đ/);
    // The election team counts (Điều 7 k2e): there is no counting team to elect.
    expect(refused[2]?.refusal?.message).toContain('Tổ bầu cử kiểm phiếu');
    const minutes = pdfText(
      join(
        out,
        readdirSync(out).find((f) => f.endsWith('community-meeting.pdf'))!,
      ),
    );
    expect(minutes).toContain(
      'Biểu quyết số lượng và danh sách người ứng cử: Không được thông qua danh sách 3 người ứng cử',
    );
    // A page's footer may fall inside the sentence.
    expect(minutes).toMatch(
      /Được thông qua danh .*sách 3 người ứng cử \(.*\): 76\/84 người.* giơ tay đồng ý/,
    );
    // The minutes are of the hội nghị ấp (Điều 7), which the Quy trình gives no form: not ND59's Mẫu 03.
    expect(minutes).toContain('BIÊN BẢN HỘI NGHỊ ẤP');
    expect(minutes).toContain('ấp Thạnh Hiệp tổ chức hội nghị ấp bầu Trưởng ấp');
    expect(minutes).not.toContain('Mẫu số 03');
    expect(minutes).not.toContain('CỘNG ĐỒNG DÂN CƯ');
    expect(minutes).toMatch(/Điều 7, khoản 2 điểm đ; đã xác minh/);
    // Told in the order it happened: the floor nomination, the list vote, then the voting form.
    const floor = minutes.indexOf('Giới thiệu người ứng cử tại cuộc họp');
    const list = minutes.indexOf('Biểu quyết số lượng và danh sách');
    expect(floor).toBeGreaterThan(0);
    expect(floor).toBeLessThan(list);
    expect(list).toBeLessThan(minutes.indexOf('Biểu quyết hình thức bầu'));
    const record = pdfText(
      join(
        out,
        readdirSync(out).find((f) => f.endsWith('count-record.pdf'))!,
      ),
    );
    // Witnesses from the roll, not team members; the election team counts.
    expect(record).toContain('Tổ bầu cử gồm:');
    expect(record).not.toContain('Người chứng kiến -');
    expect(record.match(/NGƯỜI CHỨNG KIẾN/g)).toHaveLength(2);
    // The conclusion names the profile's denominator: household representatives, not "cử tri".
    expect(record).toContain('so với tổng số đại diện hộ gia đình trong danh sách) trúng cử Trưởng ấp');
    expect(readdirSync(out).some((f) => f.endsWith('recognition-decision.pdf'))).toBe(true);
  }, 120_000);

  it('ND59 Điều 3 k5, Mẫu 05: nominations from the floor of the meeting go on the list the meeting votes on and into the minutes', async () => {
    const out = mkdtempSync(join(tmpdir(), 'baucoso-scenario-'));
    const report = await runScenario(load('phuong2-floor-nominations.json'), out);
    expect(report.steps.filter((s) => !s.asExpected)).toEqual([]);
    expect(report.elections).toEqual({ head: 'counted' });
    const refused = report.steps.filter((s) => s.expected === 'refused');
    expect(refused.map((s) => [s.do, s.refusal?.code])).toEqual([
      ['nominate', 'conflict'],
      ['floorNomination', 'invalid-input'],
      ['floorNomination', 'floor-nomination-closed'],
    ]);
    expect(refused[2]?.refusal?.rule).toBe('floorNominations');
    expect(refused[2]?.refusal?.message).toMatch(/Điều 3, khoản 5/);
    const minutes = readdirSync(out).find((f) => f.endsWith('community-meeting.pdf'))!;
    const text = pdfText(join(out, minutes));
    expect(text).toMatch(
      /Giới thiệu người ứng cử tại cuộc họp: .* \(tự ứng cử; người được giới thiệu đồng ý ứng cử\)/,
    );
    expect(text).toContain('do Trần Văn Hải giới thiệu; người được giới thiệu đồng ý ứng cử');
    // The floor nominees are on the list the meeting voted on: four candidates, in nomination order.
    expect(text).toMatch(/4 Bùi Thị Nga 10 /);
    expect(text.indexOf('tại cuộc họp: ')).toBeLessThan(text.indexOf('Biểu quyết hình thức bầu'));
  }, 120_000);

  it('DOMAIN.md row 7, ND59 Điều 3 k1b: a meeting without a quorum turns to household opinion ballots on the same election', async () => {
    const out = mkdtempSync(join(tmpdir(), 'baucoso-scenario-'));
    const report = await runScenario(load('phuong2-no-quorum-household-ballots.json'), out);
    expect(report.steps.filter((s) => !s.asExpected)).toEqual([]);
    expect(report.elections).toEqual({ head: 'reported' });
    const refused = report.steps.filter((s) => s.expected === 'refused');
    expect(refused.map((s) => s.do)).toEqual(['householdBallots', 'agenda']);
    expect(refused[1]?.refusal?.message).toMatch(/Mẫu 04/);
    // The switch issued the opinion ballots, one per household on the roll, each saying why.
    const switched = report.steps.find((s) => s.do === 'householdBallots' && s.ok);
    expect(switched?.documents).toHaveLength(2);
    const ballots = readdirSync(out).find((f) => f.endsWith('household-ballot.pdf'))!;
    const paper = pdfText(join(out, ballots));
    expect(paper.match(/PHIẾU LẤY Ý KIẾN HỘ GIA ĐÌNH/g)).toHaveLength(365);
    expect(paper).toContain(
      'Do cuộc họp cộng đồng dân cư ngày 17/11/2024 không đủ số đại diện hộ gia đình tham dự theo quy định (có mặt 150/365;',
    );
    // The count record is Mẫu 04's, and says the election was decided by household ballots because
    // the meeting was not quorate.
    expect(readdirSync(out).some((f) => f.endsWith('-count-record.pdf'))).toBe(false);
    const record = readdirSync(out).find((f) => f.endsWith('household-count.pdf'))!;
    const text = pdfText(join(out, record));
    expect(text).toContain('Mẫu số 04');
    expect(text).toContain('BIÊN BẢN KIỂM PHIẾU LẤY Ý KIẾN HỘ GIA ĐÌNH');
    expect(text).toMatch(
      /Cuộc họp cộng đồng dân cư ngày 17\/11\/2024 không đủ số đại diện hộ gia đình tham dự theo quy định \(có mặt 150\/365, không đạt ngưỡng trên 50%/,
    );
    expect(text).toContain('nên việc bầu được tiến hành bằng phiếu lấy ý kiến hộ gia đình');
    // Counted by the same engine against the households on the roll.
    expect(text).toMatch(/Tổng số hộ gia đình trong khu phố 2: 365/i);
    expect(text).toContain('Số phiếu thu về: 240');
    expect(text).toContain('so với tổng số hộ gia đình trong danh sách');
    const reportPdf = readdirSync(out).find((f) => f.endsWith('result-report.pdf'))!;
    expect(pdfText(join(out, reportPdf))).toContain('bằng phiếu lấy ý kiến hộ gia đình');
  }, 120_000);
});
