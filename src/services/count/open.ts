/**
 * Opening the count of one position: the official candidates in ballot order, the registered voters
 * of the posted roll, and the totals the team counted (voters who took part, ballots issued, papers
 * received). One count per position and round: head and deputy are counted on separate ballots.
 */
import { randomUUID } from 'node:crypto';
import type { CountCandidate } from '../../domain/count';
import { err, ok } from '../../domain/result';
import type { Result } from '../../domain/result';
import type { ElectionForm, Position, RuleProfile } from '../../domain/rules';
import { formatCitation, positionSchema } from '../../domain/rules';
import { pollingCounts as repo } from '../../store';
import type { Db } from '../../store';
import type { Actor } from '../common';
import type { ServiceContext } from '../common';
import { writeWithAudit } from '../common';
import { failures } from '../common';
import { positionTitle } from '../../domain/count/labels';
import { loadPollingElection } from '../polling';
import { countOpeningFailure } from '../polling';
import { postedRoll } from '../polling';
import { recordStep } from '../plan';
import { ruleFailure } from '../common';
import { vnToday } from '../common';
import type { OpenCountInput } from '../../contract/count';

export interface CandidateRecord extends CountCandidate {
  readonly id: string;
  readonly name: string;
  readonly birthDate: string;
  readonly residentId: string;
  readonly order: number;
}

export type { OpenCountInput };

/** The official candidates of a position in ballot order, with what the tie-break needs. */
export async function officialCandidates(
  db: Db,
  electionId: string,
  position: string,
): Promise<CandidateRecord[]> {
  const rows = await repo.officialNominations(db, electionId, position);
  return rows.map((r, i) => ({
    id: r.id,
    residentId: r.resident_id,
    name: r.full_name,
    birthDate: r.birth_date,
    order: r.ballot_order ?? i + 1,
  }));
}

const nonNegativeInt = (n: unknown): n is number => typeof n === 'number' && Number.isInteger(n) && n >= 0;

function ballotFormOf(
  profile: RuleProfile,
  wanted: OpenCountInput['ballotForm'],
): Result<'strikeOut' | 'agreeColumns'> {
  const allowed = profile.ballotForm.value;
  if (allowed === 'strikeOutOrAgreeColumns') return ok(wanted ?? 'strikeOut');
  if (wanted && wanted !== allowed) {
    return err(
      ruleFailure(
        'ballot-form',
        'ballotForm',
        profile.ballotForm.citation,
        `Bộ quy tắc ${profile.id} quy định mẫu phiếu "${allowed === 'strikeOut' ? 'gạch tên' : 'cột đồng ý / không đồng ý'}" (${formatCitation(profile.ballotForm.citation)}).`,
        'ballotForm',
      ),
    );
  }
  return ok(allowed);
}

function methodOf(
  profile: RuleProfile,
  form: ElectionForm,
  wanted: OpenCountInput['method'],
): Result<'papers' | 'hands'> {
  const method = wanted ?? 'papers';
  if (method === 'hands' && (form !== 'meeting' || !profile.ballotMethod.value.options.includes('hands'))) {
    return err(
      ruleFailure(
        'ballot-method',
        'ballotMethod',
        profile.ballotMethod.citation,
        `Bộ quy tắc ${profile.id} không cho biểu quyết giơ tay ở hình thức bầu này (${formatCitation(profile.ballotMethod.citation)}).`,
        'method',
      ),
    );
  }
  return ok(method);
}

function totalsFailure(input: OpenCountInput, registered: number) {
  for (const f of ['voted', 'issued', 'received'] as const) {
    if (!nonNegativeInt(input[f])) return failures.invalid(f, 'Hãy nhập một số nguyên không âm.');
  }
  if (input.voted > registered)
    return failures.invalid(
      'voted',
      `Số cử tri tham gia bỏ phiếu (${input.voted}) lớn hơn số cử tri trong danh sách đã niêm yết (${registered}).`,
    );
  if (input.received > input.issued)
    return failures.invalid(
      'received',
      `Số phiếu thu vào (${input.received}) lớn hơn số phiếu phát ra (${input.issued}).`,
    );
  if (input.received > input.voted)
    return failures.invalid(
      'received',
      `Số phiếu thu vào (${input.received}) lớn hơn số cử tri tham gia bỏ phiếu (${input.voted}): mỗi cử tri chỉ bỏ một phiếu cho một chức danh.`,
    );
  return null;
}

export async function openCount(
  ctx: ServiceContext,
  actor: Actor,
  electionId: string,
  input: OpenCountInput,
): Promise<Result<{ id: string }>> {
  const loaded = await loadPollingElection(ctx, actor, electionId, 'write');
  if (!loaded.ok) return loaded;
  const { election, profile } = loaded.value;
  const db = ctx.store.db;
  const parsed = positionSchema.safeParse(input.position);
  if (!parsed.success) return err(failures.invalid('position', 'Chức danh không hợp lệ.'));
  const position: Position = parsed.data;
  if (!profile.positions.value.includes(position)) {
    return err(
      ruleFailure(
        'position',
        'positions',
        profile.positions.citation,
        `Bộ quy tắc ${profile.id} không bầu chức danh này (${formatCitation(profile.positions.citation)}).`,
        'position',
      ),
    );
  }
  const candidates = await officialCandidates(db, electionId, position);
  if (candidates.length === 0) {
    return err(
      failures.invalid(
        'position',
        `Chưa có danh sách chính thức người ứng cử ${positionTitle(position, election.hamletKind)}: không thể mở kiểm phiếu.`,
      ),
    );
  }
  const roll = await postedRoll(db, electionId);
  if (!roll) {
    return err(
      failures.invalid('roll', 'Danh sách cử tri chưa được niêm yết: chưa có số cử tri để tính tỷ lệ.'),
    );
  }
  const bad = totalsFailure(input, roll.registered);
  if (bad) return err(bad);
  // A show of hands uses no ballot papers: nothing to seal, no box to open.
  const unsealed =
    input.method === 'hands'
      ? null
      : await countOpeningFailure(db, electionId, election.round, position, input);
  if (unsealed) return err(unsealed);
  const form = (election.form ?? profile.defaultPaperForm.value) as ElectionForm;
  const ballotForm = ballotFormOf(profile, input.ballotForm);
  if (!ballotForm.ok) return ballotForm;
  const method = methodOf(profile, form, input.method);
  if (!method.ok) return method;
  const seats = input.seats ?? 1;
  if (!Number.isInteger(seats) || seats < 1 || seats > candidates.length)
    return err(failures.invalid('seats', `Số người được bầu phải từ 1 đến ${candidates.length}.`));
  if (!['rollPosted', 'polling', 'counted'].includes(election.state)) {
    return err(
      failures.conflict(
        'state',
        'Chỉ kiểm phiếu khi cuộc bầu cử đang bỏ phiếu (danh sách cử tri đã niêm yết).',
      ),
    );
  }
  const existing = await repo.listCounts(db, electionId);
  if (existing.some((c) => c.position === position && c.round === election.round)) {
    return err(failures.conflict('position', 'Chức danh này đã được mở kiểm phiếu ở lần bầu này.'));
  }
  if (election.state === 'rollPosted') {
    const on = minDate(vnToday(ctx), election.electionDate);
    const step = await recordStep(ctx, actor, electionId, { to: 'polling', on });
    if (!step.ok) return step;
  }
  const id = randomUUID();
  await writeWithAudit(ctx, actor, async (trx) => {
    const row = {
      id,
      election_id: electionId,
      position,
      round: election.round,
      seats,
      form,
      method: method.value,
      ballot_form: ballotForm.value,
      candidates: JSON.stringify(candidates),
      registered: roll.registered,
      voted: input.voted,
      issued: input.issued,
      received: input.received,
      double_entry: input.doubleEntry === false ? 0 : 1,
      roll_snapshot_id: roll.snapshotId,
      opened_at: ctx.now().toISOString(),
      opened_by: actor.userId,
    };
    await repo.insertCount(trx, row);
    return { value: undefined, audit: { action: 'count.open', entity: 'count', entityId: id, data: row } };
  });
  return ok({ id });
}

/** Polling day is election day; recording it later (an offline laptop synced afterwards) keeps that date. */
export function minDate(a: string, b: string | null): string {
  return b !== null && b < a ? b : a;
}
