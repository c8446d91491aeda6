/**
 * What the count reads of the community meeting's agenda: the counting team it elected (ND59 Điều 3
 * khoản 5 điểm i: under a secret ballot the meeting approves a counting team of 3 to 5 by show of
 * hands) and whether it voted the list of candidates (Tây Ninh Điều 7 khoản 2 điểm đ). Each vote is
 * judged again from its numbers, never from its stored verdict.
 */
import { meetsThresholdOf } from '../../domain/rules';
import type { Threshold } from '../../domain/rules';
import { meetingAgenda as agendaRepo } from '../../store';
import type { ServiceContext } from '../common';

/** The subject of the last vote of `step` that passed this round, or null. */
async function lastPassed(
  ctx: ServiceContext,
  electionId: string,
  round: number,
  registered: number,
  step: string,
): Promise<Record<string, unknown> | null> {
  const votes = await agendaRepo.listVotes(ctx.store.db, electionId, round);
  const passed = votes.filter((v) => {
    if (v.step !== step) return false;
    const rule = JSON.parse(v.rule) as { threshold: Threshold };
    const bases = { registered, present: v.present, participated: v.present, valid: v.votes_for + v.against };
    return meetsThresholdOf(v.votes_for, bases, rule.threshold);
  });
  const last = passed.at(-1);
  return last ? (JSON.parse(last.subject) as Record<string, unknown>) : null;
}

/** The counting team the meeting approved this round, its vote recomputed from its numbers. */
export async function meetingCountingTeam(
  ctx: ServiceContext,
  electionId: string,
  round: number,
  registered: number,
): Promise<string[] | null> {
  const subject = await lastPassed(ctx, electionId, round, registered, 'countingTeam');
  return (subject?.['members'] as string[] | undefined) ?? null;
}

/** The meeting passed the list of candidates this round (the list as it was voted), or null. */
export async function meetingCandidateList(
  ctx: ServiceContext,
  electionId: string,
  round: number,
  registered: number,
): Promise<string[] | null> {
  const subject = await lastPassed(ctx, electionId, round, registered, 'candidateList');
  return subject ? ((subject['candidates'] as string[] | undefined) ?? []) : null;
}
