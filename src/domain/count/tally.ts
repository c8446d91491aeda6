/** The whole count of one position: validity, tally, invariants and outcome under a profile. */
import type { Result } from '../result';
import { err, ok } from '../result';
import type { RuleProfile } from '../rules/schema';
import { formatPercent } from '../rules/threshold';
import { decideOutcome } from './outcome';
import { countPapers, paperRulesOf } from './papers';
import type { CountInput, PaperCount, TallyResult } from './types';

function countHands(input: CountInput): PaperCount {
  const hands = input.hands ?? {};
  return {
    valid: input.voted,
    invalid: 0,
    invalidReasons: {},
    votes: input.candidates.map((c) => hands[c.id] ?? 0),
  };
}

export function tally(profile: RuleProfile, input: CountInput): Result<TallyResult> {
  const form = input.form ?? (input.hands ? 'meeting' : profile.defaultPaperForm.value);
  let counted: PaperCount;
  if (input.papers) {
    const r = countPapers(
      input.papers,
      input.candidates.map((c) => c.id),
      paperRulesOf(profile, input.seats),
    );
    if (!r.ok) return r;
    counted = r.value;
  } else {
    counted = countHands(input);
  }
  const outcome = decideOutcome(profile, {
    form,
    seats: input.seats,
    round: input.round,
    registered: input.registered,
    voted: input.voted,
    valid: counted.valid,
    candidates: input.candidates,
    votes: counted.votes,
  });
  const result: TallyResult = {
    position: input.position,
    form,
    method: input.papers ? 'papers' : 'hands',
    seats: input.seats,
    round: input.round,
    registered: input.registered,
    voted: input.voted,
    issued: input.issued,
    received: input.received,
    valid: counted.valid,
    invalid: counted.invalid,
    invalidReasons: counted.invalidReasons,
    candidates: input.candidates.map((c, i) => ({
      id: c.id,
      votes: counted.votes[i] ?? 0,
      percentOfRegistered: formatPercent(counted.votes[i] ?? 0, input.registered),
    })),
    ...outcome,
  };
  const broken = invariantViolations(result);
  if (broken.length > 0) {
    return err({
      code: 'count-inconsistent',
      field: broken[0] as string,
      message: `Số liệu kiểm phiếu không khớp: ${broken.join('; ')}.`,
    });
  }
  return ok(result);
}

/** Papers received ≤ issued; valid + invalid = received (papers); a candidate's votes ≤ valid. */
export function invariantViolations(r: TallyResult): string[] {
  const out: string[] = [];
  if (r.received > r.issued) out.push('received');
  if (r.method === 'papers' && r.valid + r.invalid !== r.received) out.push('valid');
  for (const c of r.candidates) if (c.votes > r.valid) out.push(`candidates.${c.id}.votes`);
  if (r.voted > r.registered) out.push('voted');
  return out;
}
