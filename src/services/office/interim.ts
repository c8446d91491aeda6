/**
 * Interim heads: appointed by the commune chair (or committee, per the profile) after a vacancy, after
 * a failed last round (Tây Ninh 2019 Điều 16e: chosen from the official candidates), or after a
 * removal. The appointment's limit (TT04 Điều 12 k2a: 6 months) and the latest day for the new
 * election are recorded on the term and tracked by the register's alerts.
 */
import type { CivilDate } from '../../domain/calendar';
import { formatVietnamese, isCivilDate } from '../../domain/calendar';
import { interimTermEnd, newElectionAfterInterimDeadline } from '../../domain/election';
import { err, ok } from '../../domain/result';
import type { Result } from '../../domain/result';
import type { RuleProfile } from '../../domain/rules';
import { decisionBeforeRule, formatCitation } from '../../domain/rules';
import { office as repo, preparationPlan as planRepo } from '../../store';
import type { InterimInput, InterimReason } from '../../contract/office';
import type { Actor } from '../common';
import type { ServiceContext } from '../common';
import { writeWithAudit } from '../common';
import type { DocumentInfo } from '../documents';
import { failures } from '../common';
import {
  authorityLine,
  chairOf,
  communeIssue,
  headTitle,
  inText,
  issueForm,
  legalBasesOf,
  loadHamlet,
  loadProfile,
  personFor,
  vnToday,
} from '../decisions';
import { currentHolders, endCurrent, termRow } from './register';
import { countOutcome, docRef } from './recognition';
import { mismatchFailure } from '../count';
import { advanceLifecycle } from '../plan';
import { namesOn } from '../territory';
import { ruleFailure } from '../common';

export type { InterimInput, InterimReason } from '../../contract/office';

export interface InterimOutcome {
  readonly termId: string;
  readonly plannedEnd: CivilDate | null;
  readonly newElectionBy: CivilDate | null;
  readonly document: DocumentInfo;
}

const REASON_TEXT: Readonly<Record<InterimReason, string>> = {
  vacancy: 'khuyết người giữ chức',
  failedElection: 'bầu cử lại vẫn không bầu được người trúng cử',
  removal: 'người giữ chức đã thôi làm',
};

async function officialCandidateIds(ctx: ServiceContext, electionId: string): Promise<string[]> {
  return repo.officialHeadCandidateIds(ctx.store.db, electionId);
}

/** A failed election may go to an interim head only after the profile's number of failed rounds. */
async function checkFailedElection(
  ctx: ServiceContext,
  profile: RuleProfile,
  election: planRepo.PlannedElectionRow,
  residentId: string | null | undefined,
): Promise<Result<null>> {
  if (election.state !== 'reported')
    return err(failures.conflict('electionId', 'Cuộc bầu cử này chưa có báo cáo kết quả chờ quyết định.'));
  const i = profile.interim;
  const outcome = await countOutcome(ctx.store.db, election, profile);
  if (outcome?.mismatch) return err(mismatchFailure(outcome.mismatch, 'cử người tạm thời đảm nhiệm'));
  const failedEnough = outcome ? outcome.kind === 'interim' : election.round >= i.value.afterFailedRounds;
  if (!failedEnough) {
    return err(
      ruleFailure(
        'interim-too-early',
        'interim.afterFailedRounds',
        i.citation,
        `Chỉ cử người tạm thời đảm nhiệm sau ${i.value.afterFailedRounds} lần bầu không thành (${formatCitation(i.citation)}); lần này là lần ${election.round}: hãy quyết định bầu cử lại.`,
        'reason',
      ),
    );
  }
  if (i.value.fromCandidates) {
    const ids = await officialCandidateIds(ctx, election.id);
    if (!residentId || !ids.includes(residentId)) {
      return err(
        ruleFailure(
          'interim-not-candidate',
          'interim.fromCandidates',
          i.citation,
          `Người được cử tạm thời phải là một trong những người trong danh sách chính thức người ứng cử (${formatCitation(i.citation)}).`,
          'residentId',
        ),
      );
    }
  }
  return ok(null);
}

export async function appointInterim(
  ctx: ServiceContext,
  actor: Actor,
  input: InterimInput,
): Promise<Result<InterimOutcome>> {
  const h = await loadHamlet(ctx, actor, input.hamletId, 'decide');
  if (!h.ok) return h;
  const db = ctx.store.db;
  if (!isCivilDate(input.on)) return err(failures.invalid('on', 'Ngày quyết định không hợp lệ.'));
  if (input.on > vnToday(ctx))
    return err(failures.invalid('on', 'Không ghi trước một quyết định chưa ban hành.'));
  if (!['vacancy', 'failedElection', 'removal'].includes(input.reason))
    return err(failures.invalid('reason', 'Hãy chọn trường hợp cử người tạm thời.'));
  const election = input.electionId ? await planRepo.getPlannedElection(db, input.electionId) : undefined;
  if (input.electionId && (!election || election.hamletId !== input.hamletId))
    return err(failures.notFound('cuộc bầu cử này'));
  if (input.reason === 'failedElection' && !election)
    return err(failures.invalid('electionId', 'Hãy chọn cuộc bầu cử không thành.'));
  const profile = loadProfile(election?.profileId ?? input.profileId);
  if (!profile.ok) return profile;
  const p = profile.value;
  const tooEarly = decisionBeforeRule(p, input.on);
  if (tooEarly) return err(tooEarly);
  if (input.reason === 'failedElection' && election) {
    const check = await checkFailedElection(ctx, p, election, input.residentId);
    if (!check.ok) return check;
  }
  if (input.reason === 'vacancy') {
    const heads = await currentHolders(db, input.hamletId, 'head', input.on);
    if (heads.length > 0)
      return err(
        failures.conflict(
          'hamletId',
          `${h.value.hamlet.name} đang có ${headTitle(h.value.hamlet.kind)} ${heads[0]!.holder_name}; chưa khuyết.`,
        ),
      );
  }
  const person = await personFor(db, input.hamletId, input.residentId, input.name);
  if (!person.ok) return person;
  if (election && input.reason === 'failedElection') {
    const step = await advanceLifecycle(ctx, actor, election.id, { to: 'interim', on: input.on });
    if (!step.ok) return step;
  }
  const plannedEnd = interimTermEnd(p, input.on);
  const newElectionBy = input.newElectionBy ?? newElectionAfterInterimDeadline(p, input.on);
  const { hamlet } = h.value;
  // A decision dated before the 2025 reorganisation carries the commune's name of that day.
  const { communeName } = await namesOn(db, hamlet.communeId, input.on, hamlet.id);
  const title = headTitle(hamlet.kind);
  const byChair = p.interim.value.appointedBy === 'chair';
  const chair = await chairOf(db, election?.id ?? null, input.signerName);
  const limitText = p.interim.value.maxMonths
    ? `cho đến khi bầu được ${title} mới, thời hạn không quá ${String(p.interim.value.maxMonths).padStart(2, '0')} tháng`
    : `cho đến khi bầu được ${title} mới`;
  const doc = await issueForm(ctx, actor, {
    formId: 'interim-head-decision',
    title: `Quyết định cử ${title} lâm thời ${hamlet.name}`,
    communeId: hamlet.communeId,
    hamletId: hamlet.id,
    electionId: election?.id ?? null,
    date: input.on,
    symbol: 'QĐ-UBND',
    data: (n) => ({
      issue: communeIssue(communeName, input.on, 'QĐ-UBND', n, chair, byChair, ['- Như Điều 3;']),
      authority: authorityLine(communeName, byChair),
      legalBases: [
        ...legalBasesOf(p),
        input.basisText?.trim() || `Xét tình hình ${inText(hamlet.name)}: ${REASON_TEXT[input.reason]}.`,
      ],
      hamlet: inText(hamlet.name),
      position: title,
      appointee: person.value.doc,
      from: input.on,
      until: `${limitText}${newElectionBy ? `; bầu cử ${title} mới chậm nhất ngày ${formatVietnamese(newElectionBy)}` : ''}`,
      executors: `Quyết định này có hiệu lực kể từ ngày ký. Văn phòng UBND ${communeName}, Ban công tác Mặt trận ${inText(hamlet.name)} và ${person.value.doc.honorific.toLowerCase()} ${person.value.name} chịu trách nhiệm thi hành Quyết định này./.`,
    }),
  });
  if (!doc.ok) return doc;
  const row = termRow(
    {
      hamletId: hamlet.id,
      position: 'head',
      holderName: person.value.name,
      residentId: person.value.residentId,
      basis: 'interim',
      electionId: election?.id ?? null,
      documentId: doc.value.id,
      decisionRef: docRef(doc.value),
      profileId: p.id,
      termLabel: election?.termLabel ?? null,
      startOn: input.on,
      plannedEnd,
      newElectionBy,
    },
    actor,
    ctx.now().toISOString(),
  );
  await writeWithAudit(ctx, actor, async (trx) => {
    await endCurrent(trx, hamlet.id, ['head'], input.on, 'replaced', docRef(doc.value));
    await repo.insertTerm(trx, row);
    await repo.insertDecision(trx, {
      id: row.id,
      hamlet_id: hamlet.id,
      election_id: election?.id ?? null,
      kind: 'interim',
      decided_on: input.on,
      due: null,
      late: 0,
      document_id: doc.value.id,
      data: JSON.stringify({ reason: input.reason, plannedEnd, newElectionBy }),
      recorded_by: actor.userId,
      recorded_at: ctx.now().toISOString(),
    });
    return {
      value: undefined,
      audit: {
        action: 'office.interim',
        entity: 'officeTerm',
        entityId: row.id,
        data: { reason: input.reason, holder: row.holder_name, plannedEnd, newElectionBy },
      },
    };
  });
  return ok({ termId: row.id, plannedEnd, newElectionBy, document: doc.value });
}
