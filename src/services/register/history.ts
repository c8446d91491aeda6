/**
 * The hamlet register over time: the list of changes with their decisions, the commune "as it was" on
 * any day (hamlets under their names of the day, heads from the office terms, households from the
 * recorded moves), former hamlets with their documents, and the two changes that move nobody: rename
 * and dissolve.
 */
import type { CivilDate } from '../../domain/calendar';
import { addDays, formatVietnamese, isCivilDate } from '../../domain/calendar';
import { err, ok } from '../../domain/result';
import type { Result } from '../../domain/result';
import type { HamletChangeKind } from '../../domain/territory';
import {
  CHANGE_KIND_VI,
  countsOn,
  hamletKinds,
  hamletsOn,
  isHamletKind,
  nameOn,
  namesOf,
  placeOn,
} from '../../domain/territory';
import { office as officeRepo, register as repo } from '../../store';
import type { Actor } from '../common';
import type { ServiceContext } from '../common';
import { writeWithAudit } from '../common';
import { failures } from '../common';
import type { CommuneHistory } from './change-common';
import {
  checkDateFor,
  checkDecision,
  checkNewName,
  liveHamlet,
  loadHistory,
  loadScope,
  writeChange,
} from './change-common';
import { canDecide, loadCommune, positionTitle, vnToday } from '../decisions';
import { isCurrent } from '../office';
import type { RenameInput, DissolveInput } from '../../contract/register';
export type { RenameInput, DissolveInput } from '../../contract/register';

export interface ChangeView {
  readonly id: string;
  readonly kind: HamletChangeKind;
  readonly kindLabel: string;
  readonly decisionNumber: string | null;
  readonly decisionDate: CivilDate | null;
  readonly issuingBody: string | null;
  readonly effectiveOn: CivilDate;
  readonly from: { id: string; name: string }[];
  readonly to: { id: string; name: string } | null;
  readonly summary: string;
  readonly data: Record<string, unknown>;
  readonly note: string | null;
  readonly recordedAt: string;
}

export interface FormerHamlet {
  readonly id: string;
  readonly name: string;
  readonly kindLabel: string;
  readonly endedOn: CivilDate;
  readonly names: { name: string; from: CivilDate | null }[];
  readonly documents: { id: string; title: string; reference: string }[];
}

export interface HistoryView {
  readonly communeId: string;
  readonly communeName: string;
  readonly today: CivilDate;
  readonly changes: ChangeView[];
  readonly former: FormerHamlet[];
  readonly hamlets: { id: string; name: string; kind: string; kindLabel: string }[];
  readonly canManage: boolean;
}

const kindLabel = (k: string) => (isHamletKind(k) ? hamletKinds[k].label : k);

function summaryOf(
  kind: HamletChangeKind,
  from: string[],
  to: string | null,
  data: Record<string, unknown>,
  nameBefore: string | null,
): string {
  const n = typeof data['households'] === 'number' ? `${data['households']} hộ` : '';
  switch (kind) {
    case 'merged':
      return `${from.join(', ')} sáp nhập vào ${to ?? ''}${n ? ` (${n} chuyển đến)` : ''}`;
    case 'split':
      return `Tách ${n} từ ${from.join(', ')} thành ${to ?? ''}`;
    case 'attached':
      return `Ghép ${n} từ ${from.join(', ')} vào ${to ?? ''}`;
    case 'renamed':
      return `Đổi tên ${nameBefore ?? ''} thành ${to ?? ''}`;
    case 'dissolved':
      return `Giải thể ${from.join(', ')}`;
    case 'established':
      return `Thành lập ${to ?? ''}`;
    default:
      return CHANGE_KIND_VI[kind];
  }
}

function changeViews(h: CommuneHistory): ChangeView[] {
  return h.rows.map((r, i) => {
    const e = h.events[i]!;
    const dayBefore = addDays(e.effectiveOn, -1);
    const record = (id: string) => h.hamlets.find((x) => x.id === id);
    const from = e.fromHamletIds.map((id) => ({
      id,
      name: record(id) ? nameOn(record(id)!, h.events, dayBefore) : id,
    }));
    const target = e.toHamletId ? record(e.toHamletId) : undefined;
    const to = target
      ? { id: target.id, name: e.nameAfter ?? nameOn(target, h.events, e.effectiveOn) }
      : null;
    const data = JSON.parse(r.data) as Record<string, unknown>;
    return {
      id: r.id,
      kind: e.kind,
      kindLabel: CHANGE_KIND_VI[e.kind],
      decisionNumber: r.decision_number,
      decisionDate: r.decision_date,
      issuingBody: r.issuing_body,
      effectiveOn: r.effective_on,
      from,
      to,
      summary: summaryOf(
        e.kind,
        from.map((f) => f.name),
        to?.name ?? null,
        data,
        r.name_before,
      ),
      data,
      note: r.note,
      recordedAt: r.recorded_at,
    };
  });
}

/** The commune's changes, newest first, and its former hamlets with their documents. */
export async function getHistory(
  ctx: ServiceContext,
  actor: Actor,
  communeId: string,
): Promise<Result<HistoryView>> {
  const c = await loadCommune(ctx, actor, communeId, 'read');
  if (!c.ok) return c;
  const db = ctx.store.db;
  const h = await loadHistory(db, communeId);
  const formerRows = h.hamlets.filter((x) => x.dissolvedOn !== null);
  const docs = await repo.documentsOf(
    db,
    formerRows.map((x) => x.id),
  );
  const collator = new Intl.Collator('vi', { numeric: true });
  return ok({
    communeId,
    communeName: c.value.communeName,
    today: vnToday(ctx),
    changes: changeViews(h).reverse(),
    former: formerRows.map((x) => ({
      id: x.id,
      name: x.name,
      kindLabel: kindLabel(x.kind),
      endedOn: x.dissolvedOn!,
      names: namesOf(x, h.events),
      documents: docs
        .filter((d) => d.hamletId === x.id)
        .map((d) => ({
          id: d.id,
          title: d.title,
          reference:
            d.number !== null
              ? `Số ${d.number}/${d.symbol ?? ''}${d.version > 1 ? ` (lần ${d.version})` : ''}`
              : '',
        })),
    })),
    hamlets: h.hamlets
      .filter((x) => x.dissolvedOn === null)
      .sort((a, b) => collator.compare(a.name, b.name))
      .map((x) => ({ id: x.id, name: x.name, kind: x.kind, kindLabel: kindLabel(x.kind) })),
    canManage: canDecide(actor, c.value.place),
  });
}

export interface HamletAsOf {
  readonly id: string;
  readonly name: string;
  readonly kindLabel: string;
  readonly since: CivilDate | null;
  /** The name today, or null when it no longer exists. */
  readonly nameToday: string | null;
  readonly households: number;
  readonly groups: string[];
  readonly heads: {
    holderName: string;
    positionTitle: string;
    basis: string;
    startOn: CivilDate;
    endedOn: CivilDate | null;
  }[];
}

export interface AsOfView {
  readonly on: CivilDate;
  readonly communeName: string;
  readonly hamlets: HamletAsOf[];
  readonly households: number;
}

/** The commune as it was on `on`. */
export async function getAsOf(
  ctx: ServiceContext,
  actor: Actor,
  communeId: string,
  on: string,
): Promise<Result<AsOfView>> {
  const c = await loadCommune(ctx, actor, communeId, 'read');
  if (!c.ok) return c;
  if (!isCivilDate(on)) return err(failures.invalid('on', 'Ngày xem không hợp lệ (định dạng YYYY-MM-DD).'));
  if (on > vnToday(ctx)) return err(failures.invalid('on', 'Chỉ xem được các ngày đã qua hoặc hôm nay.'));
  const db = ctx.store.db;
  const h = await loadHistory(db, communeId);
  const toMove = (m: repo.MoveRow) => ({
    subjectId: m.subject_id,
    fromHamletId: m.from_hamlet_id,
    toHamletId: m.to_hamlet_id,
    effectiveOn: m.effective_on,
    order: m.seq,
  });
  const householdMoves = (await repo.listMoves(db, communeId, 'household')).map(toMove);
  const counts = countsOn(await repo.householdsOfCommune(db, communeId), householdMoves, on);
  const groupMoves = await repo.listMoves(db, communeId, 'group');
  const groups = await repo.groupsOf(
    db,
    h.hamlets.map((x) => x.id),
  );
  const terms = (await officeRepo.listTermsOfCommune(db, communeId)).filter(
    (t) =>
      t.resident_group_id === null &&
      (t.position === 'head' || t.position === 'deputyHead') &&
      isCurrent(t, on),
  );
  const collator = new Intl.Collator('vi', { numeric: true });
  const hamlets = hamletsOn(h.hamlets, h.events, on).map((x) => {
    const row = h.hamlets.find((r) => r.id === x.id)!;
    return {
      id: x.id,
      name: x.name,
      kindLabel: kindLabel(x.kind),
      since: x.since,
      nameToday: row.dissolvedOn ? null : row.name,
      households: counts.get(x.id) ?? 0,
      groups: groups
        .map((g) => {
          const moves = groupMoves.filter((m) => m.subject_id === g.id);
          const later = moves.find((m) => m.effective_on > on);
          return { place: placeOn(g.hamletId, moves.map(toMove), on), name: later?.name_before ?? g.name };
        })
        .filter((g) => g.place === x.id)
        .map((g) => g.name)
        .sort((a, b) => collator.compare(a, b)),
      heads: terms
        .filter((t) => t.hamlet_id === x.id)
        .map((t) => ({
          holderName: t.holder_name,
          positionTitle: positionTitle(t.position, x.kind),
          basis: t.basis,
          startOn: t.start_on,
          endedOn: t.ended_on,
        })),
    };
  });
  hamlets.sort((a, b) => collator.compare(a.name, b.name));
  return ok({
    on,
    communeName: c.value.communeName,
    hamlets,
    households: hamlets.reduce((n, x) => n + x.households, 0),
  });
}

export async function renameHamlet(
  ctx: ServiceContext,
  actor: Actor,
  communeId: string,
  input: RenameInput,
): Promise<Result<{ changeId: string }>> {
  const loaded = await loadScope(ctx, actor, communeId);
  if (!loaded.ok) return loaded;
  const scope = loaded.value;
  const decision = checkDecision(input, scope.today, `UBND ${scope.communeName}`);
  if (!decision.ok) return decision;
  const h = liveHamlet(scope, input.hamletId, 'hamletId');
  if (!h.ok) return h;
  const d = checkDateFor(scope, h.value, decision.value.effectiveOn);
  if (!d.ok) return d;
  const name = checkNewName(scope, input.newName, 'newName', h.value.id);
  if (!name.ok) return name;
  if (name.value === h.value.name) return err(failures.invalid('newName', 'Tên mới trùng tên hiện tại.'));
  const at = ctx.now().toISOString();
  const changeId = await writeWithAudit(ctx, actor, async (trx) => {
    await repo.renameHamlet(trx, h.value.id, name.value);
    const id = await writeChange(
      trx,
      scope,
      actor,
      at,
      {
        kind: 'renamed',
        decision: decision.value,
        fromHamletIds: [],
        toHamletId: h.value.id,
        nameBefore: h.value.name,
        nameAfter: name.value,
        data: {},
      },
      [],
    );
    return {
      value: id,
      audit: {
        action: 'hamlet.rename',
        entity: 'hamletChange',
        entityId: id,
        data: { hamletId: h.value.id, from: h.value.name, to: name.value },
      },
    };
  });
  return ok({ changeId });
}

/** Dissolves an empty hamlet: its households must have been moved (attach) or merged first. */
export async function dissolveHamlet(
  ctx: ServiceContext,
  actor: Actor,
  communeId: string,
  input: DissolveInput,
): Promise<Result<{ changeId: string; endedTerms: number }>> {
  const loaded = await loadScope(ctx, actor, communeId);
  if (!loaded.ok) return loaded;
  const scope = loaded.value;
  const decision = checkDecision(input, scope.today, `UBND ${scope.communeName}`);
  if (!decision.ok) return decision;
  const h = liveHamlet(scope, input.hamletId, 'hamletId');
  if (!h.ok) return h;
  const d = checkDateFor(scope, h.value, decision.value.effectiveOn);
  if (!d.ok) return d;
  const db = ctx.store.db;
  const households = await repo.householdsOf(db, [h.value.id]);
  if (households.length > 0)
    return err(
      failures.conflict(
        'hamletId',
        `${h.value.name} còn ${households.length} hộ gia đình: hãy ghép các hộ vào thôn, tổ dân phố khác hoặc sáp nhập thay vì giải thể.`,
      ),
    );
  const open = (await repo.electionsOf(db, [h.value.id])).filter(
    (e) => !['recognised', 'interim'].includes(e.state),
  );
  if (open.length > 0)
    return err(
      failures.conflict('hamletId', `${h.value.name} còn cuộc bầu cử đang mở: không giải thể được.`),
    );
  const on = decision.value.effectiveOn;
  const terms = (await officeRepo.listTermsOfHamlet(db, h.value.id)).filter((t) => isCurrent(t, on));
  const at = ctx.now().toISOString();
  const changeId = await writeWithAudit(ctx, actor, async (trx) => {
    for (const t of terms)
      await officeRepo.endTerm(trx, t.id, {
        ended_on: on,
        end_reason: 'dissolved',
        end_ref: decision.value.number,
      });
    await repo.dissolveHamlet(trx, h.value.id, on);
    const id = await writeChange(
      trx,
      scope,
      actor,
      at,
      {
        kind: 'dissolved',
        decision: decision.value,
        fromHamletIds: [h.value.id],
        toHamletId: null,
        nameBefore: h.value.name,
        data: { endedTerms: terms.map((t) => t.holder_name), effective: formatVietnamese(on) },
      },
      [],
    );
    return {
      value: id,
      audit: {
        action: 'hamlet.dissolve',
        entity: 'hamletChange',
        entityId: id,
        data: { hamletId: h.value.id, on },
      },
    };
  });
  return ok({ changeId, endedTerms: terms.length });
}
