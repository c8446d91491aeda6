/**
 * Facts the commune keeps about a hamlet (seed 002 Điều 4, 8): its classification where the province
 * classifies hamlets, the registered number of households beside the count of the households table,
 * the deputies that number allows under the profile, the head's monthly allowance as the province
 * decided it, and the interim head's limit. Every fact is a dated record with its decision; editing
 * adds a record, so the history stays.
 */
import { randomUUID } from 'node:crypto';
import type * as contract from '../../contract/hamlet-facts';
import type { CivilDate } from '../../domain/calendar';
import { isCivilDate } from '../../domain/calendar';
import { err, ok } from '../../domain/result';
import type { Result } from '../../domain/result';
import type { RuleProfile } from '../../domain/rules';
import { CONFIDENCE_VI, allowedDeputies, formatCitation } from '../../domain/rules';
import { hamletKinds, isHamletKind } from '../../domain/territory';
import { hamletFacts as repo, households as householdsRepo } from '../../store';
import type { Db } from '../../store';
import type { Actor } from '../common';
import type { ServiceContext } from '../common';
import { writeWithAudit } from '../common';
import { failures } from '../common';
import type { InterimLimit } from '../office';
import { interimLimit } from '../office';
import { clean, isUrban, loadHamlet, loadProfile, vnToday } from '../decisions';
import { canDecide } from '../decisions';
import { isCurrent } from '../office';
import type { AllowanceView } from './allowance';
import { allowanceOf } from './allowance';

export const FACTS = ['classification', 'households'] as const;
export type FactKind = (typeof FACTS)[number];
export const CLASSES = ['1', '2', '3'] as const;

export interface Decision {
  readonly decisionNumber?: string | null;
  readonly decisionDate?: CivilDate | null;
  readonly decisionBody?: string | null;
}

/** A dated fact: the contract's body, with the hamlet it is about. */
export type FactInput = contract.FactInput & { readonly hamletId: string };

export interface FactView {
  readonly id: string;
  readonly fact: string;
  readonly value: string;
  readonly effectiveFrom: CivilDate;
  readonly decisionNumber: string | null;
  readonly decisionDate: CivilDate | null;
  readonly decisionBody: string | null;
  readonly note: string | null;
  readonly recordedAt: string;
}

export interface HamletFacts {
  readonly hamletId: string;
  readonly hamletName: string;
  readonly kind: string;
  readonly kindLabel: string;
  readonly on: CivilDate;
  readonly profile: { id: string; title: string };
  readonly classification: FactView | null;
  readonly households: {
    readonly registered: FactView | null;
    /** Households in the households table today. */
    readonly computed: number;
    /** The number that decides the deputies: the registered count when one is in force. */
    readonly used: number;
    readonly usedSource: 'registered' | 'computed';
  };
  readonly deputies: { allowed: number; rule: string; citation: string; confidence: string };
  readonly allowance: AllowanceView;
  readonly interim: InterimLimit | null;
  readonly interimRule: {
    maxMonths: number | null;
    citation: string;
    note: string | null;
    confidence: string;
  };
  readonly history: FactView[];
  readonly canEdit: boolean;
  /** Province-wide and class rates bind every commune: the administrator records them. */
  readonly canEditProvince: boolean;
  readonly provinceCode: string;
}

type FactRow = {
  id: string;
  fact: string;
  value: string;
  effective_from: string;
  decision_number: string | null;
  decision_date: string | null;
  decision_body: string | null;
  note: string | null;
  recorded_at: string;
};

const view = (r: FactRow): FactView => ({
  id: r.id,
  fact: r.fact,
  value: r.value,
  effectiveFrom: r.effective_from,
  decisionNumber: r.decision_number,
  decisionDate: r.decision_date,
  decisionBody: r.decision_body,
  note: r.note,
  recordedAt: r.recorded_at,
});

/** The record in force on `on`: the latest effective date, then the latest entry (a correction). */
export function inForce<T extends { effectiveFrom: string; recordedAt: string }>(
  rows: readonly T[],
  on: CivilDate,
): T | null {
  const due = rows.filter((r) => r.effectiveFrom <= on);
  due.sort((a, b) =>
    a.effectiveFrom === b.effectiveFrom
      ? a.recordedAt.localeCompare(b.recordedAt)
      : a.effectiveFrom.localeCompare(b.effectiveFrom),
  );
  return due.at(-1) ?? null;
}

/** The profile of the hamlet: the one asked for, else its latest head's, else its latest election's. */
export async function profileOfHamlet(
  db: Db,
  hamletId: string,
  asked?: string | null,
): Promise<Result<RuleProfile>> {
  if (asked?.trim()) return loadProfile(asked);
  const head = await repo.latestHeadProfile(db, hamletId);
  if (head !== undefined) return loadProfile(head);
  return loadProfile((await repo.latestElectionProfile(db, hamletId)) ?? null);
}

function deputyRule(p: RuleProfile): string {
  const r = p.deputies.value;
  if (r.mode === 'none') return 'Không có Phó (theo quy định áp dụng).';
  const parts = [`${r.base} Phó`];
  if (r.secondAbove)
    parts.push(
      `thêm 01 Phó khi trên ${r.secondAbove.rural} hộ (thôn) hoặc ${r.secondAbove.urban} hộ (khu phố)`,
    );
  if (r.noneBelow)
    parts.push(`không có Phó khi dưới ${r.noneBelow.rural} hộ (thôn) hoặc ${r.noneBelow.urban} hộ (khu phố)`);
  return parts.join('; ') + '.';
}

async function interimOf(db: Db, hamletId: string, on: CivilDate): Promise<InterimLimit | null> {
  const rows = await repo.interimHeadTerms(db, hamletId);
  const t = rows.filter((r) => isCurrent(r, on)).at(-1);
  if (!t) return null;
  const p = loadProfile(t.profile_id);
  return p.ok ? interimLimit(t, p.value, on) : null;
}

export async function getHamletFacts(
  ctx: ServiceContext,
  actor: Actor,
  hamletId: string,
  options: { on?: string; profileId?: string } = {},
): Promise<Result<HamletFacts>> {
  const h = await loadHamlet(ctx, actor, hamletId, 'read');
  if (!h.ok) return h;
  const on = options.on ?? vnToday(ctx);
  if (!isCivilDate(on)) return err(failures.invalid('on', 'Ngày xem không hợp lệ (dạng năm-tháng-ngày).'));
  const db = ctx.store.db;
  const profile = await profileOfHamlet(db, hamletId, options.profileId);
  if (!profile.ok) return profile;
  const p = profile.value;
  const history = (await repo.listFacts(db, hamletId)).map(view);
  const classification = inForce(
    history.filter((f) => f.fact === 'classification'),
    on,
  );
  const registered = inForce(
    history.filter((f) => f.fact === 'households'),
    on,
  );
  const computed = await householdsRepo.countHouseholds(db, hamletId);
  const used = registered ? Number(registered.value) : computed;
  const { hamlet } = h.value;
  const kind = hamlet.kind;
  return ok({
    hamletId,
    hamletName: hamlet.name,
    kind,
    kindLabel: isHamletKind(kind) ? hamletKinds[kind].label : kind,
    on,
    profile: { id: p.id, title: p.title },
    classification,
    households: { registered, computed, used, usedSource: registered ? 'registered' : 'computed' },
    deputies: {
      allowed: allowedDeputies(p, isUrban(kind) ? 'urban' : 'rural', used),
      rule: deputyRule(p),
      citation: formatCitation(p.deputies.citation),
      confidence: CONFIDENCE_VI[p.deputies.confidence],
    },
    allowance: await allowanceOf(db, h.value.place.provinceCode, hamletId, classification?.value ?? null, on),
    interim: await interimOf(db, hamletId, on),
    interimRule: {
      maxMonths: p.interim.value.maxMonths,
      citation: formatCitation(p.interim.citation),
      note: p.interim.note ?? null,
      confidence: CONFIDENCE_VI[p.interim.confidence],
    },
    history,
    canEdit: canDecide(actor, h.value.place),
    canEditProvince: actor.role === 'admin',
    provinceCode: h.value.place.provinceCode,
  });
}

/** Number, date and issuing body: all three or none; a date not after today. */
export function checkDecision(d: Decision, today: CivilDate, required: boolean): Result<Required<Decision>> {
  const number = clean(d.decisionNumber);
  const body = clean(d.decisionBody);
  const date = d.decisionDate?.trim() || null;
  const any = Boolean(number || body || date);
  if (!any && !required) return ok({ decisionNumber: null, decisionDate: null, decisionBody: null });
  if (!number) return err(failures.invalid('decisionNumber', 'Hãy nhập số quyết định (ví dụ 12/QĐ-UBND).'));
  if (!date || !isCivilDate(date))
    return err(failures.invalid('decisionDate', 'Hãy nhập ngày ban hành quyết định (dạng năm-tháng-ngày).'));
  if (date > today)
    return err(failures.invalid('decisionDate', 'Ngày quyết định không được sau ngày hôm nay.'));
  if (!body)
    return err(failures.invalid('decisionBody', 'Hãy nhập cơ quan ban hành (ví dụ UBND tỉnh Lâm Đồng).'));
  return ok({ decisionNumber: number, decisionDate: date, decisionBody: body });
}

function checkValue(fact: FactKind, value: string): Result<string> {
  const v = clean(value);
  if (fact === 'classification') {
    if (!(CLASSES as readonly string[]).includes(v))
      return err(failures.invalid('value', 'Phân loại thôn, tổ dân phố phải là loại 1, 2 hoặc 3.'));
    return ok(v);
  }
  if (!/^\d{1,6}$/.test(v))
    return err(failures.invalid('value', 'Số hộ gia đình phải là số nguyên không âm (ví dụ 412).'));
  return ok(String(Number(v)));
}

/**
 * Records a fact as of a date. The province classifies hamlets by decision, so a classification
 * needs its decision; a registered household count may come without one (a count report).
 */
export async function recordHamletFact(
  ctx: ServiceContext,
  actor: Actor,
  input: FactInput,
): Promise<Result<FactView>> {
  const h = await loadHamlet(ctx, actor, input.hamletId, 'decide');
  if (!h.ok) return h;
  if (!(FACTS as readonly string[]).includes(input.fact))
    return err(failures.invalid('fact', 'Hãy chọn loại thông tin: phân loại hoặc số hộ gia đình.'));
  const value = checkValue(input.fact, input.value ?? '');
  if (!value.ok) return value;
  if (!isCivilDate(input.effectiveFrom))
    return err(failures.invalid('effectiveFrom', 'Hãy nhập ngày có hiệu lực (dạng năm-tháng-ngày).'));
  const today = vnToday(ctx);
  const decision = checkDecision(input, today, input.fact === 'classification');
  if (!decision.ok) return decision;
  const d = decision.value;
  if (d.decisionDate && input.effectiveFrom < d.decisionDate)
    return err(
      failures.invalid('effectiveFrom', 'Ngày có hiệu lực không được trước ngày ban hành quyết định.'),
    );
  const row: FactRow & { hamlet_id: string; recorded_by: string } = {
    id: randomUUID(),
    hamlet_id: input.hamletId,
    fact: input.fact,
    value: value.value,
    effective_from: input.effectiveFrom,
    decision_number: d.decisionNumber ?? null,
    decision_date: d.decisionDate ?? null,
    decision_body: d.decisionBody ?? null,
    note: clean(input.note) || null,
    recorded_by: actor.userId,
    recorded_at: ctx.now().toISOString(),
  };
  await writeWithAudit(ctx, actor, async (trx) => {
    await repo.insertFact(trx, row);
    return {
      value: undefined,
      audit: {
        action: 'hamlet.fact',
        entity: 'hamlet',
        entityId: input.hamletId,
        data: { fact: row.fact, value: row.value, effectiveFrom: row.effective_from, decision: d },
      },
    };
  });
  return ok(view(row));
}
