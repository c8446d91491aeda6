import { createHash, randomUUID } from 'node:crypto';
import type { Db, DatabaseKind } from './database';
import { lockAuditChain } from './database';
import { compiledOnce } from './compiled-once';
import { sealPendingChanges } from './record-seals';

export interface AuditInput {
  readonly userId: string | null;
  readonly action: string;
  readonly entity: string;
  readonly entityId: string | null;
  readonly data: unknown;
  readonly at: string;
}

export interface AuditEvent extends AuditInput {
  readonly seq: number;
  readonly id: string;
  readonly prevHash: string;
  readonly hash: string;
  /** Hash of the record rows the event sealed, or null (see record-seals.ts). */
  readonly seals: string | null;
}

const GENESIS = '0'.repeat(64);

/**
 * The hash covers every column, so editing, inserting or deleting a row breaks the chain. The
 * seals' hash joins the body only when the event sealed rows, so events written before sealing
 * existed keep their hashes.
 */
export function auditHash(prevHash: string, e: Omit<AuditEvent, 'hash' | 'prevHash'>): string {
  const body = JSON.stringify([e.seq, e.id, e.at, e.userId, e.action, e.entity, e.entityId, e.data]);
  const hash = createHash('sha256').update(prevHash).update('\n').update(body);
  if (e.seals !== null) hash.update('\n').update(e.seals);
  return hash.digest('hex');
}

/**
 * Appends one event to the chain. Must run inside the transaction of the change it records, so
 * that the change and its audit event commit or fail together.
 */
export async function appendAudit(
  db: Db,
  kind: DatabaseKind,
  input: AuditInput,
  /** Changes pending before the transaction began (changesMadeOutside): not sealed by this event. */
  outside?: ReadonlySet<string>,
): Promise<AuditEvent> {
  await lockAuditChain(db, kind);
  const last = await chainHead(db);
  const seq = (last?.seq ?? 0) + 1;
  const prevHash = last?.hash ?? GENESIS;
  const data = JSON.stringify(input.data ?? null);
  const seals = await sealPendingChanges(db, seq, outside);
  const base = { ...input, data: JSON.parse(data) as unknown, seq, id: randomUUID(), seals };
  const hash = auditHash(prevHash, base);
  await insertEvent(
    db,
    seq,
    base.id,
    input.at,
    input.userId,
    input.action,
    input.entity,
    input.entityId,
    data,
    prevHash,
    hash,
    seals,
  );
  return { ...base, prevHash, hash };
}

// Every audited write appends one event: built and compiled once (compiled-once.ts).
const insertEvent = compiledOnce(
  11,
  (
    db: Db,
    seq: number,
    id: string,
    at: string,
    userId: string | null,
    action: string,
    entity: string,
    entityId: string | null,
    data: string,
    prevHash: string,
    hash: string,
    seals: string | null,
  ) =>
    db.insertInto('audit_events').values({
      seq,
      id,
      at,
      user_id: userId,
      action,
      entity,
      entity_id: entityId,
      data,
      prev_hash: prevHash,
      hash,
      seals,
    }),
);

export interface ChainCheck {
  readonly ok: boolean;
  readonly events: number;
  readonly firstBadEvent: string | null;
}

const CHAIN_PAGE = 10_000;

/**
 * Recomputes the chain from the start and reports the first event that does not fit. Reads in
 * pages, so a national trail is checked in bounded memory.
 */
export async function verifyAuditChain(db: Db): Promise<ChainCheck> {
  let prevHash = GENESIS;
  let expectedSeq = 1;
  let events = 0;
  for (;;) {
    const rows = await db
      .selectFrom('audit_events')
      .selectAll()
      .where('seq', '>=', expectedSeq)
      .orderBy('seq')
      .limit(CHAIN_PAGE)
      .execute();
    if (rows.length === 0) break;
    events += rows.length;
    const bad = firstBadEvent(rows, prevHash, expectedSeq);
    if (bad)
      return {
        ok: false,
        events: events + (await eventsAfter(db, rows[rows.length - 1]!.seq)),
        firstBadEvent: bad,
      };
    const last = rows[rows.length - 1]!;
    prevHash = last.hash;
    expectedSeq = last.seq + 1;
  }
  return { ok: true, events, firstBadEvent: null };
}

async function eventsAfter(db: Db, seq: number): Promise<number> {
  const row = await db
    .selectFrom('audit_events')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('seq', '>', seq)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** Data that is not JSON any more was edited outside the application: it can never hash right. */
const UNREADABLE = Symbol('unreadable');
function parsedOrUnreadable(data: string): unknown {
  try {
    return JSON.parse(data) as unknown;
  } catch {
    return UNREADABLE;
  }
}

type AuditRow = Awaited<ReturnType<typeof listAudit>>[number];

function firstBadEvent(rows: readonly AuditRow[], startHash: string, startSeq: number): string | null {
  let prevHash = startHash;
  let expectedSeq = startSeq;
  for (const row of rows) {
    const event = {
      seq: row.seq,
      id: row.id,
      at: row.at,
      userId: row.user_id,
      action: row.action,
      entity: row.entity,
      entityId: row.entity_id,
      data: parsedOrUnreadable(row.data),
      seals: row.seals,
    };
    const bad =
      event.data === UNREADABLE ||
      row.seq !== expectedSeq ||
      row.prev_hash !== prevHash ||
      auditHash(prevHash, event) !== row.hash;
    if (bad) return row.id;
    prevHash = row.hash;
    expectedSeq += 1;
  }
  return null;
}

export async function listAudit(db: Db, filter: { entity?: string; entityId?: string; limit?: number }) {
  let q = db.selectFrom('audit_events').selectAll().orderBy('seq', 'desc');
  if (filter.entity) q = q.where('entity', '=', filter.entity);
  if (filter.entityId) q = q.where('entity_id', '=', filter.entityId);
  return q.limit(filter.limit ?? 100).execute();
}

/** The chain's head (last sequence number and hash): it changes with every audited write. */
export async function auditHead(db: Db): Promise<string> {
  const last = await chainHead(db);
  return last ? `${last.seq}:${last.hash}` : 'empty';
}

/**
 * The sequence number the transaction's audit event will take: locks the chain first, so no other
 * writer can take it before this transaction appends its event.
 */
export async function nextAuditSeq(db: Db, kind: DatabaseKind): Promise<number> {
  await lockAuditChain(db, kind);
  return ((await chainHead(db))?.seq ?? 0) + 1;
}

/** The last event's sequence number and hash, or null for an empty chain. */
const head = compiledOnce(0, (db: Db) =>
  db.selectFrom('audit_events').select(['seq', 'hash']).orderBy('seq', 'desc').limit(1),
);

export async function chainHead(db: Db): Promise<{ seq: number; hash: string } | null> {
  return (await head(db)).rows[0] ?? null;
}
