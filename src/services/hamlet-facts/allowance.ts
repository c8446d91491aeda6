/**
 * The head's monthly allowance (seed 002 Điều 8 k1: "mức phụ cấp do Hội đồng nhân dân tỉnh quyết
 * định"). Stored as the decision states it: a coefficient of the base salary, or an amount, for the
 * whole province, one hamlet class, or one hamlet, from an effective date. Nothing is invented: a
 * hamlet without a recorded decision shows none.
 */
import { randomUUID } from 'node:crypto';
import type * as contract from '../../contract/hamlet-facts';
import type { CivilDate } from '../../domain/calendar';
import { isCivilDate } from '../../domain/calendar';
import { err, ok } from '../../domain/result';
import type { Result } from '../../domain/result';
import { hamletFacts as repo, territory as territoryRepo } from '../../store';
import type { Db } from '../../store';
import type { Actor } from '../common';
import type { ServiceContext } from '../common';
import { writeWithAudit } from '../common';
import { failures } from '../common';
import { clean, loadHamlet, vnToday } from '../decisions';

/** Read in seed 002; shown to officials as the decision's own citation. */
export const ALLOWANCE_BASIS = 'QĐ 01/2016/QĐ-UBND tỉnh Quảng Trị, Điều 8, khoản 1';

/** A decision on the allowance: the contract's body, with the province and, for one hamlet, the hamlet. */
export type RateInput = contract.RateInput & {
  readonly provinceCode: string;
  readonly hamletId?: string | null;
};

export interface RateView {
  readonly id: string;
  readonly provinceCode: string;
  readonly hamletId: string | null;
  readonly classification: string | null;
  readonly coefficientMilli: number | null;
  readonly amountVnd: number | null;
  readonly baseSalaryVnd: number | null;
  /** The monthly amount the decision gives: its amount, or coefficient × base salary. */
  readonly monthlyVnd: number | null;
  readonly effectiveFrom: CivilDate;
  readonly decisionNumber: string;
  readonly decisionDate: CivilDate;
  readonly decisionBody: string;
  readonly note: string | null;
  readonly recordedAt: string;
}

export interface AllowanceView {
  readonly current: RateView | null;
  /** Which table the current rate came from. */
  readonly scope: 'hamlet' | 'classification' | 'province' | null;
  readonly history: RateView[];
  readonly basis: string;
}

type RateRow = {
  id: string;
  province_code: string;
  hamlet_id: string | null;
  classification: string | null;
  position: string;
  coefficient_milli: number | null;
  amount_vnd: number | null;
  base_salary_vnd: number | null;
  effective_from: string;
  decision_number: string;
  decision_date: string;
  decision_body: string;
  note: string | null;
  recorded_by: string | null;
  recorded_at: string;
};

/** Integer arithmetic: thousandths of a coefficient times đồng, rounded half up to the đồng. */
export function monthlyAmount(
  coefficientMilli: number | null,
  baseSalary: number | null,
  amount: number | null,
) {
  if (amount !== null) return amount;
  if (coefficientMilli === null || baseSalary === null) return null;
  return Math.floor((coefficientMilli * baseSalary + 500) / 1000);
}

/** "1,5" → 1500; "2" → 2000; more than three decimals or a value outside 0–20 is refused. */
export function parseCoefficient(text: string): number | null {
  const m = /^(\d{1,2})(?:[.,](\d{1,3}))?$/.exec(text.trim());
  if (!m) return null;
  const milli = Number(m[1]) * 1000 + Number((m[2] ?? '').padEnd(3, '0'));
  return milli > 0 && milli <= 20000 ? milli : null;
}

const view = (r: RateRow): RateView => ({
  id: r.id,
  provinceCode: r.province_code,
  hamletId: r.hamlet_id,
  classification: r.classification,
  coefficientMilli: r.coefficient_milli,
  amountVnd: r.amount_vnd,
  baseSalaryVnd: r.base_salary_vnd,
  monthlyVnd: monthlyAmount(r.coefficient_milli, r.base_salary_vnd, r.amount_vnd),
  effectiveFrom: r.effective_from,
  decisionNumber: r.decision_number,
  decisionDate: r.decision_date,
  decisionBody: r.decision_body,
  note: r.note,
  recordedAt: r.recorded_at,
});

const latest = (rows: readonly RateView[], on: CivilDate) =>
  rows
    .filter((r) => r.effectiveFrom <= on)
    .sort((a, b) => (a.effectiveFrom + a.recordedAt).localeCompare(b.effectiveFrom + b.recordedAt))
    .at(-1) ?? null;

/**
 * The rate in force for one hamlet on `on`: a decision about the hamlet itself, else the province's
 * rate for its class, else the province's rate for every hamlet.
 */
export async function allowanceOf(
  db: Db,
  provinceCode: string,
  hamletId: string,
  classification: string | null,
  on: CivilDate,
): Promise<AllowanceView> {
  const rows = await repo.ratesForHamlet(db, provinceCode, hamletId);
  const all = rows.map(view);
  const own = latest(
    all.filter((r) => r.hamletId === hamletId),
    on,
  );
  const cls = classification
    ? latest(
        all.filter((r) => !r.hamletId && r.classification === classification),
        on,
      )
    : null;
  const province = latest(
    all.filter((r) => !r.hamletId && !r.classification),
    on,
  );
  const current = own ?? cls ?? province;
  const scope = own ? 'hamlet' : cls ? 'classification' : province ? 'province' : null;
  const relevant = all.filter(
    (r) => r.hamletId === hamletId || !r.classification || r.classification === classification,
  );
  return { current, scope, history: relevant, basis: ALLOWANCE_BASIS };
}

function checkRate(
  input: RateInput,
  today: CivilDate,
): Result<Omit<RateRow, 'id' | 'recorded_by' | 'recorded_at'>> {
  const coefficientText = clean(input.coefficient);
  const coefficient = coefficientText ? parseCoefficient(coefficientText) : null;
  if (coefficientText && coefficient === null)
    return err(
      failures.invalid('coefficient', 'Hệ số phải là số dương, tối đa 3 chữ số thập phân (ví dụ 1,5).'),
    );
  const amount = input.amountVnd ?? null;
  const base = input.baseSalaryVnd ?? null;
  for (const [field, v] of [
    ['amountVnd', amount],
    ['baseSalaryVnd', base],
  ] as const) {
    if (v !== null && (!Number.isInteger(v) || v <= 0 || v > 1_000_000_000))
      return err(failures.invalid(field, 'Số tiền phải là số nguyên đồng, lớn hơn 0.'));
  }
  if ((coefficient === null) === (amount === null))
    return err(
      failures.invalid(
        'coefficient',
        'Hãy nhập đúng một trong hai: hệ số, hoặc mức tiền cụ thể theo quyết định.',
      ),
    );
  const classification = clean(input.classification) || null;
  if (classification && !['1', '2', '3'].includes(classification))
    return err(failures.invalid('classification', 'Phân loại phải là loại 1, 2 hoặc 3.'));
  if (classification && input.hamletId)
    return err(failures.invalid('classification', 'Mức của một thôn cụ thể không kèm phân loại.'));
  if (!isCivilDate(input.effectiveFrom))
    return err(failures.invalid('effectiveFrom', 'Hãy nhập ngày có hiệu lực (dạng năm-tháng-ngày).'));
  const number = clean(input.decisionNumber);
  const body = clean(input.decisionBody);
  if (!number)
    return err(
      failures.invalid('decisionNumber', 'Hãy nhập số nghị quyết, quyết định quy định mức phụ cấp.'),
    );
  if (!isCivilDate(input.decisionDate) || input.decisionDate > today)
    return err(failures.invalid('decisionDate', 'Ngày ban hành không hợp lệ hoặc sau ngày hôm nay.'));
  if (!body)
    return err(failures.invalid('decisionBody', 'Hãy nhập cơ quan ban hành (ví dụ HĐND tỉnh Lâm Đồng).'));
  return ok({
    province_code: input.provinceCode,
    hamlet_id: input.hamletId || null,
    classification,
    position: 'head',
    coefficient_milli: coefficient,
    amount_vnd: amount,
    base_salary_vnd: base,
    effective_from: input.effectiveFrom,
    decision_number: number,
    decision_date: input.decisionDate,
    decision_body: body,
    note: clean(input.note) || null,
  });
}

/**
 * A province-wide or class rate binds every commune, so only an administrator records it; a
 * decision about one hamlet is recorded by that commune's People's Committee.
 */
export async function recordAllowanceRate(
  ctx: ServiceContext,
  actor: Actor,
  input: RateInput,
): Promise<Result<RateView>> {
  const db = ctx.store.db;
  if (input.hamletId) {
    const h = await loadHamlet(ctx, actor, input.hamletId, 'decide');
    if (!h.ok) return h;
    if (h.value.place.provinceCode !== input.provinceCode)
      return err(failures.invalid('provinceCode', 'Thôn, tổ dân phố này không thuộc tỉnh đã chọn.'));
  } else {
    if (actor.role !== 'admin') return err(failures.forbidden('ghi mức phụ cấp chung của tỉnh'));
    if (!(await territoryRepo.getProvince(db, input.provinceCode)))
      return err(failures.notFound(`tỉnh mã "${input.provinceCode}"`));
  }
  const checked = checkRate(input, vnToday(ctx));
  if (!checked.ok) return checked;
  const row: RateRow = {
    id: randomUUID(),
    ...checked.value,
    recorded_by: actor.userId,
    recorded_at: ctx.now().toISOString(),
  };
  await writeWithAudit(ctx, actor, async (trx) => {
    await repo.insertRate(trx, row);
    return {
      value: undefined,
      audit: {
        action: 'allowance.record',
        entity: 'allowanceRate',
        entityId: row.id,
        data: { ...checked.value },
      },
    };
  });
  return ok(view(row));
}

/**
 * The province's table (rates for every hamlet and per class), newest first. A provincial decision
 * is a public legal document, so every signed-in user may read it.
 */
export async function listAllowanceRates(
  ctx: ServiceContext,
  _actor: Actor,
  provinceCode: string,
): Promise<Result<RateView[]>> {
  const db = ctx.store.db;
  if (!(await territoryRepo.getProvince(db, provinceCode)))
    return err(failures.notFound(`tỉnh mã "${provinceCode}"`));
  const rows = await repo.provinceRates(db, provinceCode);
  return ok(rows.map(view));
}
