/**
 * Two officers editing the same record: the second to save gets a clear conflict (HTTP 409) naming
 * when, and by whom, the record was changed, instead of silently overwriting the first one's work.
 * The mechanism is in store/optimistic.ts; a service calls `claimEdit` first thing inside its
 * `writeWithAudit` and turns a `StaleEdit` into `staleEditFailure`.
 */
import { formatVietnamese, vietnamDate, vietnamTime } from '../../domain/calendar';
import type { Failure, Result } from '../../domain/result';
import { err, ok } from '../../domain/result';
import type { Db } from '../../store';
import { claimVersion, lastChange } from '../../store/optimistic';
import type { VersionedTable } from '../../store/optimistic';
import type { ServiceContext } from '../common';
import { failures } from '../common';

/** Thrown inside a transaction to roll it back when the record changed since the form was read. */
export class StaleEdit extends Error {
  constructor() {
    super('stale edit');
  }
}

/** The version a form sends: absent (a caller that does not track versions) or a positive integer. */
export function checkVersion(version: unknown): Result<number | undefined> {
  if (version === undefined || version === null) return ok(undefined);
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1)
    return err(failures.invalid('version', 'Phiên bản của bản ghi không hợp lệ. Tải lại trang rồi sửa lại.'));
  return ok(version);
}

/** Claims the record for this edit inside the transaction; throws StaleEdit if someone changed it. */
export async function claimEdit(
  db: Db,
  table: VersionedTable,
  id: string,
  version: number | undefined,
): Promise<void> {
  if (version !== undefined && !(await claimVersion(db, table, id, version))) throw new StaleEdit();
}

/** "Bản ghi đã được người khác sửa lúc 14:05 ngày 22/11/2026 (Nguyễn Văn A). Tải lại trang ..." */
export async function staleEditFailure(
  ctx: ServiceContext,
  entity: string,
  entityId: string,
): Promise<Failure> {
  const last = await lastChange(ctx.store.db, entity, entityId);
  const at = last ? ` lúc ${vietnamTime(last.at)} ngày ${formatVietnamese(vietnamDate(last.at))}` : '';
  const who = last?.userName ? ` (${last.userName})` : '';
  return failures.conflict(
    'version',
    `Bản ghi đã được người khác sửa${at}${who}. Tải lại trang để xem và sửa lại.`,
  );
}

/** Runs an edit; a StaleEdit thrown inside becomes the conflict failure (the transaction rolled back). */
export async function guardEdit<T>(
  ctx: ServiceContext,
  entity: string,
  entityId: string,
  edit: () => Promise<T>,
): Promise<Result<T>> {
  try {
    return ok(await edit());
  } catch (e) {
    if (e instanceof StaleEdit) return err(await staleEditFailure(ctx, entity, entityId));
    throw e;
  }
}
