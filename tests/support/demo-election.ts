import type { Actor, ServiceContext } from '../../src/services';
import { count, meeting, polling } from '../../src/services';
import { aTeamMember } from './actors';

/** The demo ward's commune code (Phường 2). */
export const DEMO_COMMUNE = '24820';

/** The value of a Result the test expects to succeed; its Vietnamese message otherwise. */
export function must<T>(r: { ok: true; value: T } | { ok: false; error: { message: string } }): T {
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

/** The election the demo ward is loaded with (Khu phố 1, 17/11/2024). */
export async function demoElection(ctx: ServiceContext): Promise<string> {
  const row = await ctx.store.db
    .selectFrom('elections as e')
    .innerJoin('hamlets as h', 'h.id', 'e.hamlet_id')
    .select('e.id')
    .where('h.commune_id', '=', DEMO_COMMUNE)
    .orderBy('e.created_at')
    .executeTakeFirstOrThrow();
  return row.id;
}

/**
 * Records the count's witnesses as the team does before closing a paper count: the first voters of
 * the posted roll who are not candidates (ND59 Mẫu 02; QĐ 01/2016 Điều 15 k2d; Tây Ninh Điều 16 k3d).
 */
export async function recordWitnesses(
  ctx: ServiceContext,
  actor: Actor,
  electionId: string,
  position = 'head',
): Promise<string[]> {
  const roll = await polling.postedRoll(ctx.store.db, electionId);
  if (!roll) throw new Error('no posted roll');
  const taken = new Set(
    [
      ...(await ctx.store.db
        .selectFrom('nominations')
        .select('resident_id')
        .where('election_id', '=', electionId)
        .execute()),
      ...(await ctx.store.db
        .selectFrom('team_members')
        .select('resident_id')
        .where('election_id', '=', electionId)
        .execute()),
    ].map((n) => n.resident_id),
  );
  const ids = roll.entries
    .filter((e) => !taken.has(e.residentId))
    .slice(0, 2)
    .map((e) => e.residentId);
  return must(await polling.recordCountWitnesses(ctx, actor, electionId, { position, witnessIds: ids })).map(
    (w) => w.fullName,
  );
}

/**
 * The community meeting's agenda through the secret ballot and a counting team of three, where the
 * profile's meeting elects one (ND59 Điều 3 khoản 5 điểm i) and has not yet.
 */
export async function approveCountingTeam(ctx: ServiceContext, actor: Actor, electionId: string) {
  const view = must(await meeting.getMeeting(ctx, actor, electionId));
  if (!view.isMeeting || !view.rules.countingTeam || view.adopted.countingTeam) return;
  const present = Math.ceil((view.registered * 3) / 4);
  const hands = { votesFor: present, against: 0, abstained: 0 };
  const vote = async (input: Parameters<typeof meeting.recordMeetingVote>[3]) =>
    must(await meeting.recordMeetingVote(ctx, actor, electionId, input));
  if (!view.adopted.opening) await vote({ step: 'opening', present });
  if (!view.adopted.secretary) await vote({ step: 'secretary', name: 'Lê Thị Thu', ...hands });
  if (!view.adopted.votingForm) await vote({ step: 'votingForm', method: 'secret', ...hands });
  await vote({
    step: 'countingTeam',
    members: ['Đỗ Văn Thắng', 'Phan Thị Ngọc Ánh', 'Vũ Minh Tâm'],
    ...hands,
  });
}

/** What a paper count needs before it closes: the meeting's counting team, then the two witnesses. */
export async function readyToClose(
  ctx: ServiceContext,
  actor: Actor,
  electionId: string,
  position = 'head',
): Promise<string[]> {
  await approveCountingTeam(ctx, actor, electionId);
  return recordWitnesses(ctx, actor, electionId, position);
}

/**
 * The demo election prepared for polling day and its head count opened by the team for `papers`
 * papers on one lane: the count and the first two candidates in ballot order.
 */
export async function openDemoHeadCount(ctx: ServiceContext, officer: Actor, papers = 300) {
  const electionId = await demoElection(ctx);
  must(await count.prepareDemoPolling(ctx, officer, electionId));
  const team = aTeamMember(electionId);
  const countId = must(
    await count.openCount(ctx, team, electionId, {
      position: 'head',
      voted: papers,
      issued: papers,
      received: papers,
      doubleEntry: false,
    }),
  ).id;
  const view = must(await count.getCount(ctx, team, countId));
  return { electionId, countId, team, a: view.candidates[0]!.id, b: view.candidates[1]!.id };
}
