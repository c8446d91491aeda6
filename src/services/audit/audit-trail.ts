/**
 * The audit trail as people read it: the events of one election, hamlet or commune, newest first,
 * with who (display name), when (Vietnam time), what and a readable before/after; exported as CSV or
 * XLSX (formula cells neutralised); and the chain verification on demand.
 *
 * Which events belong to a scope is derived in `store/audit-trail-repo.ts` (events carry the record
 * they changed, not its election): see the comment there.
 */
import { vietnamDateTime } from '../../domain/calendar';
import { err, ok } from '../../domain/result';
import type { Result } from '../../domain/result';
import { writeCsv } from '../../io/csv-export';
import { writeXlsx } from '../../io/xlsx-export';
import { checkpoints, elections, territory, verifyTrail } from '../../store';
import type { TrailCheck } from '../../store';
import { listTrail } from '../../store/audit-trail-repo';
import type { TrailRow, TrailScope } from '../../store/audit-trail-repo';
import type { Actor } from '../common';
import type { ServiceContext } from '../common';
import { failures } from '../common';
import { canRead, placeOfCommune, placeOfHamlet } from '../common';
import type { Place } from '../common';

export type { TrailScope } from '../../store/audit-trail-repo';

export interface TrailChange {
  readonly field: string;
  readonly before: string | null;
  readonly after: string | null;
}

export interface TrailEvent {
  readonly seq: number;
  readonly id: string;
  readonly at: string;
  /** DD/MM/YYYY HH:MM:SS in Vietnam (UTC+7). */
  readonly atVietnam: string;
  /** The user's display name; null for the system (demo load, command line). */
  readonly user: string | null;
  readonly action: string;
  readonly entity: string;
  readonly entityId: string | null;
  readonly changes: readonly TrailChange[];
}

export interface TrailPage {
  readonly title: string;
  readonly events: readonly TrailEvent[];
  readonly total: number;
  readonly page: number;
  readonly pageSize: number;
}

const MAX_PAGE_SIZE = 200;
const MAX_EXPORT = 50_000;
const MAX_VALUE = 300;
const MAX_FIELDS = 30;

function text(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  const s = typeof value === 'string' ? value : JSON.stringify(value);
  return s.length > MAX_VALUE ? `${s.slice(0, MAX_VALUE)}…` : s;
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function isChangeList(v: unknown): v is { field: string; before: unknown; after: unknown }[] {
  return Array.isArray(v) && v.every((c) => isObject(c) && typeof c['field'] === 'string');
}

/**
 * What changed, from the three shapes services write: `{changes: [{field, before, after}]}`,
 * `{before, set|after}`, or the new values only (an added record: nothing before).
 */
export function readableChanges(data: unknown): TrailChange[] {
  if (data === null || data === undefined) return [];
  if (!isObject(data)) return [{ field: 'value', before: null, after: text(data) }];
  const list = data['changes'];
  if (isChangeList(list))
    return list.map((c) => ({ field: c.field, before: text(c.before), after: text(c.after) }));
  const before = data['before'];
  const after = data['after'] ?? data['set'];
  if (isObject(before) && isObject(after)) {
    return Object.keys(after)
      .filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]))
      .slice(0, MAX_FIELDS)
      .map((k) => ({ field: k, before: text(before[k]), after: text(after[k]) }));
  }
  return Object.entries(data)
    .slice(0, MAX_FIELDS)
    .map(([k, v]) => ({ field: k, before: null, after: text(v) }));
}

function toEvent(row: TrailRow): TrailEvent {
  let data: unknown = null;
  try {
    data = JSON.parse(row.data) as unknown;
  } catch {
    data = row.data; // a hand-edited row: show it as it is (verification reports it)
  }
  return {
    seq: Number(row.seq),
    id: row.id,
    at: row.at,
    atVietnam: vietnamDateTime(row.at),
    user: row.userName ?? (row.userId ? row.userId : null),
    action: row.action,
    entity: row.entity,
    entityId: row.entityId,
    changes: readableChanges(data),
  };
}

interface Resolved {
  readonly place: Place;
  readonly title: string;
}

async function resolveScope(ctx: ServiceContext, scope: TrailScope): Promise<Resolved | undefined> {
  const db = ctx.store.db;
  if (scope.kind === 'commune') {
    const place = await placeOfCommune(db, scope.id);
    const name = await territory.communeName(db, scope.id);
    return place && name !== undefined ? { place, title: name } : undefined;
  }
  const hamletId = scope.kind === 'hamlet' ? scope.id : (await elections.getElection(db, scope.id))?.hamletId;
  if (!hamletId) return undefined;
  const place = await placeOfHamlet(db, hamletId);
  const name = await territory.hamletName(db, hamletId);
  if (!place || name === undefined) return undefined;
  return { place, title: scope.kind === 'hamlet' ? name : `Cuộc bầu cử ở ${name}` };
}

const whatOf: Readonly<Record<TrailScope['kind'], string>> = {
  election: 'cuộc bầu cử này',
  hamlet: 'thôn, tổ dân phố này',
  commune: 'xã, phường này',
};

async function allowed(ctx: ServiceContext, actor: Actor, scope: TrailScope): Promise<Result<Resolved>> {
  const resolved = await resolveScope(ctx, scope);
  if (!resolved) return err(failures.notFound(whatOf[scope.kind]));
  if (!(await canRead(ctx.store.db, actor, resolved.place)))
    return err(failures.forbidden(`xem nhật ký của ${whatOf[scope.kind]}`));
  return ok(resolved);
}

export interface TrailQuery {
  readonly page?: number;
  readonly pageSize?: number;
  /** Keep the actions that start with this text (e.g. "count." or "resident.edit"). */
  readonly action?: string;
}

/** One page of the trail of an election, hamlet or commune (anyone who may read that place). */
export async function listAuditTrail(
  ctx: ServiceContext,
  actor: Actor,
  scope: TrailScope,
  query: TrailQuery = {},
): Promise<Result<TrailPage>> {
  const page = query.page ?? 1;
  const pageSize = query.pageSize ?? 50;
  if (!Number.isInteger(page) || page < 1)
    return err(failures.invalid('page', 'Số trang phải là số nguyên từ 1 trở lên.'));
  if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > MAX_PAGE_SIZE)
    return err(failures.invalid('pageSize', `Số dòng mỗi trang phải từ 1 đến ${MAX_PAGE_SIZE}.`));
  const scoped = await allowed(ctx, actor, scope);
  if (!scoped.ok) return scoped;
  const found = await listTrail(ctx.store.db, scope, {
    offset: (page - 1) * pageSize,
    limit: pageSize,
    ...(query.action ? { action: query.action } : {}),
  });
  return ok({
    title: scoped.value.title,
    events: found.rows.map(toEvent),
    total: found.total,
    page,
    pageSize,
  });
}

export interface TrailFile {
  readonly bytes: Buffer;
  readonly fileName: string;
}

const COLUMNS = [
  { header: 'Số thứ tự sự kiện', key: 'seq', width: 10 },
  { header: 'Thời điểm (giờ Việt Nam)', key: 'at', width: 20 },
  { header: 'Người thực hiện', key: 'user', width: 24 },
  { header: 'Hành động', key: 'action', width: 24 },
  { header: 'Đối tượng', key: 'entity', width: 14 },
  { header: 'Mã đối tượng', key: 'entityId', width: 38 },
  { header: 'Thay đổi (trước → sau)', key: 'changes', width: 80 },
] as const;

function exportRow(e: TrailEvent): Record<string, string | number | null> {
  const changes = e.changes
    .map((c) =>
      c.before === null ? `${c.field}: ${c.after ?? ''}` : `${c.field}: ${c.before} → ${c.after ?? ''}`,
    )
    .join('\n');
  return {
    seq: e.seq,
    at: e.atVietnam,
    user: e.user ?? 'Hệ thống',
    action: e.action,
    entity: e.entity,
    entityId: e.entityId,
    changes,
  };
}

/** The whole trail of a scope as CSV (UTF-8 with BOM) or XLSX; text that could be a formula is neutralised. */
export async function exportAuditTrail(
  ctx: ServiceContext,
  actor: Actor,
  scope: TrailScope,
  format: 'csv' | 'xlsx',
): Promise<Result<TrailFile>> {
  const scoped = await allowed(ctx, actor, scope);
  if (!scoped.ok) return scoped;
  const found = await listTrail(ctx.store.db, scope, { offset: 0, limit: MAX_EXPORT });
  const rows = found.rows.map(toEvent).map(exportRow);
  const base = `nhat-ky-${scoped.value.title}`;
  if (format === 'csv') return ok({ bytes: writeCsv(COLUMNS, rows), fileName: `${base}.csv` });
  const bytes = await writeXlsx([{ name: 'Nhật ký', columns: COLUMNS, rows }]);
  return ok({ bytes, fileName: `${base}.xlsx` });
}

/**
 * Checks the chain, the record's seals and the checkpoint (as `baucoso audit verify`). Any
 * signed-in officer may run it: it reveals whether the record is intact, how large it is, and
 * which tables and rows were changed outside the application.
 */
export async function verifyAuditChain(ctx: ServiceContext, actor: Actor): Promise<Result<TrailCheck>> {
  if (actor.role === 'teamMember')
    return err(failures.forbidden('kiểm tra tính toàn vẹn của toàn bộ nhật ký'));
  const checkpoint = ctx.store.checkpoints ? checkpoints.latestCheckpoint(ctx.store.checkpoints.file) : null;
  return ok(await verifyTrail(ctx.store.db, ctx.store.kind, checkpoint));
}
