/**
 * Browsing and keeping a hamlet's residents: search without diacritics, add, edit, move to another
 * household, record a death or a move away. Every change appends to the resident's history.
 */
import { seesPersonalIds, vnToday, withoutPersonalIds } from '../common';
import { randomUUID } from 'node:crypto';
import { parseCivilDate } from '../../domain/calendar/civil-date';
import { foldForSearch, normalizeText, validatePersonalId } from '../../domain/people';
import { err, ok } from '../../domain/result';
import type { Result } from '../../domain/result';
import { residents as repo } from '../../store';
import type { Db } from '../../store';
import type { Actor } from '../common';
import type { ServiceContext } from '../common';
import { writeWithAudit } from '../common';
import { failures } from '../common';
import { checkVersion, claimEdit, guardEdit } from '../audit';
import { hamletForRead, hamletForWrite, historyId } from './access';
import type {
  DepartureInput,
  EditResidentInput,
  MoveResidentInput,
  NewResidentInput,
  ResidentSearch,
} from '../../contract/people';

export type ResidentRecord = repo.ResidentRecord;

export type { ResidentSearch } from '../../contract/people';

export async function searchResidents(
  ctx: ServiceContext,
  actor: Actor,
  hamletId: string,
  search: ResidentSearch,
): Promise<Result<{ total: number; items: ResidentRecord[] }>> {
  const place = await hamletForRead(ctx.store.db, actor, hamletId, 'xem nhân khẩu của thôn/tổ dân phố này');
  if (!place.ok) return place;
  const limit = Math.min(Math.max(search.limit ?? 50, 1), 500);
  const offset = Math.max(search.offset ?? 0, 0);
  const folded = search.q ? foldForSearch(normalizeText(search.q)) : undefined;
  const page = await repo.searchResidents(ctx.store.db, hamletId, {
    folded,
    status: search.status,
    limit,
    offset,
  });
  return ok(seesPersonalIds(actor) ? page : withoutPersonalIds(page));
}

export interface ResidentDetail {
  /** `version` goes back with an edit (optimistic concurrency: services/edit-conflict.ts). */
  readonly resident: ResidentRecord & { hamletId: string; version: number };
  readonly history: repo.ResidentEventView[];
  readonly canManage: boolean;
}

export async function getResident(
  ctx: ServiceContext,
  actor: Actor,
  id: string,
): Promise<Result<ResidentDetail>> {
  const db = ctx.store.db;
  const resident = await repo.getResident(db, id);
  if (!resident) return err(failures.notFound('nhân khẩu này'));
  const place = await hamletForRead(db, actor, resident.hamletId, 'xem nhân khẩu này');
  if (!place.ok) return place;
  const write = await hamletForWrite(db, actor, resident.hamletId, '');
  const detail = { resident, history: await repo.listEvents(db, id), canManage: write.ok };
  return ok(seesPersonalIds(actor) ? detail : withoutPersonalIds(detail));
}

export interface ResidentInput {
  readonly fullName: string;
  readonly birthDate: string;
  readonly sex: 'male' | 'female';
  readonly personalId?: string | null;
  readonly relation: string;
  readonly residence: 'permanent' | 'temporary';
  readonly legalCapacity?: 'full' | 'restricted' | 'none';
}

const RELATIONS = new Set(['head', 'spouse', 'child', 'parent', 'grandchild', 'sibling', 'other']);

type Clean = {
  fullName: string;
  searchName: string;
  birthDate: string;
  sex: 'male' | 'female';
  personalId: string | null;
  relation: string;
  residence: 'permanent' | 'temporary';
  legalCapacity: 'full' | 'restricted' | 'none';
};

/** Validates what an officer typed, with a Vietnamese message naming the field. */
async function cleanInput(
  db: Db,
  input: ResidentInput,
  today: string,
  selfId?: string,
): Promise<Result<Clean>> {
  const fullName = normalizeText(input.fullName ?? '');
  if (fullName === '') return err(failures.invalid('fullName', 'Hãy nhập họ và tên.'));
  const birth = parseCivilDate(input.birthDate ?? '', 'birthDate');
  if (!birth.ok) return err(failures.invalid('birthDate', 'Ngày sinh không hợp lệ (dạng năm-tháng-ngày).'));
  if (input.birthDate > today)
    return err(failures.invalid('birthDate', 'Ngày sinh không thể sau ngày hôm nay.'));
  // No one on a roll today was born before 1900: an earlier year is a slip of the keyboard.
  if (input.birthDate < '1900-01-01')
    return err(
      failures.invalid('birthDate', 'Ngày sinh phải từ 01/01/1900 trở về sau. Hãy kiểm tra lại năm.'),
    );
  if (input.sex !== 'male' && input.sex !== 'female')
    return err(failures.invalid('sex', 'Hãy chọn giới tính Nam hoặc Nữ.'));
  if (!RELATIONS.has(input.relation))
    return err(failures.invalid('relation', 'Hãy chọn quan hệ với chủ hộ.'));
  if (input.residence !== 'permanent' && input.residence !== 'temporary')
    return err(failures.invalid('residence', 'Hãy chọn Thường trú hoặc Tạm trú.'));
  const capacity = input.legalCapacity ?? 'full';
  if (!['full', 'restricted', 'none'].includes(capacity))
    return err(failures.invalid('legalCapacity', 'Năng lực hành vi dân sự không hợp lệ.'));
  const idText = (input.personalId ?? '').replace(/\s+/g, '');
  let personalId: string | null = null;
  if (idText !== '') {
    const checked = validatePersonalId(idText, { birthDate: input.birthDate, sex: input.sex });
    if (!checked.ok) return err(failures.invalid('personalId', checked.error.message));
    const taken = await repo.residentWithPersonalId(db, idText);
    if (taken !== undefined && taken !== selfId)
      return err(failures.conflict('personalId', `Số định danh cá nhân ${idText} đã có trong dữ liệu.`));
    personalId = idText;
  }
  return ok({
    fullName,
    searchName: foldForSearch(fullName),
    birthDate: input.birthDate,
    sex: input.sex,
    personalId,
    relation: input.relation,
    residence: input.residence,
    legalCapacity: capacity,
  });
}

async function householdInHamlet(db: Db, householdId: string, hamletId?: string) {
  const h = await repo.getHousehold(db, householdId);
  if (!h || (hamletId !== undefined && h.hamletId !== hamletId)) return undefined;
  return h;
}

/** Adds a resident to a household (existing, or a new one created with them). */
export async function addResident(
  ctx: ServiceContext,
  actor: Actor,
  hamletId: string,
  input: NewResidentInput,
): Promise<Result<{ id: string; householdId: string }>> {
  const db = ctx.store.db;
  const place = await hamletForWrite(db, actor, hamletId, 'thêm nhân khẩu cho thôn/tổ dân phố này');
  if (!place.ok) return place;
  const clean = await cleanInput(db, input, vnToday(ctx));
  if (!clean.ok) return clean;
  let householdId = input.householdId ?? null;
  const fresh = input.newHousehold;
  if (householdId && !(await householdInHamlet(db, householdId, hamletId)))
    return err(failures.notFound('hộ gia đình này trong thôn/tổ dân phố'));
  if (!householdId) {
    const code = normalizeText(fresh?.code ?? '');
    if (code === '') return err(failures.invalid('householdCode', 'Hãy chọn hộ hoặc nhập mã hộ mới.'));
    const households = await repo.listHamletHouseholds(db, hamletId);
    if (households.some((h) => h.code === code))
      return err(failures.conflict('householdCode', `Mã hộ ${code} đã có trong thôn/tổ dân phố.`));
    const groupId = fresh?.residentGroupId;
    if (groupId && ![...(await repo.groupsByName(db, hamletId)).values()].includes(groupId))
      return err(failures.notFound('tổ tự quản này trong thôn/tổ dân phố'));
  }
  const id = randomUUID();
  const at = ctx.now().toISOString();
  await writeWithAudit(ctx, actor, async (trx) => {
    if (!householdId) {
      householdId = randomUUID();
      await repo.insertHouseholdRows(
        trx,
        [
          {
            id: householdId,
            hamletId,
            code: normalizeText(fresh?.code ?? ''),
            address: normalizeText(fresh?.address ?? ''),
            residentGroupId: fresh?.residentGroupId ?? null,
          },
        ],
        at,
      );
    }
    await repo.insertResidentRows(trx, [{ id, householdId, ...clean.value }], at);
    await repo.insertEvents(trx, [
      {
        id: historyId(at),
        residentId: id,
        kind: 'created',
        effectiveOn: null,
        reason: null,
        data: clean.value,
        userId: actor.userId,
        at,
      },
    ]);
    return {
      value: undefined,
      audit: { action: 'resident.add', entity: 'resident', entityId: id, data: clean.value },
    };
  });
  return ok({ id, householdId: householdId as unknown as string });
}

type Loaded = { resident: ResidentRecord & { hamletId: string } };

async function loadForWrite(
  ctx: ServiceContext,
  actor: Actor,
  id: string,
  what: string,
): Promise<Result<Loaded>> {
  const resident = await repo.getResident(ctx.store.db, id);
  if (!resident) return err(failures.notFound('nhân khẩu này'));
  const place = await hamletForWrite(ctx.store.db, actor, resident.hamletId, what);
  if (!place.ok) return place;
  return ok({ resident });
}

function needReason(reason: string | undefined): Result<string> {
  const r = normalizeText(reason ?? '');
  return r === '' ? err(failures.invalid('reason', 'Hãy ghi lý do (được lưu vào lịch sử).')) : ok(r);
}

/** Corrects a resident's details; the history keeps each changed field before and after. */
export async function editResident(
  ctx: ServiceContext,
  actor: Actor,
  id: string,
  input: EditResidentInput,
): Promise<Result<{ changed: string[] }>> {
  const loaded = await loadForWrite(ctx, actor, id, 'sửa nhân khẩu này');
  if (!loaded.ok) return loaded;
  const version = checkVersion(input.version);
  if (!version.ok) return version;
  const reason = needReason(input.reason);
  if (!reason.ok) return reason;
  const clean = await cleanInput(ctx.store.db, input, vnToday(ctx), id);
  if (!clean.ok) return clean;
  const before = loaded.value.resident;
  const keys = [
    'fullName',
    'birthDate',
    'sex',
    'personalId',
    'relation',
    'residence',
    'legalCapacity',
  ] as const;
  // Saving the form states the residence: one the import assumed is confirmed even if unchanged.
  const changed = keys.filter(
    (k) => before[k] !== clean.value[k] || (k === 'residence' && before.residenceAssumed),
  );
  if (changed.length === 0) return ok({ changed: [] });
  const at = ctx.now().toISOString();
  const data = {
    changes: changed.map((k) => ({ field: k, before: before[k], after: clean.value[k] })),
    ...(before.residenceAssumed ? { residenceConfirmed: true } : {}),
  };
  const saved = await guardEdit(ctx, 'resident', id, () =>
    writeWithAudit(ctx, actor, async (db) => {
      await claimEdit(db, 'residents', id, version.value);
      await repo.updateResident(db, id, { ...clean.value, residenceAssumed: 0 });
      await repo.insertEvents(db, [
        {
          id: historyId(at),
          residentId: id,
          kind: 'edited',
          effectiveOn: null,
          reason: reason.value,
          data,
          userId: actor.userId,
          at,
        },
      ]);
      return { value: undefined, audit: { action: 'resident.edit', entity: 'resident', entityId: id, data } };
    }),
  );
  if (!saved.ok) return saved;
  return ok({ changed: [...changed] });
}

/** Moves a resident to another household of the same hamlet. */
export async function moveResident(
  ctx: ServiceContext,
  actor: Actor,
  id: string,
  input: MoveResidentInput,
): Promise<Result<{ householdId: string }>> {
  const loaded = await loadForWrite(ctx, actor, id, 'chuyển hộ cho nhân khẩu này');
  if (!loaded.ok) return loaded;
  const version = checkVersion(input.version);
  if (!version.ok) return version;
  const r = loaded.value.resident;
  const reason = needReason(input.reason);
  if (!reason.ok) return reason;
  if (r.status !== 'active')
    return err(failures.conflict('status', 'Chỉ chuyển hộ được cho người đang cư trú.'));
  const target = await householdInHamlet(ctx.store.db, input.householdId, r.hamletId);
  if (!target) return err(failures.notFound('hộ gia đình chuyển đến trong cùng thôn/tổ dân phố'));
  if (target.id === r.householdId) return err(failures.invalid('householdId', 'Người này đã ở trong hộ đó.'));
  if (!RELATIONS.has(input.relation))
    return err(failures.invalid('relation', 'Hãy chọn quan hệ với chủ hộ mới.'));
  const today = vnToday(ctx);
  const at = ctx.now().toISOString();
  const data = {
    from: { householdId: r.householdId, code: r.householdCode, relation: r.relation },
    to: { householdId: target.id, code: target.code, relation: input.relation },
  };
  const saved = await guardEdit(ctx, 'resident', id, () =>
    writeWithAudit(ctx, actor, async (db) => {
      await claimEdit(db, 'residents', id, version.value);
      await repo.updateResident(db, id, { householdId: target.id, relation: input.relation });
      // A representative who leaves the household no longer represents it.
      const reps = await repo.getRepresentatives(db, [r.householdId]);
      if (reps.get(r.householdId)?.residentId === id) await repo.clearRepresentative(db, r.householdId);
      await repo.insertEvents(db, [
        {
          id: historyId(at),
          residentId: id,
          kind: 'moved',
          effectiveOn: input.effectiveOn ?? today,
          reason: reason.value,
          data,
          userId: actor.userId,
          at,
        },
      ]);
      return { value: undefined, audit: { action: 'resident.move', entity: 'resident', entityId: id, data } };
    }),
  );
  if (!saved.ok) return saved;
  return ok({ householdId: target.id });
}

/** Records a death ('deceased') or a move out of the hamlet ('moved'); the person stays in the history. */
export async function markDeparture(
  ctx: ServiceContext,
  actor: Actor,
  id: string,
  input: DepartureInput,
): Promise<Result<{ status: string }>> {
  const loaded = await loadForWrite(ctx, actor, id, 'cập nhật nhân khẩu này');
  if (!loaded.ok) return loaded;
  const version = checkVersion(input.version);
  if (!version.ok) return version;
  const r = loaded.value.resident;
  if (r.status !== 'active')
    return err(failures.conflict('status', 'Người này đã được ghi là không còn cư trú.'));
  if (input.kind !== 'deceased' && input.kind !== 'moved')
    return err(failures.invalid('kind', 'Hãy chọn: qua đời hoặc chuyển đi.'));
  if (!parseCivilDate(input.effectiveOn ?? '').ok)
    return err(failures.invalid('effectiveOn', 'Hãy nhập ngày (năm-tháng-ngày).'));
  const today = vnToday(ctx);
  if (input.effectiveOn > today) return err(failures.invalid('effectiveOn', 'Ngày không thể sau hôm nay.'));
  const reason = normalizeText(input.reason ?? '') || null;
  const at = ctx.now().toISOString();
  const saved = await guardEdit(ctx, 'resident', id, () =>
    writeWithAudit(ctx, actor, async (db) => {
      await claimEdit(db, 'residents', id, version.value);
      await repo.updateResident(db, id, { status: input.kind });
      const reps = await repo.getRepresentatives(db, [r.householdId]);
      if (reps.get(r.householdId)?.residentId === id) await repo.clearRepresentative(db, r.householdId);
      await repo.insertEvents(db, [
        {
          id: historyId(at),
          residentId: id,
          kind: input.kind === 'deceased' ? 'deceased' : 'movedAway',
          effectiveOn: input.effectiveOn,
          reason,
          data: { status: input.kind },
          userId: actor.userId,
          at,
        },
      ]);
      return {
        value: undefined,
        audit: {
          action: `resident.${input.kind}`,
          entity: 'resident',
          entityId: id,
          data: { effectiveOn: input.effectiveOn },
        },
      };
    }),
  );
  if (!saved.ok) return saved;
  return ok({ status: input.kind });
}
