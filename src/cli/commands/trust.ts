import type { Command } from 'commander';
import {
  checkpoints,
  databaseConfigFromEnv,
  migrateToLatest,
  openStore,
  problemLines,
  verifyTrail,
} from '../../store';
import type { TrailCheck } from '../../store';
import * as backups from '../../services/system';
import { fail, printJson } from '../runtime';

/** audit verify, backup, restore: the commands that let people trust the record. */
export function registerTrustCommands(program: Command): void {
  const auditCmd = program.command('audit').description('The tamper-evident audit trail');
  auditCmd
    .command('verify')
    .description(
      'Check the hash chain of the audit events, the seals over every row of the record, and the chain against the checkpoint outside the database; exit 1 on any problem',
    )
    .option('--json', 'print {"ok", "chain", "record", "checkpoint", "problems"}')
    .action(async (opts: { json?: boolean }) => {
      const store = openStore(databaseConfigFromEnv(process.env));
      try {
        await migrateToLatest(store);
        const checkpoint = store.checkpoints ? checkpoints.latestCheckpoint(store.checkpoints.file) : null;
        const check = await verifyTrail(store.db, store.kind, checkpoint);
        if (opts.json) printJson(check);
        else process.stdout.write(describeTrail(check));
        if (!check.ok) process.exitCode = 1;
      } finally {
        await store.close();
      }
    });

  program
    .command('backup')
    .description(
      'Write a consistent copy of the running SQLite database, with its checkpoint, to FILE after checking chain and record (PostgreSQL: use pg_dump)',
    )
    .argument('<file>', 'backup file to create')
    .option(
      '--force',
      'overwrite FILE if it exists; write the copy even when the check fails (with a warning)',
    )
    .option('--json', 'print the check of the copy as JSON')
    .action(async (file: string, opts: { force?: boolean; json?: boolean }) => {
      const store = openStore(databaseConfigFromEnv(process.env));
      try {
        await migrateToLatest(store);
        const result = await backups.backup(store, file, opts);
        if (!result.ok) return fail(result.error.message);
        const { warning } = result.value;
        if (warning) {
          process.stderr.write(`\n${'!'.repeat(72)}\n${warning}\n${'!'.repeat(72)}\n\n`);
          process.exitCode = 2;
        }
        if (opts.json) printJson({ file, ...result.value });
        else if (!warning)
          process.stdout.write(
            `Đã sao lưu vào ${file} (${result.value.trail.chain.events} sự kiện nhật ký, ${result.value.trail.record.rows} dòng hồ sơ đã kiểm tra, phiên bản ${result.value.migration}).\n`,
          );
      } finally {
        await store.close();
      }
    });

  program
    .command('restore')
    .description(
      'Restore a backup over the SQLite database after checking data, chain, record and checkpoints (stop the server first)',
    )
    .argument('<file>', 'backup file made by `baucoso backup`')
    .option('--force', 'confirm restoring a backup older than the current data')
    .option('--json', 'print the check of the backup as JSON')
    .action(async (file: string, opts: { force?: boolean; json?: boolean }) => {
      const config = databaseConfigFromEnv(process.env);
      // restore closes the store itself: it must, before the file is replaced.
      const result = await backups.restore(openStore(config), config, file, opts);
      if (!result.ok) return fail(result.error.message);
      if (opts.json) printJson({ file, restored: true, ...result.value });
      else
        process.stdout.write(
          `Đã phục hồi từ ${file} (${result.value.trail.chain.events} sự kiện nhật ký).\n`,
        );
    });
}

/** audit verify for people: what was checked, then each problem with its table and row. */
function describeTrail(check: TrailCheck): string {
  const { chain, record, checkpoint } = check;
  const witness = checkpoint.checkpoint
    ? `điểm mốc ngoài cơ sở dữ liệu: sự kiện số ${checkpoint.checkpoint.seq}`
    : 'chưa có điểm mốc ngoài cơ sở dữ liệu';
  const summary = `${chain.events} sự kiện nhật ký, ${record.rows} dòng hồ sơ, ${record.seals} niêm phong, ${witness}`;
  if (check.ok) return `Nhật ký và hồ sơ toàn vẹn (${summary}).\n`;
  return `Nhật ký hoặc hồ sơ KHÔNG toàn vẹn (${summary}):\n${problemLines(check, 50).join('\n')}\n`;
}
