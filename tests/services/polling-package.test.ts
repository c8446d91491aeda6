import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { count, createContext, demo, polling } from '../../src/services';
import type { Actor, ServiceContext } from '../../src/services';
import { migrateToLatest, openStore } from '../../src/store';
import type { Store } from '../../src/store';
import { aCommuneOfficer, aTeamMember } from '../support/actors';
import { describeEachDatabase } from '../support/databases';

const COMMUNE = '24820';
const officer = aCommuneOfficer(COMMUNE);
const onDay = () => new Date('2024-11-17T08:00:00+07:00');

function must<T>(r: { ok: true; value: T } | { ok: false; error: { message: string } }): T {
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

async function demoElection(ctx: ServiceContext): Promise<string> {
  await demo.loadDemo(ctx);
  const row = await ctx.store.db
    .selectFrom('elections as e')
    .innerJoin('hamlets as h', 'h.id', 'e.hamlet_id')
    .select('e.id')
    .where('h.commune_id', '=', COMMUNE)
    .executeTakeFirstOrThrow();
  must(await count.prepareDemoPolling(ctx, officer, row.id));
  return row.id;
}

async function pollSome(ctx: ServiceContext, team: Actor, electionId: string, numbers: number[]) {
  for (const n of numbers) must(await polling.checkIn(ctx, team, electionId, { rollNumber: n }));
  must(
    await polling.recordBallots(ctx, team, electionId, {
      position: 'head',
      kind: 'received',
      quantity: 420,
    }),
  );
}

const dirs: string[] = [];
const tempDir = () => {
  const d = mkdtempSync(join(tmpdir(), 'baucoso-pkg-'));
  dirs.push(d);
  return d;
};
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe('offline package: from the team laptop to the commune server (two SQLite instances)', () => {
  const laptopDir = tempDir();
  const serverDir = tempDir();
  let laptop: Store;
  let server: Store;
  let electionId = '';
  let text = '';

  it('the laptop is set up from the commune server, records polling day offline and exports a signed package', async () => {
    laptop = openStore({ kind: 'sqlite', file: join(laptopDir, 'baucoso.sqlite') });
    await migrateToLatest(laptop);
    electionId = await demoElection(createContext(laptop, onDay));
    await laptop.close();
    // The server holds the same data as the laptop had when it left for the polling station.
    copyFileSync(join(laptopDir, 'baucoso.sqlite'), join(serverDir, 'baucoso.sqlite'));
    laptop = openStore({ kind: 'sqlite', file: join(laptopDir, 'baucoso.sqlite') });
    server = openStore({ kind: 'sqlite', file: join(serverDir, 'baucoso.sqlite') });
    const team = aTeamMember(electionId);
    await pollSome(createContext(laptop, onDay), team, electionId, [1, 2, 3, 4]);
    const key = polling.instanceKey(laptopDir);
    expect(polling.instanceKey(laptopDir).keyId).toBe(key.keyId); // created once, then reused
    const exported = must(await polling.exportPackage(createContext(laptop, onDay), team, electionId, key));
    expect(exported.rows).toBeGreaterThanOrEqual(4 + 1 + 1);
    text = exported.text;
  });

  it('the server refuses it until it trusts the laptop key', async () => {
    const r = await polling.importPackage(
      createContext(server, onDay),
      officer,
      text,
      polling.acceptedKeys(serverDir),
    );
    expect(!r.ok && r.error.code).toBe('package-untrusted');
  });

  it('imports it once trusted; importing twice adds nothing', async () => {
    const laptopKey = polling.instanceKey(laptopDir);
    polling.trustKey(serverDir, 'Máy tính Tổ bầu cử KP1', laptopKey.publicKey);
    const ctx = createContext(server, onDay);
    const first = must(await polling.importPackage(ctx, officer, text, polling.acceptedKeys(serverDir)));
    expect(first.inserted).toBeGreaterThanOrEqual(6);
    expect(first.byTable['polling_attendance']).toBe(4);
    const turnout = must(await polling.getTurnout(ctx, officer, electionId));
    expect(turnout.voted).toBe(4);
    const audits = async () =>
      (
        await server.db
          .selectFrom('audit_events')
          .select('id')
          .where('action', '=', 'package.import')
          .execute()
      ).length;
    expect(await audits()).toBe(1);
    const again = must(await polling.importPackage(ctx, officer, text, polling.acceptedKeys(serverDir)));
    expect(again.inserted).toBe(0);
    expect(again.skipped).toBe(first.inserted);
    expect(await audits()).toBe(1);
  });

  it('a laptop whose database file was edited outside the application refuses to export a package', async () => {
    await laptop.close();
    // Someone opens the file with another SQLite tool and changes who voted.
    const file = new BetterSqlite3(join(laptopDir, 'baucoso.sqlite'));
    file.prepare('update polling_attendance set roll_number = roll_number + 100 where roll_number = 1').run();
    file.close();
    laptop = openStore({ kind: 'sqlite', file: join(laptopDir, 'baucoso.sqlite') });
    const refused = await polling.exportPackage(
      createContext(laptop, onDay),
      aTeamMember(electionId),
      electionId,
      polling.instanceKey(laptopDir),
    );
    expect(!refused.ok && refused.error.code).toBe('record-altered');
    expect(!refused.ok && refused.error.message).toMatch(/bị sửa ngoài ứng dụng.*polling_attendance/);
    await laptop.close();
    await server.close();
  });
});

describeEachDatabase('offline package: refusals', (t) => {
  const keyDir = tempDir();
  const otherDir = tempDir();
  let electionId = '';
  let text = '';
  const ctx = () => t.ctx(onDay);
  const accepted = () => polling.acceptedKeys(keyDir);

  it('exports the records of one election', async () => {
    electionId = await demoElection(ctx());
    await pollSome(ctx(), aTeamMember(electionId), electionId, [5, 6]);
    text = must(await polling.exportPackage(ctx(), officer, electionId, polling.instanceKey(keyDir))).text;
  });

  it('refuses an altered package (a row changed): the hash does not match', async () => {
    const pkg = JSON.parse(text) as { tables: Record<string, Record<string, unknown>[]> };
    pkg.tables['polling_attendance']![0]!['roll_number'] = 99;
    const r = await polling.importPackage(ctx(), officer, JSON.stringify(pkg), accepted());
    expect(!r.ok && r.error.code).toBe('package-altered');
  });

  it('refuses an altered package whose hash was recomputed: the signature does not match', async () => {
    const pkg = JSON.parse(text) as Record<string, unknown> & {
      tables: Record<string, Record<string, unknown>[]>;
    };
    pkg.tables['polling_attendance']!.pop();
    const { sha256: _old, signature: _sig, ...body } = pkg;
    const { createHash } = await import('node:crypto');
    pkg['sha256'] = createHash('sha256').update(polling.canonicalJson(body)).digest('hex');
    const r = await polling.importPackage(ctx(), officer, JSON.stringify(pkg), accepted());
    expect(!r.ok && r.error.code).toBe('package-altered');
    expect(!r.ok && r.error.message).toMatch(/Chữ ký/);
  });

  it('refuses a package signed by a key this instance does not trust', async () => {
    const foreign = must(
      await polling.exportPackage(ctx(), officer, electionId, polling.instanceKey(otherDir)),
    ).text;
    const r = await polling.importPackage(ctx(), officer, foreign, accepted());
    expect(!r.ok && r.error.code).toBe('package-untrusted');
  });

  it('refuses a package for another election (the one asked for, or one that is not on this instance)', async () => {
    const r = await polling.importPackage(ctx(), officer, text, accepted(), 'another-election');
    expect(!r.ok && r.error.code).toBe('package-election');
    const pkg = JSON.parse(text) as Record<string, unknown>;
    pkg['electionId'] = 'not-on-this-instance';
    const { sha256: _o, signature: _s, ...body } = pkg;
    const { createHash, sign } = await import('node:crypto');
    const canonical = polling.canonicalJson(body);
    pkg['sha256'] = createHash('sha256').update(canonical).digest('hex');
    pkg['signature'] = sign(null, Buffer.from(canonical), polling.instanceKey(keyDir).privateKey).toString(
      'base64',
    );
    const r2 = await polling.importPackage(ctx(), officer, JSON.stringify(pkg), accepted());
    expect(!r2.ok && r2.error.code).toBe('package-election');
  });

  it('refuses something that is not a package', async () => {
    const r = await polling.importPackage(ctx(), officer, '{"hello":1}', accepted());
    expect(!r.ok && r.error.code).toBe('package-format');
  });

  it('imports its own package into its own instance as nothing new (idempotent)', async () => {
    const r = must(await polling.importPackage(ctx(), officer, text, accepted()));
    expect(r.inserted).toBe(0);
  });
});
