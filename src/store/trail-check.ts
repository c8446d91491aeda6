import type { DatabaseKind, Db } from './database';
import { verifyAuditChain } from './audit-repo';
import type { ChainCheck } from './audit-repo';
import { checkCheckpoint, type Checkpoint, type CheckpointCheck } from './checkpoint';
import { verifyRecord, type RecordCheck } from './record-seals';

/**
 * One check of everything that vouches for the record, for every place that verifies (the
 * `audit verify` command, the API, backup and restore): the hash chain of the audit events, the
 * seals over the record's rows, and the chain against the checkpoint kept outside the database.
 */
export interface TrailProblem {
  readonly kind: 'chain' | 'checkpoint' | 'record';
  /** What went wrong: for the record the seal problem ('edited', ...), else the chain's. */
  readonly problem: string;
  readonly table: string | null;
  readonly row: string | null;
  readonly seq: number | null;
  readonly message: string;
}

export interface TrailCheck {
  readonly ok: boolean;
  readonly chain: ChainCheck;
  readonly record: Omit<RecordCheck, 'problems'>;
  readonly checkpoint: CheckpointCheck;
  readonly problems: readonly TrailProblem[];
}

export async function verifyTrail(
  db: Db,
  kind: DatabaseKind,
  checkpoint: Checkpoint | null,
): Promise<TrailCheck> {
  const chain = await verifyAuditChain(db);
  const witness = await checkCheckpoint(db, checkpoint);
  const { problems: recordProblems, ...record } = await verifyRecord(db, kind);
  const problems: TrailProblem[] = [];
  if (!chain.ok) {
    const seq = await seqOfEvent(db, chain.firstBadEvent);
    problems.push({
      kind: 'chain',
      problem: 'broken',
      table: 'audit_events',
      row: chain.firstBadEvent,
      seq,
      message: `Nhật ký bị sửa, thêm hoặc xoá ngoài ứng dụng: chuỗi băm đứt từ sự kiện ${seq ?? chain.firstBadEvent} (trên ${chain.events} sự kiện).`,
    });
  }
  if (witness.problem) {
    problems.push({
      kind: 'checkpoint',
      problem: witness.problem.kind,
      table: 'audit_events',
      row: null,
      seq: witness.problem.seq,
      message: witness.problem.message,
    });
  }
  for (const p of recordProblems)
    problems.push({
      kind: 'record',
      problem: p.kind,
      table: p.table,
      row: p.row,
      seq: p.seq,
      message: p.message,
    });
  return { ok: chain.ok && witness.ok && record.ok, chain, record, checkpoint: witness, problems };
}

async function seqOfEvent(db: Db, id: string | null): Promise<number | null> {
  if (!id) return null;
  const row = await db.selectFrom('audit_events').select('seq').where('id', '=', id).executeTakeFirst();
  return row?.seq ?? null;
}

/** The problems as lines for people, the first `max` of them and how many more there are. */
export function problemLines(check: TrailCheck, max = 20): string[] {
  const lines = check.problems.slice(0, max).map((p) => `- ${p.message}`);
  const more = check.problems.length - lines.length + check.record.moreProblems;
  if (more > 0) lines.push(`- ... và ${more} vấn đề khác.`);
  return lines;
}
