/**
 * The count record of an election the meeting turned to household opinion ballots (Mẫu 04, the
 * household-count form): the general record's figures, team and witnesses, with the reason the
 * election was held that way: the community meeting's opening that missed the quorum, judged again
 * from its numbers under the rule stored with it.
 */
import { meetsThresholdOf } from '../../domain/rules';
import type { Threshold } from '../../domain/rules';
import type { CountRecordData } from '../../documents/forms/count-record';
import type { HouseholdCountData } from '../../documents/forms/household-count';
import { shortDate } from '../../documents/words';
import { meetingAgenda as agendaRepo } from '../../store';
import type { ServiceContext } from '../common';
import type { LoadedCount } from './entry';

/** The sentence that says the meeting was not quorate, or null when no failed opening is recorded. */
export async function quorumMissedText(
  ctx: ServiceContext,
  lc: LoadedCount,
  registered: number,
): Promise<string | null> {
  const e = lc.pe.election;
  const opening = (await agendaRepo.listVotes(ctx.store.db, e.id, lc.count.round))
    .filter((v) => v.step === 'opening')
    .at(-1);
  if (!opening) return null;
  const rule = JSON.parse(opening.rule) as { threshold: Threshold; description: string; citation: string };
  const bases = {
    registered,
    present: opening.present,
    participated: opening.present,
    valid: opening.present,
  };
  if (meetsThresholdOf(opening.present, bases, rule.threshold)) return null;
  const day = e.electionDate ? ` ngày ${shortDate(e.electionDate)}` : '';
  return `Cuộc họp cộng đồng dân cư${day} không đủ số đại diện hộ gia đình tham dự theo quy định (có mặt ${opening.present}/${registered}, không đạt ngưỡng ${rule.description}; ${rule.citation}), nên việc bầu được tiến hành bằng phiếu lấy ý kiến hộ gia đình.`;
}

/** The general record's data in the Mẫu 04 form's shape. */
export function householdCountData(d: CountRecordData, reason: string | null): HouseholdCountData {
  const hamlet = d.election.hamlet;
  return {
    // Household opinion ballots are ND59's path: its form is Mẫu 04.
    head: { ...d.head, formLabel: 'Mẫu số 04' },
    subject: `Về việc bầu ${d.election.position} ${hamlet}, nhiệm kỳ ${d.election.term}`,
    hamlet,
    time: d.startTime ?? '00:00',
    date: d.countDate ?? d.head.date ?? '',
    venue: d.venue ?? '',
    ...(reason ? { reason } : {}),
    teamLabel: d.teamLabel,
    team: d.team.flatMap((m) => (m ? [m] : [])),
    witnesses: d.witnesses.flatMap((w) => (w ? [w] : [])),
    totalHouseholds: d.totalOnRoll ?? 0,
    issued: d.issued ?? 0,
    received: d.received ?? 0,
    valid: d.valid ?? 0,
    invalid: d.invalid ?? 0,
    candidates: d.candidates.map((c) => ({ name: c.name, votes: c.votes ?? 0 })),
    ratioLabel: d.ratioLabel,
    conclusion: d.conclusion ?? '',
    endTime: d.endTime ?? '00:00',
    copies: d.copies,
    signatures: d.signatures,
  };
}
