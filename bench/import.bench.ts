/**
 * Imports 200,000 residents from XLSX and from CSV through the service the browser uses
 * (`residentsImport.previewResidentImport` then `confirmResidentImport`) and prints rows per second,
 * next to the raw insert rate of the same rows (the store's multi-row inserts of households and
 * residents in one transaction, no parsing, validation or diff) in the same database engine in the
 * same run. Each measurement gets a fresh database. SQLite always (a temporary file); PostgreSQL too
 * when TEST_DATABASE_URL is set. Asserts nothing.
 * Run: npx tsx bench/import.bench.ts   (ROWS=20000 for a quick run)
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createPersonalIdAllocator, generateHouseholds } from '../src/demo';
import { foldForSearch } from '../src/domain/people';
import { writeResidentsCsv, writeResidentsXlsx } from '../src/io';
import type { ResidentFields } from '../src/io';
import { createContext, residentsImport, territory } from '../src/services';
import type { Actor } from '../src/services';
import { migrateToLatest, openStore, residents as repo } from '../src/store';
import type { Store } from '../src/store';

const ROWS = Number(process.env['ROWS'] ?? 200_000);
/** The import refuses files over 20 MB (src/io/tabular.ts): larger files are split, as officers are told. */
const PART_BYTES = 19 * 1024 * 1024;
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

/** Splits rows into parts whose files stay under the import's size limit, never inside a household. */
function parts(rows: readonly ResidentFields[], wholeBytes: number): ResidentFields[][] {
  const count = Math.max(1, Math.ceil(wholeBytes / PART_BYTES));
  const size = Math.ceil(rows.length / count);
  const out: ResidentFields[][] = [];
  let current: ResidentFields[] = [];
  for (const r of rows) {
    const last = current[current.length - 1];
    if (current.length >= size && last && last.householdCode !== r.householdCode) {
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

async function freshHamlet(store: Store) {
  const ctx = createContext(store);
  await territory.loadAdministrativeUnits(ctx);
  const made = await territory.createHamlet(ctx, admin, COMMUNE, { name: 'Thôn Đo Tốc Độ', kind: 'thon' });
  if (!made.ok) throw new Error(made.error.message);
  return { ctx, hamletId: made.value.id };
}

const seconds = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e9;
const rate = (n: number, s: number) =>
  `${Math.round(n / s).toLocaleString('en-US')} rows/s (${s.toFixed(1)} s)`;

/** Preview then confirm each part, as the import page does. */
async function viaService(engine: Engine, files: readonly Uint8Array[]) {
  const { store, drop } = await engine.open();
  try {
    const { ctx, hamletId } = await freshHamlet(store);
    let previewSeconds = 0;
    let confirmSeconds = 0;
    let added = 0;
    for (const file of files) {
      let start = process.hrtime.bigint();
      const preview = await residentsImport.previewResidentImport(ctx, admin, hamletId, file);
      previewSeconds += seconds(start);
      if (!preview.ok) throw new Error(preview.error.message);
      if (preview.value.rejected.length > 0)
        throw new Error(`rejected: ${preview.value.rejected[0]!.message}`);
      start = process.hrtime.bigint();
      const done = await residentsImport.confirmResidentImport(ctx, admin, hamletId, file);
      confirmSeconds += seconds(start);
      if (!done.ok) throw new Error(done.error.message);
      added += done.value.added;
    }
    return { previewSeconds, confirmSeconds, added };
  } finally {
    await drop();
  }
}

/** The same rows straight through the store's bulk inserts, in one transaction. */
async function rawInsert(engine: Engine, rows: readonly ResidentFields[]) {
  const { store, drop } = await engine.open();
  try {
    const { hamletId } = await freshHamlet(store);
    const at = new Date().toISOString();
    const start = process.hrtime.bigint();
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
    return seconds(start);
  } finally {
    await drop();
  }
}

async function main() {
  let start = process.hrtime.bigint();
  const rows = population(ROWS);
  console.log(`${rows.length.toLocaleString('en-US')} residents generated in ${seconds(start).toFixed(1)} s`);
  start = process.hrtime.bigint();
  const wholeCsv = writeResidentsCsv(rows);
  const csvParts = parts(rows, wholeCsv.length);
  const csvFiles =
    csvParts.length === 1
      ? [new Uint8Array(wholeCsv)]
      : csvParts.map((p) => new Uint8Array(writeResidentsCsv(p)));
  const wholeXlsx = await writeResidentsXlsx(rows);
  const xlsxParts = parts(rows, wholeXlsx.length);
  const xlsxFiles: Uint8Array[] = [];
  if (xlsxParts.length === 1) xlsxFiles.push(new Uint8Array(wholeXlsx));
  else for (const p of xlsxParts) xlsxFiles.push(new Uint8Array(await writeResidentsXlsx(p)));
  const mb = (files: readonly Uint8Array[]) =>
    (files.reduce((s, f) => s + f.length, 0) / 1024 / 1024).toFixed(1);
  console.log(
    `files written in ${seconds(start).toFixed(1)} s: CSV ${mb(csvFiles)} MB in ${csvFiles.length} file(s), XLSX ${mb(xlsxFiles)} MB in ${xlsxFiles.length} file(s) (import limit 20 MB per file)`,
  );
  for (const engine of engines) {
    console.log(`\n${engine.name}`);
    const raw = await rawInsert(engine, rows);
    console.log(`  raw insert (store bulk inserts, one transaction): ${rate(rows.length, raw)}`);
    for (const [label, files] of [
      ['CSV', csvFiles],
      ['XLSX', xlsxFiles],
    ] as const) {
      const r = await viaService(engine, files);
      if (r.added !== rows.length) throw new Error(`${label}: added ${r.added} of ${rows.length}`);
      console.log(`  ${label} import, confirm only: ${rate(rows.length, r.confirmSeconds)}`);
      console.log(
        `  ${label} import, preview + confirm (what the page does): ${rate(rows.length, r.previewSeconds + r.confirmSeconds)}`,
      );
    }
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
