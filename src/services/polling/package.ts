/**
 * The offline package: polling day runs on the team's laptop; the election's polling and count
 * records travel back to the commune server as canonical JSON, hashed (SHA-256) and signed with the
 * laptop's ed25519 key. Import checks the hash and the signature, refuses a package for another
 * election or one that was altered, and is idempotent: rows already there are skipped, so importing
 * twice adds nothing. A row that exists with different content refuses the whole package.
 */
import type { FailureCode } from '../../domain/result';
import { createHash, createPublicKey, sign, verify } from 'node:crypto';
import type { KeyObject } from 'node:crypto';
import { err, ok } from '../../domain/result';
import type { Result } from '../../domain/result';
import { audit, pollingDay as repo, recordSeals } from '../../store';
import type { Db } from '../../store';
import type { Actor } from '../common';
import type { ServiceContext } from '../common';
import { writeWithAudit } from '../common';
import { loadPollingElection } from './access';

export const PACKAGE_FORMAT = 'baucoso-polling-package/1';

type Row = Record<string, unknown>;

/** Tables in insertion order (parents first), with the column that identifies a row. */
const TABLES = [
  ['counts', 'id'],
  ['count_batches', 'id'],
  ['count_entries', 'id'],
  ['count_entry_voids', 'id'],
  ['count_resolutions', 'id'],
  ['count_batch_closures', 'batch_id'],
  ['count_corrections', 'id'],
  ['count_hands', 'id'],
  ['count_closures', 'count_id'],
  ['polling_mobile_boxes', 'id'],
  ['polling_attendance', 'id'],
  ['polling_events', 'id'],
  ['polling_ballot_movements', 'id'],
  ['polling_seals', 'id'],
] as const;
type TableName = (typeof TABLES)[number][0];

/** JSON with object keys sorted at every level and no whitespace: one text for one value. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const o = value as Row;
  const keys = Object.keys(o)
    .filter((k) => o[k] !== undefined)
    .sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(o[k])}`).join(',')}}`;
}

export interface PackageBody {
  readonly format: string;
  readonly electionId: string;
  readonly exportedAt: string;
  readonly keyId: string;
  readonly tables: Readonly<Record<string, Row[]>>;
}

export interface SignedPackage extends PackageBody {
  readonly sha256: string;
  readonly signature: string;
}

async function electionRows(db: Db, electionId: string): Promise<Record<TableName, Row[]>> {
  const ids = (rows: Row[], col = 'id') => rows.map((r) => r[col] as string);
  const where = (table: TableName, col: string, values: string[]): Promise<Row[]> =>
    repo.packageRowsWhereIn(db, table, col, values);
  const counts = await where('counts', 'election_id', [electionId]);
  const countIds = ids(counts);
  const batches = await where('count_batches', 'count_id', countIds);
  const batchIds = ids(batches);
  const entries = await where('count_entries', 'count_id', countIds);
  const out: Record<TableName, Row[]> = {
    counts,
    count_batches: batches,
    count_entries: entries,
    count_entry_voids: await where('count_entry_voids', 'entry_id', ids(entries)),
    count_resolutions: await where('count_resolutions', 'batch_id', batchIds),
    count_batch_closures: await where('count_batch_closures', 'batch_id', batchIds),
    count_corrections: await where('count_corrections', 'batch_id', batchIds),
    count_hands: await where('count_hands', 'count_id', countIds),
    count_closures: await where('count_closures', 'count_id', countIds),
    polling_mobile_boxes: await where('polling_mobile_boxes', 'election_id', [electionId]),
    polling_attendance: await where('polling_attendance', 'election_id', [electionId]),
    polling_events: await where('polling_events', 'election_id', [electionId]),
    polling_ballot_movements: await where('polling_ballot_movements', 'election_id', [electionId]),
    polling_seals: await where('polling_seals', 'election_id', [electionId]),
  };
  for (const [t, key] of TABLES) {
    out[t] = out[t]
      .map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, v === undefined ? null : v])))
      .sort((a, b) => keyOf(a, key).localeCompare(keyOf(b, key)));
  }
  return out;
}

/** A row's identifying column as text (ids are text in every table). */
const keyOf = (r: Row, key: string): string => (typeof r[key] === 'string' ? r[key] : JSON.stringify(r[key]));

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

export interface SigningKey {
  readonly keyId: string;
  readonly privateKey: KeyObject;
}

/**
 * A package vouches for its rows with the laptop's signature, so it is made only from a record
 * that proves itself: the audit chain intact and every row of the package's tables as sealed.
 */
async function recordIntact(ctx: ServiceContext): Promise<Result<null>> {
  const chain = await audit.verifyAuditChain(ctx.store.db);
  if (!chain.ok)
    return refuse(
      'record-altered',
      `Nhật ký của máy này bị sửa (từ sự kiện ${chain.firstBadEvent}): không xuất gói dữ liệu. Hãy báo Ủy ban nhân dân xã và chạy "baucoso audit verify".`,
    );
  const tables = TABLES.map(([t]) => t);
  const record = await recordSeals.verifyRecord(ctx.store.db, ctx.store.kind, tables);
  if (!record.ok)
    return refuse(
      'record-altered',
      `Dữ liệu bầu cử trên máy này bị sửa ngoài ứng dụng, không xuất gói dữ liệu. ${record.problems
        .slice(0, 3)
        .map((p) => p.message)
        .join(' ')} Hãy báo Ủy ban nhân dân xã và chạy "baucoso audit verify".`,
    );
  return ok(null);
}

/** The election's polling and count records as a signed package (JSON text). */
export async function exportPackage(
  ctx: ServiceContext,
  actor: Actor,
  electionId: string,
  key: SigningKey,
): Promise<Result<{ text: string; sha256: string; rows: number }>> {
  const pe = await loadPollingElection(ctx, actor, electionId, 'write');
  if (!pe.ok) return pe;
  const intact = await recordIntact(ctx);
  if (!intact.ok) return intact;
  const tables = await electionRows(ctx.store.db, electionId);
  const body: PackageBody = {
    format: PACKAGE_FORMAT,
    electionId,
    exportedAt: ctx.now().toISOString(),
    keyId: key.keyId,
    tables,
  };
  const canonical = canonicalJson(body);
  const hash = sha256(canonical);
  const signature = sign(null, Buffer.from(canonical, 'utf8'), key.privateKey).toString('base64');
  const pkg: SignedPackage = { ...body, sha256: hash, signature };
  const rows = Object.values(tables).reduce((s, r) => s + r.length, 0);
  await writeWithAudit(ctx, actor, () =>
    Promise.resolve({
      value: undefined,
      audit: {
        action: 'package.export',
        entity: 'election',
        entityId: electionId,
        data: { sha256: hash, rows },
      },
    }),
  );
  return ok({ text: `${JSON.stringify(pkg, null, 1)}\n`, sha256: hash, rows });
}

const refuse = (code: FailureCode, message: string) => err({ code, message });

const isRecord = (v: unknown): v is Row => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Every table a list of records (found by fuzzing: `"counts": {}` used to crash the import). */
function wellFormedTables(tables: unknown): boolean {
  return isRecord(tables) && Object.values(tables).every((t) => Array.isArray(t) && t.every(isRecord));
}

/** Checks format, hash and signature; returns the body when the package is intact and trusted. */
export function verifyPackage(text: string, accepted: ReadonlyMap<string, string>): Result<SignedPackage> {
  let pkg: SignedPackage;
  try {
    pkg = JSON.parse(text) as SignedPackage;
  } catch {
    return refuse('package-format', 'Tệp không phải gói dữ liệu bầu cử (không đọc được JSON).');
  }
  if (pkg?.format !== PACKAGE_FORMAT || typeof pkg.electionId !== 'string' || typeof pkg.tables !== 'object')
    return refuse('package-format', 'Tệp không phải gói dữ liệu bầu cử của phần mềm này.');
  if (!wellFormedTables(pkg.tables))
    return refuse(
      'package-format',
      'Gói dữ liệu có bảng không đúng dạng (mỗi bảng phải là danh sách bản ghi). Không nhập.',
    );
  const { sha256: claimed, signature, ...body } = pkg;
  const canonical = canonicalJson(body);
  if (sha256(canonical) !== claimed)
    return refuse(
      'package-altered',
      'Gói dữ liệu đã bị sửa: mã băm SHA-256 không khớp nội dung. Không nhập.',
    );
  const publicKey = accepted.get(pkg.keyId);
  if (!publicKey)
    return refuse(
      'package-untrusted',
      `Gói được ký bằng khóa ${pkg.keyId}, chưa được tin cậy trên máy này (baucoso package trust). Không nhập.`,
    );
  const good =
    typeof signature === 'string' &&
    verify(
      null,
      Buffer.from(canonical, 'utf8'),
      createPublicKey(publicKey),
      Buffer.from(signature, 'base64'),
    );
  if (!good)
    return refuse('package-altered', 'Chữ ký của gói dữ liệu không hợp lệ: gói đã bị sửa. Không nhập.');
  return ok(pkg);
}

export interface ImportReport {
  readonly electionId: string;
  readonly sha256: string;
  readonly inserted: number;
  readonly skipped: number;
  readonly byTable: Record<string, number>;
}

/** Foreign rows: a row of a package must belong to its own election. */
function foreignRow(pkg: SignedPackage): string | null {
  const countIds = new Set((pkg.tables['counts'] ?? []).map((r) => r['id'] as string));
  for (const [t] of TABLES) {
    for (const r of pkg.tables[t] ?? []) {
      if ('election_id' in r && r['election_id'] !== pkg.electionId) return t;
      if ('count_id' in r && !countIds.has(r['count_id'] as string)) return t;
    }
  }
  return null;
}

export async function importPackage(
  ctx: ServiceContext,
  actor: Actor,
  text: string,
  accepted: ReadonlyMap<string, string>,
  expectedElectionId?: string | null,
): Promise<Result<ImportReport>> {
  const verified = verifyPackage(text, accepted);
  if (!verified.ok) return verified;
  const pkg = verified.value;
  if (expectedElectionId && pkg.electionId !== expectedElectionId)
    return refuse(
      'package-election',
      `Gói dữ liệu của cuộc bầu cử khác (${pkg.electionId}), không phải cuộc bầu cử ${expectedElectionId}. Không nhập.`,
    );
  const pe = await loadPollingElection(ctx, actor, pkg.electionId, 'write');
  if (!pe.ok) {
    return pe.error.code === 'not-found'
      ? refuse(
          'package-election',
          `Cuộc bầu cử của gói dữ liệu (${pkg.electionId}) không có trên máy này. Không nhập.`,
        )
      : pe;
  }
  const foreign = foreignRow(pkg);
  if (foreign)
    return refuse(
      'package-election',
      `Gói dữ liệu chứa bản ghi của cuộc bầu cử khác (bảng ${foreign}). Không nhập.`,
    );
  const db = ctx.store.db;
  const fresh: [TableName, Row[]][] = [];
  let skipped = 0;
  const here = await electionRows(db, pkg.electionId);
  for (const [t, key] of TABLES) {
    const existing = new Map(here[t].map((r) => [keyOf(r, key), canonicalJson(r)]));
    const add: Row[] = [];
    for (const r of pkg.tables[t] ?? []) {
      const have = existing.get(keyOf(r, key));
      if (have === undefined) add.push(r);
      else if (have === canonicalJson(r)) skipped++;
      else
        return refuse(
          'package-conflict',
          `Bản ghi ${keyOf(r, key)} (bảng ${t}) đã có trên máy này với nội dung khác. Không nhập.`,
        );
    }
    fresh.push([t, add]);
  }
  const byTable = Object.fromEntries(fresh.map(([t, rows]) => [t, rows.length]));
  const inserted = fresh.reduce((s, [, rows]) => s + rows.length, 0);
  const report = { electionId: pkg.electionId, sha256: pkg.sha256, inserted, skipped, byTable };
  if (inserted === 0) return ok(report);
  try {
    await writeWithAudit(ctx, actor, async (trx) => {
      for (const [t, rows] of fresh) {
        for (const r of rows) await repo.insertPackageRow(trx, t, r);
      }
      return {
        value: undefined,
        audit: { action: 'package.import', entity: 'election', entityId: pkg.electionId, data: report },
      };
    });
  } catch (e) {
    return refuse(
      'package-conflict',
      `Không nhập được gói dữ liệu: ${e instanceof Error ? e.message : String(e)}. Không có gì được ghi.`,
    );
  }
  return ok(report);
}
