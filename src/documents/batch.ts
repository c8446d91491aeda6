/**
 * Polling-day packs: everything a hamlet's election team prints, in one PDF (roll, voter cards,
 * ballots for each position, rules sheet, blank count record), and the same for a whole commune.
 */
import type { DocumentModel } from './model';
import { buildBallotRules, type BallotRulesData } from './forms/ballot-rules';
import { buildBallots, type BallotsData } from './forms/ballots';
import { blankCountRecord, buildCountRecord, type CountRecordData } from './forms/count-record';
import { buildVoterCards, type VoterCardsData } from './forms/voter-cards';
import { buildVoterRoll, type VoterRollData } from './forms/voter-roll';
import { renderPdfMany } from './render-pdf';
import { sampleBallotRules } from './forms/ballot-rules';
import { sampleBallots } from './forms/ballots';
import { sampleCountRecord } from './forms/count-record';
import { sampleVoterCards } from './forms/voter-cards';
import { sampleVoterRoll } from './forms/voter-roll';
import { demoVoters, HAMLETS, hamletBody, teamBody } from './forms/sample-data';

export interface PollingDayPack {
  readonly roll: VoterRollData;
  /** Card wording; the voters come from the roll so card and roll numbers always agree. */
  readonly cards: Omit<VoterCardsData, 'voters'>;
  /** One entry per position; the count is computed. */
  readonly ballots: readonly Omit<BallotsData, 'count'>[];
  /** Spare ballots per position beyond one per voter on the roll (for spoilt papers). */
  readonly spareBallots: number;
  readonly rules: BallotRulesData;
  /** Names and team of the count record; every figure is blanked. */
  readonly countRecord: CountRecordData;
}

/** One ballot per voter on the roll plus the spares. */
export function ballotCount(pack: PollingDayPack): number {
  return pack.roll.entries.length + pack.spareBallots;
}

export function pollingDayModels(pack: PollingDayPack): DocumentModel[] {
  const voters = pack.roll.entries.map((e) => ({ rollNumber: e.rollNumber, name: e.name, group: e.group }));
  const count = ballotCount(pack);
  return [
    buildVoterRoll(pack.roll),
    buildVoterCards({ ...pack.cards, voters }),
    ...pack.ballots.map((b) => buildBallots({ ...b, count })),
    buildBallotRules(pack.rules),
    buildCountRecord(blankCountRecord(pack.countRecord)),
  ];
}

export function renderPollingDayPack(pack: PollingDayPack): Buffer {
  const models = pollingDayModels(pack);
  const first = models[0];
  if (first === undefined) throw new Error('empty pack');
  return renderPdfMany(models, { ...first.meta, title: `Tài liệu ngày bầu cử - ${pack.roll.subject}` });
}

/** All hamlets of a commune in one PDF, hamlet after hamlet. */
export function renderCommunePack(packs: readonly PollingDayPack[], title: string, date: string): Buffer {
  return renderPdfMany(
    packs.flatMap((p) => pollingDayModels(p)),
    { title, date, author: 'baucoso' },
  );
}

/** Demo pack for one hamlet of Phường 2 (seed 000), used by tests and the bench. */
export function samplePollingDayPack(hamlet = 'Khu phố 1', voters = 42): PollingDayPack {
  const lower = hamlet.toLowerCase();
  const roll = sampleVoterRoll();
  const { voters: _v, ...cards } = sampleVoterCards();
  const { count: _c, ...ballot } = sampleBallots();
  const record = sampleCountRecord();
  return {
    roll: {
      ...roll,
      body: teamBody(hamlet),
      subject: `Tham gia bầu Khu phố trưởng ${lower}, nhiệm kỳ 2024-2027`,
      entries: demoVoters(hamlet, 3, Math.ceil(voters / 3)).slice(0, voters),
    },
    cards: {
      ...cards,
      hamlet,
      election: `Bầu Khu phố trưởng ${lower}, nhiệm kỳ 2024-2027`,
      place: `Nhà văn hóa ${lower}`,
    },
    ballots: [{ ...ballot, position: `Khu phố trưởng ${lower}` }],
    spareBallots: 10,
    rules: {
      ...sampleBallotRules(),
      body: teamBody(hamlet),
      election: `Bầu Khu phố trưởng ${lower}, nhiệm kỳ 2024-2027`,
    },
    countRecord: {
      ...record,
      head: { ...record.head, body: hamletBody(hamlet) },
      election: { ...record.election, hamlet: lower },
      venue: `Nhà văn hóa ${lower}`,
      totalOnRoll: voters,
      ratioBase: voters,
    },
  };
}

export function sampleCommunePacks(): PollingDayPack[] {
  return HAMLETS.map((h, n) => samplePollingDayPack(h, 30 + 6 * n));
}
