import { createHash, generateKeyPairSync, sign } from 'node:crypto';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseScenario, runScenario } from '../../src/cli/commands/scenario';
import { count as counting, createContext, demo } from '../../src/services';
import type { ServiceContext } from '../../src/services';
import {
  PACKAGE_FORMAT,
  canonicalJson,
  exportPackage,
  importPackage,
  verifyPackage,
} from '../../src/services/polling/package';
import { migrateToLatest, openStore } from '../../src/store';
import type { Store } from '../../src/store';
import { aCommuneOfficer } from '../support/actors';

// The scenario reader and the offline package reader under generated input: never a throw, a clear
// refusal, and (package import) nothing written when it refuses. Run counts are printed for the issue.
const RUNS = Number(process.env['FUZZ_RUNS'] ?? 300);

function report(name: string, runs: number) {
  process.stdout.write(`fuzz ${name}: ${runs} generated inputs\n`);
}

/** Replaces the value at a random path of a JSON value (structure-aware mutation). */
function mutateAt(value: unknown, path: readonly number[], replacement: unknown): unknown {
  if (path.length === 0) return replacement;
  if (Array.isArray(value) && value.length > 0) {
    const i = path[0]! % value.length;
    return value.map((v, j) => (j === i ? mutateAt(v, path.slice(1), replacement) : v));
  }
  if (typeof value === 'object' && value !== null) {
    const keys = Object.keys(value);
    if (keys.length === 0) return replacement;
    const k = keys[path[0]! % keys.length]!;
    return { ...value, [k]: mutateAt((value as Record<string, unknown>)[k], path.slice(1), replacement) };
  }
  return replacement;
}

/** Replaces one leaf, keeping its type, so that the mutant usually still parses and runs. */
function mutateLeaf(value: unknown, path: readonly number[], text: string, n: number): unknown {
  if (typeof value === 'string') return text;
  if (typeof value === 'number') return n;
  if (typeof value === 'boolean') return !value;
  if (Array.isArray(value) && value.length > 0) {
    const i = (path[0] ?? 0) % value.length;
    return value.map((v, j) => (j === i ? mutateLeaf(v, path.slice(1), text, n) : v));
  }
  if (typeof value === 'object' && value !== null && Object.keys(value).length > 0) {
    const keys = Object.keys(value);
    const k = keys[(path[0] ?? 0) % keys.length]!;
    return { ...value, [k]: mutateLeaf((value as Record<string, unknown>)[k], path.slice(1), text, n) };
  }
  return value;
}

const anyJson = fc.jsonValue({ maxDepth: 2 });
const leafText = fc.oneof(
  fc.constantFrom(
    '',
    'x',
    '2024-02-30',
    '1900-01-01',
    '9999-12-31',
    'head',
    'deputyHead',
    '<script>',
    '=1+1',
  ),
  fc.string({ maxLength: 12 }),
);
const leafNumber = fc.oneof(fc.constantFrom(0, -1, 1, 2, 3, 1_000_000_000), fc.integer());
const mutation = fc.tuple(fc.array(fc.nat(40), { minLength: 1, maxLength: 6 }), anyJson);

describe('scenario reader', () => {
  const files = ['quang-tri-thon', 'tay-ninh-ap', 'phuong2-nd59', 'phuong2-polling', 'phuong2-merge'].map(
    (n) => JSON.parse(readFileSync(`scenarios/${n}.json`, 'utf8')) as unknown,
  );

  it('never throws on arbitrary text or JSON, and says what is wrong', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ maxLength: 300 }),
          anyJson.map((j) => JSON.stringify(j)),
        ),
        (text) => {
          const r = parseScenario(text);
          expect(r.ok).toBe(false);
          expect(!r.ok && r.error.message).toMatch(/^(Tệp kịch bản không phải JSON|Kịch bản không hợp lệ)/);
        },
      ),
      { numRuns: RUNS },
    );
    report('parseScenario(arbitrary text/JSON)', RUNS);
  });

  it('never throws on structurally mutated real scenarios', () => {
    let accepted = 0;
    fc.assert(
      fc.property(
        fc.nat(files.length - 1),
        fc.array(mutation, { minLength: 1, maxLength: 3 }),
        (f, edits) => {
          const mutated = edits.reduce((v, [path, repl]) => mutateAt(v, path, repl), files[f]);
          const r = parseScenario(JSON.stringify(mutated));
          if (r.ok) accepted++;
          else expect(r.error.message.length).toBeGreaterThan(10);
        },
      ),
      { numRuns: RUNS },
    );
    report(`parseScenario(mutated scenarios, ${accepted} still valid)`, RUNS);
  });

  it('runs mutated scenarios that still parse to a report, without throwing', async () => {
    const runs = Math.max(3, Math.ceil(RUNS / 60));
    const base = files[0]; // no demo ward: a fast setup
    let ran = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.array(fc.nat(40), { minLength: 2, maxLength: 5 }), leafText, leafNumber), {
          minLength: 1,
          maxLength: 2,
        }),
        async (edits) => {
          // Mutate leaves inside the steps only, so that most mutants still parse and actually run.
          const scenario = base as { steps: unknown[] };
          const steps = edits.reduce<unknown>((v, [path, t, n]) => mutateLeaf(v, path, t, n), scenario.steps);
          const parsed = parseScenario(JSON.stringify({ ...scenario, steps }));
          if (!parsed.ok) return;
          ran++;
          const result = await runScenario(parsed.value, null);
          expect(result.steps.length).toBeGreaterThan(0);
          for (const s of result.steps) {
            if (s.ok) continue;
            expect(s.refusal?.message.length).toBeGreaterThan(5);
            // 'scenario-error' is an exception the runner caught: a crash, not a refusal, unless it is
            // one of the runner's own checks of the scenario file (a reference, enough residents to pick).
            expect(`${s.do}: ${s.refusal?.code} ${s.refusal?.message}`).not.toMatch(
              /scenario-error (?!unknown reference|not enough residents|no resident named|no election for)/,
            );
          }
        },
      ),
      { numRuns: runs },
    );
    report(`runScenario(mutated steps, ${ran} ran)`, runs);
  }, 300_000);
});

describe('offline package reader', () => {
  let store: Store;
  let ctx: ServiceContext;
  let electionId = '';
  let good = '';
  const keys = generateKeyPairSync('ed25519');
  const keyId = 'fuzz-key';
  const accepted = new Map([[keyId, keys.publicKey.export({ type: 'spki', format: 'pem' }).toString()]]);
  const officer = aCommuneOfficer('24820');

  /** What an insider holding the laptop's key could send: any tables, correctly hashed and signed. */
  function signed(tables: unknown, election = electionId): string {
    const body = {
      format: PACKAGE_FORMAT,
      electionId: election,
      exportedAt: '2024-11-17T10:00:00.000Z',
      keyId,
      tables,
    };
    const canonical = canonicalJson(body);
    const sha256 = createHash('sha256').update(canonical, 'utf8').digest('hex');
    const signature = sign(null, Buffer.from(canonical, 'utf8'), keys.privateKey).toString('base64');
    return JSON.stringify({ ...body, sha256, signature });
  }

  async function snapshot(): Promise<number> {
    const r = await sql<{ n: number }>`select total_changes() as n`.execute(store.db);
    return r.rows[0]!.n;
  }

  beforeAll(async () => {
    store = openStore({ kind: 'sqlite', file: ':memory:' });
    await migrateToLatest(store);
    ctx = createContext(store, () => new Date('2024-11-17T03:00:00.000Z'));
    await demo.loadDemo(ctx);
    electionId = (await store.db.selectFrom('elections').select('id').executeTakeFirstOrThrow()).id;
    const ready = await counting.prepareDemoPolling(ctx, officer, electionId);
    if (!ready.ok) throw new Error(ready.error.message);
    const count = await counting.openCount(ctx, officer, electionId, {
      position: 'head',
      voted: 9,
      issued: 9,
      received: 9,
    });
    if (!count.ok) throw new Error(count.error.message);
    const exported = await exportPackage(ctx, officer, electionId, { keyId, privateKey: keys.privateKey });
    if (!exported.ok) throw new Error(exported.error.message);
    good = exported.value.text;
  }, 120_000);

  afterAll(async () => {
    await store?.close();
  });

  it('verifies an untouched package and refuses arbitrary text with a message', () => {
    expect(verifyPackage(good, accepted).ok).toBe(true);
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ maxLength: 200 }),
          anyJson.map((j) => JSON.stringify(j)),
        ),
        (text) => {
          const r = verifyPackage(text, accepted);
          expect(r.ok).toBe(false);
          expect(!r.ok && r.error.message).toMatch(/không/i);
        },
      ),
      { numRuns: RUNS },
    );
    report('verifyPackage(arbitrary text/JSON)', RUNS);
  });

  it('refuses every altered byte of a signed package (or finds it means the same)', () => {
    const original = verifyPackage(good, accepted);
    // The signature's text is left out: base64 decoding ignores a changed padding character, which
    // changes no signed byte (found by this fuzzer; harmless, the signed body is what is compared).
    const meaning = (p: object) => canonicalJson({ ...p, signature: null });
    const body = original.ok ? meaning(original.value) : '';
    let refused = 0;
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(good.length - 1), fc.integer({ min: 32, max: 126 })), {
          minLength: 1,
          maxLength: 4,
        }),
        (edits) => {
          const chars = [...good];
          for (const [at, code] of edits) chars[at] = String.fromCharCode(code);
          const r = verifyPackage(chars.join(''), accepted);
          if (r.ok) expect(meaning(r.value)).toBe(body);
          else refused++;
        },
      ),
      { numRuns: RUNS },
    );
    report(`verifyPackage(byte edits, ${refused} refused)`, RUNS);
  });

  it('imports forged-but-signed packages without throwing, and writes nothing when it refuses', async () => {
    const names = [
      'counts',
      'count_batches',
      'count_entries',
      'polling_attendance',
      'polling_events',
      'other',
    ];
    const row = fc.oneof(
      fc.dictionary(
        fc.constantFrom('id', 'election_id', 'count_id', 'batch_id', 'lane', 'seq', 'kept', 'x'),
        fc.oneof(fc.constant(electionId), fc.string({ maxLength: 10 }), fc.integer(), fc.constant(null)),
        { maxKeys: 6 },
      ),
      anyJson,
    );
    const tables = fc.oneof(
      fc.dictionary(fc.constantFrom(...names), fc.oneof(fc.array(row, { maxLength: 3 }), anyJson), {
        maxKeys: 4,
      }),
      anyJson,
    );
    const counts = { ok: 0, refused: 0 };
    await fc.assert(
      fc.asyncProperty(tables, fc.boolean(), async (t, sameElection) => {
        const before = await snapshot();
        const r = await importPackage(
          ctx,
          officer,
          signed(t, sameElection ? electionId : 'other-election'),
          accepted,
        );
        if (r.ok) counts.ok++;
        else {
          counts.refused++;
          expect(r.error.message.length).toBeGreaterThan(10);
          expect(await snapshot()).toBe(before);
        }
      }),
      { numRuns: RUNS },
    );
    report(`importPackage(forged signed packages: ${counts.ok} imported, ${counts.refused} refused)`, RUNS);
  }, 300_000);
});
