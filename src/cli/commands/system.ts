import type { Command } from 'commander';
import { migrateToLatest, openStore, databaseConfigFromEnv } from '../../store';
import { createContext, demo, territory, auth } from '../../services';
import { buildServer } from '../../server/app';
import { trustProxyFromEnv } from '../../server/trust-proxy';
import { databaseDescription, fail, printJson, withContext } from '../runtime';

/** serve, migrate, demo, users add: the commands of the foundation. */
export function registerSystemCommands(program: Command): void {
  program
    .command('serve')
    .description('Start the web application (creates or migrates the database, loads demo data on first run)')
    .option('-p, --port <port>', 'port to listen on (env PORT)', process.env['PORT'] ?? '3000')
    .option('--host <host>', 'address to listen on (env HOST)', process.env['HOST'] ?? '0.0.0.0')
    .option('--no-demo', 'do not load the demo ward into an empty database')
    .action(async (opts: { port: string; host: string; demo: boolean }) => serve(opts));

  program
    .command('migrate')
    .description('Create or upgrade the database schema, then exit')
    .option('--json', 'print the result as JSON')
    .action(async (opts: { json?: boolean }) => {
      const store = openStore(databaseConfigFromEnv(process.env));
      try {
        const report = await migrateToLatest(store);
        if (opts.json) printJson({ database: store.kind, ...report });
        else
          process.stdout.write(
            `${databaseDescription()}: ${report.applied.length} migration(s) applied, version ${report.version}\n`,
          );
      } finally {
        await store.close();
      }
    });

  program
    .command('demo')
    .description('Load the demo ward (Phường 2, five khu phố, synthetic households) and one account per role')
    .option('--json', 'print what was created as JSON')
    .option('--seed <n>', 'seed of the population generator', '2024')
    .action(async (opts: { json?: boolean; seed: string }) =>
      withContext(async (ctx) => {
        const summary = await demo.loadDemo(ctx, { seed: Number(opts.seed) });
        if (opts.json) {
          printJson({
            commune: summary.commune,
            hamlets: summary.hamlets,
            users: summary.users.map(({ username, role }) => ({ username, role })),
          });
        } else {
          process.stdout.write(
            `${summary.created ? 'Đã tạo' : 'Đã có sẵn'} dữ liệu mẫu: ${summary.commune.name}, ${summary.hamlets.length} khu phố.\n`,
          );
          printAccounts(summary.users);
        }
      }),
    );

  const usersCmd = program.command('users').description('Manage user accounts');
  usersCmd
    .command('add')
    .description('Create a user account (run on the server machine)')
    .requiredOption('--username <name>', 'login name: 3-40 letters without diacritics, digits, . _ -')
    .requiredOption('--name <displayName>', 'full name')
    .requiredOption('--role <role>', 'admin | communeOfficer | frontOfficer | teamMember | provinceViewer')
    .option('--scope <id>', 'commune id, province code or election id, as the role requires')
    .option('--password <password>', 'password (env BAUCOSO_PASSWORD if not given)')
    .option('--json', 'print the created user as JSON')
    .action(
      async (opts: {
        username: string;
        name: string;
        role: string;
        scope?: string;
        password?: string;
        json?: boolean;
      }) =>
        withContext(async (ctx) => {
          const password = opts.password ?? process.env['BAUCOSO_PASSWORD'] ?? '';
          const result = await auth.createUser(ctx, null, {
            username: opts.username,
            displayName: opts.name,
            role: opts.role,
            password,
            scopeId: opts.scope ?? null,
          });
          if (!result.ok) return fail(result.error.message);
          if (opts.json) printJson(result.value);
          else
            process.stdout.write(`Đã tạo tài khoản ${result.value.username} (${result.value.roleLabel}).\n`);
        }),
    );
}

function printAccounts(accounts: ReadonlyArray<{ username: string; role: string; password: string }>): void {
  process.stdout.write('Tài khoản mẫu (demo accounts):\n');
  for (const a of accounts)
    process.stdout.write(`  ${a.username.padEnd(16)} ${a.role.padEnd(16)} mật khẩu: ${a.password}\n`);
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace'] as const;

/** BAUCOSO_LOG_LEVEL: a pino level, 'off', or unset for 'info'. */
function logLevelFromEnv(value: string | undefined): (typeof LOG_LEVELS)[number] | undefined {
  const v = (value ?? 'info').trim().toLowerCase();
  if (v === 'off' || v === 'silent') return undefined;
  return LOG_LEVELS.find((l) => l === v) ?? 'info';
}

async function serve(opts: { port: string; host: string; demo: boolean }): Promise<void> {
  const store = openStore(databaseConfigFromEnv(process.env));
  const report = await migrateToLatest(store);
  // The address printed in each issued document's QR code; behind a proxy, set BAUCOSO_PUBLIC_URL.
  const publicUrl = process.env['BAUCOSO_PUBLIC_URL']?.trim() || `http://localhost:${opts.port}`;
  const ctx = createContext(store, undefined, { publicUrl });
  const firstRun = (await store.db.selectFrom('users').select('id').limit(1).execute()).length === 0;
  await territory.loadAdministrativeUnits(ctx);
  if (firstRun && opts.demo) {
    process.stdout.write('Cơ sở dữ liệu mới: đang nạp dữ liệu mẫu...\n');
    await demo.loadDemo(ctx);
  }
  // BAUCOSO_WEB_ROOT serves a web build from another folder (parallel e2e runs each build their own).
  const webRoot = process.env['BAUCOSO_WEB_ROOT']?.trim();
  const logLevel = logLevelFromEnv(process.env['BAUCOSO_LOG_LEVEL']);
  const trustProxy = trustProxyFromEnv(process.env['BAUCOSO_TRUST_PROXY']);
  const app = await buildServer(ctx, {
    ...(webRoot ? { webRoot } : {}),
    ...(logLevel ? { logLevel } : {}),
    trustProxy,
  });
  const port = Number(opts.port);
  await app.listen({ port, host: opts.host });
  process.stdout.write(`baucoso đang chạy tại http://localhost:${port}\n`);
  process.stdout.write(`Cơ sở dữ liệu: ${databaseDescription()} (phiên bản ${report.version})\n`);
  const loaded = await demo.existingDemo(ctx);
  if (loaded) printAccounts(loaded.users);
  const stop = () => {
    void app.close().then(() => store.close());
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
