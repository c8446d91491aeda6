import { Command, CommanderError } from 'commander';
import { registerCommands } from './commands/index';

/** Builds the `baucoso` program; each group of subcommands registers itself from src/cli/commands. */
export function buildProgram(): Command {
  const program = new Command('baucoso')
    .description('baucoso: bầu Trưởng thôn, Tổ trưởng tổ dân phố (election of hamlet heads)')
    .showHelpAfterError()
    .exitOverride();
  registerCommands(program);
  return program;
}

/** Runs the CLI and returns the process exit code. */
export async function main(argv: readonly string[]): Promise<number> {
  const program = buildProgram();
  // Commands report failure through process.exitCode; start each run from a clean slate.
  process.exitCode = undefined;
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode;
    throw e;
  }
}
