/**
 * The counting team the community meeting elected (ND59 Điều 3 khoản 5 điểm i: under a secret ballot
 * the meeting approves a counting team of 3 to 5 by show of hands): read from the agenda's votes, the
 * vote judged again from its numbers, never from its stored verdict.
 */
import { meetsThresholdOf } from '../../domain/rules';
import type { Threshold } from '../../domain/rules';
import { meetingAgenda as agendaRepo } from '../../store';
import type { ServiceContext } from '../common';

/** The counting team the meeting approved this round, its vote recomputed from its numbers. */
export async function meetingCountingTeam(
  ctx: ServiceContext,
  electionId: string,
  round: number,
  registered: number,
): Promise<string[] | null> {
  const votes = await agendaRepo.listVotes(ctx.store.db, electionId, round);
  const passed = votes.filter((v) => {
    if (v.step !== 'countingTeam') return false;
    const rule = JSON.parse(v.rule) as { threshold: Threshold };
    const bases = { registered, present: v.present, participated: v.present, valid: v.votes_for + v.against };
    return meetsThresholdOf(v.votes_for, bases, rule.threshold);
  });
  const last = passed.at(-1);
  if (!last) return null;
  return (JSON.parse(last.subject) as { members?: string[] }).members ?? null;
}
