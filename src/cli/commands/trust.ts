import type { Command } from 'commander';
import { databaseConfigFromEnv, migrateToLatest, openStore } from '../../store';
import { audit } from '../../store';
import * as backups from '../../services/system';
import { fail, printJson } from '../runtime';

/** audit verify, backup, restore: the commands that let people trust the record. */
export function registerTrustCommands(program: Command): void {
  const auditCmd = program.command('audit').description('The tamper-evident audit trail');
  auditCmd
    .command('verify')
    .description(
      'Recompute the hash chain of every audit event; exit 1 if a row was edited, inserted or deleted',
    )
    .option('--json', 'print {"ok", "events", "firstBadEvent"}')
    .action(async (opts: { json?: boolean }) => {
      const store = openStore(databaseConfigFromEnv(process.env));
      try {
        await migrateToLatest(store);
        const check = await audit.verifyAuditChain(store.db);
        if (opts.json) printJson(check);
        else
          process.stdout.write(
            check.ok
              ? `Nhật ký toàn vẹn: ${check.events} sự kiện.\n`
              : `Nhật ký KHÔNG toàn vẹn: sự kiện đầu tiên sai là ${check.firstBadEvent} (trên ${check.events}).\n`,
          );
        if (!check.ok) process.exitCode = 1;
      } finally {
        await store.close();
      }
    });

  program
    .command('backup')
    .description('Write a consistent copy of the running SQLite database to FILE (PostgreSQL: use pg_dump)')
    .argument('<file>', 'backup file to create')
    .option('--force', 'overwrite FILE if it exists')
    .option('--json', 'print the check of the copy as JSON')
    .action(async (file: string, opts: { force?: boolean; json?: boolean }) => {
      const store = openStore(databaseConfigFromEnv(process.env));
      try {
        await migrateToLatest(store);
        const result = await backups.backup(store, file, opts);
        if (!result.ok) return fail(result.error.message);
        if (opts.json) printJson({ file, ...result.value });
        else
          process.stdout.write(
            `Đã sao lưu vào ${file} (${result.value.audit.events} sự kiện nhật ký, phiên bản ${result.value.migration}).\n`,
          );
      } finally {
        await store.close();
      }
    });

  program
    .command('restore')
    .description('Restore a backup over the SQLite database after checking it (stop the server first)')
    .argument('<file>', 'backup file made by `baucoso backup`')
    .option('--force', 'confirm restoring a backup older than the current data')
    .option('--json', 'print the check of the backup as JSON')
    .action(async (file: string, opts: { force?: boolean; json?: boolean }) => {
      const config = databaseConfigFromEnv(process.env);
      const store = openStore(config);
      let closed = false;
      try {
        const result = await backups.restore(store, config, file, opts);
        closed = result.ok;
        if (!result.ok) return fail(result.error.message);
        if (opts.json) printJson({ file, restored: true, ...result.value });
        else process.stdout.write(`Đã phục hồi từ ${file}.\n`);
      } finally {
        if (!closed) await store.close();
      }
    });
}
