import { appendFileSync, existsSync, mkdirSync, openSync, readSync, closeSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { vietnamDateTime } from '../domain/calendar';
import { chainHead } from './audit-repo';
import type { Db } from './database';

/**
 * The witness outside the database: the chain head (sequence number and hash) written, as the
 * application commits, to a JSON-lines file beside the SQLite file (PostgreSQL: in the folder
 * BAUCOSO_DATA_DIR names). Someone who holds the database file can rewrite or cut the end of the
 * chain and every seal consistently; they cannot make the chain agree with a head written earlier
 * elsewhere. Lines are appended without fsync (a lost last line only makes the witness older),
 * at most about once a second, at once after a document is issued, and when the store closes.
 */
export const CHECKPOINT_FILE = 'audit-checkpoints.jsonl';

export interface Checkpoint {
  readonly seq: number;
  readonly hash: string;
  /** When the line was written (ISO-8601 UTC). */
  readonly at: string;
}

export function checkpointFileIn(folder: string): string {
  return join(folder, CHECKPOINT_FILE);
}

function parseLine(line: string): Checkpoint | null {
  try {
    const v = JSON.parse(line) as Partial<Checkpoint>;
    if (
      typeof v.seq === 'number' &&
      Number.isInteger(v.seq) &&
      typeof v.hash === 'string' &&
      typeof v.at === 'string'
    )
      return { seq: v.seq, hash: v.hash, at: v.at };
  } catch {
    // a torn last line (a crash mid-write) or a damaged one: skip it
  }
  return null;
}

const TAIL_BYTES = 256 * 1024;

/**
 * The checkpoint with the highest sequence number among the file's last lines (several processes
 * may append to one file, so the last line is not always the highest). Null when there is none.
 */
export function latestCheckpoint(file: string): Checkpoint | null {
  if (!existsSync(file)) return null;
  const size = statSync(file).size;
  const start = Math.max(0, size - TAIL_BYTES);
  const buffer = Buffer.alloc(size - start);
  const fd = openSync(file, 'r');
  try {
    readSync(fd, buffer, 0, buffer.length, start);
  } finally {
    closeSync(fd);
  }
  let best: Checkpoint | null = null;
  for (const line of buffer.toString('utf8').split('\n')) {
    const c = parseLine(line);
    if (c && (!best || c.seq > best.seq)) best = c;
  }
  return best;
}

export function appendCheckpoint(file: string, checkpoint: Checkpoint): void {
  mkdirSync(dirname(file), { recursive: true });
  appendFileSync(file, `${JSON.stringify(checkpoint)}\n`);
}

/** Writes the chain head at most once per interval; `flush` writes the pending head at once. */
export class CheckpointWriter {
  private pending: { seq: number; hash: string } | null = null;
  private written = 0;
  private lastWriteAt = Number.NEGATIVE_INFINITY;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    readonly file: string,
    private readonly intervalMs = 1000,
    private readonly clock: () => number = Date.now,
  ) {}

  /** The head after a commit. */
  note(seq: number, hash: string): void {
    if (seq <= this.written || (this.pending && seq <= this.pending.seq)) return;
    this.pending = { seq, hash };
    const wait = this.lastWriteAt + this.intervalMs - this.clock();
    if (wait <= 0) this.flush();
    else if (!this.timer) {
      this.timer = setTimeout(() => this.flush(), wait);
      this.timer.unref();
    }
  }

  flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (!this.pending) return;
    const { seq, hash } = this.pending;
    this.pending = null;
    const now = this.clock();
    appendCheckpoint(this.file, { seq, hash, at: new Date(now).toISOString() });
    this.written = seq;
    this.lastWriteAt = now;
  }

  /** Writes the database's own head (migrations and other processes move it too), then stops. */
  async close(db: Db): Promise<void> {
    const head = await chainHead(db);
    if (head) this.note(head.seq, head.hash);
    this.flush();
  }
}

export type CheckpointProblemKind = 'truncated' | 'rewritten';

export interface CheckpointCheck {
  readonly ok: boolean;
  /** The file's latest checkpoint, or null when there is no file (a witness not yet written). */
  readonly checkpoint: Checkpoint | null;
  /** The chain's last sequence number. */
  readonly head: number;
  readonly problem: {
    readonly kind: CheckpointProblemKind;
    readonly seq: number;
    readonly message: string;
  } | null;
}

/** Compares the chain with a checkpoint: a shorter chain was cut, another hash there was rewritten. */
export async function checkCheckpoint(db: Db, checkpoint: Checkpoint | null): Promise<CheckpointCheck> {
  const head = (await chainHead(db))?.seq ?? 0;
  if (!checkpoint) return { ok: true, checkpoint, head, problem: null };
  const when = vietnamDateTime(checkpoint.at);
  if (head < checkpoint.seq) {
    return {
      ok: false,
      checkpoint,
      head,
      problem: {
        kind: 'truncated',
        seq: checkpoint.seq,
        message: `Nhật ký bị cắt: điểm mốc ghi ngoài cơ sở dữ liệu lúc ${when} đã có sự kiện số ${checkpoint.seq}, nay nhật ký chỉ còn đến sự kiện số ${head}. Các sự kiện cuối đã bị xoá.`,
      },
    };
  }
  const event = await db
    .selectFrom('audit_events')
    .select('hash')
    .where('seq', '=', checkpoint.seq)
    .executeTakeFirst();
  if (event?.hash !== checkpoint.hash) {
    return {
      ok: false,
      checkpoint,
      head,
      problem: {
        kind: 'rewritten',
        seq: checkpoint.seq,
        message: `Nhật ký bị viết lại: sự kiện số ${checkpoint.seq} khác với điểm mốc ghi ngoài cơ sở dữ liệu lúc ${when}.`,
      },
    };
  }
  return { ok: true, checkpoint, head, problem: null };
}
