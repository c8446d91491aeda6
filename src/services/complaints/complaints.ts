/**
 * Complaints about candidates and about the roll: received, handled, closed, against the deadlines of
 * the profile's timeline (Tây Ninh Điều 15 k2 and k4: D-6 and D-2). A complaint received after its
 * deadline, or still open when it passes, is queued for after the election (Điều 15 k5).
 */
import { randomUUID } from 'node:crypto';
import type * as contract from '../../contract/complaints';
import type { CivilDate } from '../../domain/calendar';
import { formatVietnamese } from '../../domain/calendar';
import { err, ok } from '../../domain/result';
import type { Result } from '../../domain/result';
import { formatCitation } from '../../domain/rules';
import { preparationCandidates as repo } from '../../store';
import type { Actor } from '../common';
import type { ServiceContext } from '../common';
import { writeWithAudit } from '../common';
import { failures } from '../common';
import type { ElectionContext } from '../common';
import { isCivil } from '../common';
import { loadElection, stepOf } from '../common';
import { ruleFailure } from '../common';

export type ComplaintSubject = 'candidate' | 'roll';
export type ComplaintStatus = 'received' | 'handled' | 'closed' | 'queued';

const STEP_OF_SUBJECT: Readonly<Record<ComplaintSubject, string>> = {
  candidate: 'candidate-complaints',
  roll: 'voter-complaints',
};

export const STATUS_NAMES_VI: Readonly<Record<ComplaintStatus, string>> = {
  received: 'Đã tiếp nhận',
  handled: 'Đã giải quyết',
  closed: 'Đã kết thúc',
  queued: 'Giải quyết sau bầu cử',
};

export interface ComplaintView {
  readonly id: string;
  readonly subject: ComplaintSubject;
  readonly nominationId: string | null;
  readonly complainant: string;
  readonly content: string;
  readonly receivedOn: CivilDate;
  readonly due: CivilDate | null;
  readonly dueCitation: string | null;
  readonly status: ComplaintStatus;
  readonly statusLabel: string;
  readonly resolution: string | null;
  readonly resolvedOn: CivilDate | null;
}

function deadline(ec: ElectionContext, subject: ComplaintSubject) {
  return stepOf(ec.timeline, STEP_OF_SUBJECT[subject]);
}

function view(ec: ElectionContext, c: repo.ComplaintRow): ComplaintView {
  const step = deadline(ec, c.subject as ComplaintSubject);
  return {
    id: c.id,
    subject: c.subject as ComplaintSubject,
    nominationId: c.nomination_id,
    complainant: c.complainant,
    content: c.content,
    receivedOn: c.received_on,
    due: c.due,
    dueCitation: step ? formatCitation(step.citation) : null,
    status: c.status as ComplaintStatus,
    statusLabel: STATUS_NAMES_VI[c.status as ComplaintStatus] ?? c.status,
    resolution: c.resolution,
    resolvedOn: c.resolved_on,
  };
}

export type ComplaintInput = contract.ComplaintInput;

export async function fileComplaint(
  ctx: ServiceContext,
  actor: Actor,
  electionId: string,
  input: ComplaintInput,
): Promise<Result<ComplaintView>> {
  const loaded = await loadElection(ctx, actor, electionId, 'write');
  if (!loaded.ok) return loaded;
  const ec = loaded.value;
  if (input.subject !== 'candidate' && input.subject !== 'roll')
    return err(failures.invalid('subject', 'Khiếu nại về người ứng cử hoặc về danh sách cử tri.'));
  if (!isCivil(input.receivedOn)) return err(failures.invalid('receivedOn', 'Ngày nhận không hợp lệ.'));
  if (!input.complainant?.trim())
    return err(failures.invalid('complainant', 'Hãy ghi họ tên người khiếu nại.'));
  if (!input.content?.trim()) return err(failures.invalid('content', 'Hãy ghi nội dung khiếu nại.'));
  if (input.nominationId) {
    const n = await repo.getNomination(ctx.store.db, input.nominationId);
    if (!n || n.election_id !== electionId) return err(failures.notFound('người ứng cử này'));
  }
  const step = deadline(ec, input.subject);
  const late = step !== undefined && input.receivedOn > step.due;
  const id = randomUUID();
  const row: repo.ComplaintRow = {
    id,
    election_id: electionId,
    subject: input.subject,
    nomination_id: input.nominationId ?? null,
    complainant: input.complainant.normalize('NFC').trim(),
    content: input.content.normalize('NFC').trim(),
    received_on: input.receivedOn,
    due: step?.due ?? null,
    status: late ? 'queued' : 'received',
    resolution: null,
    resolved_on: null,
    created_at: ctx.now().toISOString(),
  };
  await writeWithAudit(ctx, actor, async (db) => {
    await repo.insertComplaint(db, row);
    return {
      value: undefined,
      audit: { action: 'complaint.file', entity: 'complaint', entityId: id, data: row },
    };
  });
  return ok(view(ec, row));
}

export async function resolveComplaint(
  ctx: ServiceContext,
  actor: Actor,
  complaintId: string,
  input: contract.Resolution,
): Promise<Result<ComplaintView>> {
  const c = await repo.getComplaint(ctx.store.db, complaintId);
  if (!c) return err(failures.notFound('khiếu nại này'));
  const loaded = await loadElection(ctx, actor, c.election_id, 'write');
  if (!loaded.ok) return loaded;
  const ec = loaded.value;
  if (input.status !== 'handled' && input.status !== 'closed')
    return err(failures.invalid('status', 'Trạng thái: đã giải quyết hoặc đã kết thúc.'));
  if (!isCivil(input.on) || input.on < c.received_on)
    return err(failures.invalid('on', 'Ngày giải quyết không hợp lệ (không trước ngày nhận).'));
  if (!input.resolution?.trim()) return err(failures.invalid('resolution', 'Hãy ghi kết quả giải quyết.'));
  if (c.status === 'closed') return err(failures.conflict('status', 'Khiếu nại đã kết thúc.'));
  const election = ec.election.electionDate!;
  // A queued complaint is dealt with after election day; an open one only until its deadline.
  if (c.status === 'queued' && input.on <= election) {
    const step = deadline(ec, c.subject as ComplaintSubject)!;
    return err(
      ruleFailure(
        'complaint-queued',
        `timeline.${step.id}`,
        step.citation,
        `Khiếu nại nhận sau thời hạn (${formatVietnamese(step.due)}) được giải quyết sau ngày bầu cử ${formatVietnamese(election)} (${formatCitation(step.citation)}).`,
        'on',
      ),
    );
  }
  if (c.status !== 'queued' && c.due !== null && input.on > c.due) {
    const step = deadline(ec, c.subject as ComplaintSubject)!;
    return err(
      ruleFailure(
        'complaint-deadline-passed',
        `timeline.${step.id}`,
        step.citation,
        `Việc giải quyết khiếu nại phải kết thúc chậm nhất ngày ${formatVietnamese(c.due)} (${formatCitation(step.citation)}); khiếu nại này chuyển sang giải quyết sau bầu cử.`,
        'on',
      ),
    );
  }
  const set = {
    status: input.status,
    resolution: input.resolution.normalize('NFC').trim(),
    resolved_on: input.on,
  };
  await writeWithAudit(ctx, actor, async (db) => {
    await repo.updateComplaint(db, complaintId, set);
    return {
      value: undefined,
      audit: { action: 'complaint.resolve', entity: 'complaint', entityId: complaintId, data: set },
    };
  });
  return ok(view(ec, { ...c, ...set }));
}

/** Lists complaints; open ones whose deadline has passed are shown as queued for after the election. */
export async function listComplaints(
  ctx: ServiceContext,
  actor: Actor,
  electionId: string,
  today?: CivilDate,
): Promise<Result<ComplaintView[]>> {
  const loaded = await loadElection(ctx, actor, electionId, 'read');
  if (!loaded.ok) return loaded;
  const rows = await repo.listComplaints(ctx.store.db, electionId);
  return ok(
    rows.map((c) => {
      const v = view(loaded.value, c);
      const overdue = today !== undefined && v.status === 'received' && v.due !== null && today > v.due;
      return overdue ? { ...v, status: 'queued' as const, statusLabel: STATUS_NAMES_VI.queued } : v;
    }),
  );
}
