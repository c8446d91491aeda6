/**
 * One counted paper, from the keypad to the tally: the names left standing in ballot order and the
 * defect a counter set it aside for. The limits below are the only place a paper's sizes are written:
 * the contract's schema is derived from them and the services check against them.
 */
import type { Result } from '../result';
import { err, ok } from '../result';
import type { Paper, PaperDefect } from './types';

export const PAPER_LIMITS = {
  /** A phone's idempotency key (a UUID is 36 characters). */
  keyMin: 8,
  keyMax: 100,
  /** A candidate's id as the ballot lists it (a UUID). */
  candidateIdMax: 64,
  /** Names one paper may list: more than any ballot has. */
  keptMax: 50,
  /** Papers one bulk request may carry: a phone's queue, not a whole stack (batches hold up to 1,000). */
  perRequestMax: 50,
} as const;

/** A paper as entered, stored, compared between the two lanes and tallied. */
export interface CountedPaper {
  readonly kept: readonly string[];
  readonly defect: PaperDefect | null;
}

/** A paper as a caller sends it: the defect may be left out. */
export interface PaperEntry {
  readonly kept: readonly string[];
  readonly defect?: PaperDefect | null;
}

export const isIdempotencyKey = (key: unknown): key is string =>
  typeof key === 'string' && key.length >= PAPER_LIMITS.keyMin && key.length <= PAPER_LIMITS.keyMax;

/**
 * Checks a paper against the ballot (candidate ids in ballot order) and the defects the profile
 * allows, and returns it as stored: names in ballot order so that two entries of the same paper store
 * the same text, and no names on a paper set aside for a defect. A defect the profile does not list
 * is refused as 'invalid-reason' (the caller names the profile's rule and its citation).
 */
export function checkCountedPaper(
  paper: PaperEntry,
  ballot: readonly string[],
  allowedDefects: readonly PaperDefect[],
): Result<CountedPaper> {
  const kept: unknown = paper.kept;
  if (!Array.isArray(kept))
    return err({
      code: 'invalid-input',
      field: 'kept',
      message: 'Danh sách người còn tên phải là một mảng.',
    });
  if (kept.length > PAPER_LIMITS.keptMax)
    return err({
      code: 'invalid-input',
      field: 'kept',
      message: `Một phiếu ghi nhiều nhất ${PAPER_LIMITS.keptMax} người ứng cử.`,
    });
  const ids = new Set(ballot);
  const seen = new Set<string>();
  for (const k of kept as unknown[]) {
    if (typeof k !== 'string' || !ids.has(k))
      return err({
        code: 'invalid-input',
        field: 'kept',
        message: `Không có người ứng cử mã "${String(k)}" trên phiếu này.`,
      });
    if (seen.has(k))
      return err({
        code: 'invalid-input',
        field: 'kept',
        message: 'Một người ứng cử bị ghi hai lần trên cùng phiếu.',
      });
    seen.add(k);
  }
  const defect = paper.defect ?? null;
  if (defect !== null && !allowedDefects.includes(defect))
    return err({
      code: 'invalid-reason',
      field: 'defect',
      message: `Lỗi phiếu "${String(defect)}" không có trong các trường hợp phiếu không hợp lệ.`,
    });
  return ok({ kept: defect === null ? ballot.filter((id) => seen.has(id)) : [], defect });
}

/**
 * The paper the rules engine sees. A paper set aside for a defect keeps one name so that the
 * defect the counter saw, not "all struck out" or "too many kept", is the reason reported.
 */
export function tallyPaperOf(p: CountedPaper, candidateIds: readonly string[]): Paper {
  if (p.defect === null) return { kept: p.kept };
  return { kept: candidateIds.slice(0, 1), defects: [p.defect] };
}

/** The ballot as the keypad needs it: candidates in ballot order and the defects a counter may pick. */
export interface KeypadBallot {
  readonly candidates: readonly { readonly id: string }[];
  readonly defects: readonly { readonly code: PaperDefect }[];
}

/**
 * What one key of the entry page means on this ballot: one key per paper for the usual
 * two-candidate ballot; "." (or "-", "/") opens the defect choice, "+" the choice of several names.
 */
export function paperForKey(key: string, ballot: KeypadBallot): CountedPaper | 'defect' | 'combo' | null {
  const ids = ballot.candidates.map((c) => c.id);
  if (key === '.' || key === '-' || key === '/') return ballot.defects.length > 0 ? 'defect' : null;
  if (key === '0') return { kept: [], defect: null };
  const n = Number(key);
  if (/^[1-9]$/.test(key) && n <= ids.length) return { kept: [ids[n - 1] as string], defect: null };
  if (ids.length === 2 && key === '3') return { kept: [...ids], defect: null };
  if (ids.length > 2 && key === '+') return 'combo';
  return null;
}

/**
 * A typed key sequence as one paper, as a scenario writes it: a candidate key as on the keypad, or
 * ".N" for the Nth defect (undefined when the keys mean nothing on this ballot).
 */
export function paperOfKey(key: string, ballot: KeypadBallot): CountedPaper | undefined {
  if (key.startsWith('.')) {
    const d = ballot.defects[Number(key.slice(1)) - 1];
    return d ? { kept: [], defect: d.code } : undefined;
  }
  const p = paperForKey(key, ballot);
  return typeof p === 'object' && p !== null ? p : undefined;
}
