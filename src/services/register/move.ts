/**
 * Moving part of a hamlet: splitting chosen households and residents' groups off into a new hamlet,
 * or attaching a residential cluster to an existing one (QĐ 01/2016 Quảng Trị Điều 9 k3, Điều 11;
 * TT04 Điều 9). Quảng Trị Điều 3 k2 forbids splitting a hamlet that works well: the split form says so.
 *
 * Roll effects follow the merge: a hamlet whose open election has a posted roll neither loses nor gains
 * households (refused: amend after the vote); a draft roll of either hamlet is emptied and must be built
 * again. Office-holders stay: the new hamlet of a split gets an interim head by a separate decision.
 */
import { randomUUID } from 'node:crypto';
import { err, ok } from '../../domain/result';
import type { Result } from '../../domain/result';
import { isHamletKind, movedGroupName } from '../../domain/territory';
import { register as repo, territory as territoryRepo } from '../../store';
import type { Db } from '../../store';
import type { Actor } from '../common';
import type { ServiceContext } from '../common';
import { writeWithAudit } from '../common';
import { failures } from '../common';
import type { ChangeScope, Decision, DecisionInput, NewMove } from './change-common';
import {
  checkDateFor,
  checkDecision,
  checkNewName,
  liveHamlet,
  loadScope,
  writeChange,
} from './change-common';
import type { SplitInput, AttachInput } from '../../contract/register';
export type { SplitInput, AttachInput } from '../../contract/register';

export interface MoveSelection {
  readonly sourceId: string;
  readonly householdIds?: readonly string[];
  readonly groupIds?: readonly string[];
}

export interface MoveOutcome {
  readonly changeId: string;
  readonly targetId: string;
  readonly households: number;
  readonly groups: number;
  readonly rollsReset: number;
}

const CLOSED: readonly string[] = ['recognised', 'interim'];
const ROLL_POSTED: readonly string[] = ['rollPosted', 'polling', 'counted', 'reported', 'rerunOrdered'];

interface Selected {
  readonly households: { id: string; groupId: string | null }[];
  readonly groups: { id: string; name: string; newName: string }[];
  readonly draftRolls: { rollId: string; hamletId: string }[];
}

/** Draft rolls to reset, or the refusal when an open election of these hamlets has a posted roll. */
async function rollEffects(db: Db, scope: ChangeScope, hamletIds: readonly string[]) {
  const drafts: { rollId: string; hamletId: string }[] = [];
  for (const e of (await repo.electionsOf(db, hamletIds)).filter((x) => !CLOSED.includes(x.state))) {
    const name = scope.history.hamlets.find((h) => h.id === e.hamletId)?.name ?? '';
    if (ROLL_POSTED.includes(e.state))
      return err(
        failures.conflict(
          'sourceId',
          `${name} có cuộc bầu cử đã niêm yết danh sách cử tri: không chuyển hộ gia đình khi cuộc bầu cử đang diễn ra. Hãy ghi thay đổi sau khi UBND cấp xã công nhận kết quả.`,
        ),
      );
    const roll = await repo.rollOf(db, e.id);
    if (roll) drafts.push({ rollId: roll.id, hamletId: e.hamletId });
  }
  return ok(drafts);
}

async function select(
  db: Db,
  scope: ChangeScope,
  sel: MoveSelection,
  sourceName: string,
  targetId: string | null,
): Promise<Result<Selected>> {
  const inSource = await repo.householdsOf(db, [sel.sourceId]);
  const groups = await repo.groupsOf(db, [sel.sourceId]);
  const groupIds = [...new Set(sel.groupIds ?? [])];
  const stranger = groupIds.find((g) => !groups.some((x) => x.id === g));
  if (stranger) return err(failures.invalid('groupIds', `Tổ tự quản được chọn không thuộc ${sourceName}.`));
  const householdIds = new Set(sel.householdIds ?? []);
  const outside = [...householdIds].filter((id) => !inSource.some((h) => h.id === id));
  if (outside.length > 0)
    return err(
      failures.invalid(
        'householdIds',
        `${outside.length} hộ gia đình được chọn không thuộc ${sourceName}: hãy chọn lại.`,
      ),
    );
  const chosen = inSource.filter(
    (h) => householdIds.has(h.id) || (h.groupId !== null && groupIds.includes(h.groupId)),
  );
  if (chosen.length === 0)
    return err(
      failures.invalid('householdIds', 'Hãy chọn ít nhất một hộ gia đình hoặc một tổ tự quản để chuyển.'),
    );
  if (chosen.length === inSource.length)
    return err(
      failures.invalid(
        'householdIds',
        `Đã chọn tất cả ${inSource.length} hộ của ${sourceName}: hãy dùng sáp nhập (hoặc đổi tên) thay vì chuyển toàn bộ.`,
      ),
    );
  const taken = targetId ? (await repo.groupsOf(db, [targetId])).map((g) => g.name) : [];
  const moved = groups
    .filter((g) => groupIds.includes(g.id))
    .map((g) => {
      const newName = movedGroupName(g.name, sourceName, taken);
      taken.push(newName);
      return { id: g.id, name: g.name, newName };
    });
  const rolls = await rollEffects(db, scope, [sel.sourceId, ...(targetId ? [targetId] : [])]);
  if (!rolls.ok) return rolls;
  return ok({
    households: chosen.map((h) => ({
      id: h.id,
      groupId: h.groupId !== null && groupIds.includes(h.groupId) ? h.groupId : null,
    })),
    groups: moved,
    draftRolls: rolls.value,
  });
}

async function applyMoves(trx: Db, s: Selected, sourceId: string, targetId: string): Promise<NewMove[]> {
  const moves: NewMove[] = [];
  for (const g of s.groups) {
    await repo.moveGroup(trx, g.id, targetId, g.newName);
    await repo.moveGroupTerms(trx, g.id, targetId);
    moves.push({
      subject: 'group',
      subjectId: g.id,
      fromHamletId: sourceId,
      toHamletId: targetId,
      nameBefore: g.name,
      nameAfter: g.newName,
    });
  }
  const groupOf = new Map(s.households.map((h) => [h.id, h.groupId]));
  await repo.moveHouseholds(
    trx,
    s.households.map((h) => h.id),
    targetId,
    (id) => groupOf.get(id) ?? null,
  );
  for (const h of s.households)
    moves.push({ subject: 'household', subjectId: h.id, fromHamletId: sourceId, toHamletId: targetId });
  for (const r of s.draftRolls) await repo.resetDraftRoll(trx, r.rollId, r.hamletId);
  return moves;
}

async function prepare(
  ctx: ServiceContext,
  actor: Actor,
  communeId: string,
  input: DecisionInput & MoveSelection,
): Promise<Result<{ scope: ChangeScope; decision: Decision; sourceName: string }>> {
  const loaded = await loadScope(ctx, actor, communeId);
  if (!loaded.ok) return loaded;
  const scope = loaded.value;
  const decision = checkDecision(input, scope.today, `UBND ${scope.communeName}`);
  if (!decision.ok) return decision;
  const source = liveHamlet(scope, input.sourceId, 'sourceId');
  if (!source.ok) return source;
  const d = checkDateFor(scope, source.value, decision.value.effectiveOn);
  if (!d.ok) return d;
  return ok({ scope, decision: decision.value, sourceName: source.value.name });
}

/** Splits chosen households and groups off into a new hamlet that exists from the effective date. */
export async function splitHamlet(
  ctx: ServiceContext,
  actor: Actor,
  communeId: string,
  input: SplitInput,
): Promise<Result<MoveOutcome>> {
  const p = await prepare(ctx, actor, communeId, input);
  if (!p.ok) return p;
  const { scope, decision, sourceName } = p.value;
  const name = checkNewName(scope, input.newName, 'newName');
  if (!name.ok) return name;
  if (!isHamletKind(input.newKind))
    return err(failures.invalid('newKind', 'Hãy chọn loại của thôn, tổ dân phố mới.'));
  const s = await select(ctx.store.db, scope, input, sourceName, null);
  if (!s.ok) return s;
  const targetId = randomUUID();
  const at = ctx.now().toISOString();
  const changeId = await writeWithAudit(ctx, actor, async (trx) => {
    await territoryRepo.insertHamlet(trx, {
      id: targetId,
      communeId,
      name: name.value,
      kind: input.newKind,
      createdAt: at,
    });
    const moves = await applyMoves(trx, s.value, input.sourceId, targetId);
    const id = await writeChange(
      trx,
      scope,
      actor,
      at,
      {
        kind: 'split',
        decision,
        fromHamletIds: [input.sourceId],
        toHamletId: targetId,
        nameBefore: sourceName,
        nameAfter: name.value,
        createsTarget: true,
        data: {
          households: s.value.households.length,
          groups: s.value.groups,
          rollsReset: s.value.draftRolls.length,
        },
      },
      moves,
    );
    return {
      value: id,
      audit: {
        action: 'hamlet.split',
        entity: 'hamletChange',
        entityId: id,
        data: { sourceId: input.sourceId, targetId, households: s.value.households.length },
      },
    };
  });
  return ok({
    changeId,
    targetId,
    households: s.value.households.length,
    groups: s.value.groups.length,
    rollsReset: s.value.draftRolls.length,
  });
}

/** Attaches a residential cluster (chosen households and groups) of one hamlet to another existing one. */
export async function attachCluster(
  ctx: ServiceContext,
  actor: Actor,
  communeId: string,
  input: AttachInput,
): Promise<Result<MoveOutcome>> {
  const p = await prepare(ctx, actor, communeId, input);
  if (!p.ok) return p;
  const { scope, decision, sourceName } = p.value;
  if (input.targetId === input.sourceId)
    return err(failures.invalid('targetId', 'Nơi nhận phải khác nơi chuyển đi.'));
  const target = liveHamlet(scope, input.targetId, 'targetId');
  if (!target.ok) return target;
  const d = checkDateFor(scope, target.value, decision.effectiveOn);
  if (!d.ok) return d;
  const s = await select(ctx.store.db, scope, input, sourceName, input.targetId);
  if (!s.ok) return s;
  const at = ctx.now().toISOString();
  const changeId = await writeWithAudit(ctx, actor, async (trx) => {
    const moves = await applyMoves(trx, s.value, input.sourceId, input.targetId);
    const id = await writeChange(
      trx,
      scope,
      actor,
      at,
      {
        kind: 'attached',
        decision,
        fromHamletIds: [input.sourceId],
        toHamletId: input.targetId,
        nameBefore: sourceName,
        nameAfter: target.value.name,
        data: {
          households: s.value.households.length,
          groups: s.value.groups,
          rollsReset: s.value.draftRolls.length,
        },
      },
      moves,
    );
    return {
      value: id,
      audit: {
        action: 'hamlet.attach',
        entity: 'hamletChange',
        entityId: id,
        data: { sourceId: input.sourceId, targetId: input.targetId, households: s.value.households.length },
      },
    };
  });
  return ok({
    changeId,
    targetId: input.targetId,
    households: s.value.households.length,
    groups: s.value.groups.length,
    rollsReset: s.value.draftRolls.length,
  });
}
