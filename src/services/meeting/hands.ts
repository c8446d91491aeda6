/**
 * The show-of-hands vote per candidate at a community meeting that chose it (ND59 Điều 3 khoản 5
 * điểm h): the reading of each candidate is checked against the number present, recorded on a
 * "hands" count of the position, and the count is closed so that the result comes from the same
 * rules engine as a paper count (threshold, tie-break, re-election or interim).
 */
import { err, ok } from '../../domain/result';
import type { Result } from '../../domain/result';
import { pollingCounts as countsRepo } from '../../store';
import type { Actor } from '../common';
import type { ServiceContext } from '../common';
import { closeCount } from '../count';
import type { CountResult } from '../count';
import { openCount } from '../count';
import { recordHands } from '../count';
import { failures } from '../common';
import { getMeeting } from './agenda';
import type { MeetingView } from './agenda';
import type { MeetingHandsInput } from '../../contract/meeting';

export type { MeetingHandsInput };

export interface MeetingHandsOutcome {
  readonly countId: string;
  readonly result: CountResult | null;
  readonly electionState: string | null;
}

function handsFailure(view: MeetingView, input: MeetingHandsInput) {
  if (!view.isMeeting)
    return failures.conflict('method', 'Cuộc bầu cử này không tổ chức tại cuộc họp cộng đồng dân cư.');
  if (view.method !== 'hands')
    return failures.conflict(
      'method',
      view.method === 'secret'
        ? 'Cuộc họp đã chọn bỏ phiếu kín: hãy kiểm phiếu ở trang Kiểm phiếu.'
        : 'Cuộc họp chưa biểu quyết chọn hình thức giơ tay.',
    );
  const pos = view.positions.find((p) => p.position === input.position);
  if (!pos) return failures.invalid('position', 'Chức danh này chưa có danh sách chính thức người ứng cử.');
  const present = view.present ?? 0;
  let sum = 0;
  for (const c of pos.candidates) {
    const n = input.votes[c.id];
    if (typeof n !== 'number' || !Number.isInteger(n) || n < 0)
      return failures.invalid(`votes.${c.id}`, `Hãy nhập số người giơ tay tán thành ${c.name}.`);
    if (n > present)
      return failures.invalid(
        `votes.${c.id}`,
        `Số người giơ tay tán thành ${c.name} (${n}) lớn hơn số người có mặt (${present}).`,
      );
    sum += n;
  }
  for (const id of Object.keys(input.votes))
    if (!pos.candidates.some((c) => c.id === id))
      return failures.invalid(`votes.${id}`, `Không có người ứng cử mã "${id}".`);
  // One seat: each person present raises a hand for at most one candidate.
  if (sum > present)
    return failures.invalid(
      'votes',
      `Tổng số người giơ tay cho các người ứng cử (${sum}) lớn hơn số người có mặt (${present}): mỗi người chỉ biểu quyết cho một người.`,
    );
  return null;
}

/** The open "hands" count of the position this round, opened from the meeting when there is none. */
async function handsCount(
  ctx: ServiceContext,
  actor: Actor,
  view: MeetingView,
  position: string,
): Promise<Result<string>> {
  const existing = (await countsRepo.listCounts(ctx.store.db, view.electionId)).find(
    (c) => c.position === position && c.round === view.round,
  );
  if (existing) {
    if (existing.method !== 'hands')
      return err(failures.conflict('position', 'Chức danh này đã được mở kiểm phiếu kín ở lần bầu này.'));
    return ok(existing.id);
  }
  const present = view.present ?? 0;
  const opened = await openCount(ctx, actor, view.electionId, {
    position,
    voted: present,
    issued: present,
    received: present,
    method: 'hands',
    doubleEntry: false,
  });
  return opened.ok ? ok(opened.value.id) : opened;
}

/** Records the show of hands for every candidate of a position and closes its count. */
export async function recordMeetingHands(
  ctx: ServiceContext,
  actor: Actor,
  electionId: string,
  input: MeetingHandsInput,
): Promise<Result<MeetingHandsOutcome>> {
  const view = await getMeeting(ctx, actor, electionId);
  if (!view.ok) return view;
  if (!view.value.canWrite) return err(failures.forbidden('ghi kết quả biểu quyết của cuộc họp này'));
  const bad = handsFailure(view.value, input);
  if (bad) return err(bad);
  const countId = await handsCount(ctx, actor, view.value, input.position);
  if (!countId.ok) return countId;
  const recorded = await recordHands(ctx, actor, countId.value, input.votes);
  if (!recorded.ok) return recorded;
  const closed = await closeCount(ctx, actor, countId.value);
  if (!closed.ok) return closed;
  return ok({
    countId: countId.value,
    result: closed.value.view.result,
    electionState: closed.value.electionState,
  });
}
