import { describe, expect, it } from 'vitest';
import { generateHouseholds } from '../../src/demo';
import { writeResidentsCsv, writeResidentsXlsx } from '../../src/io';
import { people, territory } from '../../src/services';
import { createPreviewKeeper } from '../../src/services/people/import-previews';
import { residents as residentsRepo } from '../../src/store';
import { describeEachDatabase } from '../support/databases';
import { fieldsOf } from '../support/resident-fields';
import { aCommuneOfficer } from '../support/actors';

// Xã Lộc An, Lâm Đồng: a real commune with no hamlets until the test makes them.
const COMMUNE = '24823';
const officer = aCommuneOfficer(COMMUNE);
const colleague = { ...aCommuneOfficer(COMMUNE), userId: 'u-officer-2' };

const list = fieldsOf(
  generateHouseholds({
    seed: 11,
    households: 8,
    codePrefix: 'P1',
    birthProvinceCode: '068',
    referenceDate: '2024-09-01',
    residentGroups: ['Tổ 1'],
  }),
);
// Another family, none of whose personal IDs the first list holds.
const family = fieldsOf(
  generateHouseholds({
    seed: 12,
    households: 1,
    codePrefix: 'P2',
    birthProvinceCode: '068',
    referenceDate: '2024-09-01',
    residentGroups: ['Tổ 1'],
  }),
);

describeEachDatabase('confirming a residents preview without reading the file again', (t) => {
  const hamlets: string[] = [];
  const count = async (h: string) => (await residentsRepo.listHamletResidents(t.store().db, h)).length;
  const hamlet = async (name: string) => {
    const made = await territory.createHamlet(t.ctx(), officer, COMMUNE, { name, kind: 'thon' });
    if (!made.ok) throw new Error(made.error.message);
    hamlets.push(made.value.id);
    return made.value.id;
  };
  const previewOf = async (h: string, file: Uint8Array, actor = officer) => {
    const p = await people.previewResidentImport(t.ctx(), actor, h, file);
    if (!p.ok) throw new Error(p.error.message);
    return p.value;
  };

  it('writes what the preview validated, even when the confirmation sends no bytes', async () => {
    await territory.loadAdministrativeUnits(t.ctx());
    const h = await hamlet('Thôn Xem 1');
    const file = new Uint8Array(await writeResidentsXlsx(list));
    const preview = await previewOf(h, file);
    expect(preview.previewId).toMatch(/^[0-9a-f-]{36}$/);
    // No bytes at all: only the kept parse can give these rows.
    const done = await people.confirmResidentImport(t.ctx(), officer, h, new Uint8Array(0), {
      previewId: preview.previewId!,
    });
    if (!done.ok) throw new Error(done.error.message);
    expect(done.value.added).toBe(list.length);
    expect(done.value.fileSha256).toBe(preview.fileSha256);
    expect(await count(h)).toBe(list.length);
    // A preview is confirmed once.
    const twice = await people.confirmResidentImport(t.ctx(), officer, h, file, {
      previewId: preview.previewId!,
    });
    expect(!twice.ok && twice.error).toMatchObject({ code: 'conflict', field: 'previewId' });
    expect(!twice.ok && twice.error.message).toContain('xem trước lại');
  });

  it('refuses an unknown preview, a colleague’s, another hamlet’s and another file, writing nothing', async () => {
    const h = await hamlet('Thôn Xem 2');
    const other = await hamlet('Thôn Xem 3');
    const file = writeResidentsCsv(list.map((p) => ({ ...p, personalId: null })));
    const preview = await previewOf(h, file);
    const id = preview.previewId!;
    const tries = [
      people.confirmResidentImport(t.ctx(), officer, h, file, {
        previewId: '00000000-0000-4000-8000-000000000000',
      }),
      people.confirmResidentImport(t.ctx(), colleague, h, file, { previewId: id }),
      people.confirmResidentImport(t.ctx(), officer, other, file, { previewId: id }),
      people.confirmResidentImport(t.ctx(), officer, h, writeResidentsCsv(list.slice(1)), { previewId: id }),
      people.confirmResidentImport(t.ctx(), officer, h, file, { previewId: id, layout: 'households' }),
    ];
    for (const r of await Promise.all(tries)) {
      expect(!r.ok && r.error.code).toBe('conflict');
      expect(!r.ok && r.error.message).toMatch(/xem trước/);
    }
    expect([await count(h), await count(other)]).toEqual([0, 0]);
    // None of those used the preview up: the officer's own confirmation still writes it.
    const done = await people.confirmResidentImport(t.ctx(), officer, h, file, { previewId: id });
    expect(done.ok && done.value.added).toBe(list.length);
  });

  it('refuses a preview the hamlet or another hamlet has changed since, writing nothing', async () => {
    const h = await hamlet('Thôn Xem 4');
    const file = writeResidentsCsv(list.slice(0, 3).map((p) => ({ ...p, personalId: null })));
    const preview = await previewOf(h, file);
    // The same rows reach the hamlet another way (the command line confirms without a preview).
    const direct = await people.confirmResidentImport(t.ctx(), officer, h, file);
    expect(direct.ok && direct.value.added).toBe(3);
    const stale = await people.confirmResidentImport(t.ctx(), officer, h, file, {
      previewId: preview.previewId!,
    });
    expect(!stale.ok && stale.error.code).toBe('conflict');
    expect(!stale.ok && stale.error.message).toContain('thay đổi sau khi xem trước');
    expect(await count(h)).toBe(3);

    // A personal ID the file holds is taken by another hamlet after the preview.
    const a = await hamlet('Thôn Xem 5');
    const b = await hamlet('Thôn Xem 6');
    expect(family.some((p) => p.personalId !== null)).toBe(true);
    const one = writeResidentsCsv(family);
    const kept = await previewOf(a, one);
    const taken = await people.confirmResidentImport(t.ctx(), officer, b, one);
    expect(taken.ok).toBe(true);
    const refused = await people.confirmResidentImport(t.ctx(), officer, a, one, {
      previewId: kept.previewId!,
    });
    expect(!refused.ok && refused.error.message).toContain('thay đổi sau khi xem trước');
    expect(await count(a)).toBe(0);

    // A preview kept over midnight (Vietnam time) is stale: ages are counted on the preview's day.
    const c = await hamlet('Thôn Xem 7');
    const early = await people.previewResidentImport(
      t.ctx(() => new Date('2024-10-01T16:50:00Z')),
      officer,
      c,
      file,
    );
    if (!early.ok) throw new Error(early.error.message);
    const late = await people.confirmResidentImport(
      t.ctx(() => new Date('2024-10-01T17:10:00Z')),
      officer,
      c,
      file,
      { previewId: early.value.previewId! },
    );
    expect(!late.ok && late.error.message).toContain('thay đổi sau khi xem trước');
    expect(await count(c)).toBe(0);
  });

  it('keeps no preview when required columns are missing', async () => {
    const h = hamlets[0]!;
    const p = await previewOf(h, new TextEncoder().encode('Họ và tên\nNguyễn Văn A\n'));
    expect(p.missing.length).toBeGreaterThan(0);
    expect(p.previewId).toBeNull();
  });
});

describe('the kept previews', () => {
  const entry = (userId: string, hamletId: string, rows: number, at = 0) => ({
    userId,
    hamletId,
    fileSha256: 'x',
    options: '[]',
    today: '2024-10-01',
    at,
    rows,
    value: null,
  });

  it('hold at most so many previews and rows, the oldest going first', () => {
    const k = createPreviewKeeper<null>({ entries: 2, rows: 100, ttlMs: 1000 });
    const a = k.keep(entry('u1', 'h1', 10));
    const b = k.keep(entry('u1', 'h2', 10));
    const c = k.keep(entry('u1', 'h3', 10));
    expect([k.take(a, 'u1', 'h1', 0), k.size]).toEqual([null, 2]);
    expect(k.take(b, 'u1', 'h2', 0)?.id).toBe(b);
    const big = k.keep(entry('u2', 'h1', 95));
    expect([k.take(b, 'u1', 'h2', 0), k.take(c, 'u1', 'h3', 0), k.take(big, 'u2', 'h1', 0)?.id]).toEqual([
      null,
      null,
      big,
    ]);
    // Too large to keep alone: not kept at all (its confirmation reads the file again).
    expect(k.keep(entry('u3', 'h1', 101))).toBe('');
  });

  it('replace an actor’s earlier preview of the same hamlet, and expire', () => {
    const k = createPreviewKeeper<null>({ entries: 8, rows: 100, ttlMs: 1000 });
    const first = k.keep(entry('u1', 'h1', 1));
    const second = k.keep(entry('u1', 'h1', 1));
    const theirs = k.keep(entry('u2', 'h1', 1));
    expect(k.take(first, 'u1', 'h1', 0)).toBeNull();
    expect(k.take(second, 'u1', 'h1', 999)?.id).toBe(second);
    expect(k.take(theirs, 'u1', 'h1', 0)).toBeNull();
    expect(k.take(second, 'u1', 'h1', 1001)).toBeNull();
  });
});
