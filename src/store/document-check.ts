import { createHash } from 'node:crypto';
import { auditHash } from './audit-repo';
import type { Db } from './database';
import { rowDigest, sealsHash } from './record-seals';

/**
 * The checks of one issued document, cheap enough for a public page: its stored bytes against
 * their hashes, its row against its last seal, and the audit events that issued and last sealed it
 * (each recomputed, its seals re-hashed, and linked to the next event). The whole chain is
 * `audit verify`'s work; these are the links that vouch for this one paper.
 */
export interface DocumentCheck {
  readonly bytes: boolean;
  readonly record: boolean;
  readonly chain: boolean;
  readonly problems: readonly string[];
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

export async function checkIssuedDocument(db: Db, id: string): Promise<DocumentCheck | null> {
  const row = await db.selectFrom('documents').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) return null;
  const problems: string[] = [];

  const bytes = sha256(row.pdf) === row.pdf_sha256 && sha256(row.docx) === row.docx_sha256;
  if (!bytes)
    problems.push('Tệp văn bản lưu trong hồ sơ không còn khớp với mã băm khi ban hành: tệp đã bị sửa.');

  const seal = await db
    .selectFrom('record_seals')
    .select(['seq', 'digest'])
    .where('tbl', '=', 'documents')
    .where('row_key', '=', id)
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  const pending = await db
    .selectFrom('record_changes')
    .select('row_key')
    .where('tbl', '=', 'documents')
    .where('row_key', '=', id)
    .executeTakeFirst();
  const record = seal !== undefined && seal.digest === rowDigest('documents', row) && pending === undefined;
  if (!record)
    problems.push(
      'Thông tin văn bản trong hồ sơ (số, ngày, mã băm hoặc tệp) đã bị sửa ngoài ứng dụng sau khi niêm phong.',
    );

  let chain = row.chain_seq !== null;
  if (row.chain_seq !== null) {
    const issued = await eventIntact(db, row.chain_seq);
    const data = issued.event ? (JSON.parse(issued.event.data) as Record<string, unknown>) : {};
    const names =
      issued.event?.action === 'document.issue' &&
      issued.event.entity_id === id &&
      data['pdf_sha256'] === row.pdf_sha256 &&
      data['verification_code'] === row.verification_code;
    chain = issued.ok && names;
  }
  if (chain && seal && seal.seq !== row.chain_seq) chain = (await eventIntact(db, seal.seq)).ok;
  if (!chain)
    problems.push(
      'Sự kiện ban hành văn bản trong nhật ký không còn nguyên vẹn hoặc không khớp với mã băm và mã kiểm tra của văn bản.',
    );
  return { bytes, record, chain, problems };
}

/** One event recomputed from its own row and seals, and the next event pointing back at it. */
async function eventIntact(db: Db, seq: number) {
  const event = await db.selectFrom('audit_events').selectAll().where('seq', '=', seq).executeTakeFirst();
  if (!event) return { ok: false, event };
  let data: unknown;
  try {
    data = JSON.parse(event.data) as unknown;
  } catch {
    return { ok: false, event };
  }
  const seals = await db
    .selectFrom('record_seals')
    .select(['tbl', 'row_key', 'digest'])
    .where('seq', '=', seq)
    .execute();
  const sealed = seals.length
    ? sealsHash(seals.map((s) => ({ tbl: s.tbl, rowKey: s.row_key, digest: s.digest })))
    : null;
  const hash = auditHash(event.prev_hash, {
    seq: event.seq,
    id: event.id,
    at: event.at,
    userId: event.user_id,
    action: event.action,
    entity: event.entity,
    entityId: event.entity_id,
    data,
    seals: event.seals,
  });
  const next = await db
    .selectFrom('audit_events')
    .select('prev_hash')
    .where('seq', '=', seq + 1)
    .executeTakeFirst();
  const ok = hash === event.hash && sealed === event.seals && (!next || next.prev_hash === event.hash);
  return { ok, event };
}
