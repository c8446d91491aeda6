/**
 * Checkpoints of a SQLite database file in a worker thread, off the event loop.
 *
 * In WAL mode every commit appends to the write-ahead log, and SQLite copies the log back into the
 * database file (a checkpoint, with its fsyncs) inside whichever commit crosses
 * `wal_autocheckpoint` pages. On the counting path that commit then held the event loop for
 * milliseconds: about half of all the time commits took (bench/count-api.bench.ts). Here the
 * writer's own threshold is raised to a safety net, and a worker with its own connection runs a
 * PASSIVE checkpoint (it never blocks the writer or the readers) when the log has grown past
 * CHECKPOINT_PAGES. Durability is unchanged: with `synchronous = NORMAL` the log is made durable at
 * checkpoints, wherever they run, and a crash of the process loses nothing committed.
 */
import { statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/** The log size (pages of 4 KiB) past which the worker checkpoints: SQLite's default threshold. */
export const CHECKPOINT_PAGES = 1000;

/** The writer's own threshold, reached only if the worker falls far behind or is gone. */
export const WRITER_CHECKPOINT_PAGES = 16_000;

/** How many commits pass between two looks at the log's size (a stat of the -wal file). */
const COMMITS_PER_LOOK = 64;

// Plain JavaScript run by the worker: it loads better-sqlite3 from the path the app resolved.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file, { fileMustExist: true });
db.pragma('busy_timeout = 5000');
parentPort.on('message', (m) => {
  if (m === 'stop') { db.close(); parentPort.close(); return; }
  try { db.pragma('wal_checkpoint(PASSIVE)'); } catch { /* busy or gone: the next look retries */ }
  parentPort.postMessage('done');
});
`;

export class WalCheckpointer {
  readonly #file: string;
  #worker: Worker | undefined;
  #commits = 0;
  #pending = false;
  #stopped = false;

  constructor(file: string) {
    this.#file = file;
  }

  /** After a commit: every so often, asks for a checkpoint if the log has grown past the threshold. */
  noteCommit(): void {
    if (this.#stopped || ++this.#commits < COMMITS_PER_LOOK) return;
    this.#commits = 0;
    if (this.#pending || this.#walBytes() < CHECKPOINT_PAGES * 4096) return;
    this.#pending = true;
    this.#started().postMessage('checkpoint');
  }

  #walBytes(): number {
    try {
      return statSync(`${this.#file}-wal`).size;
    } catch {
      return 0;
    }
  }

  #started(): Worker {
    if (this.#worker) return this.#worker;
    const driver = createRequire(import.meta.url).resolve('better-sqlite3');
    const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { file: this.#file, driver } });
    worker.on('message', () => {
      this.#pending = false;
    });
    // A worker that fails leaves the checkpoints to the writer's own threshold.
    worker.on('error', () => {
      this.#worker = undefined;
      this.#pending = false;
    });
    worker.unref();
    this.#worker = worker;
    return worker;
  }

  /** Stops the worker and closes its connection (before the writer closes and checkpoints last). */
  async stop(): Promise<void> {
    this.#stopped = true;
    const worker = this.#worker;
    if (!worker) return;
    this.#worker = undefined;
    const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
    worker.postMessage('stop');
    await exited;
  }
}
