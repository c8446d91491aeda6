/**
 * Ballot validity and the paper tally. The hot loop allocates nothing per paper: it reads the input
 * objects, looks ids up in one Map and adds into a typed array, so a million papers take well under a
 * second (bench/tally.bench.ts).
 */
import type { Result } from '../result';
import { err, ok } from '../result';
import type { InvalidReason, RuleProfile } from '../rules/schema';
import type { Paper, PaperCount } from './types';
import { PAPER_DEFECTS } from './types';

export interface PaperRules {
  /** The profile's invalid-ballot reasons, in the order they are checked and reported. */
  readonly invalidReasons: readonly InvalidReason[];
  /** Names a valid paper may keep: 1 for a single-seat race. */
  readonly seats: number;
}

const KNOWN_DEFECTS: ReadonlySet<string> = new Set(PAPER_DEFECTS);

/**
 * The profile's paper rules for a race of `seats`: its invalid-ballot reasons in their order, a
 * paper with every name struck being invalid only where the profile says so (`allStruckOut`;
 * elsewhere it is a valid paper that elects no one).
 */
export function paperRulesOf(
  profile: Pick<RuleProfile, 'invalidReasons' | 'allStruckOut'>,
  seats: number,
): PaperRules {
  const allStruckInvalid = profile.allStruckOut.value === 'invalid';
  const reasons = profile.invalidReasons.value.filter((r) => r !== 'all-struck' || allStruckInvalid);
  return {
    invalidReasons:
      allStruckInvalid && !reasons.includes('all-struck') ? [...reasons, 'all-struck'] : reasons,
    seats,
  };
}

/** The first of the profile's reasons that makes this paper invalid, or undefined if it is valid. */
export function invalidReasonOf(paper: Paper, rules: PaperRules): InvalidReason | undefined {
  for (const reason of rules.invalidReasons) {
    switch (reason) {
      case 'too-many-kept':
        if (paper.kept.length > rules.seats) return reason;
        break;
      case 'all-struck':
        if (paper.kept.length === 0) return reason;
        break;
      default:
        if (paper.defects?.includes(reason)) return reason;
    }
  }
  return undefined;
}

function badPaper(index: number, what: string, message: string) {
  return err({
    code: 'invalid-paper',
    field: `papers[${index}].${what}`,
    message: `papers[${index}].${what}: ${message}`,
  });
}

function checkDefects(defects: unknown, index: number) {
  if (defects === undefined) return undefined;
  if (!Array.isArray(defects)) return badPaper(index, 'defects', 'phải là một danh sách.');
  for (const d of defects) {
    if (typeof d !== 'string' || !KNOWN_DEFECTS.has(d)) {
      return badPaper(
        index,
        'defects',
        `lỗi phiếu không xác định "${String(d)}" (chỉ nhận ${PAPER_DEFECTS.join(', ')}).`,
      );
    }
  }
  return undefined;
}

export function countPapers(
  papers: readonly Paper[],
  candidateIds: readonly string[],
  rules: PaperRules,
): Result<PaperCount> {
  const index = new Map<string, number>();
  candidateIds.forEach((id, i) => index.set(id, i));
  const votes = new Float64Array(candidateIds.length);
  const reasonCounts = new Float64Array(rules.invalidReasons.length);
  const reasonIndex = new Map(rules.invalidReasons.map((r, i) => [r, i]));
  const seats = rules.seats;
  let valid = 0;
  const n = papers.length;
  for (let p = 0; p < n; p++) {
    const paper = papers[p] as Paper;
    const kept = paper?.kept as unknown;
    if (!Array.isArray(kept)) return badPaper(p, 'kept', 'phải là danh sách mã người ứng cử.');
    const k = kept.length;
    for (let j = 0; j < k; j++) {
      if (index.get(kept[j] as string) === undefined) {
        return badPaper(p, 'kept', `không có người ứng cử mã "${String(kept[j])}".`);
      }
      for (let m = 0; m < j; m++)
        if (kept[m] === kept[j]) return badPaper(p, 'kept', `mã "${String(kept[j])}" lặp lại.`);
    }
    const defects = paper.defects;
    if (defects !== undefined && defects.length > 0) {
      const bad = checkDefects(defects, p);
      if (bad) return bad;
    } else if (k > 0 && k <= seats) {
      // Fast path: no defects and a count of names no profile rejects.
      valid++;
      for (let j = 0; j < k; j++) {
        const c = index.get(kept[j] as string) as number;
        votes[c] = (votes[c] as number) + 1;
      }
      continue;
    }
    const reason = invalidReasonOf(paper, rules);
    if (reason !== undefined) {
      const r = reasonIndex.get(reason) as number;
      reasonCounts[r] = (reasonCounts[r] as number) + 1;
      continue;
    }
    valid++;
    for (let j = 0; j < k; j++) {
      const c = index.get(kept[j] as string) as number;
      votes[c] = (votes[c] as number) + 1;
    }
  }
  const invalidReasons: Partial<Record<InvalidReason, number>> = {};
  let invalid = 0;
  rules.invalidReasons.forEach((r, i) => {
    const c = reasonCounts[i] as number;
    invalid += c;
    if (c > 0) invalidReasons[r] = c;
  });
  return ok({ valid, invalid, invalidReasons, votes: Array.from(votes) });
}
