/**
 * Deputies. Under ND59/TT 14/2018 the head chooses a deputy after agreeing with the Front work
 * committee head, and the commune recognises the choice; the deputy's term follows the head's. The
 * number allowed comes from the profile and, where it says so, the hamlet's households (Quảng Trị
 * 01/2016 Điều 4).
 */
import type { CivilDate } from '../../domain/calendar';
import { isCivilDate } from '../../domain/calendar';
import { err, ok } from '../../domain/result';
import type { Result } from '../../domain/result';
import { allowedDeputies, decisionBeforeRule, formatCitation } from '../../domain/rules';
import { office as repo, territory as territoryRepo } from '../../store';
import type { DeputyInput } from '../../contract/office';
import type { Actor } from '../common';
import type { ServiceContext } from '../common';
import { writeWithAudit } from '../common';
import type { DocumentInfo } from '../documents';
import { failures } from '../common';
import {
  authorityLine,
  communeIssue,
  deputyTitle,
  headTitle,
  inText,
  isUrban,
  issueForm,
  legalBasesOf,
  loadHamlet,
  loadProfile,
  personFor,
  vnToday,
} from '../decisions';
import { currentHolders, termRow } from './register';
import { docRef } from './recognition';
import { ruleFailure } from '../common';

export type { DeputyInput } from '../../contract/office';

export interface DeputyOutcome {
  readonly termId: string;
  readonly plannedEnd: CivilDate | null;
  readonly allowed: number;
  readonly document: DocumentInfo;
}

export async function recogniseDeputy(
  ctx: ServiceContext,
  actor: Actor,
  input: DeputyInput,
): Promise<Result<DeputyOutcome>> {
  const h = await loadHamlet(ctx, actor, input.hamletId, 'decide');
  if (!h.ok) return h;
  const db = ctx.store.db;
  if (!isCivilDate(input.on) || input.on > vnToday(ctx))
    return err(failures.invalid('on', 'Ngày quyết định không hợp lệ.'));
  const { hamlet, communeName } = h.value;
  const head = (await currentHolders(db, hamlet.id, 'head', input.on))[0];
  if (!head)
    return err(
      failures.conflict(
        'hamletId',
        `${hamlet.name} chưa có ${headTitle(hamlet.kind)}; Phó do ${headTitle(hamlet.kind)} chọn.`,
      ),
    );
  const profile = loadProfile(head.profile_id);
  if (!profile.ok) return profile;
  const p = profile.value;
  const tooEarly = decisionBeforeRule(p, input.on);
  if (tooEarly) return err(tooEarly);
  const rule = p.deputies;
  if (rule.value.mode === 'electedWithHead') {
    return err(
      ruleFailure(
        'deputy-elected',
        'deputies.mode',
        rule.citation,
        `Theo ${formatCitation(rule.citation)}, Phó được bầu cùng ${headTitle(hamlet.kind)}; hãy ghi qua kết quả bầu cử.`,
        'hamletId',
      ),
    );
  }
  const households = (await territoryRepo.getHamlet(db, hamlet.id))?.households ?? 0;
  const allowed = allowedDeputies(p, isUrban(hamlet.kind) ? 'urban' : 'rural', households);
  const held = (await currentHolders(db, hamlet.id, 'deputyHead', input.on)).length;
  if (held >= allowed) {
    return err(
      ruleFailure(
        'too-many-deputies',
        'deputies',
        rule.citation,
        `${hamlet.name} (${households} hộ) được có ${allowed} ${deputyTitle(hamlet.kind)}, đã có ${held} (${formatCitation(rule.citation)}).`,
        'hamletId',
      ),
    );
  }
  const person = await personFor(db, hamlet.id, input.residentId, input.name);
  if (!person.ok) return person;
  if (person.value.residentId && person.value.residentId === head.resident_id)
    return err(failures.invalid('residentId', `${person.value.name} đang là ${headTitle(hamlet.kind)}.`));
  const title = deputyTitle(hamlet.kind);
  const termText = `nhiệm kỳ theo nhiệm kỳ của ${headTitle(hamlet.kind)} ${inText(hamlet.name)}${head.term_label ? `, nhiệm kỳ ${head.term_label}` : ''}`;
  // The deputy's recognition follows the commune's usual signing authority.
  const byChair = p.signingAuthority.value === 'chair';
  const doc = await issueForm(ctx, actor, {
    formId: 'deputy-recognition-decision',
    title: `Quyết định công nhận ${title} ${hamlet.name}`,
    communeId: hamlet.communeId,
    hamletId: hamlet.id,
    date: input.on,
    symbol: 'QĐ-UBND',
    data: (n) => ({
      issue: communeIssue(communeName, input.on, 'QĐ-UBND', n, input.signerName?.trim() ?? '', byChair, [
        '- Như Điều 3;',
      ]),
      authority: authorityLine(communeName, byChair),
      legalBases: [
        ...legalBasesOf(p),
        `Xét đề nghị của ${headTitle(hamlet.kind)} ${inText(hamlet.name)} sau khi thống nhất với Trưởng ban công tác Mặt trận ${inText(hamlet.name)}.`,
      ],
      hamlet: inText(hamlet.name),
      deputyTitle: title,
      headTitle: headTitle(hamlet.kind),
      deputy: person.value.doc,
      termText,
      executors: `Quyết định này có hiệu lực kể từ ngày ký. Văn phòng UBND ${communeName}, ${headTitle(hamlet.kind)} ${inText(hamlet.name)} và ${person.value.doc.honorific.toLowerCase()} ${person.value.name} chịu trách nhiệm thi hành Quyết định này./.`,
    }),
  });
  if (!doc.ok) return doc;
  const row = termRow(
    {
      hamletId: hamlet.id,
      position: 'deputyHead',
      holderName: person.value.name,
      residentId: person.value.residentId,
      basis: 'deputyRecognised',
      documentId: doc.value.id,
      decisionRef: docRef(doc.value),
      profileId: p.id,
      termLabel: head.term_label,
      startOn: input.on,
      // TT04 Điều 12 k2: the deputy's term follows the head's.
      plannedEnd: head.planned_end,
    },
    actor,
    ctx.now().toISOString(),
  );
  await writeWithAudit(ctx, actor, async (trx) => {
    await repo.insertTerm(trx, row);
    return {
      value: undefined,
      audit: {
        action: 'office.deputy',
        entity: 'officeTerm',
        entityId: row.id,
        data: { holder: row.holder_name, allowed, held },
      },
    };
  });
  return ok({ termId: row.id, plannedEnd: row.planned_end, allowed, document: doc.value });
}
