import { existsSync, rmSync } from 'node:fs';
import { err, ok } from '../../domain/result';
import type { Result } from '../../domain/result';
import { backupSqlite, checkSqliteFile, lastAuditEventAt, replaceSqliteFile } from '../../store/backup';
import type { BackupCheck } from '../../store/backup';
import type { DatabaseConfig, Store } from '../../store';

const pgDumpHelp =
  'Cơ sở dữ liệu là PostgreSQL: hãy sao lưu bằng pg_dump (ví dụ: pg_dump -Fc -f baucoso.dump "$DATABASE_URL") và phục hồi bằng pg_restore. Xem docs/operations.md.';

/** Writes a consistent copy of the running database to `file` (SQLite), and checks the copy. */
export async function backup(
  store: Store,
  file: string,
  options: { force?: boolean } = {},
): Promise<Result<BackupCheck>> {
  if (store.kind !== 'sqlite') return err({ code: 'postgres', message: pgDumpHelp });
  if (existsSync(file) && !options.force) {
    return err({
      code: 'exists',
      field: 'file',
      message: `Tệp ${file} đã có. Hãy chọn tên khác hoặc thêm --force để ghi đè.`,
    });
  }
  if (existsSync(file)) rmSync(file);
  await backupSqlite(store, file);
  const check = await checkSqliteFile(file);
  if ('error' in check)
    return err({ code: 'backup-failed', message: `Bản sao lưu không đọc lại được (${check.error}).` });
  return ok(check);
}

const reasons: Readonly<Record<string, string>> = {
  'not-found': 'Không tìm thấy tệp sao lưu.',
  'not-sqlite': 'Tệp này không phải là bản sao lưu SQLite của baucoso.',
  'not-baucoso': 'Tệp SQLite này không phải cơ sở dữ liệu baucoso (không có bảng phiên bản).',
};

/**
 * Restores a backup over the SQLite database after checking it (integrity, audit chain). Restoring
 * an older backup over newer data loses that data, so it needs `force` (the operator's confirmation).
 * The server must be stopped.
 */
export async function restore(
  store: Store,
  config: DatabaseConfig,
  file: string,
  options: { force?: boolean } = {},
): Promise<Result<BackupCheck>> {
  if (config.kind !== 'sqlite') return err({ code: 'postgres', message: pgDumpHelp });
  const check = await checkSqliteFile(file);
  if ('error' in check) return err({ code: check.error, message: reasons[check.error] ?? check.error });
  if (check.integrity !== 'ok')
    return err({ code: 'corrupt', message: `Tệp sao lưu bị hỏng (integrity_check: ${check.integrity}).` });
  if (!check.audit.ok) {
    return err({
      code: 'audit-broken',
      message: `Nhật ký thay đổi trong bản sao lưu không toàn vẹn (sự kiện ${check.audit.firstBadEvent}): không phục hồi.`,
    });
  }
  const current = await lastAuditEventAt(store);
  if (current && (!check.lastEventAt || check.lastEventAt < current) && !options.force) {
    return err({
      code: 'older-backup',
      message: `Bản sao lưu (dữ liệu đến ${check.lastEventAt ?? 'trống'}) cũ hơn dữ liệu hiện tại (đến ${current}); phục hồi sẽ mất các thay đổi sau đó. Nếu chắc chắn, chạy lại với --force.`,
    });
  }
  await store.close();
  replaceSqliteFile(file, config.file);
  return ok(check);
}
