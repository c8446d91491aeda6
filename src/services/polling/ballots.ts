/**
 * Ballots of each position on polling day: received from the commune, issued (one per voter checked
 * in), spoiled and exchanged, and the unused ballots counted and sealed after the poll closes and
 * before the box is opened (Tây Ninh Điều 16.3.d), with the sealing record through the registry.
 */
import { hamletInText } from '../../domain/territory';
import type * as contract from '../../contract/polling';
import { randomUUID } from 'node:crypto';
import type { UnusedBallotsData } from '../../documents/forms/unused-ballots';
import { findForm } from '../../documents/forms';
import { err, ok } from '../../domain/result';
import type { Failure, Result } from '../../domain/result';
import { positionSchema } from '../../domain/rules';
import { pollingDay as repo, territory as territoryRepo } from '../../store';
import type { Db } from '../../store';
import type { Actor } from '../common';
import type { ServiceContext } from '../common';
import { writeWithAudit } from '../common';
import { positionTitle } from '../../domain/count/labels';
import { issueDocument } from '../documents';
import type { DocumentInfo } from '../documents';
import { failures } from '../common';
import { formRenderer } from '../documents';
import { canManageCommune } from '../common';
import { vnInstant } from './clock';
import type { LoadedPoll } from './session';
import { loadPoll, statusOf } from './session';
import { checkWitnessChoice, countWitnesses, witnessRows } from './witnesses';

export interface PositionBallots {
  readonly position: string;
  readonly title: string;
  readonly received: number;
  readonly issued: number;
  readonly spoiled: number;
  readonly unused: number;
  readonly seal: {
    readonly sealedAt: string;
    readonly witnesses: string[];
    readonly documentId: string | null;
  } | null;
}

export interface BallotsView {
  readonly electionId: string;
  readonly pollStatus: string;
  /** Whether the actor may issue the sealing record (the commune does; the team prints and signs). */
  readonly canIssue: boolean;
  readonly positions: PositionBallots[];
}

async function tally(db: Db, lp: LoadedPoll, position: string) {
  const moves = (await repo.listMovements(db, lp.pe.election.id, lp.round)).filter(
    (m) => m.position === position,
  );
  const sum = (kind: string) => moves.filter((m) => m.kind === kind).reduce((s, m) => s + m.quantity, 0);
  const issued = (await repo.listAttendance(db, lp.pe.election.id, lp.round)).length;
  const received = sum('received');
  const spoiled = sum('spoiledReplaced');
  return { received, issued, spoiled, unused: received - issued - spoiled };
}

function positionFailure(lp: LoadedPoll, position: string): Failure | null {
  const p = positionSchema.safeParse(position);
  if (!p.success || !lp.pe.profile.positions.value.includes(p.data))
    return failures.invalid('position', 'Chức danh không hợp lệ.');
  return null;
}

export async function getBallots(
  ctx: ServiceContext,
  actor: Actor,
  electionId: string,
): Promise<Result<BallotsView>> {
  const loaded = await loadPoll(ctx, actor, electionId, 'read');
  if (!loaded.ok) return loaded;
  const lp = loaded.value;
  const db = ctx.store.db;
  const seals = await repo.listSeals(db, electionId, lp.round);
  const positions: PositionBallots[] = [];
  for (const position of lp.pe.profile.positions.value) {
    const t = await tally(db, lp, position);
    const s = seals.find((x) => x.position === position);
    const documentId =
      s?.document_id ?? (s ? await sealingDocumentId(db, electionId, position, lp.round) : null);
    positions.push({
      position,
      title: positionTitle(position, lp.pe.election.hamletKind),
      ...(s ? { received: s.received, issued: s.issued, spoiled: s.spoiled, unused: s.unused } : t),
      seal: s ? { sealedAt: s.sealed_at, witnesses: JSON.parse(s.witnesses) as string[], documentId } : null,
    });
  }
  const status = statusOf(await repo.listEvents(db, electionId, lp.round));
  return ok({ electionId, pollStatus: status, canIssue: canManageCommune(actor, lp.pe.place), positions });
}

export type MovementInput = contract.MovementInput;

/** Ballots received from the commune, or one (or more) spoiled ballots exchanged for new ones. */
export async function recordBallots(
  ctx: ServiceContext,
  actor: Actor,
  electionId: string,
  input: MovementInput,
): Promise<Result<BallotsView>> {
  const loaded = await loadPoll(ctx, actor, electionId, 'write');
  if (!loaded.ok) return loaded;
  const lp = loaded.value;
  const bad = positionFailure(lp, input.position);
  if (bad) return err(bad);
  if (input.kind !== 'received' && input.kind !== 'spoiledReplaced')
    return err(failures.invalid('kind', 'Loại ghi nhận không hợp lệ.'));
  if (!Number.isInteger(input.quantity) || input.quantity < 1)
    return err(failures.invalid('quantity', 'Hãy nhập một số nguyên dương.'));
  const db = ctx.store.db;
  if ((await repo.listSeals(db, electionId, lp.round)).some((s) => s.position === input.position))
    return err(failures.conflict('position', 'Phiếu của chức danh này đã được niêm phong.'));
  if (input.kind === 'spoiledReplaced') {
    const t = await tally(db, lp, input.position);
    if (input.quantity > t.unused)
      return err(failures.invalid('quantity', `Không đủ phiếu để đổi: chỉ còn ${t.unused} phiếu chưa phát.`));
  }
  await writeWithAudit(ctx, actor, async (trx) => {
    const row = {
      id: randomUUID(),
      election_id: electionId,
      round: lp.round,
      position: input.position,
      kind: input.kind,
      quantity: input.quantity,
      note: input.note?.normalize('NFC').trim() || null,
      at: ctx.now().toISOString(),
      recorded_by: actor.userId,
    };
    await repo.insertMovement(trx, row);
    return {
      value: undefined,
      audit: { action: `polling.ballots.${input.kind}`, entity: 'election', entityId: electionId, data: row },
    };
  });
  return getBallots(ctx, actor, electionId);
}

export type SealInput = contract.SealInput;

/** Counts and seals the unused ballots of a position after the poll closed, before the box opens. */
export async function sealUnusedBallots(
  ctx: ServiceContext,
  actor: Actor,
  electionId: string,
  input: SealInput,
): Promise<Result<BallotsView>> {
  const loaded = await loadPoll(ctx, actor, electionId, 'write');
  if (!loaded.ok) return loaded;
  const lp = loaded.value;
  const bad = positionFailure(lp, input.position);
  if (bad) return err(bad);
  const db = ctx.store.db;
  if (statusOf(await repo.listEvents(db, electionId, lp.round)) !== 'closed')
    return err(failures.conflict('state', 'Chỉ niêm phong phiếu không sử dụng sau khi kết thúc bỏ phiếu.'));
  const need = lp.pe.profile.witnesses.value.count;
  // Chosen from the roll, the witnesses are recorded for the count too; typed names print only here.
  const chosen = input.witnessIds?.length ? await checkWitnessChoice(db, lp, input.witnessIds) : null;
  if (chosen && !chosen.ok) return chosen;
  const witnesses = chosen
    ? chosen.value.map((w) => w.fullName)
    : (input.witnesses ?? []).map((w) => w.normalize('NFC').trim()).filter(Boolean);
  if (witnesses.length < Math.max(1, need))
    return err(
      failures.invalid(
        'witnesses',
        `Hãy chọn trong danh sách cử tri ${Math.max(1, need)} người chứng kiến (không phải người ứng cử).`,
      ),
    );
  const already = await countWitnesses(db, electionId, lp.round, input.position);
  if (chosen && already.length > 0)
    return err(
      failures.conflict('witnessIds', 'Người chứng kiến việc kiểm phiếu của chức danh này đã được ghi.'),
    );
  const t = await tally(db, lp, input.position);
  if (t.received === 0) return err(failures.invalid('position', 'Chưa ghi số phiếu Tổ bầu cử nhận được.'));
  if (t.unused < 0)
    return err(
      failures.invalid(
        'position',
        `Số phiếu phát ra và đổi (${t.issued + t.spoiled}) lớn hơn số phiếu nhận (${t.received}).`,
      ),
    );
  if (input.unusedCounted !== t.unused) {
    return err(
      failures.invalid(
        'unusedCounted',
        `Số phiếu không sử dụng đếm được (${input.unusedCounted}) khác số theo sổ (${t.received} nhận − ${t.issued} phát − ${t.spoiled} đổi = ${t.unused}): hãy đếm lại.`,
      ),
    );
  }
  if ((await repo.listSeals(db, electionId, lp.round)).some((s) => s.position === input.position))
    return err(failures.conflict('position', 'Phiếu của chức danh này đã được niêm phong.'));
  const row = {
    id: randomUUID(),
    election_id: electionId,
    round: lp.round,
    position: input.position,
    ...t,
    witnesses: JSON.stringify(witnesses),
    document_id: null,
    sealed_at: ctx.now().toISOString(),
    sealed_by: actor.userId,
  };
  try {
    await writeWithAudit(ctx, actor, async (trx) => {
      await repo.insertSeal(trx, row);
      if (chosen)
        await repo.insertCountWitnesses(trx, witnessRows(ctx, actor, lp, input.position, chosen.value));
      return {
        value: undefined,
        audit: { action: 'polling.seal', entity: 'election', entityId: electionId, data: row },
      };
    });
  } catch (e) {
    if (!repo.isUniqueViolation(e)) throw e;
    return err(failures.conflict('position', 'Phiếu của chức danh này đã được niêm phong.'));
  }
  if (canManageCommune(actor, lp.pe.place)) {
    const doc = await issueSealingRecord(ctx, actor, electionId, input.position);
    if (!doc.ok) return doc;
  }
  return getBallots(ctx, actor, electionId);
}

async function sealingDocumentId(db: Db, electionId: string, position: string, round: number) {
  const docs = await repo.sealingDocuments(db, electionId);
  const d = docs.find((x) => {
    const data = JSON.parse(x.data) as { position?: string; round?: number };
    return data.position === position && data.round === round;
  });
  return d?.id ?? null;
}

/** Issues the sealing record (biên bản niêm phong phiếu không sử dụng) through the registry. */
export async function issueSealingRecord(
  ctx: ServiceContext,
  actor: Actor,
  electionId: string,
  position: string,
): Promise<Result<DocumentInfo>> {
  const loaded = await loadPoll(ctx, actor, electionId, 'read');
  if (!loaded.ok) return loaded;
  const lp = loaded.value;
  if (!canManageCommune(actor, lp.pe.place))
    return err(failures.forbidden('ban hành biên bản niêm phong (do UBND cấp xã ban hành qua sổ văn bản)'));
  const db = ctx.store.db;
  const seal = (await repo.listSeals(db, electionId, lp.round)).find((s) => s.position === position);
  if (!seal)
    return err(failures.invalid('position', 'Phiếu không sử dụng của chức danh này chưa được niêm phong.'));
  const form = findForm('unused-ballots-record');
  if (!form) return err(failures.notFound('mẫu biên bản niêm phong'));
  const e = lp.pe.election;
  const commune = await territoryRepo.communeName(db, e.communeId);
  const team = await repo.teamWithoutWitnesses(db, electionId);
  const ROLE: Record<string, string> = { leader: 'Tổ trưởng', secretary: 'Thư ký', member: 'Thành viên' };
  const when = vnInstant(new Date(seal.sealed_at));
  const communeName = commune ?? '';
  const data: UnusedBallotsData = {
    head: {
      body: {
        parent: [`UBND ${communeName.toUpperCase()}`],
        lines: [`TỔ BẦU CỬ ${e.hamletName.toUpperCase()}`],
      },
      place: communeName,
      date: when.date,
    },
    election: `Bầu ${positionTitle(position, e.hamletKind)} ${hamletInText(e.hamletName)}, nhiệm kỳ ${e.termLabel}`,
    time: when.time,
    date: when.date,
    venue: e.venue ?? `Nhà văn hóa ${hamletInText(e.hamletName)}`,
    team: team.map((m) => ({ name: m.full_name, role: ROLE[m.role] ?? m.role })),
    witnesses: JSON.parse(seal.witnesses) as string[],
    received: seal.received,
    issued: seal.issued,
    spoiltExchanged: seal.spoiled,
    unused: seal.unused,
  };
  const fill = await formRenderer(ctx, e.communeId, form);
  return issueDocument(ctx, actor, {
    formId: form.id,
    title: `Biên bản niêm phong phiếu không sử dụng, ${data.election}`,
    issuerKey: `election:${electionId}:team`,
    symbol: null,
    date: when.date,
    communeId: e.communeId,
    hamletId: e.hamletId,
    electionId,
    data: { electionId, position, round: lp.round, ...data },
    replaces: null,
    render: (_number, stamp) => fill(data, stamp),
  });
}

/**
 * What opening the count of a position needs when the team recorded polling day here: the unused
 * ballots sealed, and the totals agreeing with the check-ins and the seal. Null when it may open.
 */
export async function countOpeningFailure(
  db: Db,
  electionId: string,
  round: number,
  position: string,
  totals: { voted: number; issued: number },
): Promise<Failure | null> {
  const attendance = await repo.listAttendance(db, electionId, round);
  if (attendance.length === 0) return null;
  const seal = (await repo.listSeals(db, electionId, round)).find((s) => s.position === position);
  if (!seal)
    return failures.conflict(
      'position',
      'Chưa niêm phong phiếu không sử dụng: phải kiểm đếm và niêm phong trước khi mở hòm phiếu.',
    );
  if (totals.voted !== attendance.length)
    return failures.invalid(
      'voted',
      `Số cử tri tham gia bỏ phiếu theo điểm danh là ${attendance.length}, không phải ${totals.voted}.`,
    );
  if (totals.issued !== seal.issued)
    return failures.invalid(
      'issued',
      `Số phiếu phát ra theo biên bản niêm phong là ${seal.issued}, không phải ${totals.issued}.`,
    );
  return null;
}
