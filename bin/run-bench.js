#!/usr/bin/env node
/**
 * `npm run bench`: runs every bench/*.bench.ts with tsx, one after the other (the machine is small and
 * shared: benches in parallel would measure each other), passes `--quick` (default) or `--full` (the
 * scale issue's sizes) to each, and ends with every FIGURE line of every bench in one summary.
 * Options: --full, --quick, --only NAME (repeatable; a bench runs when its file name contains NAME).
 * Output format of the figures: docs/benchmarks.md, "Output format".
 */
import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const size = args.includes('--full') ? '--full' : '--quick';
const only = args.flatMap((a, i) => (a === '--only' && args[i + 1] ? [args[i + 1]] : []));
const unknown = args.filter(
  (a, i) => !['--full', '--quick', '--only'].includes(a) && args[i - 1] !== '--only',
);
if (unknown.length > 0) {
  console.error(
    `unknown option(s): ${unknown.join(' ')}\nusage: npm run bench -- [--quick|--full] [--only NAME]...`,
  );
  process.exit(2);
}

const benches = readdirSync(join(root, 'bench'))
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .sort();
if (benches.length === 0) {
  console.error(`no bench matches ${only.join(', ')}`);
  process.exit(2);
}
const tsx = join(root, 'node_modules', '.bin', 'tsx');

/** Runs one bench, echoing its output, and returns its FIGURE lines and exit code. */
function runOne(file) {
  return new Promise((resolve) => {
    const started = Date.now();
    const child = spawn(tsx, [join('bench', file), size], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const figures = [];
    let rest = '';
    child.stdout.on('data', (chunk) => {
      process.stdout.write(chunk);
      const lines = (rest + chunk.toString('utf8')).split('\n');
      rest = lines.pop() ?? '';
      figures.push(...lines.filter((l) => l.startsWith('FIGURE ')));
    });
    child.on('close', (code) => {
      if (rest.startsWith('FIGURE ')) figures.push(rest);
      resolve({ file, code: code ?? 1, figures, seconds: (Date.now() - started) / 1000 });
    });
  });
}

const results = [];
for (const file of benches) {
  console.log(`\n=== ${file} ${size} ===`);
  results.push(await runOne(file));
}

console.log(`\n=== summary (${size}) ===`);
for (const r of results) {
  const status = r.code === 0 ? 'ok' : `FAILED (exit ${r.code})`;
  console.log(`\n${r.file}: ${status}, ${r.seconds.toFixed(0)} s`);
  for (const f of r.figures) console.log(f);
}
const met = results.flatMap((r) => r.figures).filter((f) => f.endsWith('| met yes')).length;
const missed = results.flatMap((r) => r.figures).filter((f) => f.endsWith('| met no')).length;
console.log(`\ngoals met: ${met}, not met: ${missed}`);
// A missed goal is a figure, not a failure; a broken bench (lost paper, exception) is.
process.exitCode = results.some((r) => r.code !== 0) ? 1 : 0;
