/**
 * Imports N residents (--quick, the default: 10,000 and 100,000; --full: 10,000, 100,000 and 1,000,000;
 * --rows N: N only) from CSV and from XLSX through the service the browser uses (`people.previewResidentImport` then `confirmResidentImport`, one
 * file per hamlet of about 10,000 residents, as communes keep them) and prints rows per second next to
 * the raw insert rate of the same rows (the store's multi-row inserts of households and residents, one
 * transaction per hamlet, no parsing, validation or diff) in the same engine in the same run. Each
 * measurement gets a fresh database. SQLite always (a temporary file); PostgreSQL too when
 * TEST_DATABASE_URL is set. Generated files are cached under /tmp (generating 2,000,000 rows of XLSX
 * takes minutes). Asserts nothing but that every row was added.
 * The confirmation sends the preview's previewId (nothing parsed again); with --again the same run
 * also measures the confirmation that reads the file again (the command line's).
 * Then the peak memory of importing one file: a child process per file (a fresh heap, its own peak
 * RSS) previews and confirms one hamlet's file of 14,000 and of 140,000 rows (the 19 MB CSV),
 * CSV and XLSX, on SQLite; the peak is compared with the same process before it reads the file.
 * Run: npx tsx bench/import.bench.ts [--quick | --full | --rows N] [--again] [--no-rss | --only-rss]
 */
import { spawnSync } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createPersonalIdAllocator, generateHouseholds } from '../src/demo';
import { foldForSearch } from '../src/domain/people';
import { writeResidentsCsv, writeResidentsXlsx } from '../src/io';
import type { ResidentFields } from '../src/io';
import { createContext, people, territory } from '../src/services';
import type { Actor } from '../src/services';
import { migrateToLatest, openStore, residents as repo } from '../src/store';
import type { Store } from '../src/store';
import { figure } from './format';

const rowsArg = process.argv.indexOf('--rows');
const SIZES =
  rowsArg > 0
    ? [Number(process.argv[rowsArg + 1])]
    : process.argv.includes('--full')
      ? [10_000, 100_000, 1_000_000]
      : [10_000, 100_000];
/** Residents per hamlet (whole households): one file per hamlet, as a commune imports them. */
const HAMLET_ROWS = 10_000;
const cacheOf = (rows: number, perFile: number) => `/tmp/baucoso-bench-import/${rows}-${perFile}`;
/** The files of the memory figure: one hamlet each, the larger the 140,000-row CSV. */
const RSS_ROWS = [14_000, 140_000];
const COMMUNE = '24823';
const admin: Actor = {
  userId: 'bench',
  username: 'bench',
  displayName: 'Bench',
  role: 'admin',
  scope: { kind: 'all' },
};

function population(rows: number): ResidentFields[] {
  const ids = createPersonalIdAllocator(7);
  const out: ResidentFields[] = [];
  for (let batch = 0; out.length < rows; batch++) {
    const households = generateHouseholds({
      seed: 100 + batch,
      households: 10_000,
      codePrefix: `B${batch}`,
      birthProvinceCode: '068',
      referenceDate: '2024-09-01',
      residentGroups: ['Tổ 1', 'Tổ 2', 'Tổ 3', 'Tổ 4', 'Tổ 5'],
      personalIds: ids,
    });
    for (const h of households) {
      // Whole households only, so that every household keeps its head.
      if (out.length >= rows) break;
      for (const m of h.members) {
        out.push({
          householdCode: h.code,
          fullName: m.fullName,
          birthDate: m.birthDate,
          sex: m.sex,
          personalId: m.personalId,
          relation: m.relation,
          residence: m.residence,
          legalCapacity: m.legalCapacity,
          residentGroup: h.residentGroup,
          address: h.address,
        });
      }
    }
  }
  return out;
}

/** Splits rows into hamlets of about `perFile` residents, never inside a household. */
function hamlets(rows: readonly ResidentFields[], perFile = HAMLET_ROWS): ResidentFields[][] {
  const out: ResidentFields[][] = [];
  let current: ResidentFields[] = [];
  for (const r of rows) {
    const last = current[current.length - 1];
    if (current.length >= perFile && last && last.householdCode !== r.householdCode) {
      out.push(current);
      current = [];
    }
    current.push(r);
  }
  if (current.length > 0) out.push(current);
  return out;
}

interface Engine {
  readonly name: string;
  open(): Promise<{ store: Store; drop: () => Promise<void> }>;
}

const engines: Engine[] = [
  {
    name: 'SQLite (file)',
    open: async () => {
      const dir = mkdtempSync(join(tmpdir(), 'baucoso-bench-'));
      const store = openStore({ kind: 'sqlite', file: join(dir, 'bench.sqlite') });
      await migrateToLatest(store);
      return {
        store,
        drop: async () => {
          await store.close();
          rmSync(dir, { recursive: true, force: true });
        },
      };
    },
  },
];
const pgUrl = process.env['TEST_DATABASE_URL']?.trim();
if (pgUrl) {
  engines.push({
    name: 'PostgreSQL',
    open: async () => {
      const schema = `bench_${randomBytes(5).toString('hex')}`;
      const adminStore = openStore({ kind: 'postgres', url: pgUrl });
      await adminStore.db.schema.createSchema(schema).execute();
      await adminStore.close();
      const store = openStore({ kind: 'postgres', url: pgUrl, schema });
      await migrateToLatest(store);
      return {
        store,
        drop: async () => {
          await store.close();
          const cleanup = openStore({ kind: 'postgres', url: pgUrl });
          await cleanup.db.schema.dropSchema(schema).cascade().execute();
          await cleanup.close();
        },
      };
    },
  });
}

async function freshHamlets(store: Store, count: number) {
  const ctx = createContext(store);
  await territory.loadAdministrativeUnits(ctx);
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const made = await territory.createHamlet(ctx, admin, COMMUNE, {
      name: `Thôn Đo ${i + 1}`,
      kind: 'thon',
    });
    if (!made.ok) throw new Error(made.error.message);
    ids.push(made.value.id);
  }
  return { ctx, hamletIds: ids };
}

const seconds = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e9;
const rate = (n: number, s: number) =>
  `${Math.round(n / s).toLocaleString('en-US')} rows/s (${s.toFixed(1)} s)`;

/**
 * Preview then confirm each hamlet's file, as the import page does: confirming the preview (its
 * previewId, nothing parsed again) or, as before, reading and validating the file again.
 */
async function viaService(engine: Engine, files: readonly Uint8Array[], again: boolean) {
  const { store, drop } = await engine.open();
  try {
    const { ctx, hamletIds } = await freshHamlets(store, files.length);
    let previewSeconds = 0;
    let confirmSeconds = 0;
    let added = 0;
    for (const [i, file] of files.entries()) {
      const hamletId = hamletIds[i]!;
      let start = process.hrtime.bigint();
      const preview = await people.previewResidentImport(ctx, admin, hamletId, file);
      previewSeconds += seconds(start);
      if (!preview.ok) throw new Error(preview.error.message);
      if (preview.value.rejected.length > 0)
        throw new Error(`rejected: ${preview.value.rejected[0]!.message}`);
      start = process.hrtime.bigint();
      const done = await people.confirmResidentImport(
        ctx,
        admin,
        hamletId,
        file,
        again ? {} : { previewId: preview.value.previewId! },
      );
      confirmSeconds += seconds(start);
      if (!done.ok) throw new Error(done.error.message);
      added += done.value.added;
    }
    return { previewSeconds, confirmSeconds, added };
  } finally {
    await drop();
  }
}

/** The same rows straight through the store's bulk inserts, one transaction per hamlet. */
async function rawInsert(engine: Engine, parts: readonly (readonly ResidentFields[])[]) {
  const { store, drop } = await engine.open();
  try {
    const { hamletIds } = await freshHamlets(store, parts.length);
    const at = new Date().toISOString();
    const start = process.hrtime.bigint();
    for (const [i, rows] of parts.entries()) await rawInsertHamlet(store, hamletIds[i]!, rows, at);
    return seconds(start);
  } finally {
    await drop();
  }
}

async function rawInsertHamlet(store: Store, hamletId: string, rows: readonly ResidentFields[], at: string) {
  await store.db.transaction().execute(async (db) => {
    const households = new Map<string, repo.HouseholdInsert>();
    for (const r of rows) {
      if (!households.has(r.householdCode))
        households.set(r.householdCode, {
          id: randomUUID(),
          hamletId,
          code: r.householdCode,
          address: r.address ?? '',
          residentGroupId: null,
        });
    }
    await repo.insertHouseholdRows(db, [...households.values()], at);
    await repo.insertResidentRows(
      db,
      rows.map((r) => ({
        id: randomUUID(),
        householdId: households.get(r.householdCode)!.id,
        fullName: r.fullName,
        searchName: foldForSearch(r.fullName),
        sex: r.sex,
        birthDate: r.birthDate,
        personalId: r.personalId,
        relation: r.relation,
        residence: r.residence,
        legalCapacity: r.legalCapacity,
      })),
      at,
    );
  });
}

/** Each hamlet's CSV and XLSX, generated once and cached under /tmp (the rows are deterministic). */
async function files(parts: readonly (readonly ResidentFields[])[], cache: string) {
  mkdirSync(cache, { recursive: true });
  const csv: Uint8Array[] = [];
  const xlsx: Uint8Array[] = [];
  for (const [i, part] of parts.entries()) {
    const base = join(cache, String(i));
    if (!existsSync(`${base}.xlsx`)) {
      writeFileSync(`${base}.csv`, writeResidentsCsv(part));
      writeFileSync(`${base}.xlsx`, await writeResidentsXlsx(part));
    }
    csv.push(new Uint8Array(readFileSync(`${base}.csv`)));
    xlsx.push(new Uint8Array(readFileSync(`${base}.xlsx`)));
  }
  return { csv, xlsx };
}

async function measureSize(size: number) {
  let start = process.hrtime.bigint();
  const rows = population(size);
  const parts = hamlets(rows);
  const n = rows.length;
  console.log(
    `${n.toLocaleString('en-US')} residents in ${parts.length} hamlets generated in ${seconds(start).toFixed(1)} s`,
  );
  start = process.hrtime.bigint();
  const cache = cacheOf(size, HAMLET_ROWS);
  const { csv, xlsx } = await files(parts, cache);
  const mb = (fs: readonly Uint8Array[]) => (fs.reduce((s, f) => s + f.length, 0) / 1024 / 1024).toFixed(1);
  console.log(
    `files ready in ${seconds(start).toFixed(1)} s (${cache}): CSV ${mb(csv)} MB, XLSX ${mb(xlsx)} MB, one file per hamlet`,
  );
  for (const engine of engines) {
    const raw = await rawInsert(engine, parts);
    const reference = { name: 'raw insert of the same rows', value: n / raw, unit: 'rows/s' };
    console.log(`${engine.name}: raw insert ${rate(n, raw)}`);
    for (const [label, fs, again] of [
      ['CSV', csv, false],
      ['XLSX', xlsx, false],
      ['CSV reading the file again', csv, true],
      ['XLSX reading the file again', xlsx, true],
    ] as const) {
      if (again && !process.argv.includes('--again')) continue;
      const r = await viaService(engine, fs, again);
      if (r.added !== n) throw new Error(`${label}: added ${r.added} of ${n}`);
      console.log(
        `${engine.name}: ${label} preview ${rate(n, r.previewSeconds)}, confirm ${rate(n, r.confirmSeconds)}`,
      );
      // The goals: CSV at least 0.8 of the raw insert, XLSX at least 0.5.
      const goals = [{ kind: 'min', value: label.startsWith('CSV') ? 0.8 : 0.5, on: 'ratio' }] as const;
      const name = `import ${n.toLocaleString('en-US')} rows ${label}, ${engine.name}`;
      figure({ name: `${name}, confirm`, value: n / r.confirmSeconds, unit: 'rows/s', reference, goals });
      figure({
        name: `${name}, preview + confirm (what the page does)`,
        value: n / (r.previewSeconds + r.confirmSeconds),
        unit: 'rows/s',
        reference,
        goals,
      });
    }
  }
}

/** In a child process: preview and confirm one file into a fresh SQLite hamlet, report memory. */
async function rssChild(path: string) {
  const { store, drop } = await engines[0]!.open();
  try {
    const { ctx, hamletIds } = await freshHamlets(store, 1);
    const file = new Uint8Array(readFileSync(path));
    const before = process.memoryUsage().rss;
    const preview = await people.previewResidentImport(ctx, admin, hamletIds[0]!, file);
    if (!preview.ok) throw new Error(preview.error.message);
    const done = await people.confirmResidentImport(ctx, admin, hamletIds[0]!, file, {
      previewId: preview.value.previewId!,
    });
    if (!done.ok) throw new Error(done.error.message);
    const peak = process.resourceUsage().maxRSS * 1024;
    console.log(JSON.stringify({ before, peak, added: done.value.added }));
  } finally {
    await drop();
  }
}

/** Peak RSS of importing one file, in a fresh process per file. */
async function measureMemory() {
  for (const size of RSS_ROWS) {
    const parts = hamlets(population(size), size);
    const cache = cacheOf(size, size);
    await files(parts, cache);
    for (const [label, ext] of [
      ['CSV', 'csv'],
      ['XLSX', 'xlsx'],
    ] as const) {
      const path = join(cache, `0.${ext}`);
      const child = spawnSync(
        process.execPath,
        [...process.execArgv, fileURLToPath(import.meta.url), '--rss-child', path],
        { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 },
      );
      const last = child.stdout.trim().split('\n').pop() ?? '';
      if (child.status !== 0 || !last.startsWith('{')) throw new Error(`${label}: ${child.stderr}`);
      const r = JSON.parse(last) as { before: number; peak: number; added: number };
      const mib = (b: number) => b / 1024 / 1024;
      const fileMb = (readFileSync(path).length / 1024 / 1024).toFixed(1);
      console.log(`${label} ${size} rows (${fileMb} MB): ${r.added} added`);
      figure({
        name: `import one ${label} file of ${size.toLocaleString('en-US')} rows (${fileMb} MB), SQLite, peak RSS`,
        value: mib(r.peak),
        unit: 'MiB',
        reference: { name: 'RSS of the same process before reading it', value: mib(r.before), unit: 'MiB' },
      });
    }
  }
}

async function main() {
  const child = process.argv.indexOf('--rss-child');
  if (child > 0) return rssChild(process.argv[child + 1]!);
  if (!process.argv.includes('--only-rss')) for (const size of SIZES) await measureSize(size);
  if (!process.argv.includes('--no-rss')) await measureMemory();
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
