/**
 * Commendations and disciplinary records of office-holders (seed 002 Điều 8 k3, Điều 19, 20):
 * "hoàn thành xuất sắc nhiệm vụ thì được biểu dương, khen thưởng"; "tùy theo mức độ sai phạm sẽ bị
 * miễn nhiệm, bãi nhiệm hoặc truy cứu trách nhiệm theo quy định của pháp luật". Each record is held
 * against one term of the register. Dismissal and recall are carried out by the removal procedure
 * (services/removal.ts): a record of those forms points to it, it does not end the term itself.
 */
import { randomUUID } from 'node:crypto';
import type { CivilDate } from '../../domain/calendar';
import { isCivilDate } from '../../domain/calendar';
import { err, ok } from '../../domain/result';
import type { Result } from '../../domain/result';
import { office as officeRepo } from '../../store';
import type { Actor } from '../common';
import type { ServiceContext } from '../common';
import { writeWithAudit } from '../common';
import { failures } from '../common';
import { clean, loadCommune, loadHamlet, loadProfile, positionTitle, vnToday } from '../decisions';
import { REMOVAL_NAMES_VI } from '../../domain/removal';
import type { RemovalKind } from '../../domain/rules';

export const RECORD_KINDS = ['commendation', 'discipline'] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];

interface FormInfo {
  readonly kind: RecordKind;
  readonly label: string;
  readonly citation: string;
  /** The removal procedure that carries the form out, when there is one. */
  readonly removalKind: 'dismissal' | 'recall' | null;
}

const SEED = 'QĐ 01/2016/QĐ-UBND tỉnh Quảng Trị';

/** The forms the seed names, and nothing else. */
export const RECORD_FORMS: Readonly<Record<string, FormInfo>> = {
  praise: { kind: 'commendation', label: 'Biểu dương', citation: `${SEED}, Điều 19`, removalKind: null },
  award: { kind: 'commendation', label: 'Khen thưởng', citation: `${SEED}, Điều 19`, removalKind: null },
  dismissal: {
    kind: 'discipline',
    label: 'Miễn nhiệm',
    citation: `${SEED}, Điều 20`,
    removalKind: 'dismissal',
  },
  recall: { kind: 'discipline', label: 'Bãi nhiệm', citation: `${SEED}, Điều 20`, removalKind: 'recall' },
  prosecution: {
    kind: 'discipline',
    label: 'Truy cứu trách nhiệm theo quy định của pháp luật',
    citation: `${SEED}, Điều 20`,
    removalKind: null,
  },
};

export interface RecordInput {
  readonly termId: string;
  readonly form: string;
  readonly decidedOn: CivilDate;
  readonly decisionNumber: string;
  readonly decisionBody: string;
  /** What it was for: the achievement or the violation. */
  readonly content: string;
}

export interface OfficeRecordView {
  readonly id: string;
  readonly termId: string;
  readonly hamletId: string;
  readonly holderName: string;
  readonly positionTitle: string;
  readonly kind: RecordKind;
  readonly form: string;
  readonly formLabel: string;
  readonly citation: string;
  readonly decidedOn: CivilDate;
  readonly decisionNumber: string;
  readonly decisionBody: string;
  readonly content: string;
  /**
   * For dismissal and recall: the removal procedure of the term's profile that carries it out (the
   * same kind, or the profile's own, e.g. ND59's "cho thôi làm"), and the case once one is open.
   */
  readonly removal: {
    kind: RemovalKind;
    caseId: string | null;
    state: string | null;
    note: string | null;
  } | null;
}

function check(input: RecordInput, term: { start_on: string }, today: CivilDate): Result<FormInfo> {
  const form = RECORD_FORMS[input.form];
  if (!form)
    return err(
      failures.invalid(
        'form',
        'Hãy chọn hình thức: biểu dương, khen thưởng, miễn nhiệm, bãi nhiệm hoặc truy cứu trách nhiệm.',
      ),
    );
  if (!isCivilDate(input.decidedOn))
    return err(failures.invalid('decidedOn', 'Hãy nhập ngày quyết định (dạng năm-tháng-ngày).'));
  if (input.decidedOn > today)
    return err(failures.invalid('decidedOn', 'Ngày quyết định không được sau ngày hôm nay.'));
  if (input.decidedOn < term.start_on)
    return err(failures.invalid('decidedOn', 'Ngày quyết định trước ngày bắt đầu giữ chức của người này.'));
  if (!clean(input.decisionNumber))
    return err(failures.invalid('decisionNumber', 'Hãy nhập số quyết định (ví dụ 25/QĐ-UBND).'));
  if (!clean(input.decisionBody))
    return err(
      failures.invalid('decisionBody', 'Hãy nhập cơ quan, người ra quyết định (ví dụ Chủ tịch UBND phường).'),
    );
  if (clean(input.content).length < 5)
    return err(failures.invalid('content', 'Hãy ghi nội dung: thành tích được khen hoặc vi phạm bị xử lý.'));
  return ok(form);
}

export async function recordOfficeRecord(
  ctx: ServiceContext,
  actor: Actor,
  input: RecordInput,
): Promise<Result<{ id: string }>> {
  const term = await officeRepo.getTerm(ctx.store.db, input.termId);
  if (!term) return err(failures.notFound('người giữ chức này'));
  const h = await loadHamlet(ctx, actor, term.hamlet_id, 'decide');
  if (!h.ok) return h;
  const form = check(input, term, vnToday(ctx));
  if (!form.ok) return form;
  const row = {
    id: randomUUID(),
    office_term_id: term.id,
    hamlet_id: term.hamlet_id,
    kind: form.value.kind,
    form: input.form,
    decided_on: input.decidedOn,
    decision_number: clean(input.decisionNumber),
    decision_body: clean(input.decisionBody),
    content: clean(input.content),
    recorded_by: actor.userId,
    recorded_at: ctx.now().toISOString(),
  };
  await writeWithAudit(ctx, actor, async (trx) => {
    await officeRepo.insertRecord(trx, row);
    return {
      value: undefined,
      audit: {
        action: `office.${row.kind}`,
        entity: 'officeTerm',
        entityId: term.id,
        data: {
          form: row.form,
          decidedOn: row.decided_on,
          decision: row.decision_number,
          holder: term.holder_name,
        },
      },
    };
  });
  return ok({ id: row.id });
}

/** The removal procedure that carries a form out under the term's profile, if it has one. */
function procedureFor(
  asked: RemovalKind | null,
  profileId: string,
): { kind: RemovalKind; note: string | null } | null {
  if (!asked) return null;
  const profile = loadProfile(profileId);
  if (!profile.ok) return null;
  const kinds = profile.value.removal.map((x) => x.kind);
  if (kinds.includes(asked)) return { kind: asked, note: null };
  const own = kinds[0];
  if (!own) return null;
  return {
    kind: own,
    note: `Bộ quy tắc ${profileId} không có thủ tục ${REMOVAL_NAMES_VI[asked]}; thực hiện theo thủ tục ${REMOVAL_NAMES_VI[own]}.`,
  };
}

/** Every record of the commune's office-holders, newest first, with the removal case it leads to. */
export async function listOfficeRecords(
  ctx: ServiceContext,
  actor: Actor,
  communeId: string,
): Promise<Result<OfficeRecordView[]>> {
  const c = await loadCommune(ctx, actor, communeId, 'read');
  if (!c.ok) return c;
  const db = ctx.store.db;
  const rows = await officeRepo.listRecordsOfCommune(db, communeId);
  const cases = await officeRepo.caseKindsOfHamlets(db, [...new Set(rows.map((r) => r.hamlet_id))]);
  return ok(
    rows.map((r) => {
      const form = RECORD_FORMS[r.form];
      const procedure = procedureFor(form?.removalKind ?? null, r.profile_id);
      const found = procedure
        ? cases.find((k) => k.office_term_id === r.office_term_id && k.kind === procedure.kind)
        : undefined;
      return {
        id: r.id,
        termId: r.office_term_id,
        hamletId: r.hamlet_id,
        holderName: r.holder_name,
        positionTitle: positionTitle(r.position, r.hamlet_kind),
        kind: r.kind as RecordKind,
        form: r.form,
        formLabel: form?.label ?? r.form,
        citation: form?.citation ?? '',
        decidedOn: r.decided_on,
        decisionNumber: r.decision_number,
        decisionBody: r.decision_body,
        content: r.content,
        removal: procedure ? { ...procedure, caseId: found?.id ?? null, state: found?.state ?? null } : null,
      };
    }),
  );
}
