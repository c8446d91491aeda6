import type { Command } from 'commander';
import { registerImportCommands } from './import';
import { registerPackageCommands } from './package';
import { registerReportCommands } from './report';
import { registerRulesCommands } from './rules';
import { registerScaleCommands } from './scale';
import { registerScenarioCommands } from './scenario';
import { registerSystemCommands } from './system';
import { registerTrustCommands } from './trust';
import { registerUnitsCommands } from './units';

/**
 * Every subcommand group lives in its own file here and is added to this list.
 * A group is a function that adds its commands to the program.
 */
const groups: ReadonlyArray<(program: Command) => void> = [
  registerSystemCommands,
  (p) => registerRulesCommands(p),
  registerScenarioCommands,
  registerImportCommands,
  registerReportCommands,
  registerTrustCommands,
  registerPackageCommands,
  registerScaleCommands,
  registerUnitsCommands,
];

export function registerCommands(program: Command): void {
  for (const register of groups) register(program);
}
