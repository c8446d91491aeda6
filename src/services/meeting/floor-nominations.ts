/**
 * Nominations made at the meeting itself (ND59 Điều 3 khoản 5, Mẫu 05; Tây Ninh Điều 7 khoản 2 điểm
 * d–đ): after the Front committee's list is introduced, those present may stand or nominate another,
 * until the voting form is chosen. The nominee must agree there and meet the candidate's standards;
 * the nomination goes on the list the meeting votes on (last in ballot order) and into the minutes.
 * A profile whose parameter does not allow it refuses, naming the rule.
 */
import { randomUUID } from 'node:crypto';
import { err, ok } from '../../domain/result';
import type { Result } from '../../domain/result';
import { CONFIDENCE_VI, formatCitation } from '../../domain/rules';
import { preparationCandidates as repo } from '../../store';
import type { Db } from '../../store';
import type { Actor, ServiceContext } from '../common';
import { failures, ruleFailure, writeWithAudit } from '../common';
import { eligibilityOf, teamResidentIds } from '../candidates';
import type { PollingElection } from '../polling';
import type { FloorNominationInput, MeetingView as ContractView } from '../../contract/meeting';
import type { MeetingView } from './agenda';

export type { FloorNominationInput };

/** The rule and the nominations made at the meeting, for the meeting's view. */
export async function floorOf(db: Db, pe: PollingElection, open: boolean): Promise<ContractView['floor']> {
  const rule = pe.profile.floorNominations;
  // In the order they were put on the ballot, which is the order they were made.
  const rows = (await repo.listNominations(db, [pe.election.id]))
    .filter((n) => n.at_meeting === 1 && n.withdrawn === 0)
    .sort((a, b) => (a.ballot_order ?? 0) - (b.ballot_order ?? 0));
  const people = new Map(
    (
      await repo.getPeople(
        db,
        rows.map((r) => r.resident_id),
      )
    ).map((p) => [p.id, p]),
  );
  return {
    allowed: rule.value.allowed,
    open: rule.value.allowed && open,
    until: rule.value.until,
    citation: formatCitation(rule.citation),
    confidenceLabel: CONFIDENCE_VI[rule.confidence],
    nominations: rows.map((n) => ({
      id: n.id,
      name: people.get(n.resident_id)?.fullName ?? n.resident_id,
      position: n.position,
      nominatedBy: n.nominated_by,
      consent: n.consent === 1,
    })),
  };
}

/**
 * Records one nomination from the floor. `view` is the meeting as it stands (the agenda's order
 * decides whether the floor is open); the write and its audit event are one transaction.
 */
export async function recordFloorNomination(
  ctx: ServiceContext,
  actor: Actor,
  pe: PollingElection,
  view: MeetingView,
  input: FloorNominationInput,
): Promise<Result<string>> {
  const rule = pe.profile.floorNominations;
  const cited = formatCitation(rule.citation);
  if (!rule.value.allowed)
    return err(
      ruleFailure(
        'floor-nomination-closed',
        'floorNominations',
        rule.citation,
        `Bộ quy tắc ${pe.profile.id} không cho giới thiệu người ứng cử tại hội nghị (${cited}; ${CONFIDENCE_VI[rule.confidence]}): danh sách chính thức được lập trước ngày bầu.`,
      ),
    );
  if (!view.isMeeting)
    return err(failures.conflict('step', 'Cuộc bầu cử này không tổ chức tại cuộc họp cộng đồng dân cư.'));
  if (!view.adopted.opening)
    return err(
      failures.conflict(
        'step',
        'Hãy khai mạc, ghi số người có mặt đủ theo quy định và giới thiệu danh sách người ứng cử trước.',
      ),
    );
  if (rule.value.until === 'candidateList' && (view.adopted.candidateList || view.adopted.votingForm))
    return err(
      ruleFailure(
        'floor-nomination-closed',
        'floorNominations',
        rule.citation,
        `Hội nghị đã biểu quyết thông qua số lượng và danh sách người ứng cử do Tổ bầu cử ấn định: không giới thiệu thêm người ứng cử (${cited}).`,
      ),
    );
  if (view.adopted.votingForm)
    return err(
      ruleFailure(
        'floor-nomination-closed',
        'floorNominations',
        rule.citation,
        `Cuộc họp đã biểu quyết hình thức bầu: chỉ giới thiệu người ứng cử tại cuộc họp sau khi giới thiệu danh sách và trước khi biểu quyết hình thức bầu (${cited}).`,
      ),
    );
  if (input.consent !== true)
    return err(
      failures.invalid(
        'consent',
        'Người được giới thiệu phải đồng ý ứng cử tại cuộc họp thì mới ghi vào danh sách.',
      ),
    );
  const by = (input.nominatedBy ?? '').normalize('NFC').trim();
  if (input.nominatedBy && by.length < 2)
    return err(
      failures.invalid('nominatedBy', 'Hãy ghi họ tên người giới thiệu (hoặc để trống khi tự ứng cử).'),
    );
  const db = ctx.store.db;
  const e = pe.election;
  const person = await repo.getPerson(db, input.residentId);
  if (!person || person.hamletId !== e.hamletId)
    return err(failures.notFound('người này trong danh sách nhân khẩu'));
  const position = input.position ?? e.position;
  if (!pe.profile.positions.value.includes(position as never))
    return err(failures.invalid('position', 'Chức danh không hợp lệ.'));
  const existing = (await repo.listNominations(db, [e.id])).filter(
    (n) => n.position === position && n.withdrawn === 0,
  );
  if (existing.some((n) => n.resident_id === person.id && n.official === 1))
    return err(failures.conflict('residentId', `${person.fullName} đã có trong danh sách người ứng cử.`));
  const verdict = eligibilityOf(
    pe.profile,
    person,
    e.hamletId,
    e.electionDate!,
    await teamResidentIds(db, e.id),
  );
  const refusal = verdict.refusals[0];
  if (!verdict.eligible && refusal)
    return err({
      code: refusal.code,
      field: 'residentId',
      message: `${person.fullName}: ${refusal.message}`,
      details: { rule: refusal.rule, citation: formatCitation(refusal.citation) },
    });
  const order = Math.max(0, ...existing.filter((n) => n.official === 1).map((n) => n.ballot_order ?? 0)) + 1;
  const id = randomUUID();
  const at = ctx.now().toISOString();
  await writeWithAudit(ctx, actor, async (trx) => {
    await repo.insertNomination(trx, {
      id,
      election_id: e.id,
      position,
      resident_id: person.id,
      source: by ? 'households' : 'self',
      nominated_on: e.electionDate!,
      education: '',
      occupation: '',
      eligibility: JSON.stringify(verdict),
      exception_reason: null,
      drafted: 1,
      approved: 1,
      official: 1,
      ballot_order: order,
      withdrawn: 0,
      created_at: at,
      at_meeting: 1,
      nominated_by: by || null,
      consent: 1,
    });
    return {
      value: undefined,
      audit: {
        action: 'meeting.floor-nomination',
        entity: 'election',
        entityId: e.id,
        data: {
          nominationId: id,
          residentId: person.id,
          position,
          nominatedBy: by || null,
          ballotOrder: order,
        },
      },
    };
  });
  return ok(id);
}
