/**
 * The counting team and the witnesses of a paper count (ND59 Điều 3 khoản 5 điểm i and Mẫu 02;
 * QĐ 01/2016 Quảng Trị Điều 15 khoản 2 điểm d; Tây Ninh Điều 16 khoản 3 điểm d): the witnesses are
 * residents of the posted roll, not candidates, as many as the profile says, recorded once; the
 * count cannot close without them; the record lists the team the meeting elected and them.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import { countRecordLabels } from '../../src/domain/count';
import { getProfile } from '../../src/domain/rules';
import { count, demo, polling } from '../../src/services';
import type { Actor, ServiceContext } from '../../src/services';
import { aCommuneOfficer, aProvinceViewer, aTeamMember } from '../support/actors';
import { describeEachDatabase } from '../support/databases';
import { DEMO_COMMUNE, approveCountingTeam, demoElection, must } from '../support/demo-election';

const officer = aCommuneOfficer(DEMO_COMMUNE);
const pollingDay = () => new Date('2024-11-17T03:30:00.000Z');

function pdfText(pdf: Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), 'count-record-'));
  writeFileSync(join(dir, 'r.pdf'), pdf);
  return execFileSync('pdftotext', ['-layout', join(dir, 'r.pdf'), '-'], { encoding: 'utf8' });
}

describeEachDatabase('the counting team and the witnesses of the count', (t) => {
  const s = { electionId: '', countId: '', a: '', b: '', candidate: '', voters: [] as string[] };
  let team: Actor;
  const ctx = (): ServiceContext => t.ctx(pollingDay);
  const record = (witnessIds: string[], actor: Actor = team) =>
    polling.recordCountWitnesses(ctx(), actor, s.electionId, { position: 'head', witnessIds });

  it('prepares a paper count of the demo election (ND59, community meeting)', async () => {
    await demo.loadDemo(ctx());
    s.electionId = await demoElection(ctx());
    must(await count.prepareDemoPolling(ctx(), officer, s.electionId));
    team = { ...aTeamMember(s.electionId), userId: 'u-team-w' };
    s.countId = must(
      await count.openCount(ctx(), team, s.electionId, {
        position: 'head',
        voted: 3,
        issued: 3,
        received: 3,
        doubleEntry: false,
      }),
    ).id;
    const view = must(await count.getCount(ctx(), team, s.countId));
    s.a = view.candidates[0]!.id;
    s.b = view.candidates[1]!.id;
    const nominee = await ctx()
      .store.db.selectFrom('nominations')
      .select('resident_id')
      .where('election_id', '=', s.electionId)
      .executeTakeFirstOrThrow();
    s.candidate = nominee.resident_id;
    const roll = (await polling.postedRoll(ctx().store.db, s.electionId))!;
    const counters = new Set(
      (
        await ctx()
          .store.db.selectFrom('team_members')
          .select('resident_id')
          .where('election_id', '=', s.electionId)
          .execute()
      ).map((m) => m.resident_id),
    );
    const nominees = new Set(
      (
        await ctx()
          .store.db.selectFrom('nominations')
          .select('resident_id')
          .where('election_id', '=', s.electionId)
          .execute()
      ).map((n) => n.resident_id),
    );
    s.voters = roll.entries
      .filter((e) => !nominees.has(e.residentId) && !counters.has(e.residentId))
      .map((e) => e.residentId);
    const batch = must(await count.openBatch(ctx(), team, s.countId, { size: 3 })).id;
    for (const kept of [[s.a], [s.a], [s.b]])
      must(
        await count.enterPaper(ctx(), team, s.countId, { batchId: batch, lane: 1, kept, key: randomUUID() }),
      );
    must(await count.closeBatch(ctx(), team, s.countId, batch));
  });

  it('Mẫu 02: every profile asks for two witnesses who are not candidates', () => {
    for (const id of ['nd59-2023', 'quang-tri-2016', 'tay-ninh-2019', 'kien-giang-2024']) {
      const p = getProfile(id);
      expect(p.ok && p.value.witnesses.value).toEqual({ count: 2, excludesCandidates: true });
    }
  });

  it('ND59 Điều 3 khoản 5 điểm i: a secret ballot at the meeting cannot close without the counting team it approved', async () => {
    const r = await count.closeCount(ctx(), team, s.countId);
    expect(!r.ok && r.error.code).toBe('counting-team-missing');
    expect(!r.ok && r.error.details).toMatchObject({ rule: 'countingTeam' });
  });

  it('Mẫu 02: refuses one witness, the same person twice, a person not on the roll and a candidate, naming the rule', async () => {
    const one = await record([s.voters[0]!]);
    expect(!one.ok && one.error.code).toBe('witness-count');
    expect(!one.ok && one.error.message).toMatch(/Cần đúng 2 người khác nhau/);
    const twice = await record([s.voters[0]!, s.voters[0]!]);
    expect(!twice.ok && twice.error.code).toBe('witness-count');
    const stranger = await record([s.voters[0]!, randomUUID()]);
    expect(!stranger.ok && stranger.error.code).toBe('witness-not-on-roll');
    expect(!stranger.ok && stranger.error.message).toMatch(/danh sách cử tri đã niêm yết/);
    const nominee = await record([s.voters[0]!, s.candidate]);
    expect(!nominee.ok && nominee.error.code).toBe('witness-candidate');
    expect(!nominee.ok && nominee.error.message).toMatch(/là người ứng cử nên không được chứng kiến/);
    expect(!nominee.ok && nominee.error.details).toMatchObject({ rule: 'witnesses.excludesCandidates' });
    const member = await ctx()
      .store.db.selectFrom('team_members')
      .select('resident_id')
      .where('election_id', '=', s.electionId)
      .where('role', '=', 'leader')
      .executeTakeFirstOrThrow();
    const counter = await record([s.voters.find((v) => v !== member.resident_id)!, member.resident_id!]);
    expect(!counter.ok && counter.error.code).toBe('witness-on-team');
    expect(!counter.ok && counter.error.message).toMatch(/là thành viên Tổ bầu cử, người kiểm phiếu/);
    const viewer = await record([s.voters[0]!, s.voters[1]!], aProvinceViewer('68'));
    expect(viewer.ok).toBe(false);
    expect(await polling.countWitnesses(ctx().store.db, s.electionId, 1, 'head')).toEqual([]);
  });

  it('Mẫu 02: the count cannot close without its witnesses; the refusal names the rule', async () => {
    await approveCountingTeam(ctx(), team, s.electionId);
    const r = await count.closeCount(ctx(), team, s.countId);
    expect(!r.ok && r.error.code).toBe('witness-count');
    expect(!r.ok && r.error.message).toMatch(
      /cần 2 cử tri không phải người ứng cử chứng kiến việc kiểm phiếu/,
    );
    expect(!r.ok && r.error.details).toMatchObject({ rule: 'witnesses.count' });
  });

  it('records two voters of the roll once; a second choice is refused', async () => {
    const names = must(await record([s.voters[3]!, s.voters[4]!])).map((w) => w.fullName);
    expect(names).toHaveLength(2);
    const again = await record([s.voters[5]!, s.voters[6]!]);
    expect(!again.ok && again.error.code).toBe('conflict');
    const listed = must(await polling.getCountWitnesses(ctx(), team, s.electionId, 'head'));
    expect(listed.map((w) => w.fullName)).toEqual(names);
    const event = await ctx()
      .store.db.selectFrom('audit_events')
      .select('action')
      .where('action', '=', 'count.witnesses')
      .execute();
    expect(event).toHaveLength(1);
  });

  it('Mẫu 02: the record lists the counting team the meeting elected and the witnesses, who sign', async () => {
    must(await count.closeCount(ctx(), team, s.countId));
    const witnesses = must(await polling.getCountWitnesses(ctx(), team, s.electionId, 'head'));
    const text = pdfText(must(await count.printCountRecord(ctx(), team, s.countId)).pdf);
    expect(text).toContain('Mẫu số 02');
    expect(text).toContain('Ban kiểm phiếu gồm:');
    expect(text).toMatch(/1\. Đỗ Văn Thắng - Trưởng ban/);
    expect(text).toMatch(/3\. Vũ Minh Tâm - Thành viên/);
    expect(text).toContain('Đại diện hộ gia đình chứng kiến việc kiểm phiếu:');
    expect(text).not.toContain('Đại diện đại diện');
    for (const w of witnesses) expect(text).toContain(w.fullName);
    expect(text.match(/NGƯỜI CHỨNG KIẾN/g)).toHaveLength(2);
    expect(text).toContain('TRƯỞNG BAN');
  });

  it('Quảng Trị Điều 15 k2d and Tây Ninh Điều 16 k3d: the election team counts; their records carry no ND59 label', () => {
    const qt = countRecordLabels(getProfileOrThrow('quang-tri-2016'));
    expect(qt).toMatchObject({ formLabel: null, teamLabel: 'Tổ bầu cử gồm:', byMeeting: false });
    expect(qt.witnessLabel).toBe('Cử tri chứng kiến việc kiểm phiếu:');
    const tn = countRecordLabels(getProfileOrThrow('tay-ninh-2019'));
    expect(tn).toMatchObject({ formLabel: null, teamLabel: 'Tổ bầu cử gồm:', byMeeting: false });
    const nd = countRecordLabels(getProfileOrThrow('nd59-2023'));
    expect(nd).toMatchObject({ formLabel: 'Mẫu số 02', teamLabel: 'Ban kiểm phiếu gồm:', byMeeting: true });
  });
});

function getProfileOrThrow(id: string) {
  const p = getProfile(id);
  if (!p.ok) throw new Error(id);
  return p.value;
}
