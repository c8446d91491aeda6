import { existsSync, renameSync, rmSync } from 'node:fs';
import { err, ok } from '../../domain/result';
import type { Result } from '../../domain/result';
import {
  backupSqlite,
  checkSqliteFile,
  dropEmbeddedCheckpoint,
  embedCheckpoint,
  lastAuditEventAt,
  replaceSqliteFile,
} from '../../store/backup';
import type { BackupCheck, BackupFileError } from '../../store/backup';
import { appendCheckpoint, checkpointFileIn, latestCheckpoint } from '../../store/checkpoint';
import { problemLines } from '../../store/trail-check';
import type { DatabaseConfig, Store } from '../../store';
import { dirname } from 'node:path';

const pgDumpHelp =
  'Cơ sở dữ liệu là PostgreSQL: hãy sao lưu bằng pg_dump (ví dụ: pg_dump -Fc -f baucoso.dump "$DATABASE_URL") và phục hồi bằng pg_restore. Xem docs/operations.md.';

export interface BackupResult extends BackupCheck {
  /** Set when the data failed its check and `force` wrote the copy anyway. */
  readonly warning: string | null;
}

/**
 * Writes a consistent copy of the running database to `file` (SQLite) with the checkpoint the
 * copy is checked against, and checks the copy: a database whose chain, seals or checkpoint do not
 * hold is refused (with `force`: written, and the result carries a loud warning). `force` also
 * overwrites an existing file.
 */
export async function backup(
  store: Store,
  file: string,
  options: { force?: boolean } = {},
): Promise<Result<BackupResult>> {
  if (store.kind !== 'sqlite') return err({ code: 'postgres', message: pgDumpHelp });
  if (existsSync(file) && !options.force) {
    return err({
      code: 'exists',
      field: 'file',
      message: `Tệp ${file} đã có. Hãy chọn tên khác hoặc thêm --force để ghi đè.`,
    });
  }
  if (existsSync(file)) rmSync(file);
  // Read before the copy is taken, so the checkpoint names an event the copy holds.
  store.checkpoints?.flush();
  const checkpoint = store.checkpoints ? latestCheckpoint(store.checkpoints.file) : null;
  await backupSqlite(store, file);
  embedCheckpoint(file, checkpoint);
  const check = await checkSqliteFile(file);
  if ('error' in check)
    return err({ code: 'backup-failed', message: `Bản sao lưu không đọc lại được (${check.error}).` });
  if (check.trail.ok) return ok({ ...check, warning: null });
  const problems = problemLines(check.trail, 10).join('\n');
  if (!options.force) {
    rmSync(file, { force: true });
    return err({
      code: 'audit-broken',
      message: `Dữ liệu KHÔNG toàn vẹn, không sao lưu:\n${problems}\nHãy báo quản trị hệ thống. Nếu vẫn cần một bản sao để điều tra, chạy lại với --force.`,
    });
  }
  return ok({
    ...check,
    warning: `CẢNH BÁO: dữ liệu KHÔNG toàn vẹn, bản sao lưu ${file} chứa dữ liệu đã bị sửa ngoài ứng dụng và sẽ bị từ chối khi phục hồi:\n${problems}`,
  });
}

const reasons: Readonly<Record<BackupFileError, string>> = {
  'not-found': 'Không tìm thấy tệp sao lưu.',
  'not-sqlite': 'Tệp này không phải là bản sao lưu SQLite của baucoso.',
  'not-baucoso': 'Tệp SQLite này không phải cơ sở dữ liệu baucoso (không có bảng phiên bản hoặc nhật ký).',
  corrupt:
    'Tệp sao lưu bị hỏng hoặc bị cắt cụt (không đọc được toàn bộ): không phục hồi. Hãy dùng một bản sao lưu khác.',
};

/**
 * Restores a backup over the SQLite database after checking it: integrity, audit chain, the
 * record's seals, the checkpoint it carries, and the checkpoint of the data folder it goes into
 * (a backup whose chain disagrees with the folder's witness was rewritten, and is refused).
 * Restoring an older backup over newer data loses that data, so it needs `force`; the folder's
 * witness is then set aside beside it and restarted from the backup. Works into a fresh, empty
 * data folder. Always closes the store. The server must be stopped.
 */
export async function restore(
  store: Store,
  config: DatabaseConfig,
  file: string,
  options: { force?: boolean } = {},
): Promise<Result<BackupCheck>> {
  if (config.kind !== 'sqlite') {
    await store.close();
    return err({ code: 'postgres', message: pgDumpHelp });
  }
  const current = await lastAuditEventAt(store);
  // Closing writes the live head to the folder's witness, which the backup is compared with next.
  await store.close();
  const witnessFile = checkpointFileIn(dirname(config.file));
  const witness = latestCheckpoint(witnessFile);
  const own = await checkSqliteFile(file);
  if ('error' in own) return err({ code: own.error, message: reasons[own.error] });
  if (!own.trail.ok) {
    return err({
      code: 'audit-broken',
      message: `Bản sao lưu KHÔNG toàn vẹn, không phục hồi:\n${problemLines(own.trail, 10).join('\n')}`,
    });
  }
  const older = current !== null && (!own.lastEventAt || own.lastEventAt < current);
  if (witness && own.head && witness.seq <= own.head.seq) {
    const against = await checkSqliteFile(file, witness);
    if (!('error' in against) && !against.trail.checkpoint.ok) {
      return err({
        code: 'audit-broken',
        message: `Bản sao lưu không khớp với điểm mốc nhật ký của thư mục dữ liệu này (${witnessFile}): ${against.trail.checkpoint.problem?.message ?? ''} Bản sao lưu có thể đã bị làm giả, hoặc thuộc một máy khác: hãy phục hồi vào một thư mục dữ liệu trống.`,
      });
    }
  }
  if (older && !options.force) {
    return err({
      code: 'older-backup',
      message: `Bản sao lưu (dữ liệu đến ${own.lastEventAt ?? 'trống'}) cũ hơn dữ liệu hiện tại (đến ${current}); phục hồi sẽ mất các thay đổi sau đó. Nếu chắc chắn, chạy lại với --force.`,
    });
  }
  replaceSqliteFile(file, config.file);
  dropEmbeddedCheckpoint(config.file);
  // After an older backup the folder's witness names events the restored data never had.
  if (witness && own.head && witness.seq > own.head.seq && existsSync(witnessFile))
    renameSync(witnessFile, witnessFile.replace(/\.jsonl$/, `.before-restore-${Date.now()}.jsonl`));
  if (own.head) appendCheckpoint(witnessFile, { ...own.head, at: new Date().toISOString() });
  return ok(own);
}
