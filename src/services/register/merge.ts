/**
 * Merging hamlets (QĐ 01/2016 Quảng Trị Điều 3 k3 encourages it): two or more hamlets into a new one,
 * or one or more into an existing one. A preview shows what will move before anything does; the apply
 * does it all in one transaction with its audit event.
 *
 * What happens, and why:
 * - households and residents' groups move to the surviving hamlet; a group whose name is taken there
 *   becomes "Tổ 1 (Khu phố 2)";
 * - open elections still being prepared (before the roll is posted) move with their hamlet; a draft
 *   roll (of a moved election or of the surviving hamlet's own) loses its entries and must be built
 *   again for the merged hamlet, so no voter is left out;
 * - an election whose roll is already posted, in either hamlet, blocks the merge: a posted roll can only
 *   be amended one voter at a time, so the vote is finished first;
 * - two open elections for the same position cannot both survive: the officer chooses the one kept
 *   (the surviving hamlet's own election always is); the others stay, stopped, with their old hamlet;
 * - office-holders of the merged-away hamlets end their terms on the effective date ("sáp nhập"); the
 *   leaders of moved groups keep theirs; a new hamlet then needs an interim head (TT04 Điều 12 k2a);
 * - the old hamlets stay in the database as dissolved on the effective date, with their names, terms
 *   and documents, so their records still read under their old names.
 */
import { randomUUID } from 'node:crypto';
import type { ElectionState } from '../../domain/election';
import { STATE_NAMES_VI } from '../../domain/election';
import { formatVietnamese } from '../../domain/calendar';
import { err, ok } from '../../domain/result';
import type { Result } from '../../domain/result';
import { hamletKinds, isHamletKind, movedGroupName } from '../../domain/territory';
import { office as officeRepo, register as repo, territory as territoryRepo } from '../../store';
import type { Db } from '../../store';
import type { Actor } from '../common';
import type { ServiceContext } from '../common';
import { writeWithAudit } from '../common';
import { failures } from '../common';
import type { ChangeScope, Decision, NewMove } from './change-common';
import {
  checkDateFor,
  checkDecision,
  checkNewName,
  liveHamlet,
  loadScope,
  writeChange,
} from './change-common';
import { positionTitle } from '../decisions';
import { isCurrent } from '../office';
import type { MergeInput } from '../../contract/register';
export type { MergeInput } from '../../contract/register';

const collator = new Intl.Collator('vi', { numeric: true });

/** Elections that are over: they stay with the hamlet they were held in. */
const CLOSED: readonly string[] = ['recognised', 'interim'];
/** From here on the roll is posted: the election blocks a merge. */
const ROLL_POSTED: readonly string[] = ['rollPosted', 'polling', 'counted', 'reported', 'rerunOrdered'];

export interface ElectionPlan {
  readonly id: string;
  readonly hamletId: string;
  readonly hamletName: string;
  readonly position: string;
  readonly positionTitle: string;
  readonly termLabel: string;
  readonly state: string;
  readonly stateLabel: string;
  /** move: goes to the surviving hamlet; stay: already there; stop: stays with its old hamlet. */
  readonly action: 'move' | 'stay' | 'stop';
  /** draftReset: its draft roll must be built again. */
  readonly roll: 'none' | 'draftReset' | 'posted';
}

export interface SourcePlan {
  readonly id: string;
  readonly name: string;
  readonly households: number;
  readonly residents: number;
  readonly groups: { id: string; name: string; newName: string }[];
  readonly endingTerms: { id: string; holderName: string; positionTitle: string; startOn: string }[];
}

export interface MergePreview {
  readonly effectiveOn: string;
  readonly target: { id: string | null; name: string; kind: string; isNew: boolean; households: number };
  readonly sources: SourcePlan[];
  readonly elections: ElectionPlan[];
  readonly totals: { households: number; residents: number; groups: number; householdsAfter: number };
  /** Reasons the merge cannot be applied as asked, each saying what to do. */
  readonly problems: string[];
}

interface Plan {
  readonly scope: ChangeScope;
  readonly preview: MergePreview;
  readonly decision: Decision;
  readonly householdIds: Map<string, string[]>;
}

function checkTarget(scope: ChangeScope, input: MergeInput, sources: readonly string[]) {
  if (input.targetId) {
    if (sources.includes(input.targetId))
      return err(failures.invalid('targetId', 'Không thể sáp nhập một thôn, tổ dân phố vào chính nó.'));
    const t = liveHamlet(scope, input.targetId, 'targetId');
    if (!t.ok) return t;
    return ok({ id: t.value.id, name: t.value.name, kind: t.value.kind, isNew: false });
  }
  const name = checkNewName(scope, input.newName ?? '', 'newName');
  if (!name.ok) return name;
  const kind = input.newKind ?? '';
  if (!isHamletKind(kind)) return err(failures.invalid('newKind', 'Hãy chọn loại của thôn, tổ dân phố mới.'));
  if (sources.length < 2)
    return err(
      failures.invalid('sourceIds', 'Thành lập thôn, tổ dân phố mới bằng sáp nhập cần ít nhất hai nơi.'),
    );
  return ok({ id: null as string | null, name: name.value, kind, isNew: true });
}

function stateLabel(state: string): string {
  return STATE_NAMES_VI[state as ElectionState] ?? state;
}

async function planElections(
  db: Db,
  names: Map<string, string>,
  kind: string,
  target: { id: string | null; name: string },
  sourceIds: readonly string[],
  keep: readonly string[],
): Promise<{ plans: ElectionPlan[]; problems: string[] }> {
  const all = await repo.electionsOf(db, [...sourceIds, ...(target.id ? [target.id] : [])]);
  const open = all.filter((e) => !CLOSED.includes(e.state));
  const problems: string[] = [];
  const plans: ElectionPlan[] = [];
  for (const e of open) {
    const where = names.get(e.hamletId) ?? '';
    const title = positionTitle(e.position, kind);
    if (ROLL_POSTED.includes(e.state))
      problems.push(
        `Cuộc bầu ${title} của ${where} đang ở bước "${stateLabel(e.state)}" (danh sách cử tri đã niêm yết): không sáp nhập khi cuộc bầu cử đang diễn ra. Hãy sáp nhập sau khi UBND cấp xã công nhận kết quả.`,
      );
  }
  for (const position of [...new Set(open.map((e) => e.position))]) {
    const same = open.filter((e) => e.position === position);
    const own = same.find((e) => e.hamletId === target.id);
    const chosen = own ?? (same.length === 1 ? same[0] : same.find((e) => keep.includes(e.id)));
    if (!chosen) {
      problems.push(
        `${same
          .map((e) => names.get(e.hamletId) ?? '')
          .sort(collator.compare)
          .join(
            ' và ',
          )} đều có cuộc bầu ${positionTitle(position, kind)} đang chuẩn bị: sau sáp nhập chỉ giữ một cuộc bầu cho mỗi chức danh. Hãy chọn cuộc bầu được giữ lại.`,
      );
    }
    for (const e of same) {
      const roll = await repo.rollOf(db, e.id);
      const action = e.hamletId === target.id ? 'stay' : e === chosen ? 'move' : 'stop';
      plans.push({
        id: e.id,
        hamletId: e.hamletId,
        hamletName: names.get(e.hamletId) ?? '',
        position: e.position,
        positionTitle: positionTitle(e.position, kind),
        termLabel: e.termLabel,
        state: e.state,
        stateLabel: stateLabel(e.state),
        action,
        roll: !roll ? 'none' : roll.state === 'posted' ? 'posted' : action === 'stop' ? 'none' : 'draftReset',
      });
    }
  }
  return { plans, problems };
}

async function planSource(
  db: Db,
  scope: ChangeScope,
  id: string,
  kind: string,
  taken: string[],
  on: string,
): Promise<{ plan: SourcePlan; households: string[] }> {
  const h = scope.history.hamlets.find((x) => x.id === id)!;
  const households = await repo.householdsOf(db, [id]);
  const groups = [];
  for (const g of await repo.groupsOf(db, [id])) {
    const newName = movedGroupName(g.name, h.name, taken);
    taken.push(newName);
    groups.push({ id: g.id, name: g.name, newName });
  }
  const terms = (await officeRepo.listTermsOfHamlet(db, id)).filter(
    (t) => t.resident_group_id === null && isCurrent(t, on),
  );
  return {
    households: households.map((x) => x.id),
    plan: {
      id,
      name: h.name,
      households: households.length,
      residents: await repo.countResidentsOf(
        db,
        households.map((x) => x.id),
      ),
      groups,
      endingTerms: terms.map((t) => ({
        id: t.id,
        holderName: t.holder_name,
        positionTitle: positionTitle(t.position, h.kind),
        startOn: t.start_on,
      })),
    },
  };
}

async function plan(
  ctx: ServiceContext,
  actor: Actor,
  communeId: string,
  input: MergeInput,
): Promise<Result<Plan>> {
  const loaded = await loadScope(ctx, actor, communeId);
  if (!loaded.ok) return loaded;
  const scope = loaded.value;
  const decision = checkDecision(input, scope.today, `UBND ${scope.communeName}`);
  if (!decision.ok) return decision;
  const sourceIds = [...new Set(input.sourceIds ?? [])];
  if (sourceIds.length === 0)
    return err(failures.invalid('sourceIds', 'Hãy chọn thôn, tổ dân phố được sáp nhập.'));
  const target = checkTarget(scope, input, sourceIds);
  if (!target.ok) return target;
  const on = decision.value.effectiveOn;
  for (const id of [...sourceIds, ...(target.value.id ? [target.value.id] : [])]) {
    const h = liveHamlet(scope, id, id === target.value.id ? 'targetId' : 'sourceIds');
    if (!h.ok) return h;
    const d = checkDateFor(scope, h.value, on);
    if (!d.ok) return d;
  }
  const db = ctx.store.db;
  const names = new Map(scope.history.hamlets.map((h) => [h.id, h.name]));
  const taken = target.value.id ? (await repo.groupsOf(db, [target.value.id])).map((g) => g.name) : [];
  const sources: SourcePlan[] = [];
  const householdIds = new Map<string, string[]>();
  for (const id of sourceIds) {
    const s = await planSource(db, scope, id, target.value.kind, taken, on);
    sources.push(s.plan);
    householdIds.set(id, s.households);
  }
  const elections = await planElections(
    db,
    names,
    target.value.kind,
    target.value,
    sourceIds,
    input.keepElectionIds ?? [],
  );
  const targetHouseholds = target.value.id ? (await repo.householdsOf(db, [target.value.id])).length : 0;
  const moved = sources.reduce((n, s) => n + s.households, 0);
  return ok({
    scope,
    decision: decision.value,
    householdIds,
    preview: {
      effectiveOn: on,
      target: { ...target.value, households: targetHouseholds },
      sources,
      elections: elections.plans,
      totals: {
        households: moved,
        residents: sources.reduce((n, s) => n + s.residents, 0),
        groups: sources.reduce((n, s) => n + s.groups.length, 0),
        householdsAfter: targetHouseholds + moved,
      },
      problems: elections.problems,
    },
  });
}

/** What a merge would do, without doing it. */
export async function previewMerge(
  ctx: ServiceContext,
  actor: Actor,
  communeId: string,
  input: MergeInput,
): Promise<Result<MergePreview>> {
  const p = await plan(ctx, actor, communeId, input);
  return p.ok ? ok(p.value.preview) : p;
}

export interface MergeOutcome {
  readonly changeId: string;
  readonly targetId: string;
  readonly preview: MergePreview;
}

async function moveAll(trx: Db, p: Plan, targetId: string, on: string): Promise<NewMove[]> {
  const moves: NewMove[] = [];
  for (const s of p.preview.sources) {
    for (const g of s.groups) {
      await repo.moveGroup(trx, g.id, targetId, g.newName);
      await repo.moveGroupTerms(trx, g.id, targetId);
      moves.push({
        subject: 'group',
        subjectId: g.id,
        fromHamletId: s.id,
        toHamletId: targetId,
        nameBefore: g.name,
        nameAfter: g.newName,
      });
    }
    const ids = p.householdIds.get(s.id) ?? [];
    const current = await repo.householdsOf(trx, [s.id]);
    const groupOf = new Map(current.map((h) => [h.id, h.groupId]));
    await repo.moveHouseholds(trx, ids, targetId, (id) => groupOf.get(id) ?? null);
    for (const id of ids)
      moves.push({ subject: 'household', subjectId: id, fromHamletId: s.id, toHamletId: targetId });
    for (const t of s.endingTerms)
      await officeRepo.endTerm(trx, t.id, { ended_on: on, end_reason: 'merged', end_ref: p.decision.number });
    await repo.dissolveHamlet(trx, s.id, on);
  }
  for (const e of p.preview.elections) {
    if (e.action === 'move') await repo.moveElection(trx, e.id, targetId);
    // The surviving hamlet's own draft roll misses the households that arrive: it is emptied too.
    const roll = e.roll === 'draftReset' ? await repo.rollOf(trx, e.id) : undefined;
    if (roll) await repo.resetDraftRoll(trx, roll.id, targetId);
  }
  return moves;
}

/** Applies the merge in one transaction; refused, changing nothing, while the preview has problems. */
export async function applyMerge(
  ctx: ServiceContext,
  actor: Actor,
  communeId: string,
  input: MergeInput,
): Promise<Result<MergeOutcome>> {
  const p = await plan(ctx, actor, communeId, input);
  if (!p.ok) return p;
  const { preview, scope } = p.value;
  if (preview.problems.length > 0) return err(failures.conflict('merge', preview.problems.join(' ')));
  const on = preview.effectiveOn;
  const at = ctx.now().toISOString();
  const targetId = preview.target.id ?? randomUUID();
  const changeId = await writeWithAudit(ctx, actor, async (trx) => {
    if (preview.target.isNew)
      await territoryRepo.insertHamlet(trx, {
        id: targetId,
        communeId,
        name: preview.target.name,
        kind: preview.target.kind,
        createdAt: at,
      });
    const moves = await moveAll(trx, p.value, targetId, on);
    const id = await writeChange(
      trx,
      scope,
      actor,
      at,
      {
        kind: 'merged',
        decision: p.value.decision,
        fromHamletIds: preview.sources.map((s) => s.id),
        toHamletId: targetId,
        nameBefore: preview.sources.map((s) => s.name).join(', '),
        nameAfter: preview.target.name,
        createsTarget: preview.target.isNew,
        data: summaryOf(preview),
      },
      moves,
    );
    return {
      value: id,
      audit: {
        action: 'hamlet.merge',
        entity: 'hamletChange',
        entityId: id,
        data: { targetId, sources: preview.sources.map((s) => s.id), on },
      },
    };
  });
  return ok({ changeId, targetId, preview: { ...preview, target: { ...preview.target, id: targetId } } });
}

/** The record kept on the change: counts and what happened to each election and office-holder. */
function summaryOf(preview: MergePreview) {
  return {
    households: preview.totals.households,
    residents: preview.totals.residents,
    groups: preview.sources.flatMap((s) =>
      s.groups.map((g) => ({ from: s.name, name: g.name, newName: g.newName })),
    ),
    elections: preview.elections.map((e) => ({
      id: e.id,
      from: e.hamletName,
      position: e.positionTitle,
      action: e.action,
      roll: e.roll,
    })),
    endedTerms: preview.sources.flatMap((s) =>
      s.endingTerms.map((t) => ({ hamlet: s.name, holder: t.holderName, position: t.positionTitle })),
    ),
    kindLabel: isHamletKind(preview.target.kind)
      ? hamletKinds[preview.target.kind].label
      : preview.target.kind,
    effective: formatVietnamese(preview.effectiveOn),
  };
}
