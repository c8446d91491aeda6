/**
 * The two voters who witness the count of a position (ND59 Mẫu 02; Quảng Trị QĐ 01/2016 Điều 15
 * khoản 2 điểm d; Tây Ninh Điều 16 khoản 3 điểm d): chosen from the election's posted roll, not
 * candidates of the election, as many as the profile says. Recorded once per position and round,
 * at the sealing of the unused ballots or before the count closes; the count record lists them and
 * leaves them a place to sign. A resident chosen here is a person of the record, not a typed name.
 */
import { randomUUID } from 'node:crypto';
import { err, ok } from '../../domain/result';
import type { Result } from '../../domain/result';
import { formatCitation, positionSchema } from '../../domain/rules';
import {
  pollingDay as repo,
  preparationCandidates as candidatesRepo,
  preparationPlan as planRepo,
} from '../../store';
import type { Db } from '../../store';
import type { Actor } from '../common';
import type { ServiceContext } from '../common';
import { failures, ruleFailure, writeWithAudit } from '../common';
import type { LoadedPoll } from './session';
import { loadPoll } from './session';

export interface CountWitness {
  readonly residentId: string;
  readonly fullName: string;
}

/** The witnesses recorded for a position's count this round, in the order they were recorded. */
export async function countWitnesses(
  db: Db,
  electionId: string,
  round: number,
  position: string,
): Promise<CountWitness[]> {
  return (await repo.listCountWitnesses(db, electionId, round, position)).map((w) => ({
    residentId: w.resident_id,
    fullName: w.full_name,
  }));
}

/** The witnesses of a position's count in the election's current round, for the count page. */
export async function getCountWitnesses(
  ctx: ServiceContext,
  actor: Actor,
  electionId: string,
  position: string,
): Promise<Result<CountWitness[]>> {
  const loaded = await loadPoll(ctx, actor, electionId, 'read');
  if (!loaded.ok) return loaded;
  return ok(await countWitnesses(ctx.store.db, electionId, loaded.value.round, position));
}

/** Why the count of a paper vote cannot close for want of its witnesses, or null. */
export async function missingWitnessesFailure(
  db: Db,
  lp: Pick<LoadedPoll, 'pe' | 'round'>,
  position: string,
) {
  const need = lp.pe.profile.witnesses;
  const have = await countWitnesses(db, lp.pe.election.id, lp.round, position);
  if (have.length >= need.value.count) return null;
  return ruleFailure(
    'witness-count',
    'witnesses.count',
    need.citation,
    `Chưa kết thúc được kiểm phiếu: cần ${need.value.count} cử tri không phải người ứng cử chứng kiến việc kiểm phiếu, mới ghi ${have.length} người (${formatCitation(need.citation)}). Hãy chọn người chứng kiến trong danh sách cử tri.`,
    'witnesses',
  );
}

/**
 * The chosen residents checked against the rule: exactly the profile's number, each once, each on
 * the posted roll, none a candidate of the election. The first failing person is named with the rule.
 */
export async function checkWitnessChoice(
  db: Db,
  lp: LoadedPoll,
  residentIds: readonly string[],
): Promise<Result<CountWitness[]>> {
  const rule = lp.pe.profile.witnesses;
  const cite = formatCitation(rule.citation);
  if (residentIds.length !== rule.value.count || new Set(residentIds).size !== residentIds.length)
    return err(
      ruleFailure(
        'witness-count',
        'witnesses.count',
        rule.citation,
        `Cần đúng ${rule.value.count} người khác nhau chứng kiến việc kiểm phiếu (đã chọn ${new Set(residentIds).size}) (${cite}).`,
        'witnessIds',
      ),
    );
  const onRoll = new Map(lp.roll.entries.map((e) => [e.residentId, e.fullName]));
  // A candidate of any position elected with this one (head and deputy on the same day) is a candidate.
  const e = lp.pe.election;
  const together = e.roundId
    ? (await planRepo.listRoundElections(db, e.roundId))
        .filter((x) => x.hamletId === e.hamletId)
        .map((x) => x.id)
    : [];
  const nominees = new Set(
    (await candidatesRepo.listNominations(db, [...new Set([e.id, ...together])]))
      .filter((n) => n.withdrawn === 0)
      .map((n) => n.resident_id),
  );
  // The team counts; a witness watches it, so no member of the team witnesses its own count.
  const team = new Set(
    (await candidatesRepo.listTeam(db, lp.pe.election.id))
      .filter((m) => m.role !== 'witness' && m.resident_id)
      .map((m) => m.resident_id),
  );
  const out: CountWitness[] = [];
  for (const id of residentIds) {
    const name = onRoll.get(id);
    if (name === undefined)
      return err(
        ruleFailure(
          'witness-not-on-roll',
          'witnesses',
          rule.citation,
          `Người chứng kiến việc kiểm phiếu phải là cử tri có tên trong danh sách cử tri đã niêm yết; người được chọn không có tên trong danh sách (${cite}).`,
          'witnessIds',
        ),
      );
    if (rule.value.excludesCandidates && nominees.has(id))
      return err(
        ruleFailure(
          'witness-candidate',
          'witnesses.excludesCandidates',
          rule.citation,
          `${name} là người ứng cử nên không được chứng kiến việc kiểm phiếu (${cite}).`,
          'witnessIds',
        ),
      );
    if (team.has(id))
      return err(
        ruleFailure(
          'witness-on-team',
          'witnesses',
          rule.citation,
          `${name} là thành viên Tổ bầu cử, người kiểm phiếu, nên không chứng kiến việc kiểm phiếu: hãy mời cử tri khác có mặt (${cite}).`,
          'witnessIds',
        ),
      );
    out.push({ residentId: id, fullName: name });
  }
  return ok(out);
}

/** The rows that record the witnesses, for the caller's transaction. */
export function witnessRows(
  ctx: ServiceContext,
  actor: Actor,
  lp: LoadedPoll,
  position: string,
  witnesses: readonly CountWitness[],
) {
  return witnesses.map((w, n) => ({
    id: randomUUID(),
    election_id: lp.pe.election.id,
    round: lp.round,
    position,
    seq: n + 1,
    resident_id: w.residentId,
    full_name: w.fullName,
    recorded_at: ctx.now().toISOString(),
    recorded_by: actor.userId,
  }));
}

export interface WitnessInput {
  readonly position: string;
  readonly witnessIds: readonly string[];
}

/** Records the witnesses of a position's count this round (once: they are part of the record). */
export async function recordCountWitnesses(
  ctx: ServiceContext,
  actor: Actor,
  electionId: string,
  input: WitnessInput,
): Promise<Result<CountWitness[]>> {
  const loaded = await loadPoll(ctx, actor, electionId, 'write');
  if (!loaded.ok) return loaded;
  const lp = loaded.value;
  const p = positionSchema.safeParse(input.position);
  if (!p.success || !lp.pe.profile.positions.value.includes(p.data))
    return err(failures.invalid('position', 'Chức danh không hợp lệ.'));
  const db = ctx.store.db;
  if ((await countWitnesses(db, electionId, lp.round, input.position)).length > 0)
    return err(
      failures.conflict('witnessIds', 'Người chứng kiến việc kiểm phiếu của chức danh này đã được ghi.'),
    );
  const closed = await repo.closedCountOf(db, electionId, lp.round, input.position);
  if (closed) return err(failures.conflict('position', 'Việc kiểm phiếu của chức danh này đã kết thúc.'));
  const chosen = await checkWitnessChoice(db, lp, input.witnessIds);
  if (!chosen.ok) return chosen;
  const rows = witnessRows(ctx, actor, lp, input.position, chosen.value);
  try {
    await writeWithAudit(ctx, actor, async (trx) => {
      await repo.insertCountWitnesses(trx, rows);
      return {
        value: undefined,
        audit: {
          action: 'count.witnesses',
          entity: 'election',
          entityId: electionId,
          data: { position: input.position, round: lp.round, witnesses: chosen.value },
        },
      };
    });
  } catch (e) {
    if (!repo.isUniqueViolation(e)) throw e;
    return err(
      failures.conflict('witnessIds', 'Người chứng kiến việc kiểm phiếu của chức danh này đã được ghi.'),
    );
  }
  return ok(chosen.value);
}
