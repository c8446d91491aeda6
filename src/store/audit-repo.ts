import { createHash, randomUUID } from 'node:crypto';
import type { Db, DatabaseKind } from './database';
import { lockAuditChain } from './database';

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
}

const GENESIS = '0'.repeat(64);

/** The hash covers every column, so editing, inserting or deleting a row breaks the chain. */
export function auditHash(prevHash: string, e: Omit<AuditEvent, 'hash' | 'prevHash'>): string {
  const body = JSON.stringify([e.seq, e.id, e.at, e.userId, e.action, e.entity, e.entityId, e.data]);
  return createHash('sha256').update(prevHash).update('\n').update(body).digest('hex');
}

/**
 * Appends one event to the chain. Must run inside the transaction of the change it records, so
 * that the change and its audit event commit or fail together.
 */
export async function appendAudit(db: Db, kind: DatabaseKind, input: AuditInput): Promise<AuditEvent> {
  await lockAuditChain(db, kind);
  const last = await db
    .selectFrom('audit_events')
    .select(['seq', 'hash'])
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  const seq = (last?.seq ?? 0) + 1;
  const prevHash = last?.hash ?? GENESIS;
  const data = JSON.stringify(input.data ?? null);
  const base = { ...input, data: JSON.parse(data) as unknown, seq, id: randomUUID() };
  const hash = auditHash(prevHash, base);
  await db
    .insertInto('audit_events')
    .values({
      seq,
      id: base.id,
      at: input.at,
      user_id: input.userId,
      action: input.action,
      entity: input.entity,
      entity_id: input.entityId,
      data,
      prev_hash: prevHash,
      hash,
    })
    .execute();
  return { ...base, prevHash, hash };
}

export interface ChainCheck {
  readonly ok: boolean;
  readonly events: number;
  readonly firstBadEvent: string | null;
}

/** Recomputes the chain from the start and reports the first event that does not fit. */
export async function verifyAuditChain(db: Db): Promise<ChainCheck> {
  const rows = await db.selectFrom('audit_events').selectAll().orderBy('seq').execute();
  let prevHash = GENESIS;
  let expectedSeq = 1;
  for (const row of rows) {
    const event = {
      seq: row.seq,
      id: row.id,
      at: row.at,
      userId: row.user_id,
      action: row.action,
      entity: row.entity,
      entityId: row.entity_id,
      data: JSON.parse(row.data) as unknown,
    };
    const bad =
      row.seq !== expectedSeq || row.prev_hash !== prevHash || auditHash(prevHash, event) !== row.hash;
    if (bad) return { ok: false, events: rows.length, firstBadEvent: row.id };
    prevHash = row.hash;
    expectedSeq += 1;
  }
  return { ok: true, events: rows.length, firstBadEvent: null };
}

export async function listAudit(db: Db, filter: { entity?: string; entityId?: string; limit?: number }) {
  let q = db.selectFrom('audit_events').selectAll().orderBy('seq', 'desc');
  if (filter.entity) q = q.where('entity', '=', filter.entity);
  if (filter.entityId) q = q.where('entity_id', '=', filter.entityId);
  return q.limit(filter.limit ?? 100).execute();
}

/** The chain's head (last sequence number and hash): it changes with every audited write. */
export async function auditHead(db: Db): Promise<string> {
  const last = await db
    .selectFrom('audit_events')
    .select(['seq', 'hash'])
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  return last ? `${last.seq}:${last.hash}` : 'empty';
}
