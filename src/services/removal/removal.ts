/**
 * Removing a head from office: cho thôi làm (ND59 Điều 9), miễn nhiệm and bãi nhiệm (Tây Ninh 2019
 * Điều 9–10). A case opens on a trigger the profile allows (the head's letter, a proposal, or a
 * household petition whose signatures are recorded one per household and counted against the
 * hamlet's households); the community meeting is recorded with its convenor, guests (who speak but do
 * not vote), quorum, method, counting team and vote against the whole roll; the commune then
 * recognises the result within its working-day limit (or replies in writing), which ends the term,
 * starts the new-election window and may appoint the interim head.
 */
import { randomUUID } from 'node:crypto';
import type { CivilDate } from '../../domain/calendar';
import { formatVietnamese, isCivilDate } from '../../domain/calendar';
import {
  REMOVAL_NAMES_VI,
  checkTrigger,
  evaluateRemovalVote,
  removalDeadlines,
  removalProcedure,
} from '../../domain/removal';
import type { RemovalVoteResult } from '../../domain/removal';
import { err, ok } from '../../domain/result';
import type { Result } from '../../domain/result';
import type { RemovalKind, RemovalProcedure, RuleProfile } from '../../domain/rules';
import { formatCitation, formatPercent, minimumVotes } from '../../domain/rules';
import { teamSignatures } from '../../documents/forms/count-record';
import { documents as documentsRepo, office as repo, territory as territoryRepo } from '../../store';
import type { Db } from '../../store';
import type { DecideInput, MeetingInput, OpenInput, SignatureInput } from '../../contract/removal';
import type { Actor } from '../common';
import type { ServiceContext } from '../common';
import { writeWithAudit } from '../common';
import type { DocumentInfo } from '../documents';
import { failures } from '../common';
import type { HamletPlace } from '../decisions';
import {
  authorityLine,
  canDecide,
  clean,
  communeIssue,
  headTitle,
  honorificOf,
  inText,
  issueForm,
  legalBasesOf,
  loadCommune,
  loadHamlet,
  loadProfile,
  personFor,
  residentOf,
  vnToday,
} from '../decisions';
import { isCurrent, termView } from '../office';
import type { TermView } from '../office';
import { appointInterim } from '../office';
import type { InterimOutcome } from '../office';
import { docRef } from '../office';
import { ruleFailure } from '../common';
import type { Override } from '../plan';

export type {
  CountingMember,
  DecideInput,
  MeetingInput,
  OpenInput,
  SignatureInput,
} from '../../contract/removal';

interface CaseData {
  grounds: string[];
  proposer: string | null;
  hasLetter: boolean;
  signatures: number;
  meeting?: MeetingInput & { registered: number; guests: string[] };
  vote?: RemovalVoteResult;
  reportReceivedOn?: CivilDate;
  documents: Record<string, string>;
  decision?: { kind: string; on: CivilDate; late: boolean; override: Override | null; reasons: string[] };
  interimTermId?: string;
}

export interface CaseView {
  readonly id: string;
  readonly hamletId: string;
  readonly hamletName: string;
  readonly term: TermView;
  readonly profileId: string;
  readonly kind: RemovalKind;
  readonly kindLabel: string;
  readonly trigger: string;
  readonly triggerLabel: string;
  readonly openedOn: CivilDate;
  readonly state: string;
  readonly registered: number | null;
  readonly signatures: number;
  readonly petitionRequired: number | null;
  readonly recognitionDue: CivilDate | null;
  readonly late: boolean;
  readonly newElectionBy: CivilDate | null;
  readonly newElectionMode: 'held' | 'decided';
  readonly data: CaseData;
  readonly documents: DocumentInfo[];
  readonly canDecide: boolean;
}

const KIND_END: Readonly<Record<RemovalKind, string>> = {
  release: 'release',
  dismissal: 'dismissal',
  recall: 'recall',
};

function procOf(profile: RuleProfile, kind: RemovalKind): Result<RemovalProcedure> {
  return removalProcedure(profile, kind);
}

async function householdsOf(db: Db, hamletId: string): Promise<number> {
  return (await territoryRepo.getHamlet(db, hamletId))?.households ?? 0;
}

async function checkSignatures(
  db: Db,
  hamletId: string,
  list: readonly SignatureInput[],
): Promise<Result<SignatureInput[]>> {
  const seen = new Set<string>();
  const out: SignatureInput[] = [];
  for (const [i, s] of list.entries()) {
    const h = await territoryRepo.householdHamlet(db, s.householdId);
    if (!h || h.hamlet_id !== hamletId)
      return err(
        failures.invalid(
          `signatures.${i}`,
          `Chữ ký thứ ${i + 1}: hộ gia đình không thuộc thôn, tổ dân phố này.`,
        ),
      );
    // A signer named by id must live in the petition's hamlet: a resident of elsewhere is not told apart.
    if (s.residentId && (await residentOf(db, s.residentId))?.hamletId !== hamletId)
      return err(
        failures.invalid(
          `signatures.${i}`,
          `Chữ ký thứ ${i + 1}: người ký không cư trú tại thôn, tổ dân phố này.`,
        ),
      );
    if (clean(s.signerName).length < 2)
      return err(failures.invalid(`signatures.${i}`, `Chữ ký thứ ${i + 1}: thiếu họ tên người ký.`));
    // One signature per household: the threshold counts households, not people.
    if (seen.has(s.householdId)) continue;
    seen.add(s.householdId);
    out.push({
      householdId: s.householdId,
      signerName: clean(s.signerName),
      residentId: s.residentId ?? null,
    });
  }
  return ok(out);
}

const parseData = (c: repo.CaseRow) => JSON.parse(c.data) as CaseData;

async function view(ctx: ServiceContext, actor: Actor, c: repo.CaseRow, hp: HamletPlace): Promise<CaseView> {
  const db = ctx.store.db;
  const term = (await repo.getTerm(db, c.office_term_id))!;
  const profile = loadProfile(c.profile_id);
  const proc = profile.ok ? procOf(profile.value, c.kind as RemovalKind) : null;
  const data = parseData(c);
  const trigger = proc?.ok ? proc.value.triggers.value.find((t) => t.code === c.trigger) : undefined;
  const petition = proc?.ok ? proc.value.petition.value : null;
  const infos: DocumentInfo[] = [];
  for (const id of Object.values(data.documents)) {
    const info = await documentsRepo.getDocumentInfo(db, id);
    if (info) infos.push(info);
  }
  const ne = proc?.ok ? proc.value.newElection.value.mode : 'held';
  return {
    id: c.id,
    hamletId: c.hamlet_id,
    hamletName: hp.hamlet.name,
    term: termView(term, hp.hamlet.kind),
    profileId: c.profile_id,
    kind: c.kind as RemovalKind,
    kindLabel: REMOVAL_NAMES_VI[c.kind as RemovalKind] ?? c.kind,
    trigger: c.trigger,
    triggerLabel: trigger?.label ?? c.trigger,
    openedOn: c.opened_on,
    state: c.state,
    registered: c.registered,
    signatures: data.signatures,
    petitionRequired: petition && c.registered ? minimumVotes(c.registered, petition) : null,
    recognitionDue: c.recognition_due,
    late: c.recognition_due !== null && c.state === 'meetingHeld' && vnToday(ctx) > c.recognition_due,
    newElectionBy: c.new_election_by,
    newElectionMode: ne,
    data,
    documents: infos.sort((a, b) => a.issued_at.localeCompare(b.issued_at)),
    canDecide: canDecide(actor, hp.place),
  };
}

async function loadCase(
  ctx: ServiceContext,
  actor: Actor,
  caseId: string,
  access: 'read' | 'manage' | 'decide',
) {
  const c = await repo.getCase(ctx.store.db, caseId);
  if (!c) return err(failures.notFound('hồ sơ thôi làm này'));
  const hp = await loadHamlet(ctx, actor, c.hamlet_id, access);
  if (!hp.ok) return hp;
  const profile = loadProfile(c.profile_id);
  if (!profile.ok) return profile;
  const proc = procOf(profile.value, c.kind as RemovalKind);
  if (!proc.ok) return proc;
  return ok({ c, hp: hp.value, profile: profile.value, proc: proc.value });
}

export async function getRemoval(
  ctx: ServiceContext,
  actor: Actor,
  caseId: string,
): Promise<Result<CaseView>> {
  const l = await loadCase(ctx, actor, caseId, 'read');
  if (!l.ok) return l;
  return ok(await view(ctx, actor, l.value.c, l.value.hp));
}

export async function listRemovals(
  ctx: ServiceContext,
  actor: Actor,
  communeId: string,
): Promise<Result<CaseView[]>> {
  const c = await loadCommune(ctx, actor, communeId, 'read');
  if (!c.ok) return c;
  const out: CaseView[] = [];
  for (const row of await repo.listCasesOfCommune(ctx.store.db, communeId)) {
    const hp = await loadHamlet(ctx, actor, row.hamlet_id, 'read');
    if (hp.ok) out.push(await view(ctx, actor, row, hp.value));
  }
  return ok(out);
}

function personPhrase(term: repo.TermRow, sex: string | undefined): string {
  return `${honorificOf(sex).toLowerCase()} ${term.holder_name}`;
}

export async function openRemoval(
  ctx: ServiceContext,
  actor: Actor,
  input: OpenInput,
): Promise<Result<CaseView>> {
  const db = ctx.store.db;
  const term = await repo.getTerm(db, input.termId);
  if (!term) return err(failures.notFound('người giữ chức này'));
  const hp = await loadHamlet(ctx, actor, term.hamlet_id, 'manage');
  if (!hp.ok) return hp;
  if (!isCivilDate(input.on) || input.on > vnToday(ctx))
    return err(failures.invalid('on', 'Ngày nhận đề nghị không hợp lệ.'));
  if (term.position !== 'head' || term.resident_group_id !== null || !isCurrent(term, input.on))
    return err(
      failures.conflict(
        'termId',
        `${term.holder_name} không đang giữ chức ${headTitle(hp.value.hamlet.kind)}.`,
      ),
    );
  const open = (await repo.listCasesOfCommune(db, hp.value.hamlet.communeId)).find(
    (c) => c.office_term_id === term.id && ['proposed', 'meetingHeld'].includes(c.state),
  );
  if (open)
    return err(failures.conflict('termId', 'Đang có một hồ sơ thôi làm chưa giải quyết cho người này.'));
  const profile = loadProfile(term.profile_id);
  if (!profile.ok) return profile;
  const proc = procOf(profile.value, input.kind);
  if (!proc.ok) return proc;
  const registered = await householdsOf(db, term.hamlet_id);
  let signatures: SignatureInput[] = [];
  if (input.trigger === 'householdPetition') {
    const checked = await checkSignatures(db, term.hamlet_id, input.signatures ?? []);
    if (!checked.ok) return checked;
    signatures = checked.value;
  }
  const trig = checkTrigger(profile.value, input.kind, {
    code: input.trigger as never,
    hasLetter: input.hasLetter === true,
    signatures: signatures.length,
    registered,
  });
  if (!trig.ok)
    return err({
      ...trig.error,
      details: {
        rule: `removal.${input.kind}.triggers`,
        citation: formatCitation(proc.value.triggers.citation),
      },
    });
  const grounds = (input.grounds ?? []).map((g) => clean(g)).filter(Boolean);
  if (input.trigger !== 'transfer' && input.trigger !== 'householdPetition' && grounds.length === 0)
    return err(failures.invalid('grounds', 'Hãy ghi lý do đề nghị.'));
  const id = randomUUID();
  const at = ctx.now().toISOString();
  const data: CaseData = {
    grounds,
    proposer: clean(input.proposer) || null,
    hasLetter: input.hasLetter === true,
    signatures: signatures.length,
    documents: {},
  };
  await writeWithAudit(ctx, actor, async (trx) => {
    await repo.insertCase(trx, {
      id,
      hamlet_id: term.hamlet_id,
      office_term_id: term.id,
      profile_id: profile.value.id,
      kind: input.kind,
      trigger: input.trigger,
      opened_on: input.on,
      state: 'proposed',
      registered,
      data: JSON.stringify(data),
      recognition_due: null,
      decided_on: null,
      new_election_by: null,
      created_at: at,
      created_by: actor.userId,
    });
    await repo.insertSignatures(
      trx,
      signatures.map((s) => ({
        id: randomUUID(),
        case_id: id,
        household_id: s.householdId,
        signer_name: s.signerName,
        resident_id: s.residentId ?? null,
        recorded_at: at,
      })),
    );
    return {
      value: undefined,
      audit: {
        action: 'removal.open',
        entity: 'removalCase',
        entityId: id,
        data: { kind: input.kind, trigger: input.trigger, signatures: signatures.length, registered },
      },
    };
  });
  const doc = await proposalDocument(
    ctx,
    actor,
    hp.value,
    term,
    input,
    grounds,
    signatures,
    registered,
    proc.value,
  );
  if (doc) {
    if (!doc.ok) return doc;
    data.documents['proposal'] = doc.value.id;
    await attachDocuments(ctx, actor, id, data);
  }
  return getRemoval(ctx, actor, id);
}

/**
 * Files the documents issued for a step in the case, as its own audited write: they are issued
 * after the step is recorded, and every change of the case must be sealed by an event.
 */
async function attachDocuments(
  ctx: ServiceContext,
  actor: Actor,
  caseId: string,
  data: CaseData,
): Promise<void> {
  await writeWithAudit(ctx, actor, async (trx) => {
    await repo.updateCase(trx, caseId, { data: JSON.stringify(data) });
    return {
      value: undefined,
      audit: {
        action: 'removal.documents',
        entity: 'removalCase',
        entityId: caseId,
        data: { documents: data.documents },
      },
    };
  });
}

async function proposalDocument(
  ctx: ServiceContext,
  actor: Actor,
  hp: HamletPlace,
  term: repo.TermRow,
  input: OpenInput,
  grounds: string[],
  signatures: SignatureInput[],
  registered: number,
  proc: RemovalProcedure,
): Promise<Result<DocumentInfo> | null> {
  const { hamlet, communeName } = hp;
  const title = headTitle(hamlet.kind);
  const kindVi = REMOVAL_NAMES_VI[input.kind];
  const who = personPhrase(
    term,
    term.resident_id ? (await residentOf(ctx.store.db, term.resident_id))?.sex : undefined,
  );
  const base = { communeId: hamlet.communeId, hamletId: hamlet.id, date: input.on };
  if (input.trigger === 'householdPetition') {
    return issueForm(ctx, actor, {
      ...base,
      formId: 'removal-petition',
      title: `Đơn kiến nghị ${kindVi} ${title} ${hamlet.name}`,
      symbol: null,
      issuer: `hamlet:${hamlet.id}:ho-gia-dinh`,
      data: () => ({
        addressee: `Chủ tịch Ủy ban nhân dân ${communeName}`,
        subject: `Kiến nghị ${kindVi} ${title} ${inText(hamlet.name)}`,
        hamlet: inText(hamlet.name),
        person: who,
        position: title,
        reasons: grounds.length ? grounds : ['Không còn được Nhân dân tín nhiệm.'],
        totalHouseholds: registered,
        signers: signatures.map((s) => ({ name: s.signerName, address: '' })),
        rows: signatures.length,
        place: communeName,
        date: input.on,
      }),
    });
  }
  if (input.trigger === 'resignation') {
    return issueForm(ctx, actor, {
      ...base,
      formId: 'resignation-letter',
      title: `Đơn xin thôi làm ${title} ${hamlet.name}`,
      symbol: null,
      issuer: `hamlet:${hamlet.id}:truong-thon`,
      data: () => ({
        addressee: `Chủ tịch Ủy ban nhân dân ${communeName}`,
        position: title,
        hamlet: inText(hamlet.name),
        name: term.holder_name,
        birthDate: null,
        residence: null,
        since: term.start_on,
        reasons: grounds,
        place: communeName,
        date: input.on,
      }),
    });
  }
  if (input.trigger === 'transfer') return null;
  const front = input.trigger === 'frontCommitteeProposal';
  return issueForm(ctx, actor, {
    ...base,
    formId: 'removal-proposal',
    title: `Đề nghị ${kindVi} ${title} ${hamlet.name}`,
    symbol: front ? 'TTr-BCTMT' : 'TTr',
    issuer: front ? `hamlet:${hamlet.id}:ban-ctmt` : `commune:${hamlet.communeId}:${input.trigger}`,
    data: (n) => ({
      issue: {
        body: front
          ? {
              parent: [`ỦY BAN MTTQVN ${communeName.toUpperCase()}`],
              lines: [`BAN CTMT ${hamlet.name.toUpperCase()}`],
            }
          : { lines: ['ỦY BAN NHÂN DÂN', communeName.toUpperCase()] },
        number: n,
        symbol: front ? 'TTr-BCTMT' : 'TTr',
        place: communeName,
        date: input.on,
        recipients: ['- Như trên;', `- UBMTTQVN ${communeName};`, '- Lưu.'],
        signer: front
          ? {
              authority: ['TM. BAN CÔNG TÁC MẶT TRẬN'],
              title: 'TRƯỞNG BAN',
              name: clean(input.proposer) || undefined,
            }
          : { title: 'CHỦ TỊCH', name: clean(input.proposer) || undefined },
      },
      subject: `Về việc đề nghị ${kindVi} ${title} ${inText(hamlet.name)}`,
      addressee: `Chủ tịch Ủy ban nhân dân ${communeName}`,
      basis: `Căn cứ ${formatCitation(proc.triggers.citation)};`,
      person: who,
      position: title,
      hamlet: inText(hamlet.name),
      grounds,
      request: `Kính đề nghị Chủ tịch Ủy ban nhân dân ${communeName} xem xét, cho tổ chức cuộc họp cộng đồng dân cư ${inText(hamlet.name)} để xem xét việc ${kindVi} ${title} theo quy định./.`,
    }),
  });
}

function meetingFailure(proc: RemovalProcedure, m: MeetingInput, headName: string): Result<null> {
  const conv = proc.convenor;
  const cite = formatCitation(conv.citation);
  const frontIsHead = m.frontHeadIsHead === true || clean(m.convenorName) === clean(headName);
  if (frontIsHead && m.convenorRole !== 'communeChair')
    return err(
      ruleFailure(
        'convenor-not-allowed',
        'removal.convenor',
        conv.citation,
        `Trưởng ban công tác Mặt trận đồng thời là người bị xem xét: Chủ tịch UBND cấp xã triệu tập cuộc họp (${cite}).`,
        'convenorRole',
      ),
    );
  if (!frontIsHead && m.convenorRole !== 'frontCommitteeHead')
    return err(
      ruleFailure(
        'convenor-not-allowed',
        'removal.convenor',
        conv.citation,
        `Người triệu tập: ${conv.value} (${cite}).`,
        'convenorRole',
      ),
    );
  if (m.method === 'secret') {
    const team = proc.countingTeam;
    const size = (m.countingTeam ?? []).filter((x) => clean(x.name)).length;
    if (team.value && (size < team.value.minSize || size > team.value.maxSize))
      return err(
        ruleFailure(
          'counting-team-size',
          'removal.countingTeam',
          team.citation,
          `Tổ kiểm phiếu phải có từ ${team.value.minSize} đến ${team.value.maxSize} người, đang có ${size} (${formatCitation(team.citation)}).`,
          'countingTeam',
        ),
      );
    if (m.valid === undefined)
      return err(failures.invalid('valid', 'Bỏ phiếu kín: hãy nhập số phiếu hợp lệ.'));
    if (m.approve + m.disapprove > m.valid)
      return err(failures.invalid('approve', 'Số phiếu tán thành và không tán thành vượt số phiếu hợp lệ.'));
  } else if (m.approve + m.disapprove > m.present) {
    return err(failures.invalid('approve', 'Số người biểu quyết vượt số người dự họp.'));
  }
  const names = [m.convenorName, m.secretaryName, m.venue].map(clean);
  if (names.some((n) => n.length < 2))
    return err(failures.invalid('meeting', 'Hãy nhập người triệu tập, thư ký và địa điểm.'));
  if (!/^\d\d:\d\d$/.test(m.time) || !/^\d\d:\d\d$/.test(m.endTime))
    return err(failures.invalid('time', 'Giờ phải có dạng HH:MM.'));
  return ok(null);
}

export async function recordRemovalMeeting(
  ctx: ServiceContext,
  actor: Actor,
  caseId: string,
  m: MeetingInput,
): Promise<Result<CaseView>> {
  const l = await loadCase(ctx, actor, caseId, 'manage');
  if (!l.ok) return l;
  const { c, hp, profile, proc } = l.value;
  if (c.state !== 'proposed') return err(failures.conflict('state', 'Cuộc họp của hồ sơ này đã được ghi.'));
  if (!isCivilDate(m.heldOn) || m.heldOn < c.opened_on || m.heldOn > vnToday(ctx))
    return err(
      failures.invalid('heldOn', 'Ngày họp không hợp lệ (trước ngày nhận đề nghị hoặc sau hôm nay).'),
    );
  const db = ctx.store.db;
  const term = (await repo.getTerm(db, c.office_term_id))!;
  const bad = meetingFailure(proc, m, term.holder_name);
  if (!bad.ok) return bad;
  const registered = m.registered ?? c.registered ?? (await householdsOf(db, c.hamlet_id));
  const vote = evaluateRemovalVote(profile, c.kind as RemovalKind, {
    registered,
    present: m.present,
    approve: m.approve,
    ...(m.method === 'secret' ? { valid: m.valid } : {}),
  });
  if (!vote.ok) return vote;
  const received = m.reportReceivedOn && isCivilDate(m.reportReceivedOn) ? m.reportReceivedOn : m.heldOn;
  const deadlines = removalDeadlines(profile, c.kind as RemovalKind, received);
  if (!deadlines.ok) return deadlines;
  const data = parseData(c);
  data.meeting = { ...m, registered, guests: (m.guests ?? []).map(clean).filter(Boolean) };
  data.vote = vote.value;
  data.reportReceivedOn = received;
  const state = vote.value.passed ? 'meetingHeld' : 'rejected';
  await writeWithAudit(ctx, actor, async (trx) => {
    await repo.updateCase(trx, caseId, {
      state,
      data: JSON.stringify(data),
      registered,
      recognition_due: vote.value.passed ? deadlines.value.recognitionDue : null,
    });
    return {
      value: undefined,
      audit: {
        action: 'removal.meeting',
        entity: 'removalCase',
        entityId: caseId,
        data: { present: m.present, approve: m.approve, registered, outcome: vote.value.outcome },
      },
    };
  });
  const docs = await meetingDocuments(ctx, actor, hp, term, c.kind as RemovalKind, data, vote.value);
  if (!docs.ok) return docs;
  Object.assign(data.documents, docs.value);
  await attachDocuments(ctx, actor, caseId, data);
  return getRemoval(ctx, actor, caseId);
}

async function meetingDocuments(
  ctx: ServiceContext,
  actor: Actor,
  hp: HamletPlace,
  term: repo.TermRow,
  kind: RemovalKind,
  data: CaseData,
  vote: RemovalVoteResult,
): Promise<Result<Record<string, string>>> {
  const m = data.meeting!;
  const { hamlet, communeName } = hp;
  const title = headTitle(hamlet.kind);
  const kindVi = REMOVAL_NAMES_VI[kind];
  const who = personPhrase(
    term,
    term.resident_id ? (await residentOf(ctx.store.db, term.resident_id))?.sex : undefined,
  );
  const head = {
    body: { parent: [`UBND ${communeName.toUpperCase()}`], lines: [hamlet.name.toUpperCase()] },
    place: communeName,
    date: m.heldOn,
  };
  const ratioLabel = `tổng số hộ gia đình trong ${inText(hamlet.name)}`;
  const quorate = vote.quorate
    ? 'Cuộc họp đủ điều kiện tiến hành.'
    : 'Cuộc họp không đủ điều kiện tiến hành.';
  const outcome = vote.passed
    ? `Cuộc họp tán thành việc ${kindVi} ${title} đối với ${who} (${m.approve} tán thành, cần ít nhất ${vote.required}). Đề nghị Ủy ban nhân dân ${communeName} xem xét, quyết định công nhận.`
    : vote.message;
  const base = {
    communeId: hamlet.communeId,
    hamletId: hamlet.id,
    date: m.heldOn,
    symbol: null,
    issuer: `hamlet:${hamlet.id}:cong-dong`,
  };
  const minutes = await issueForm(ctx, actor, {
    ...base,
    formId: 'removal-minutes',
    title: `Biên bản cuộc họp xem xét ${kindVi} ${title} ${hamlet.name}`,
    data: () => ({
      head,
      hamlet: inText(hamlet.name),
      position: title,
      person: who,
      removalKind: kindVi,
      date: m.heldOn,
      time: m.time,
      venue: clean(m.venue),
      chair: {
        honorific: 'Ông (bà)',
        name: clean(m.convenorName),
        position:
          m.convenorRole === 'communeChair'
            ? `Chủ tịch UBND ${communeName}`
            : `Trưởng ban công tác Mặt trận ${inText(hamlet.name)}`,
      },
      secretary: { honorific: 'Ông (bà)', name: clean(m.secretaryName) },
      totalHouseholds: m.registered,
      present: m.present,
      quorumStatement: quorate,
      guests: m.guests.length
        ? `${m.guests.join('; ')} (khách mời được phát biểu ý kiến, không biểu quyết).`
        : 'Không có.',
      proceedings: [
        `${m.convenorRole === 'communeChair' ? 'Chủ tịch UBND' : 'Trưởng ban công tác Mặt trận'} nêu lý do, mục đích, yêu cầu của cuộc họp.`,
        ...data.grounds.map((g) => `Lý do đề nghị: ${g}`),
        'Cuộc họp thảo luận, đóng góp ý kiến.',
      ],
      method: m.method === 'secret' ? 'bỏ phiếu kín' : 'giơ tay',
      countingTeam: (m.countingTeam ?? []).map((x) => `${clean(x.name)} - ${clean(x.role)}`),
      agree: m.approve,
      disagree: m.disapprove,
      ratioLabel,
      outcome,
      endTime: m.endTime,
    }),
  });
  if (!minutes.ok) return minutes;
  const out: Record<string, string> = { minutes: minutes.value.id };
  if (m.method === 'secret') {
    const team = (m.countingTeam ?? []).map((x) => ({ name: clean(x.name), role: clean(x.role) }));
    const witnesses = (m.witnesses ?? []).map(clean).filter(Boolean);
    const valid = m.valid ?? 0;
    const received = m.received ?? valid;
    const count = await issueForm(ctx, actor, {
      ...base,
      formId: 'removal-count',
      title: `Biên bản kiểm phiếu ${kindVi} ${title} ${hamlet.name}`,
      data: () => ({
        head,
        subject: `Về việc ${kindVi} ${title} ${inText(hamlet.name)}`,
        hamlet: inText(hamlet.name),
        person: who,
        removalKind: kindVi,
        time: m.time,
        date: m.heldOn,
        venue: clean(m.venue),
        team,
        witnesses,
        totalHouseholds: m.registered,
        present: m.present,
        issued: m.issued ?? m.present,
        received,
        valid,
        invalid: received - valid,
        agree: m.approve,
        disagree: m.disapprove,
        ratioLabel,
        conclusion: `Số phiếu tán thành việc ${kindVi} ${title} đối với ${who} là ${m.approve} phiếu, bằng ${formatPercent(m.approve, m.registered).replace('.', ',')}% ${ratioLabel}.`,
        endTime: m.endTime,
        signatures: teamSignatures(team, witnesses),
      }),
    });
    if (!count.ok) return count;
    out['count'] = count.value.id;
  }
  return ok(out);
}

export interface DecideOutcome {
  readonly view: CaseView;
  readonly interim: InterimOutcome | null;
}

export async function decideRemoval(
  ctx: ServiceContext,
  actor: Actor,
  caseId: string,
  input: DecideInput,
): Promise<Result<DecideOutcome>> {
  const l = await loadCase(ctx, actor, caseId, 'decide');
  if (!l.ok) return l;
  const { c, hp, profile, proc } = l.value;
  if (c.state !== 'meetingHeld')
    return err(failures.conflict('state', 'Hồ sơ này không chờ UBND cấp xã quyết định.'));
  const data = parseData(c);
  if (!isCivilDate(input.on) || input.on < (data.meeting?.heldOn ?? c.opened_on) || input.on > vnToday(ctx))
    return err(failures.invalid('on', 'Ngày quyết định không hợp lệ.'));
  const due = c.recognition_due;
  const late = due !== null && input.on > due;
  const rec = proc.recognition;
  if (late && !input.override)
    return err(
      ruleFailure(
        'deadline-passed',
        `removal.${c.kind}.recognition`,
        rec.citation,
        `Hạn quyết định là ngày ${formatVietnamese(due)}: ${rec.value.workingDays} ngày làm việc kể từ ngày nhận báo cáo (${formatCitation(rec.citation)}). Chỉ được ghi khi Chủ tịch UBND cấp xã cho phép; hãy ghi rõ người cho phép và lý do.`,
        'on',
      ),
    );
  if (
    late &&
    input.override &&
    (!clean(input.override.authorisedBy) || clean(input.override.reason).length < 10)
  )
    return err(failures.invalid('override', 'Hãy ghi họ tên người cho phép và lý do (ít nhất 10 ký tự).'));
  const db = ctx.store.db;
  const term = (await repo.getTerm(db, c.office_term_id))!;
  // The interim person is appointed after the decision is written: check them first, so a person
  // of another hamlet or commune is refused before anything is written.
  if (input.interim?.residentId) {
    const person = await personFor(db, hp.hamlet.id, input.interim.residentId, null);
    if (!person.ok) return person;
  }
  if (input.interim?.residentId && input.interim.residentId === term.resident_id)
    return err(
      failures.invalid(
        'interim',
        `${term.holder_name} là người thôi làm; hãy cử người khác tạm thời đảm nhiệm.`,
      ),
    );
  const { hamlet, communeName } = hp;
  const title = headTitle(hamlet.kind);
  const kindVi = REMOVAL_NAMES_VI[c.kind as RemovalKind];
  const byChair = rec.value.authority === 'chair';
  const signer = clean(input.signerName);
  const reasons = (input.reasons ?? []).map(clean).filter(Boolean);
  if (input.decision === 'reply') {
    if (reasons.length === 0) return err(failures.invalid('reasons', 'Văn bản trả lời phải nêu rõ lý do.'));
    const doc = await issueForm(ctx, actor, {
      formId: 'reply-letter',
      title: `Trả lời kết quả họp ${kindVi} ${title} ${hamlet.name}`,
      communeId: hamlet.communeId,
      hamletId: hamlet.id,
      date: input.on,
      symbol: 'UBND',
      data: (n) => ({
        issue: communeIssue(communeName, input.on, 'UBND', n, signer, false, ['- Như trên;']),
        summary: `V/v trả lời kết quả cuộc họp xem xét ${kindVi} ${title} ${inText(hamlet.name)}`,
        addressees: [`Ban công tác Mặt trận ${inText(hamlet.name)}.`],
        reference: `Ủy ban nhân dân ${communeName} nhận được báo cáo kết quả cuộc họp cộng đồng dân cư ${inText(hamlet.name)} ngày ${formatVietnamese(data.meeting!.heldOn)} về việc ${kindVi} ${title}. Ủy ban nhân dân không công nhận kết quả, với lý do:`,
        reasons,
        request: 'Đề nghị Ban công tác Mặt trận thực hiện lại theo quy định./.',
      }),
    });
    if (!doc.ok) return doc;
    data.documents['reply'] = doc.value.id;
    data.decision = { kind: 'reply', on: input.on, late, override: input.override ?? null, reasons };
    await writeWithAudit(ctx, actor, async (trx) => {
      await repo.updateCase(trx, caseId, {
        state: 'replied',
        decided_on: input.on,
        data: JSON.stringify(data),
      });
      return {
        value: undefined,
        audit: { action: 'removal.reply', entity: 'removalCase', entityId: caseId, data: data.decision },
      };
    });
    const v = await getRemoval(ctx, actor, caseId);
    return v.ok ? ok({ view: v.value, interim: null }) : v;
  }
  const deadlines = removalDeadlines(
    profile,
    c.kind as RemovalKind,
    data.reportReceivedOn ?? input.on,
    input.on,
  );
  if (!deadlines.ok) return deadlines;
  const ne = deadlines.value;
  const neText =
    ne.newElectionMode === 'decided'
      ? `Ủy ban nhân dân ${communeName} quyết định tổ chức bầu ${title} mới chậm nhất ngày ${formatVietnamese(ne.newElectionBy)}`
      : `Tổ chức bầu ${title} mới chậm nhất ngày ${formatVietnamese(ne.newElectionBy)}`;
  const who = {
    honorific: honorificOf(term.resident_id ? (await residentOf(db, term.resident_id))?.sex : undefined),
    name: term.holder_name,
  };
  const doc = await issueForm(ctx, actor, {
    formId: 'removal-recognition-decision',
    title: `Quyết định công nhận kết quả ${kindVi} ${title} ${hamlet.name}`,
    communeId: hamlet.communeId,
    hamletId: hamlet.id,
    date: input.on,
    symbol: 'QĐ-UBND',
    data: (n) => ({
      issue: communeIssue(communeName, input.on, 'QĐ-UBND', n, signer, byChair, ['- Như Điều 3;']),
      authority: authorityLine(communeName, byChair),
      legalBases: [
        ...legalBasesOf(profile),
        `Xét Báo cáo kết quả cuộc họp cộng đồng dân cư ${inText(hamlet.name)} ngày ${formatVietnamese(data.meeting!.heldOn)}.`,
      ],
      hamlet: inText(hamlet.name),
      position: title,
      person: who,
      removalKind: kindVi,
      effectiveFrom: input.on,
      result: {
        agree: data.meeting!.approve,
        of: data.meeting!.registered,
        ofLabel: `tổng số hộ gia đình trong ${inText(hamlet.name)}`,
      },
      followUp: `${neText} (${formatCitation(proc.newElection.citation)}); trong thời gian chưa bầu được ${title} mới, ${proc.interimAppointedBy.value}.`,
      executors: `Quyết định này có hiệu lực kể từ ngày ký. Văn phòng UBND ${communeName}, Ban công tác Mặt trận ${inText(hamlet.name)} và ${who.honorific.toLowerCase()} ${who.name} chịu trách nhiệm thi hành Quyết định này./.`,
    }),
  });
  if (!doc.ok) return doc;
  data.documents['decision'] = doc.value.id;
  data.decision = { kind: 'recognise', on: input.on, late, override: input.override ?? null, reasons };
  await writeWithAudit(ctx, actor, async (trx) => {
    await repo.endTerm(trx, term.id, {
      ended_on: input.on,
      end_reason: KIND_END[c.kind as RemovalKind],
      end_ref: docRef(doc.value),
    });
    await repo.updateCase(trx, caseId, {
      state: 'recognised',
      decided_on: input.on,
      new_election_by: ne.newElectionBy,
      data: JSON.stringify(data),
    });
    return {
      value: undefined,
      audit: {
        action: 'removal.recognise',
        entity: 'removalCase',
        entityId: caseId,
        data: { ...data.decision, newElectionBy: ne.newElectionBy },
      },
    };
  });
  let interim: InterimOutcome | null = null;
  if (input.interim && (input.interim.residentId || clean(input.interim.name))) {
    const r = await appointInterim(ctx, actor, {
      hamletId: hamlet.id,
      reason: 'removal',
      profileId: profile.id,
      residentId: input.interim.residentId ?? null,
      name: input.interim.name ?? null,
      on: input.on,
      signerName: signer,
      newElectionBy: ne.newElectionBy,
      basisText: `Căn cứ Quyết định ${docRef(doc.value)} công nhận kết quả ${kindVi} ${title} ${inText(hamlet.name)}.`,
    });
    if (!r.ok) return r;
    interim = r.value;
    data.interimTermId = r.value.termId;
    data.documents['interim'] = r.value.document.id;
    await attachDocuments(ctx, actor, caseId, data);
  }
  const v = await getRemoval(ctx, actor, caseId);
  return v.ok ? ok({ view: v.value, interim }) : v;
}
