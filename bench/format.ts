/**
 * The one output format of every benchmark (docs/benchmarks.md, "Output format"): one line per figure,
 *
 *   FIGURE <name> | <value> <unit> | ref <reference name> <value> <unit> | ratio <r> | goal <goal> | met <yes|no|->
 *
 * so that `npm run bench` (bin/run-bench.js) can collect the lines of every bench into one table and a
 * reader can compare a figure with the reference measured in the same run on a noisy machine.
 * Benches may print other lines (progress, details); only lines starting with "FIGURE " are figures.
 */

/** A number the way the docs print it: thousands separators, at most `digits` decimals. */
export function num(n: number, digits = 0): string {
  return n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: 0 });
}

export interface Measure {
  readonly value: number;
  readonly unit: string;
  /** Decimals to print (default: 0 above 100, 1 above 10, else 2). */
  readonly digits?: number;
}

export interface Goal {
  /** `min`: the figure (or the ratio) must be at least `value`; `max`: at most. */
  readonly kind: 'min' | 'max';
  readonly value: number;
  /** What the goal applies to: the figure itself (default) or its ratio to the reference. */
  readonly on?: 'figure' | 'ratio';
}

export interface Figure extends Measure {
  readonly name: string;
  readonly reference?: Measure & { readonly name: string };
  readonly goals?: readonly Goal[];
}

const autoDigits = (n: number) => (Math.abs(n) >= 100 ? 0 : Math.abs(n) >= 10 ? 1 : 2);
const show = (m: Measure) => `${num(m.value, m.digits ?? autoDigits(m.value))} ${m.unit}`.trim();

function goalText(f: Figure, g: Goal): string {
  const op = g.kind === 'min' ? '>=' : '<=';
  return g.on === 'ratio' ? `ratio ${op} ${num(g.value, 2)}` : `${op} ${show({ ...f, value: g.value })}`;
}

function goalMet(f: Figure, ratio: number | undefined, g: Goal): boolean {
  const v = g.on === 'ratio' ? ratio : f.value;
  if (v === undefined || !Number.isFinite(v)) return false;
  return g.kind === 'min' ? v >= g.value : v <= g.value;
}

/** Formats one figure line (see the header); `ratio` is figure / reference. */
export function figureLine(f: Figure): string {
  const ratio = f.reference && f.reference.value !== 0 ? f.value / f.reference.value : undefined;
  const goals = f.goals ?? [];
  return [
    `FIGURE ${f.name}`,
    show(f),
    f.reference ? `ref ${f.reference.name} ${show(f.reference)}` : 'ref -',
    ratio === undefined ? 'ratio -' : `ratio ${num(ratio, 2)}`,
    goals.length ? `goal ${goals.map((g) => goalText(f, g)).join(' and ')}` : 'goal -',
    goals.length ? `met ${goals.every((g) => goalMet(f, ratio, g)) ? 'yes' : 'no'}` : 'met -',
  ].join(' | ');
}

/** Prints one figure line to stdout. */
export function figure(f: Figure): void {
  process.stdout.write(`${figureLine(f)}\n`);
}

/** Seconds since `start` (process.hrtime.bigint()). */
export const since = (start: bigint): number => Number(process.hrtime.bigint() - start) / 1e9;

/** The value at percentile p (0–100) of an ascending array. */
export function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}
