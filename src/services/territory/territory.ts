import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { hamletKinds, isHamletKind } from '../../domain/territory';
import type { HamletKind } from '../../domain/territory';
import { err, ok } from '../../domain/result';
import type { Result } from '../../domain/result';
import { elections as electionsRepo, households as householdsRepo, territory as repo } from '../../store';
import type { Db } from '../../store';
import type { Actor } from '../common';
import type { ServiceContext } from '../common';
import { writeWithAudit } from '../common';
import { failures } from '../common';
import { demoWard } from '../../demo';
import { canManageCommune, canRead, placeOfCommune, placeOfHamlet } from '../common';

const collator = new Intl.Collator('vi', { numeric: true, sensitivity: 'base' });
const byName = <T extends { name: string }>(a: T, b: T) => collator.compare(a.name, b.name);

const UNITS_FILE = new URL('../../../assets/vn-admin-units-2025.json', import.meta.url);
/** The dataset describes the units in force from the 2025 reorganisation. */
export const UNITS_VALID_FROM = '2025-07-01';

interface UnitsFile {
  readonly source: string;
  readonly provinces: ReadonlyArray<{
    code: string;
    name: string;
    communes: ReadonlyArray<{ code: string; name: string }>;
  }>;
}

/** Loads the 34 provinces and 3,252 communes in force from 2025-07-01; rows already present are kept. */
export async function loadAdministrativeUnits(
  ctx: ServiceContext,
): Promise<{ provinces: number; communes: number }> {
  const data = JSON.parse(await readFile(UNITS_FILE, 'utf8')) as UnitsFile;
  const communes = data.provinces.flatMap((p) =>
    p.communes.map((c) => ({
      id: c.code,
      code: c.code,
      name: c.name.normalize('NFC'),
      provinceCode: p.code,
      districtId: null,
    })),
  );
  await ctx.store.db.transaction().execute(async (trx) => {
    await repo.insertMissingProvinces(
      trx,
      data.provinces.map((p) => ({ code: p.code, name: p.name.normalize('NFC') })),
      UNITS_VALID_FROM,
    );
    await repo.insertMissingCommunes(trx, communes, UNITS_VALID_FROM);
  });
  return { provinces: data.provinces.length, communes: communes.length };
}

export interface ElectionSummary {
  readonly id: string;
  readonly hamletId: string;
  readonly position: string;
  readonly termLabel: string;
  readonly profileId: string;
  readonly electionDate: string | null;
  readonly state: string;
  readonly round: number;
  /** The commune's plan that planned it; null for an election made outside any plan (the demo's). */
  readonly roundId: string | null;
}

export interface HamletView extends repo.HamletRow {
  readonly kindLabel: string;
  readonly headTitle: string;
  readonly groups: readonly repo.ResidentGroupRow[];
  readonly elections: readonly ElectionSummary[];
}

export interface CommuneView {
  readonly province: repo.ProvinceRow;
  readonly commune: repo.CommuneRow;
  /** The district it belonged to, for units recorded as they were before 2025-07-01. */
  readonly districtName: string | null;
  readonly hamlets: readonly HamletView[];
  readonly canManage: boolean;
}

function kindInfo(kind: string) {
  return isHamletKind(kind) ? hamletKinds[kind] : { label: kind, headTitle: 'Trưởng thôn' };
}

async function hamletViews(db: Db, hamlets: readonly repo.HamletRow[]): Promise<HamletView[]> {
  const elections = await electionsRepo.listElections(
    db,
    hamlets.map((h) => h.id),
  );
  const views: HamletView[] = [];
  for (const h of [...hamlets].sort(byName)) {
    const info = kindInfo(h.kind);
    views.push({
      ...h,
      kindLabel: info.label,
      headTitle: info.headTitle,
      groups: (await repo.listResidentGroups(db, h.id)).sort(byName),
      elections: elections.filter((e) => e.hamletId === h.id),
    });
  }
  return views;
}

export async function getCommune(
  ctx: ServiceContext,
  actor: Actor,
  communeId: string,
): Promise<Result<CommuneView>> {
  const db = ctx.store.db;
  const place = await placeOfCommune(db, communeId);
  if (!place) return err(failures.notFound('xã/phường này'));
  if (!(await canRead(db, actor, place))) return err(failures.forbidden('xem xã/phường này'));
  const commune = await repo.getCommune(db, communeId);
  const province = await repo.getProvince(db, place.provinceCode);
  if (!commune || !province) return err(failures.notFound('xã/phường này'));
  const hamlets = await hamletViews(db, await repo.listHamlets(db, communeId));
  const districtName = commune.districtId
    ? ((await repo.getDistrictName(db, commune.districtId)) ?? null)
    : null;
  return ok({ province, commune, districtName, hamlets, canManage: canManageCommune(actor, place) });
}

export interface HamletDetail extends HamletView {
  readonly province: repo.ProvinceRow;
  readonly commune: repo.CommuneRow;
  readonly residents: number;
  readonly canManage: boolean;
  /** The actor may start a trial polling day here (the demo ward's officers only). */
  readonly canTryPollingDay: boolean;
}

export async function getHamlet(
  ctx: ServiceContext,
  actor: Actor,
  hamletId: string,
): Promise<Result<HamletDetail>> {
  const db = ctx.store.db;
  const place = await placeOfHamlet(db, hamletId);
  if (!place) return err(failures.notFound('thôn/tổ dân phố này'));
  if (!(await canRead(db, actor, place))) return err(failures.forbidden('xem thôn/tổ dân phố này'));
  const hamlet = await repo.getHamlet(db, hamletId);
  const commune = await repo.getCommune(db, place.communeId);
  const province = await repo.getProvince(db, place.provinceCode);
  if (!hamlet || !commune || !province) return err(failures.notFound('thôn/tổ dân phố này'));
  const [view] = await hamletViews(db, [hamlet]);
  return ok({
    ...view!,
    province,
    commune,
    residents: await householdsRepo.countResidents(db, hamletId),
    canManage: canManageCommune(actor, place),
    canTryPollingDay: canManageCommune(actor, place) && place.communeId === demoWard.communeCode,
  });
}

export interface ProvinceView {
  readonly province: repo.ProvinceRow;
  readonly communes: ReadonlyArray<repo.CommuneRow & { readonly hamlets: number }>;
}

export async function getProvince(
  ctx: ServiceContext,
  actor: Actor,
  code: string,
): Promise<Result<ProvinceView>> {
  const db = ctx.store.db;
  const province = await repo.getProvince(db, code);
  if (!province) return err(failures.notFound('tỉnh/thành phố này'));
  if (actor.scope.kind !== 'all' && !(actor.scope.kind === 'province' && actor.scope.id === code)) {
    return err(failures.forbidden('xem toàn bộ tỉnh/thành phố này'));
  }
  const communes = await repo.listCommunes(db, code);
  const byCommune = await repo.countHamletsByCommune(db, code);
  return ok({ province, communes: communes.map((c) => ({ ...c, hamlets: byCommune.get(c.id) ?? 0 })) });
}

/** The entry point of the signed-in user: where in the territory their pages start. */
export type Home =
  | { readonly kind: 'all'; readonly provinces: readonly repo.ProvinceRow[] }
  | { readonly kind: 'province'; readonly provinceCode: string }
  | { readonly kind: 'commune'; readonly communeId: string }
  | { readonly kind: 'hamlet'; readonly hamletId: string; readonly electionId: string };

export async function homeOf(ctx: ServiceContext, actor: Actor): Promise<Home> {
  const scope = actor.scope;
  switch (scope.kind) {
    case 'all':
      return { kind: 'all', provinces: await repo.listProvinces(ctx.store.db) };
    case 'province':
      return { kind: 'province', provinceCode: scope.id };
    case 'commune':
      return { kind: 'commune', communeId: scope.id };
    case 'election': {
      const e = await electionsRepo.getElection(ctx.store.db, scope.id);
      return { kind: 'hamlet', hamletId: e?.hamletId ?? '', electionId: scope.id };
    }
  }
}

export interface NewHamletInput {
  readonly name: string;
  readonly kind: string;
  readonly residentGroups?: readonly string[];
}

function cleanName(s: string): string {
  return s.normalize('NFC').trim().replace(/\s+/g, ' ');
}

async function validateHamlet(
  db: Db,
  communeId: string,
  input: NewHamletInput,
): Promise<Result<{ name: string; kind: HamletKind; groups: string[] }>> {
  const name = cleanName(input.name ?? '');
  if (!name) return err(failures.invalid('name', 'Hãy nhập tên thôn/tổ dân phố, ví dụ "Khu phố 1".'));
  if (name.length > 100) return err(failures.invalid('name', 'Tên thôn/tổ dân phố dài quá 100 ký tự.'));
  if (!isHamletKind(input.kind)) {
    const allowed = Object.values(hamletKinds)
      .map((k) => k.label)
      .join(', ');
    return err(failures.invalid('kind', `Loại "${input.kind}" không hợp lệ. Chọn một trong: ${allowed}.`));
  }
  if (await repo.findHamletByName(db, communeId, name)) {
    return err(
      failures.conflict('name', `Xã/phường đã có "${name}". Hãy dùng tên khác hoặc mở thôn/tổ đã có.`),
    );
  }
  const groups = [...new Set((input.residentGroups ?? []).map(cleanName).filter(Boolean))];
  return ok({ name, kind: input.kind, groups });
}

/** Creates a hamlet (and optionally its residents' groups) in a commune the actor manages. */
export async function createHamlet(
  ctx: ServiceContext,
  actor: Actor,
  communeId: string,
  input: NewHamletInput,
): Promise<Result<{ id: string; name: string }>> {
  const place = await placeOfCommune(ctx.store.db, communeId);
  if (!place) return err(failures.notFound('xã/phường này'));
  if (!canManageCommune(actor, place))
    return err(failures.forbidden('thêm thôn/tổ dân phố cho xã/phường này'));
  const checked = await validateHamlet(ctx.store.db, communeId, input);
  if (!checked.ok) return checked;
  const id = randomUUID();
  const at = ctx.now().toISOString();
  await writeWithAudit(ctx, actor, async (db) => {
    await repo.insertHamlet(db, {
      id,
      communeId,
      name: checked.value.name,
      kind: checked.value.kind,
      createdAt: at,
    });
    for (const g of checked.value.groups) {
      await repo.insertResidentGroup(db, { id: randomUUID(), hamletId: id, name: g, createdAt: at });
    }
    return {
      value: undefined,
      audit: { action: 'hamlet.create', entity: 'hamlet', entityId: id, data: checked.value },
    };
  });
  return ok({ id, name: checked.value.name });
}

export async function createResidentGroup(
  ctx: ServiceContext,
  actor: Actor,
  hamletId: string,
  input: { name: string },
): Promise<Result<{ id: string; name: string }>> {
  const place = await placeOfHamlet(ctx.store.db, hamletId);
  if (!place) return err(failures.notFound('thôn/tổ dân phố này'));
  if (!canManageCommune(actor, place))
    return err(failures.forbidden('thêm tổ tự quản cho thôn/tổ dân phố này'));
  const name = cleanName(input.name ?? '');
  if (!name) return err(failures.invalid('name', 'Hãy nhập tên tổ tự quản, ví dụ "Tổ 1".'));
  const existing = await repo.listResidentGroups(ctx.store.db, hamletId);
  if (existing.some((g) => collator.compare(g.name, name) === 0)) {
    return err(failures.conflict('name', `Thôn/tổ dân phố đã có tổ "${name}".`));
  }
  const id = randomUUID();
  await writeWithAudit(ctx, actor, async (db) => {
    await repo.insertResidentGroup(db, { id, hamletId, name, createdAt: ctx.now().toISOString() });
    return {
      value: undefined,
      audit: {
        action: 'residentGroup.create',
        entity: 'residentGroup',
        entityId: id,
        data: { hamletId, name },
      },
    };
  });
  return ok({ id, name });
}
