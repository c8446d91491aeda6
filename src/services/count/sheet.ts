/**
 * The count sheet: from the recorded rows (entries of the two lanes, voids, resolutions, batch
 * closures, corrections) to the papers of each batch, the differences between the two entries, and
 * what does not add up. Pure: the same rows always give the same sheet, so results are recomputed,
 * never stored as the truth.
 */
import { createHash } from 'node:crypto';
import type { CountedPaper, PaperDefect } from '../../domain/count';
import type { pollingCounts as repo } from '../../store';

export interface Difference {
  readonly seq: number;
  readonly first: CountedPaper | null;
  readonly second: CountedPaper | null;
  readonly resolution: (CountedPaper & { readonly note: string | null }) | null;
}

export interface BatchSheet {
  readonly id: string;
  readonly number: number;
  readonly size: number;
  readonly entered: readonly [number, number];
  readonly closed: boolean;
  readonly closedAt: string | null;
  readonly differences: readonly Difference[];
  readonly unresolved: number;
  readonly corrections: number;
  /** The batch's papers in order, corrections applied (for an open batch: as far as it reconciles). */
  readonly papers: readonly CountedPaper[];
  /** Why the batch cannot close yet, in Vietnamese; empty when it can. */
  readonly problems: readonly string[];
}

export const parseKept = (text: string): string[] => {
  try {
    const v: unknown = JSON.parse(text);
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
};

const paperOf = (row: { kept: string; defect: string | null }): CountedPaper => ({
  kept: parseKept(row.kept),
  defect: (row.defect as PaperDefect | null) ?? null,
});

export function samePaper(a: CountedPaper, b: CountedPaper): boolean {
  if (a.defect !== b.defect) return false;
  if (a.defect !== null) return true;
  if (a.kept.length !== b.kept.length) return false;
  const set = new Set(a.kept);
  return b.kept.every((k) => set.has(k));
}

export interface SheetRows {
  readonly doubleEntry: boolean;
  readonly batches: readonly repo.BatchRow[];
  readonly entries: readonly repo.EntryRow[];
  readonly resolutions: readonly repo.ResolutionRow[];
  readonly closures: readonly repo.BatchClosureRow[];
  readonly corrections: readonly repo.CorrectionRow[];
}

function latestBySeq<T extends { seq: number }>(rows: readonly T[]): Map<number, T> {
  const out = new Map<number, T>();
  for (const r of rows) out.set(r.seq, r);
  return out;
}

export function digestOf(papers: readonly CountedPaper[]): string {
  const canon = papers.map((p) => [p.defect, [...p.kept].sort()]);
  return createHash('sha256').update(JSON.stringify(canon)).digest('hex');
}

function sheetOfBatch(batch: repo.BatchRow, rows: SheetRows): BatchSheet {
  const live = rows.entries.filter((e) => e.batch_id === batch.id && e.voided === 0);
  const lane1 = live.filter((e) => e.lane === 1).map(paperOf);
  const lane2 = live.filter((e) => e.lane === 2).map(paperOf);
  const resolutions = latestBySeq(rows.resolutions.filter((r) => r.batch_id === batch.id));
  const corrections = latestBySeq(rows.corrections.filter((c) => c.batch_id === batch.id));
  const closure = rows.closures.find((c) => c.batch_id === batch.id);
  const differences: Difference[] = [];
  const papers: CountedPaper[] = [];
  const n = rows.doubleEntry ? Math.max(lane1.length, lane2.length) : lane1.length;
  let unresolved = 0;
  for (let i = 0; i < n; i++) {
    const a = lane1[i] ?? null;
    const b = rows.doubleEntry ? (lane2[i] ?? null) : a;
    const seq = i + 1;
    const corrected = corrections.get(seq);
    if (a && b && samePaper(a, b)) {
      papers.push(corrected ? paperOf(corrected) : a);
      continue;
    }
    const r = resolutions.get(seq);
    differences.push({ seq, first: a, second: b, resolution: r ? { ...paperOf(r), note: r.note } : null });
    if (r) papers.push(corrected ? paperOf(corrected) : paperOf(r));
    else unresolved++;
  }
  const problems: string[] = [];
  if (lane1.length !== batch.size)
    problems.push(`Lượt nhập 1 có ${lane1.length} phiếu, tập ${batch.number} có ${batch.size} phiếu.`);
  if (rows.doubleEntry && lane2.length !== batch.size)
    problems.push(`Lượt nhập 2 có ${lane2.length} phiếu, tập ${batch.number} có ${batch.size} phiếu.`);
  if (unresolved > 0)
    problems.push(`Còn ${unresolved} phiếu hai lượt nhập khác nhau chưa được Tổ thống nhất.`);
  return {
    id: batch.id,
    number: batch.number,
    size: batch.size,
    entered: [lane1.length, lane2.length],
    closed: closure !== undefined,
    closedAt: closure?.closed_at ?? null,
    differences,
    unresolved,
    corrections: corrections.size,
    papers,
    problems: closure ? [] : problems,
  };
}

export function buildSheet(rows: SheetRows): BatchSheet[] {
  return rows.batches.map((b) => sheetOfBatch(b, rows));
}
