import { readFile, writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { polling } from '../../services';
import type { Actor } from '../../services';
import { fail, printJson, withContext } from '../runtime';

/** The command line acts as the administrator: whoever runs it already holds the database. */
const CLI_ACTOR: Actor = {
  userId: 'cli',
  username: 'cli',
  displayName: 'Dòng lệnh (quản trị)',
  role: 'admin',
  scope: { kind: 'all' },
};

/** Where this instance keeps its package key and the keys it trusts: the SQLite data directory. */
const dataDir = () => process.env['BAUCOSO_DATA_DIR']?.trim() || './data';

/** `baucoso package key|trust|export|import`: the offline package of polling day. */
export function registerPackageCommands(program: Command): void {
  const group = program
    .command('package')
    .description(
      'Signed offline packages of an election’s polling and count records (laptop → commune server)',
    );

  group
    .command('key')
    .description(
      "Print this instance's public signing key (created on first use) to give to the commune server",
    )
    .option('--json', 'print {"keyId", "publicKey"}')
    .action((opts: { json?: boolean }) => {
      const k = polling.instanceKey(dataDir());
      if (opts.json) printJson({ keyId: k.keyId, publicKey: k.publicKey });
      else process.stdout.write(k.publicKey);
    });

  group
    .command('trust')
    .description("Accept packages signed by a team laptop's public key (the file `package key` printed)")
    .argument('<file>', 'file holding the public key (PEM)')
    .requiredOption('--name <name>', 'whose key it is, e.g. "Tổ bầu cử khu phố 1"')
    .option('--json', 'print the trusted key as JSON')
    .action(async (file: string, opts: { name: string; json?: boolean }) => {
      try {
        const k = polling.trustKey(dataDir(), opts.name, await readFile(file, 'utf8'));
        if (opts.json) printJson({ keyId: k.keyId, name: k.name });
        else process.stdout.write(`Đã tin cậy khóa ${k.keyId} (${k.name}).\n`);
      } catch (e) {
        fail(`không đọc được khóa công khai trong ${file}: ${e instanceof Error ? e.message : String(e)}`);
      }
    });

  group
    .command('export')
    .description("Write the election's polling and count records to FILE as a signed package")
    .requiredOption('--election <id>', 'id of the election')
    .argument('<file>', 'package file to write')
    .option('--json', 'print {"file", "sha256", "rows"}')
    .action(async (file: string, opts: { election: string; json?: boolean }) => {
      await withContext(async (ctx) => {
        const key = polling.instanceKey(dataDir());
        const r = await polling.exportPackage(ctx, CLI_ACTOR, opts.election, key);
        if (!r.ok) return fail(r.error.message);
        await writeFile(file, r.value.text, { flag: 'w' });
        if (opts.json) printJson({ file, sha256: r.value.sha256, rows: r.value.rows, keyId: key.keyId });
        else
          process.stdout.write(`Đã ghi ${r.value.rows} bản ghi vào ${file} (SHA-256 ${r.value.sha256}).\n`);
      });
    });

  group
    .command('import')
    .description('Check the signature and hash of a package and add the records it holds (idempotent)')
    .argument('<file>', 'package file made by `package export`')
    .option('--election <id>', 'refuse the package unless it is for this election')
    .option('--json', 'print {"electionId", "inserted", "skipped", "byTable"}')
    .action(async (file: string, opts: { election?: string; json?: boolean }) => {
      let text: string;
      try {
        text = await readFile(file, 'utf8');
      } catch (e) {
        return fail(`không đọc được tệp ${file}: ${e instanceof Error ? e.message : String(e)}`);
      }
      await withContext(async (ctx) => {
        const accepted = polling.acceptedKeys(dataDir());
        const r = await polling.importPackage(ctx, CLI_ACTOR, text, accepted, opts.election ?? null);
        if (!r.ok) return fail(r.error.message);
        if (opts.json) printJson(r.value);
        else
          process.stdout.write(
            `Đã nhập ${r.value.inserted} bản ghi mới, bỏ qua ${r.value.skipped} bản ghi đã có (cuộc bầu cử ${r.value.electionId}).\n`,
          );
      });
    });
}
