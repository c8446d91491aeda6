/**
 * The commune's answer to a reported election: the inbox of reports awaiting a decision, with the
 * recognition deadline in working days (official days off counted) from the day the report was
 * received, and one of three decisions: recognise the person elected (who takes office on that day,
 * not before), order a re-election within the profile's window, or reply in writing with reasons.
 */
import { randomUUID } from 'node:crypto';
import type { CivilDate } from '../../domain/calendar';
import { formatVietnamese, isCivilDate, vietnamDate, workingDaysLeft } from '../../domain/calendar';
import type { OutcomeKind } from '../../domain/count';
import {
  electionPlace,
  groupInText,
  recognitionDue,
  rerunDeadline,
  titleBeforePlace,
} from '../../domain/election';
import { err, ok } from '../../domain/result';
import type { Result } from '../../domain/result';
import type { RuleProfile } from '../../domain/rules';
import { decisionBeforeRule, formatCitation, getProfile } from '../../domain/rules';
import { positionTitle } from '../../domain/count/labels';
import { office as repo, pollingCounts as countsRepo, preparationPlan as planRepo } from '../../store';
import type { Db } from '../../store';
import type { DecisionInput, RecognitionDecision } from '../../contract/office';
import type { Actor } from '../common';
import type { ServiceContext } from '../common';
import { writeWithAudit } from '../common';
import type { DocumentInfo } from '../documents';
import { failures } from '../common';
import {
  authorityLine,
  canDecide,
  chairOf,
  chosenTermMonths,
  clean,
  communeIssue,
  headTitle,
  inText,
  isPosition,
  issueForm,
  legalBasesOf,
  loadCommune,
  loadHamlet,
  personFor,
  termEndOf,
  vnToday,
} from '../decisions';
import { endCurrent, termRow } from './register';
import { advanceLifecycle } from '../plan';
import * as counting from '../count';
import { loadElection } from '../common';
import { ruleFailure } from '../common';

export interface CountOutcome {
  readonly countId: string;
  /** Null when the papers no longer give a result (see `mismatch`). */
  readonly kind: OutcomeKind | null;
  readonly conclusion: string;
  readonly registered: number;
  readonly elected: { residentId: string; name: string; votes: number }[];
  /** How the stored result differs from the papers; null when it does not. */
  readonly mismatch: counting.ResultMismatch | null;
}

export interface InboxItem {
  readonly electionId: string;
  readonly hamletId: string;
  readonly hamletName: string;
  readonly positionTitle: string;
  /** The residents' self-managed group whose officer the election chose; null for the hamlet's. */
  readonly groupName: string | null;
  readonly termLabel: string;
  readonly round: number;
  readonly electionDate: CivilDate | null;
  readonly profileId: string;
  readonly receivedOn: CivilDate | null;
  readonly due: CivilDate | null;
  /** Working days left until the due date (negative when late). */
  readonly workingDaysLeft: number | null;
  readonly late: boolean;
  readonly citation: string;
  readonly rerunBy: CivilDate | null;
  readonly outcome: CountOutcome | null;
  readonly replies: number;
}

export interface Inbox {
  readonly communeId: string;
  readonly communeName: string;
  readonly today: CivilDate;
  readonly items: InboxItem[];
  readonly canDecide: boolean;
}

/** What the election being decided on needs to recompute its head count. */
export interface CountedElection {
  readonly id: string;
  readonly round: number;
  readonly hamletName: string;
  readonly hamletKind: string;
  readonly termLabel: string;
  /** The position the election is held for; the count of that position is read (default head). */
  readonly position?: string;
  /** A residents' self-managed group's election: its conclusion names the group. */
  readonly groupName?: string | null;
}

/**
 * The closed count of the election's position for its current round, if the count was kept here, with
 * the result recomputed from its papers: the stored copy decides nothing, and when it differs the
 * outcome says so (`mismatch`) and recognition is refused.
 */
export async function countOutcome(
  db: Db,
  election: CountedElection,
  profile: RuleProfile,
): Promise<CountOutcome | null> {
  const counts = await countsRepo.listCounts(db, election.id);
  const position = election.position ?? 'head';
  const c = counts.find((x) => x.position === position && x.round === election.round);
  if (!c) return null;
  const check = await counting.checkCount(db, c, profile, election);
  if (!check) return null;
  const cands = JSON.parse(c.candidates) as { id: string; name: string; residentId: string }[];
  const result = check.result;
  return {
    countId: c.id,
    kind: result?.outcome ?? null,
    conclusion: result?.conclusion ?? '',
    registered: result?.registered ?? c.registered,
    elected: (result?.elected ?? []).map((id) => {
      const cand = cands.find((x) => x.id === id);
      const votes = result?.candidates.find((x) => x.id === id)?.votes ?? 0;
      return { residentId: cand?.residentId ?? '', name: cand?.name ?? id, votes };
    }),
    mismatch: check.mismatch,
  };
}

/** The day the election team's report reached the commune: the recorded "reported" step. */
async function receivedOn(db: Db, electionId: string): Promise<CivilDate | null> {
  const history = await planRepo.listStateChanges(db, electionId);
  return [...history].reverse().find((h) => h.to_state === 'reported')?.on_date ?? null;
}

export async function recognitionInbox(
  ctx: ServiceContext,
  actor: Actor,
  communeId: string,
): Promise<Result<Inbox>> {
  const c = await loadCommune(ctx, actor, communeId, 'read');
  if (!c.ok) return c;
  const db = ctx.store.db;
  const today = vnToday(ctx);
  const rows = await repo.electionsInState(db, communeId, ['reported']);
  const items: InboxItem[] = [];
  for (const e of rows) {
    const p = getProfile(e.profileId);
    if (!p.ok) continue;
    const received = await receivedOn(db, e.id);
    const due = received ? recognitionDue(p.value, received) : null;
    const decisions = await repo.listDecisionsOfElection(db, e.id);
    items.push({
      electionId: e.id,
      hamletId: e.hamletId,
      hamletName: e.hamletName,
      positionTitle:
        e.position === 'head'
          ? headTitle(e.hamletKind)
          : titleBeforePlace(e.position, positionTitle(e.position, e.hamletKind), e.groupName),
      groupName: e.groupName ? groupInText(e.groupName) : null,
      termLabel: e.termLabel,
      round: e.round,
      electionDate: e.electionDate,
      profileId: e.profileId,
      receivedOn: received,
      due,
      workingDaysLeft: due ? workingDaysLeft(today, due) : null,
      late: due !== null && today > due,
      citation: formatCitation(p.value.recognition.citation),
      rerunBy: e.electionDate ? rerunDeadline(p.value, e.electionDate) : null,
      outcome: await countOutcome(db, e, p.value),
      replies: decisions.filter((d) => d.kind === 'reply').length,
    });
  }
  items.sort((a, b) => (a.due ?? '9999').localeCompare(b.due ?? '9999'));
  return ok({
    communeId,
    communeName: c.value.communeName,
    today,
    items,
    canDecide: canDecide(actor, c.value.place),
  });
}

export type { DecisionInput, RecognitionDecision } from '../../contract/office';

export interface DecisionOutcome {
  readonly decisionId: string;
  readonly kind: RecognitionDecision;
  readonly due: CivilDate | null;
  readonly late: boolean;
  readonly document: DocumentInfo | null;
  readonly termId: string | null;
  readonly electionState: string;
}

interface Loaded {
  readonly e: planRepo.PlannedElectionRow;
  readonly profile: RuleProfile;
  readonly received: CivilDate | null;
  readonly due: CivilDate | null;
}

async function load(ctx: ServiceContext, actor: Actor, electionId: string): Promise<Result<Loaded>> {
  const el = await loadElection(ctx, actor, electionId, 'read');
  if (!el.ok) return el;
  const h = await loadHamlet(ctx, actor, el.value.election.hamletId, 'decide');
  if (!h.ok) return h;
  const received = await receivedOn(ctx.store.db, electionId);
  const due = received ? recognitionDue(el.value.profile, received) : null;
  return ok({ e: el.value.election, profile: el.value.profile, received, due });
}

/** The title of the position decided on: the head's by the hamlet's kind, a group officer's, a deputy's. */
const titleOf = (e: planRepo.PlannedElectionRow) =>
  e.position === 'head'
    ? headTitle(e.hamletKind)
    : titleBeforePlace(e.position, positionTitle(e.position, e.hamletKind), e.groupName);

/** Whose election, in running text: "ấp Thạnh Hòa", "Tổ nhân dân tự quản số 3, ấp Thạnh Hòa". */
const placeOf = (e: planRepo.PlannedElectionRow) => inText(electionPlace(e.hamletName, e.groupName));

function reportRef(l: Loaded): string {
  return `Xét Báo cáo kết quả bầu ${titleOf(l.e)} ${placeOf(l.e)}, nhiệm kỳ ${l.e.termLabel} của Tổ bầu cử${l.received ? ` (nhận ngày ${formatVietnamese(l.received)})` : ''}.`;
}

const reasonsOf = (input: DecisionInput) =>
  (input.reasons ?? []).map((r) => clean(r)).filter((r) => r.length > 0);

export async function decideRecognition(
  ctx: ServiceContext,
  actor: Actor,
  electionId: string,
  input: DecisionInput,
): Promise<Result<DecisionOutcome>> {
  const loaded = await load(ctx, actor, electionId);
  if (!loaded.ok) return loaded;
  const l = loaded.value;
  if (l.e.state !== 'reported')
    return err(
      failures.conflict(
        'state',
        'Cuộc bầu cử này không còn chờ UBND cấp xã quyết định (chưa báo cáo kết quả hoặc đã quyết định).',
      ),
    );
  if (!isCivilDate(input.on)) return err(failures.invalid('on', 'Ngày quyết định không hợp lệ.'));
  const tooEarly = decisionBeforeRule(l.profile, input.on);
  if (tooEarly) return err(tooEarly);
  if (l.received && input.on < l.received)
    return err(
      failures.invalid('on', `Ngày quyết định trước ngày nhận báo cáo (${formatVietnamese(l.received)}).`),
    );
  if (input.decision === 'recognise') {
    const withHead = await headStillReported(ctx.store.db, l);
    if (withHead) return err(withHead);
    return recognise(ctx, actor, l, input);
  }
  if (input.decision === 'rerun') return orderRerun(ctx, actor, l, input);
  if (input.decision === 'reply') return reply(ctx, actor, l, input);
  return err(failures.invalid('decision', 'Hãy chọn: công nhận, bầu cử lại hoặc trả lời bằng văn bản.'));
}

async function recordDecision(
  ctx: ServiceContext,
  actor: Actor,
  l: Loaded,
  kind: string,
  on: CivilDate,
  documentId: string,
  data: unknown,
  extra?: (trx: Db) => Promise<void>,
): Promise<string> {
  const id = randomUUID();
  await writeWithAudit(ctx, actor, async (trx) => {
    await extra?.(trx);
    await repo.insertDecision(trx, {
      id,
      hamlet_id: l.e.hamletId,
      election_id: l.e.id,
      kind,
      decided_on: on,
      due: l.due,
      late: l.due !== null && on > l.due ? 1 : 0,
      document_id: documentId,
      data: JSON.stringify(data),
      recorded_by: actor.userId,
      recorded_at: ctx.now().toISOString(),
    });
    return {
      value: undefined,
      audit: { action: `office.${kind}`, entity: 'election', entityId: l.e.id, data },
    };
  });
  return id;
}

/**
 * Quảng Trị Điều 13, 16: the head and the deputies are elected together and recognised from the same
 * report, so a deputy's election is decided with the head's while the head's is still awaiting it.
 */
async function headStillReported(db: Db, l: Loaded) {
  if (l.e.position !== 'deputyHead' || l.profile.deputies.value.mode !== 'electedWithHead' || !l.e.roundId)
    return null;
  const head = (await planRepo.listRoundElections(db, l.e.roundId)).find(
    (x) => x.hamletId === l.e.hamletId && x.position === 'head' && x.state === 'reported',
  );
  if (!head) return null;
  return ruleFailure(
    'deputy-elected',
    'deputies.mode',
    l.profile.deputies.citation,
    `${positionTitle('deputyHead', l.e.hamletKind)} được bầu cùng ${headTitle(l.e.hamletKind)} và được công nhận trong cùng quyết định, từ cùng báo cáo của Tổ bầu cử (${formatCitation(l.profile.deputies.citation)}; ${formatCitation(l.profile.recognition.citation)}): hãy công nhận ở cuộc bầu ${headTitle(l.e.hamletKind)} ${l.e.hamletName}.`,
    'decision',
  );
}

interface ElectedWith {
  readonly e: planRepo.PlannedElectionRow;
  readonly outcome: CountOutcome;
  readonly winner: CountOutcome['elected'][number];
}

/**
 * The deputies elected with this head (profile `deputies.mode` electedWithHead): the hamlet's deputy
 * elections of the same plan whose reported count elected someone. One whose count elected no one
 * stays reported for its own decision (a re-election or a reply).
 */
async function deputiesElectedWith(db: Db, l: Loaded): Promise<Result<ElectedWith[]>> {
  if (l.e.position !== 'head' || l.profile.deputies.value.mode !== 'electedWithHead' || !l.e.roundId)
    return ok([]);
  const siblings = (await planRepo.listRoundElections(db, l.e.roundId)).filter(
    (x) => x.hamletId === l.e.hamletId && x.position === 'deputyHead' && x.state === 'reported',
  );
  const out: ElectedWith[] = [];
  for (const e of siblings) {
    const outcome = await countOutcome(db, e, l.profile);
    if (!outcome) continue;
    if (outcome.mismatch)
      return err(
        counting.mismatchFailure(outcome.mismatch, `công nhận ${positionTitle(e.position, e.hamletKind)}`),
      );
    const winner = outcome.elected[0];
    if (outcome.kind === 'elected' && winner?.residentId) out.push({ e, outcome, winner });
  }
  return ok(out);
}

/**
 * The term of the person recognised: the hamlet's (the province's choice among the profile's options),
 * or a group's own, which the profile fixes (seed 001: Tổ nhân dân tự quản 2024–2026 beside the
 * heads' 2024–2029); another length for a group is refused with the rule.
 */
function termMonthsOf(l: Loaded, months?: number | null): Result<number> {
  const rule = l.profile.residentGroup;
  if (l.e.residentGroupId === null || !rule.value) return chosenTermMonths(l.profile, months);
  const fixed = rule.value.termMonths;
  if (months === undefined || months === null || months === fixed) return ok(fixed);
  return err(
    ruleFailure(
      'term-not-allowed',
      'residentGroup.termMonths',
      rule.citation,
      `Nhiệm kỳ của Tổ nhân dân tự quản là ${fixed} tháng (${formatCitation(rule.citation)}), không phải ${months} tháng.`,
      'termMonths',
    ),
  );
}

async function recognise(
  ctx: ServiceContext,
  actor: Actor,
  l: Loaded,
  input: DecisionInput,
): Promise<Result<DecisionOutcome>> {
  const db = ctx.store.db;
  const months = termMonthsOf(l, input.termMonths);
  if (!months.ok) return months;
  // The person recognised is the one the closed count of this round elected, never a typed name: a
  // count kept on paper elsewhere is entered as a count first.
  const outcome = await countOutcome(db, l.e, l.profile);
  if (!outcome)
    return err(
      failures.conflict(
        'decision',
        `Chưa có kết quả kiểm phiếu đã đóng của lần bầu ${l.e.round}: hãy nhập và đóng kiểm phiếu ở trang "Kiểm phiếu" (kể cả khi đã kiểm trên giấy) trước khi công nhận.`,
      ),
    );
  if (outcome.mismatch) return err(counting.mismatchFailure(outcome.mismatch, 'công nhận người trúng cử'));
  const winner = outcome.elected[0];
  if (outcome.kind !== 'elected' || !winner?.residentId) {
    return err(
      ruleFailure(
        'no-one-elected',
        'winner',
        l.profile.winner.citation,
        `Kết quả kiểm phiếu không có người trúng cử (${outcome.conclusion}); không thể công nhận. Hãy quyết định bầu cử lại hoặc cử người tạm thời đảm nhiệm.`,
        'decision',
      ),
    );
  }
  const person = await personFor(db, l.e.hamletId, winner.residentId, winner.name);
  if (!person.ok) return person;
  const deputies = await deputiesElectedWith(db, l);
  if (!deputies.ok) return deputies;
  type Found = Extract<Awaited<ReturnType<typeof personFor>>, { ok: true }>['value'];
  const deputyPeople: (ElectedWith & { person: Found })[] = [];
  for (const d of deputies.value) {
    const p = await personFor(db, d.e.hamletId, d.winner.residentId, d.winner.name);
    if (!p.ok) return p;
    deputyPeople.push({ ...d, person: p.value });
  }
  const step = await advanceLifecycle(ctx, actor, l.e.id, {
    to: 'recognised',
    on: input.on,
    override: input.override ?? null,
  });
  if (!step.ok) return step;
  for (const d of deputyPeople) {
    const s = await advanceLifecycle(ctx, actor, d.e.id, {
      to: 'recognised',
      on: input.on,
      override: input.override ?? null,
    });
    if (!s.ok) return s;
  }
  const commune = await loadCommune(ctx, actor, l.e.communeId, 'decide');
  if (!commune.ok) return commune;
  const communeName = commune.value.communeName;
  const chair = await chairOf(db, l.e.id, input.signerName);
  const group = l.e.residentGroupId;
  const isHead = l.e.position === 'head' && group === null;
  const title = titleOf(l.e);
  const place = placeOf(l.e);
  const byChair = l.profile.recognition.value.authority === 'chair';
  // One article per person recognised, then duties, then who carries it out.
  const executorArticle = 3 + deputyPeople.length;
  const names = [person.value, ...deputyPeople.map((d) => d.person)]
    .map((p) => `${p.doc.honorific.toLowerCase()} ${p.name}`)
    .join(', ');
  const doc = await issueForm(ctx, actor, {
    formId: 'recognition-decision',
    title: `Quyết định công nhận ${title}${deputyPeople.length > 0 ? ` và ${positionTitle('deputyHead', l.e.hamletKind)}` : ''} ${electionPlace(l.e.hamletName, l.e.groupName)}`,
    communeId: l.e.communeId,
    hamletId: l.e.hamletId,
    electionId: l.e.id,
    date: input.on,
    symbol: 'QĐ-UBND',
    data: (n) => ({
      issue: communeIssue(communeName, input.on, 'QĐ-UBND', n, chair, byChair, [
        `- Như Điều ${executorArticle};`,
      ]),
      authority: authorityLine(communeName, byChair),
      legalBases: [...legalBasesOf(l.profile), reportRef(l)],
      election: { hamlet: place, position: title, term: l.e.termLabel },
      elected: person.value.doc,
      votes: {
        count: winner.votes,
        of: outcome.registered,
        ofLabel: 'tổng số cử tri, đại diện hộ gia đình trong danh sách',
      },
      alsoElected: deputyPeople.map((d) => ({
        election: {
          hamlet: inText(l.e.hamletName),
          position: positionTitle(d.e.position, d.e.hamletKind),
          term: d.e.termLabel,
        },
        elected: d.person.doc,
        votes: {
          count: d.winner.votes,
          of: d.outcome.registered,
          ofLabel: 'tổng số cử tri, đại diện hộ gia đình trong danh sách',
        },
      })),
      duties: `${title}${deputyPeople.length > 0 ? `, ${positionTitle('deputyHead', l.e.hamletKind)}` : ''} ${place} có nhiệm vụ, quyền hạn theo quy định của pháp luật kể từ ngày Quyết định này có hiệu lực.`,
      executors: `Quyết định này có hiệu lực kể từ ngày ký. Văn phòng UBND ${communeName}, Ban công tác Mặt trận ${inText(l.e.hamletName)} và ${names} chịu trách nhiệm thi hành Quyết định này./.`,
    }),
  });
  if (!doc.ok) return doc;
  const at = ctx.now().toISOString();
  const term = (e: planRepo.PlannedElectionRow, p: { name: string; residentId: string | null }) =>
    termRow(
      {
        hamletId: e.hamletId,
        position: isPosition(e.position) ? e.position : 'head',
        residentGroupId: e.residentGroupId,
        holderName: p.name,
        residentId: p.residentId,
        basis: 'elected',
        electionId: e.id,
        documentId: doc.value.id,
        decisionRef: docRef(doc.value),
        profileId: l.profile.id,
        termLabel: e.termLabel,
        startOn: input.on,
        plannedEnd: termEndOf(input.on, months.value),
      },
      actor,
      at,
    );
  const row = term(l.e, person.value);
  const deputyRows = deputyPeople.map((d) => ({ d, row: term(d.e, d.person) }));
  const id = await recordDecision(
    ctx,
    actor,
    l,
    'recognition',
    input.on,
    doc.value.id,
    {
      termId: row.id,
      holder: row.holder_name,
      months: months.value,
      deputies: deputyRows.map((x) => ({
        electionId: x.d.e.id,
        termId: x.row.id,
        holder: x.row.holder_name,
      })),
    },
    async (trx) => {
      if (isHead) {
        // The previous head (or interim head) leaves on the day the new one takes office.
        await endCurrent(trx, l.e.hamletId, ['head'], input.on, 'replaced', docRef(doc.value));
        // TT04 Điều 12 k2: deputies serve the head's term; the new head chooses anew, unless the
        // deputies were elected with the head (recognised in this decision).
        await endCurrent(trx, l.e.hamletId, ['deputyHead'], input.on, 'headLeft', docRef(doc.value));
      }
      // A group's officer replaces the one of the same group and position (seed 001 mục II.1.6).
      if (group !== null)
        await endCurrent(trx, l.e.hamletId, [l.e.position], input.on, 'replaced', docRef(doc.value), group);
      await repo.insertTerm(trx, row);
      for (const x of deputyRows) {
        await repo.insertTerm(trx, x.row);
        // The deputy's election carries the same decision: its record shows how it ended.
        await repo.insertDecision(trx, {
          id: randomUUID(),
          hamlet_id: x.d.e.hamletId,
          election_id: x.d.e.id,
          kind: 'recognition',
          decided_on: input.on,
          due: l.due,
          late: l.due !== null && input.on > l.due ? 1 : 0,
          document_id: doc.value.id,
          data: JSON.stringify({ termId: x.row.id, holder: x.row.holder_name, withHead: l.e.id }),
          recorded_by: actor.userId,
          recorded_at: at,
        });
      }
    },
  );
  return ok({
    decisionId: id,
    kind: 'recognise',
    due: l.due,
    late: l.due !== null && input.on > l.due,
    document: doc.value,
    termId: row.id,
    electionState: 'recognised',
  });
}

export function docRef(d: DocumentInfo): string {
  const num = d.number !== null ? `số ${String(d.number).padStart(2, '0')}/${d.symbol}` : d.title;
  return `${num} ngày ${formatVietnamese(d.document_date ?? vietnamDate(d.issued_at))}`;
}

async function orderRerun(
  ctx: ServiceContext,
  actor: Actor,
  l: Loaded,
  input: DecisionInput,
): Promise<Result<DecisionOutcome>> {
  const db = ctx.store.db;
  const reasons = reasonsOf(input);
  if (reasons.length === 0) return err(failures.invalid('reasons', 'Hãy ghi lý do bầu cử lại.'));
  if (!l.e.electionDate) return err(failures.invalid('electionDate', 'Cuộc bầu cử chưa có ngày bầu.'));
  const interim = l.profile.interim;
  if (l.e.round >= interim.value.afterFailedRounds) {
    return err(
      ruleFailure(
        'rerun-exhausted',
        'interim.afterFailedRounds',
        interim.citation,
        `Đã bầu ${l.e.round} lần không thành: không bầu lại nữa mà cử người tạm thời đảm nhiệm (${formatCitation(interim.citation)}).`,
        'decision',
      ),
    );
  }
  const by = rerunDeadline(l.profile, l.e.electionDate);
  const date = input.rerunDate;
  if (!isCivilDate(date)) return err(failures.invalid('rerunDate', 'Hãy chọn ngày bầu cử lại.'));
  if (date < input.on) return err(failures.invalid('rerunDate', 'Ngày bầu cử lại phải sau ngày quyết định.'));
  if (date > by) {
    return err(
      ruleFailure(
        'rerun-too-late',
        'rerun.withinDays',
        l.profile.rerun.citation,
        `Ngày bầu cử lại chậm nhất là ngày ${formatVietnamese(by)}: ${l.profile.rerun.value.withinDays} ngày kể từ ngày bầu cử lần đầu ${formatVietnamese(l.e.electionDate)} (${formatCitation(l.profile.rerun.citation)}).`,
        'rerunDate',
      ),
    );
  }
  const step = await advanceLifecycle(ctx, actor, l.e.id, {
    to: 'rerunOrdered',
    on: input.on,
    override: input.override ?? null,
  });
  if (!step.ok) return step;
  const commune = await loadCommune(ctx, actor, l.e.communeId, 'decide');
  if (!commune.ok) return commune;
  const communeName = commune.value.communeName;
  const chair = await chairOf(db, l.e.id, input.signerName);
  const byChair = l.profile.rerun.value.decidedBy === 'chair';
  const title = titleOf(l.e);
  const venue = clean(input.rerunVenue) || l.e.venue || `Nhà văn hóa ${inText(l.e.hamletName)}`;
  const doc = await issueForm(ctx, actor, {
    formId: 'rerun-decision',
    title: `Quyết định bầu cử lại ${title} ${electionPlace(l.e.hamletName, l.e.groupName)}`,
    communeId: l.e.communeId,
    hamletId: l.e.hamletId,
    electionId: l.e.id,
    date: input.on,
    symbol: 'QĐ-UBND',
    data: (n) => ({
      issue: communeIssue(communeName, input.on, 'QĐ-UBND', n, chair, byChair, ['- Như Điều 4;']),
      authority: authorityLine(communeName, byChair),
      legalBases: [...legalBasesOf(l.profile), reportRef(l)],
      election: { hamlet: placeOf(l.e), position: title, term: l.e.termLabel },
      firstDate: l.e.electionDate,
      reason: reasons.join('; ') + '.',
      rerunDate: date,
      time:
        input.rerunTime && /^\d\d:\d\d$/.test(input.rerunTime) ? input.rerunTime : (l.e.startTime ?? '07:30'),
      place: venue,
      arrangements: `Tổ bầu cử ${placeOf(l.e)} tiếp tục thực hiện nhiệm vụ, tổ chức bầu cử lại theo đúng quy trình; chậm nhất ngày ${formatVietnamese(by)} (${formatCitation(l.profile.rerun.citation)}).`,
      executors: `Quyết định này có hiệu lực kể từ ngày ký. Văn phòng UBND ${communeName}, Tổ bầu cử ${placeOf(l.e)} và các cá nhân có liên quan chịu trách nhiệm thi hành Quyết định này./.`,
    }),
  });
  if (!doc.ok) return doc;
  // The re-election is the same election's next round, held on the date decided.
  const round = l.e.round + 1;
  const id = await recordDecision(
    ctx,
    actor,
    l,
    'rerun',
    input.on,
    doc.value.id,
    { rerunDate: date, rerunBy: by, reasons, round },
    (trx) => repo.setElectionRound(trx, l.e.id, round, date),
  );
  return ok({
    decisionId: id,
    kind: 'rerun',
    due: l.due,
    late: l.due !== null && input.on > l.due,
    document: doc.value,
    termId: null,
    electionState: 'rerunOrdered',
  });
}

async function reply(
  ctx: ServiceContext,
  actor: Actor,
  l: Loaded,
  input: DecisionInput,
): Promise<Result<DecisionOutcome>> {
  const db = ctx.store.db;
  const reasons = reasonsOf(input);
  if (reasons.length === 0) return err(failures.invalid('reasons', 'Văn bản trả lời phải nêu rõ lý do.'));
  const commune = await loadCommune(ctx, actor, l.e.communeId, 'decide');
  if (!commune.ok) return commune;
  const communeName = commune.value.communeName;
  const chair = await chairOf(db, l.e.id, input.signerName);
  const title = titleOf(l.e);
  // No article names who signs a reply, so the commune's usual signing authority does.
  const byCommuneChair = l.profile.signingAuthority.value === 'chair';
  const doc = await issueForm(ctx, actor, {
    formId: 'reply-letter',
    title: `Văn bản trả lời kết quả bầu ${title} ${electionPlace(l.e.hamletName, l.e.groupName)}`,
    communeId: l.e.communeId,
    hamletId: l.e.hamletId,
    electionId: l.e.id,
    date: input.on,
    symbol: 'UBND',
    data: (n) => ({
      issue: communeIssue(communeName, input.on, 'UBND', n, chair, byCommuneChair, ['- Như trên;']),
      summary: `V/v trả lời kết quả bầu ${title} ${placeOf(l.e)}`,
      addressees: [`Tổ bầu cử ${placeOf(l.e)};`, `Ban công tác Mặt trận ${inText(l.e.hamletName)}.`],
      reference: `Ủy ban nhân dân ${communeName} nhận được báo cáo của Tổ bầu cử ${placeOf(l.e)} về kết quả bầu ${title}, nhiệm kỳ ${l.e.termLabel}${l.received ? ` ngày ${formatVietnamese(l.received)}` : ''}. Ủy ban nhân dân chưa công nhận kết quả và trả lời như sau:`,
      reasons,
      request: `Đề nghị Tổ bầu cử ${placeOf(l.e)} hoàn thiện hồ sơ và báo cáo lại Ủy ban nhân dân ${communeName}./.`,
    }),
  });
  if (!doc.ok) return doc;
  const id = await recordDecision(ctx, actor, l, 'reply', input.on, doc.value.id, { reasons });
  return ok({
    decisionId: id,
    kind: 'reply',
    due: l.due,
    late: l.due !== null && input.on > l.due,
    document: doc.value,
    termId: null,
    electionState: 'reported',
  });
}
