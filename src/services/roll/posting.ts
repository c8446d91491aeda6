/**
 * Posting (niêm yết) and amending the voter roll. Posting freezes the listed entries in snapshot 1
 * and records the election's "roll posted" step through the lifecycle (its order and deadline rules
 * apply). After posting every change is an amendment (add, remove, correct) with its reason and
 * approving officer; it writes the next snapshot, so the latest snapshot is the roll in force and the
 * count's denominator follows the amendments. Amendments after the profile's cut-off are refused
 * unless the commune chair's override (who, why) is recorded with them.
 */
import { groupInText } from '../../domain/election';
import type * as contract from '../../contract/roll';
import { randomUUID } from 'node:crypto';
import { formatVietnamese } from '../../domain/calendar';
import type { CivilDate } from '../../domain/calendar';
import { normalizeText } from '../../domain/people';
import { formatCitation } from '../../domain/rules';
import { err, ok } from '../../domain/result';
import type { Failure, Result } from '../../domain/result';
import { residents as residentsRepo, rolls as repo } from '../../store';
import type { Db } from '../../store';
import type { Actor } from '../common';
import type { ServiceContext } from '../common';
import { writeWithAudit } from '../common';
import { failures } from '../common';
import type { ElectionContext } from '../common';
import { isCivil } from '../common';
import { loadElection } from '../common';
import { vnToday } from '../common';
import { recordStep } from '../plan';
import type { RollView } from './build';
import { computeRoll, cutoffOf, rollViewOf } from './build';
import type { RollElectorate } from './common';
import { snapshotEntries } from './common';

export type PostInput = contract.PostInput;

async function writeSnapshot(
  db: Db,
  rollId: string,
  number: number,
  postedOn: CivilDate,
  kind: 'posted' | 'amended',
  amendmentSeq: number | null,
  userId: string,
  at: string,
): Promise<number> {
  const entries = snapshotEntries(await repo.listEntries(db, rollId));
  await repo.insertSnapshot(db, {
    id: randomUUID(),
    roll_id: rollId,
    number,
    posted_on: postedOn,
    registered: entries.length,
    entries: JSON.stringify(entries),
    user_id: userId,
    at,
    kind,
    amendment_seq: amendmentSeq,
  });
  return entries.length;
}

/**
 * Posts the draft roll. The election must be at "team formed" (the step is then recorded, with its
 * deadline and the chair's override if late) or already at "roll posted" (recorded by the preparation
 * page); any other state is refused with the lifecycle's own message.
 */
export async function postRoll(
  ctx: ServiceContext,
  actor: Actor,
  electionId: string,
  input: PostInput = {},
): Promise<Result<RollView>> {
  const loaded = await loadElection(ctx, actor, electionId, 'write');
  if (!loaded.ok) return loaded;
  const ec = loaded.value;
  const db = ctx.store.db;
  const roll = await repo.getRollOfElection(db, electionId);
  if (!roll)
    return err(failures.invalid('roll', 'Chưa lập danh sách cử tri: hãy lập danh sách trước khi niêm yết.'));
  if (roll.state === 'posted')
    return err(
      failures.conflict('state', 'Danh sách cử tri đã được niêm yết; thay đổi phải là sửa đổi, bổ sung.'),
    );
  const listed = (await repo.countListed(db, roll.id)).reduce((s, r) => s + r.n, 0);
  if (listed === 0)
    return err(failures.invalid('roll', 'Danh sách chưa có cử tri nào đủ điều kiện để niêm yết.'));
  const today = vnToday(ctx);
  const postedOn = input.postedOn ?? today;
  if (!isCivil(postedOn)) return err(failures.invalid('postedOn', 'Ngày niêm yết không hợp lệ.'));
  if (postedOn > today)
    return err(
      failures.invalid('postedOn', `Không ghi niêm yết trước ngày (hôm nay là ${formatVietnamese(today)}).`),
    );
  if (ec.election.state !== 'rollPosted') {
    const step = await recordStep(ctx, actor, electionId, {
      to: 'rollPosted',
      on: postedOn,
      override: input.override ?? null,
      note: 'Niêm yết danh sách cử tri',
    });
    if (!step.ok) return step;
  }
  await writeWithAudit(ctx, actor, async (trx) => {
    await repo.updateRoll(trx, roll.id, { state: 'posted' });
    const registered = await writeSnapshot(
      trx,
      roll.id,
      1,
      postedOn,
      'posted',
      null,
      actor.userId,
      ctx.now().toISOString(),
    );
    return {
      value: undefined,
      audit: {
        action: 'roll.post',
        entity: 'election',
        entityId: electionId,
        data: { postedOn, registered },
      },
    };
  });
  const again = await loadElection(ctx, actor, electionId, 'read');
  if (!again.ok) return again;
  return ok(await rollViewOf(ctx, again.value));
}

export type ChairOverride = contract.ChairOverride;
export type Correction = contract.Correction;
export type AmendInput = contract.AmendInput;

function overrideFailure(actor: Actor, o: ChairOverride): Failure | null {
  if (actor.role !== 'communeOfficer' && actor.role !== 'admin')
    return failures.forbidden('ghi ý kiến cho phép của Chủ tịch UBND cấp xã');
  if (normalizeText(o.chairName ?? '') === '')
    return failures.invalid('override.chairName', 'Hãy ghi họ tên Chủ tịch UBND cấp xã cho phép sửa đổi.');
  if (normalizeText(o.reason ?? '').length < 10)
    return failures.invalid(
      'override.reason',
      'Hãy ghi rõ lý do Chủ tịch UBND cấp xã cho phép (ít nhất 10 ký tự).',
    );
  return null;
}

function cutoffFailure(ec: ElectionContext, today: CivilDate): Failure | null {
  const c = cutoffOf(ec, today);
  if (!c.passed) return null;
  return {
    code: 'amendment-cutoff-passed',
    field: 'override',
    message: `Không thể sửa đổi, bổ sung danh sách cử tri ngày ${formatVietnamese(today)}: hạn cuối là ngày ${formatVietnamese(c.lastDay)} ("${c.title}", ${c.citation}). Chỉ được sửa đổi khi Chủ tịch UBND cấp xã cho phép; hãy ghi họ tên người cho phép và lý do.`,
    details: { rule: `timeline.${c.stepId}`, citation: c.citation },
  };
}

interface Planned {
  readonly entryId: string | null;
  readonly patch: Parameters<typeof repo.updateEntry>[2] | null;
  readonly insert: Parameters<typeof repo.insertEntries>[1][number] | null;
  readonly rollNumber: number | null;
  readonly fullName: string;
  readonly changes: Record<string, { from: string; to: string }> | null;
}

/** From these states on the count has used the roll as its denominator. */
const COUNTED_STATES: readonly string[] = ['counted', 'reported', 'recognised', 'rerunOrdered', 'interim'];

const KIND_VI = { add: 'bổ sung', remove: 'xóa tên', correct: 'sửa thông tin' } as const;

async function planAdd(
  db: Db,
  ec: ElectionContext,
  roll: repo.RollRow,
  entries: readonly repo.EntryRow[],
  residentId: string,
): Promise<Result<Planned>> {
  const resident = await residentsRepo.getResident(db, residentId);
  if (!resident || resident.hamletId !== ec.election.hamletId || resident.status !== 'active')
    return err(
      failures.invalid(
        'residentId',
        'Người được bổ sung không phải nhân khẩu đang cư trú tại thôn/tổ dân phố này.',
      ),
    );
  if (ec.election.residentGroupId !== null && resident.residentGroupId !== ec.election.residentGroupId)
    return err(
      failures.invalid(
        'residentId',
        `${resident.fullName} thuộc hộ ${resident.residentGroup ? `của ${groupInText(resident.residentGroup)}` : 'chưa xếp vào tổ nào'}, không thuộc ${groupInText(ec.election.groupName ?? '')}: danh sách cử tri của tổ chỉ gồm các hộ của tổ. Hãy chuyển hộ vào tổ trong hồ sơ hộ trước, nếu hộ đã chuyển tổ.`,
      ),
    );
  const existing = entries.find((e) => e.resident_id === residentId);
  if (existing?.status === 'listed')
    return err(
      failures.conflict(
        'residentId',
        `${resident.fullName} đã có tên trong danh sách (số ${existing.roll_number}).`,
      ),
    );
  const electorate = roll.electorate as RollElectorate;
  if (electorate === 'householdRepresentatives') {
    const other = entries.find((e) => e.household_id === resident.householdId && e.status === 'listed');
    if (other) {
      const p = ec.profile.householdRepresentative;
      return err({
        code: 'household-already-represented',
        field: 'residentId',
        message: `Hộ của ${resident.fullName} đã có người đại diện trong danh sách: ${other.full_name} (số ${other.roll_number}). Mỗi hộ chỉ có ${p.value.perHousehold} người đại diện; hãy xóa tên người đó trước nếu cần thay.`,
        details: { rule: 'householdRepresentative.perHousehold', citation: formatCitation(p.citation) },
      });
    }
  }
  // The added person must meet the same rules as at the build, judged on election day.
  const members =
    electorate === 'householdRepresentatives'
      ? (await residentsRepo.listHouseholdMembers(db, resident.householdId)).filter(
          (m) => m.status === 'active',
        )
      : [resident];
  const reps = new Map([
    [
      resident.householdId,
      { householdId: resident.householdId, residentId, reason: null, nominatedByMembers: false },
    ],
  ]);
  const judged = computeRoll(ec.profile, electorate, members, reps, ec.election.electionDate as CivilDate);
  const verdict = [...judged.listed, ...judged.excluded].find((c) => c.residentId === residentId);
  if (!verdict || verdict.reasons.length > 0) {
    const first = verdict?.reasons[0];
    return err({
      code: first?.code ?? 'not-eligible',
      field: 'residentId',
      message: `Không thể bổ sung ${resident.fullName}: ${verdict?.reasons.map((r) => r.message).join(' ') ?? 'không đủ điều kiện.'}`,
      details: first ? { rule: first.rule, citation: first.citation } : {},
    });
  }
  const rollNumber = Math.max(0, ...entries.map((e) => e.roll_number ?? 0)) + 1;
  const fields = {
    roll_number: rollNumber,
    household_id: resident.householdId,
    full_name: resident.fullName,
    birth_date: resident.birthDate,
    sex: resident.sex,
    address: resident.address,
    resident_group: resident.residentGroup,
    status: 'listed',
    reasons: '[]',
  };
  return ok({
    entryId: existing?.id ?? null,
    patch: existing ? fields : null,
    insert: existing
      ? null
      : { id: randomUUID(), roll_id: roll.id, resident_id: residentId, amendment_id: null, ...fields },
    rollNumber,
    fullName: resident.fullName,
    changes: null,
  });
}

function planCorrect(entry: repo.EntryRow, c: Correction | undefined): Result<Planned> {
  const changes: Record<string, { from: string; to: string }> = {};
  const patch: Record<string, string> = {};
  const set = (key: string, column: string, from: string, to: string) => {
    if (to !== from) {
      changes[key] = { from, to };
      patch[column] = to;
    }
  };
  if (c?.fullName !== undefined) {
    const name = normalizeText(c.fullName);
    if (name === '') return err(failures.invalid('correction.fullName', 'Họ và tên không được để trống.'));
    set('fullName', 'full_name', entry.full_name, name);
  }
  if (c?.birthDate !== undefined) {
    if (!isCivil(c.birthDate))
      return err(failures.invalid('correction.birthDate', 'Ngày sinh không hợp lệ (năm-tháng-ngày).'));
    set('birthDate', 'birth_date', entry.birth_date, c.birthDate);
  }
  if (c?.sex !== undefined) {
    if (c.sex !== 'male' && c.sex !== 'female')
      return err(failures.invalid('correction.sex', 'Giới tính là Nam hoặc Nữ.'));
    set('sex', 'sex', entry.sex, c.sex);
  }
  if (c?.address !== undefined) {
    const address = normalizeText(c.address);
    if (address === '') return err(failures.invalid('correction.address', 'Địa chỉ không được để trống.'));
    set('address', 'address', entry.address, address);
  }
  if (Object.keys(changes).length === 0)
    return err(
      failures.invalid('correction', 'Không có thông tin nào thay đổi: hãy nhập thông tin đúng cần sửa.'),
    );
  return ok({
    entryId: entry.id,
    patch,
    insert: null,
    rollNumber: entry.roll_number,
    fullName: changes['fullName']?.to ?? entry.full_name,
    changes,
  });
}

/** Amends the posted roll: one amendment, the entry it changes, and the next snapshot, in one transaction. */
export async function amendRoll(
  ctx: ServiceContext,
  actor: Actor,
  electionId: string,
  input: AmendInput,
): Promise<Result<RollView>> {
  const loaded = await loadElection(ctx, actor, electionId, 'write');
  if (!loaded.ok) return loaded;
  const ec = loaded.value;
  const db = ctx.store.db;
  const roll = await repo.getRollOfElection(db, electionId);
  if (!roll || roll.state !== 'posted')
    return err(
      failures.invalid(
        'roll',
        'Danh sách cử tri chưa niêm yết: trước khi niêm yết hãy sửa dữ liệu nhân khẩu và lập lại danh sách.',
      ),
    );
  if (COUNTED_STATES.includes(ec.election.state))
    return err(
      failures.conflict(
        'state',
        'Đã kiểm phiếu: danh sách cử tri là mẫu số của kết quả nên không được sửa đổi nữa.',
      ),
    );
  if (!['add', 'remove', 'correct'].includes(input.kind))
    return err(failures.invalid('kind', 'Loại sửa đổi phải là bổ sung, xóa tên hoặc sửa thông tin.'));
  const reason = normalizeText(input.reason ?? '');
  if (reason === '') return err(failures.invalid('reason', 'Hãy ghi lý do sửa đổi, bổ sung.'));
  const approvedBy = normalizeText(input.approvedBy ?? '');
  if (approvedBy === '')
    return err(failures.invalid('approvedBy', 'Hãy ghi họ tên người phê duyệt sửa đổi.'));
  const today = vnToday(ctx);
  const late = cutoffFailure(ec, today);
  if (late && !input.override) return err(late);
  if (late && input.override) {
    const bad = overrideFailure(actor, input.override);
    if (bad) return err(bad);
  }
  const entries = await repo.listEntries(db, roll.id);
  let planned: Result<Planned>;
  if (input.kind === 'add') {
    planned = await planAdd(db, ec, roll, entries, input.residentId);
  } else {
    const entry = entries.find((e) => e.resident_id === input.residentId && e.status === 'listed');
    if (!entry)
      return err(
        failures.invalid('residentId', 'Người này không có tên trong danh sách cử tri đang niêm yết.'),
      );
    planned =
      input.kind === 'remove'
        ? ok({
            entryId: entry.id,
            patch: {
              status: 'removed',
              reasons: JSON.stringify([
                { code: 'amendment-remove', rule: 'amendment', citation: '', message: reason },
              ]),
            },
            insert: null,
            rollNumber: entry.roll_number,
            fullName: entry.full_name,
            changes: null,
          })
        : planCorrect(entry, input.correction);
  }
  if (!planned.ok) return planned;
  const plan = planned.value;
  const override =
    late && input.override
      ? { chairName: normalizeText(input.override.chairName), reason: normalizeText(input.override.reason) }
      : null;
  const at = ctx.now().toISOString();
  await writeWithAudit(ctx, actor, async (trx) => {
    const previous = await repo.listAmendments(trx, roll.id);
    const seq = (previous[previous.length - 1]?.seq ?? 0) + 1;
    const amendmentId = randomUUID();
    await repo.insertAmendment(trx, {
      id: amendmentId,
      roll_id: roll.id,
      seq,
      kind: input.kind,
      resident_id: input.residentId,
      roll_number: plan.rollNumber,
      reason,
      approved_by: approvedBy,
      effective_on: today,
      chair_override: override ? JSON.stringify(override) : null,
      data: JSON.stringify({ fullName: plan.fullName, changes: plan.changes }),
      user_id: actor.userId,
      at,
    });
    if (plan.insert) await repo.insertEntries(trx, [{ ...plan.insert, amendment_id: amendmentId }]);
    if (plan.entryId && plan.patch)
      await repo.updateEntry(trx, plan.entryId, { ...plan.patch, amendment_id: amendmentId });
    const last = await repo.latestSnapshot(trx, roll.id);
    const registered = await writeSnapshot(
      trx,
      roll.id,
      (last?.number ?? 0) + 1,
      today,
      'amended',
      seq,
      actor.userId,
      at,
    );
    return {
      value: undefined,
      audit: {
        action: 'roll.amend',
        entity: 'election',
        entityId: electionId,
        data: {
          seq,
          kind: input.kind,
          what: KIND_VI[input.kind],
          residentId: input.residentId,
          reason,
          approvedBy,
          override,
          registered,
        },
      },
    };
  });
  return ok(await rollViewOf(ctx, ec));
}
