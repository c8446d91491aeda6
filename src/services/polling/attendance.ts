/**
 * Attendance on polling day: the team finds each voter (or household representative) on the posted
 * roll by roll number, by name without diacritics, or by the code of their voter card, and checks
 * them in once (the database refuses a second check-in). The mobile ballot box (hòm phiếu phụ) is
 * recorded with who carried it; the voters who used it are checked in against it.
 */
import type * as contract from '../../contract/polling';
import { vietnamTime } from '../../domain/calendar';
import { randomUUID } from 'node:crypto';
import { matchesSearch } from '../../domain/people';
import { err, ok } from '../../domain/result';
import type { Result } from '../../domain/result';
import type { ElectionForm } from '../../domain/rules';
import {
  describeThreshold,
  formatCitation,
  formatPercent,
  meetsThresholdOf,
  minimumVotes,
} from '../../domain/rules';
import { pollingDay as repo } from '../../store';
import type { Actor } from '../common';
import type { ServiceContext } from '../common';
import { writeWithAudit } from '../common';
import { failures, ruleFailure } from '../common';
import type { RollEntry } from './roll-entries';
import type { LoadedPoll } from './session';
import { castingFailure, ensureOpen, loadPoll } from './session';

/** The code printed on (or scanned from) a voter card: the election's short id and the roll number. */
export function voterCardCode(electionId: string, rollNumber: number): string {
  return `${electionId.replace(/-/g, '').slice(0, 6).toUpperCase()}-${rollNumber}`;
}

function entryByCard(lp: LoadedPoll, code: string): RollEntry | undefined {
  const c = code.trim().toUpperCase();
  return lp.roll.entries.find(
    (e) => voterCardCode(lp.pe.election.id, e.rollNumber) === c || e.residentId.toUpperCase() === c,
  );
}

export interface VoterView extends RollEntry {
  readonly voted: boolean;
  readonly checkedInAt: string | null;
  readonly mobileBox: number | null;
  readonly cardCode: string;
}

function viewOf(
  lp: LoadedPoll,
  e: RollEntry,
  byResident: Map<string, repo.AttendanceRow>,
  boxNo: Map<string, number>,
): VoterView {
  const a = byResident.get(e.residentId);
  return {
    ...e,
    voted: a !== undefined,
    checkedInAt: a?.checked_in_at ?? null,
    mobileBox: a?.mobile_box_id ? (boxNo.get(a.mobile_box_id) ?? null) : null,
    cardCode: voterCardCode(lp.pe.election.id, e.rollNumber),
  };
}

async function attendanceMaps(ctx: ServiceContext, lp: LoadedPoll) {
  const rows = await repo.listAttendance(ctx.store.db, lp.pe.election.id, lp.round);
  const boxes = await repo.listMobileBoxes(ctx.store.db, lp.pe.election.id, lp.round);
  return {
    rows,
    byResident: new Map(rows.map((r) => [r.resident_id, r])),
    boxNo: new Map(boxes.map((b) => [b.id, b.number])),
    boxes,
  };
}

/** Voters matching a query: a roll number, a card code, or part of a name (diacritics ignored). */
export async function findVoters(
  ctx: ServiceContext,
  actor: Actor,
  electionId: string,
  query: string,
  limit = 20,
): Promise<Result<VoterView[]>> {
  const lp = await loadPoll(ctx, actor, electionId, 'read');
  if (!lp.ok) return lp;
  const q = (query ?? '').normalize('NFC').trim();
  if (q === '') return ok([]);
  const { byResident, boxNo } = await attendanceMaps(ctx, lp.value);
  const byNumber = /^\d+$/.test(q) ? lp.value.roll.entries.filter((e) => e.rollNumber === Number(q)) : [];
  const card = entryByCard(lp.value, q);
  const found =
    byNumber.length > 0
      ? byNumber
      : card
        ? [card]
        : lp.value.roll.entries.filter((e) => matchesSearch(e.fullName, q));
  return ok(
    found.slice(0, Math.max(1, Math.min(limit, 100))).map((e) => viewOf(lp.value, e, byResident, boxNo)),
  );
}

export type CheckInInput = contract.CheckInInput;

/** Checks a voter in: exactly one roll entry must match; a second check-in of one person is refused. */
export async function checkIn(
  ctx: ServiceContext,
  actor: Actor,
  electionId: string,
  input: CheckInInput,
): Promise<Result<VoterView>> {
  const loaded = await loadPoll(ctx, actor, electionId, 'write');
  if (!loaded.ok) return loaded;
  const lp = loaded.value;
  let found: RollEntry[];
  let foundBy: 'number' | 'name' | 'card';
  if (input.rollNumber !== undefined) {
    if (!Number.isInteger(input.rollNumber))
      return err(failures.invalid('rollNumber', 'Số thứ tự không hợp lệ.'));
    found = lp.roll.entries.filter((e) => e.rollNumber === input.rollNumber);
    foundBy = 'number';
  } else if (input.cardCode?.trim()) {
    const e = entryByCard(lp, input.cardCode);
    found = e ? [e] : [];
    foundBy = 'card';
  } else if (input.name?.trim()) {
    found = lp.roll.entries.filter((e) => matchesSearch(e.fullName, input.name as string));
    foundBy = 'name';
  } else {
    return err(failures.invalid('query', 'Hãy nhập số thứ tự, họ tên hoặc mã thẻ cử tri.'));
  }
  if (found.length === 0) return err(failures.notFound('cử tri này trong danh sách cử tri đã niêm yết'));
  if (found.length > 1) {
    return err(
      failures.invalid('name', `Có ${found.length} cử tri khớp: hãy chọn theo số thứ tự trong danh sách.`),
    );
  }
  const entry = found[0]!;
  const { byResident, boxNo, boxes } = await attendanceMaps(ctx, lp);
  const already = byResident.get(entry.residentId);
  if (already) return err(doubleCheckIn(entry, already));
  if (input.mobileBoxId && !boxes.some((b) => b.id === input.mobileBoxId))
    return err(failures.notFound('hòm phiếu phụ này'));
  const refused = await castingFailure(ctx, lp);
  if (refused) return err(refused);
  const opened = await ensureOpen(ctx, actor, lp);
  if (!opened.ok) return opened;
  const row = {
    id: randomUUID(),
    election_id: electionId,
    round: lp.round,
    roll_snapshot_id: lp.roll.snapshotId,
    roll_number: entry.rollNumber,
    resident_id: entry.residentId,
    full_name: entry.fullName,
    resident_group: entry.residentGroup,
    found_by: foundBy,
    mobile_box_id: input.mobileBoxId ?? null,
    checked_in_at: ctx.now().toISOString(),
    checked_in_by: actor.userId,
  };
  try {
    await writeWithAudit(ctx, actor, async (db) => {
      await repo.insertAttendance(db, row);
      return {
        value: undefined,
        audit: { action: 'polling.checkIn', entity: 'election', entityId: electionId, data: row },
      };
    });
  } catch (e) {
    // Two team members checked the same person in at the same moment: the database kept one.
    if (!repo.isUniqueViolation(e)) throw e;
    const again = (await attendanceMaps(ctx, lp)).byResident.get(entry.residentId);
    return err(
      again ? doubleCheckIn(entry, again) : failures.conflict('rollNumber', 'Cử tri này đã bỏ phiếu.'),
    );
  }
  byResident.set(entry.residentId, row);
  return ok(viewOf(lp, entry, byResident, boxNo));
}

function doubleCheckIn(entry: RollEntry, a: repo.AttendanceRow) {
  const t = vietnamTime(a.checked_in_at);
  return failures.conflict(
    'rollNumber',
    `${entry.fullName} (số ${entry.rollNumber}) đã bỏ phiếu lúc ${t}: mỗi cử tri chỉ bỏ phiếu một lần.`,
  );
}

export type MobileBoxInput = contract.MobileBoxInput;

/** The mobile ballot box leaves for the sick and elderly, carried by (at least) two team members. */
export async function sendMobileBox(
  ctx: ServiceContext,
  actor: Actor,
  electionId: string,
  input: MobileBoxInput,
): Promise<Result<{ id: string; number: number }>> {
  const loaded = await loadPoll(ctx, actor, electionId, 'write');
  if (!loaded.ok) return loaded;
  const lp = loaded.value;
  const voter = lp.pe.profile.voter;
  if (!voter.value.mobileBox)
    return err(
      ruleFailure(
        'rule-refused',
        'voter.mobileBox',
        voter.citation,
        `Quy định áp dụng cho cuộc bầu cử này không có hòm phiếu phụ (${formatCitation(voter.citation)}): cử tri đến bỏ phiếu trực tiếp tại nơi bỏ phiếu.`,
      ),
    );
  const names = (input.carriedBy ?? []).map((n) => n.normalize('NFC').trim()).filter(Boolean);
  if (names.length === 0)
    return err(failures.invalid('carriedBy', 'Hãy ghi họ tên thành viên Tổ bầu cử mang hòm phiếu phụ.'));
  const refused = await castingFailure(ctx, lp);
  if (refused) return err(refused);
  const opened = await ensureOpen(ctx, actor, lp);
  if (!opened.ok) return opened;
  const id = randomUUID();
  const number = await writeWithAudit(ctx, actor, async (db) => {
    const n = (await repo.listMobileBoxes(db, electionId, lp.round)).length + 1;
    const row = {
      id,
      election_id: electionId,
      round: lp.round,
      number: n,
      carried_by: JSON.stringify(names),
      note: input.note?.normalize('NFC').trim() || null,
      left_at: ctx.now().toISOString(),
      recorded_by: actor.userId,
    };
    await repo.insertMobileBox(db, row);
    return {
      value: n,
      audit: { action: 'polling.mobileBox', entity: 'election', entityId: electionId, data: row },
    };
  });
  return ok({ id, number });
}

export interface GroupTurnout {
  readonly group: string | null;
  readonly registered: number;
  readonly voted: number;
  readonly percent: string;
}

export interface Turnout {
  readonly electionId: string;
  readonly hamletName: string;
  readonly registered: number;
  readonly voted: number;
  readonly percent: string;
  readonly groups: GroupTurnout[];
  /** The profile's minimum turnout for this form of election, or null when it sets none. */
  readonly quorum: { needed: number; met: boolean; rule: string; citation: string } | null;
  readonly allVoted: boolean;
  readonly mobileBox: { readonly allowed: boolean; readonly citation: string };
  readonly mobileBoxes: {
    id: string;
    number: number;
    carriedBy: string[];
    leftAt: string;
    voters: { rollNumber: number; fullName: string }[];
  }[];
  readonly at: string;
}

/** Live turnout per residents' group and in total against the posted roll, with the quorum. */
export async function getTurnout(
  ctx: ServiceContext,
  actor: Actor,
  electionId: string,
): Promise<Result<Turnout>> {
  const loaded = await loadPoll(ctx, actor, electionId, 'read');
  if (!loaded.ok) return loaded;
  const lp = loaded.value;
  const { rows, byResident, boxes } = await attendanceMaps(ctx, lp);
  const groups = new Map<string | null, { registered: number; voted: number }>();
  for (const e of lp.roll.entries) {
    const g = groups.get(e.residentGroup) ?? { registered: 0, voted: 0 };
    g.registered++;
    if (byResident.has(e.residentId)) g.voted++;
    groups.set(e.residentGroup, g);
  }
  const registered = lp.roll.registered;
  const voted = rows.length;
  const profile = lp.pe.profile;
  const form = (lp.pe.election.form ?? profile.defaultPaperForm.value) as ElectionForm;
  const t = profile.turnoutMinimum.value[form];
  const bases = { registered, participated: voted, present: voted, valid: voted };
  return ok({
    electionId,
    hamletName: lp.pe.election.hamletName,
    registered,
    voted,
    percent: formatPercent(voted, registered),
    groups: [...groups.entries()].map(([group, g]) => ({
      group,
      ...g,
      percent: formatPercent(g.voted, g.registered),
    })),
    quorum: t
      ? {
          needed: minimumVotes(bases[t.base], t),
          met: meetsThresholdOf(voted, bases, t),
          rule: describeThreshold(t),
          citation: formatCitation(profile.turnoutMinimum.citation),
        }
      : null,
    allVoted: voted >= registered,
    mobileBox: { allowed: profile.voter.value.mobileBox, citation: formatCitation(profile.voter.citation) },
    mobileBoxes: boxes.map((b) => ({
      id: b.id,
      number: b.number,
      carriedBy: JSON.parse(b.carried_by) as string[],
      leftAt: b.left_at,
      voters: rows
        .filter((r) => r.mobile_box_id === b.id)
        .map((r) => ({ rollNumber: r.roll_number, fullName: r.full_name })),
    })),
    at: ctx.now().toISOString(),
  });
}
