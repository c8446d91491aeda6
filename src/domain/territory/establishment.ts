/**
 * Establishing a new hamlet: the conditions (minimum households, or an exception of QĐ 01/2016 Điều 9
 * k2) and the steps with their documents. Quảng Trị Điều 10 k1: the commune reports to the level above
 * to ask for the policy; the home-affairs department appraises; the province gives the policy. Điều 10
 * k2 refers to TT04 Điều 8 for the dossier and the decision, whose text is not in the sources: those
 * items are marked unverified.
 */
import type { EstablishmentArea, EstablishmentRule } from '../rules/establishment-schema';

export type EstablishmentStep = 'policy' | 'dossier' | 'appraisal' | 'decision';

export interface ChecklistItem {
  readonly key: string;
  readonly step: EstablishmentStep;
  readonly title: string;
  readonly citation: string;
  readonly verified: boolean;
  readonly required: boolean;
}

const QT10 = 'QĐ 01/2016/QĐ-UBND Quảng Trị, Điều 10 khoản 1';
const TT04_8 = 'TT 04/2012/TT-BNV, Điều 8';

export const ESTABLISHMENT_CHECKLIST: readonly ChecklistItem[] = [
  {
    key: 'commune-report',
    step: 'policy',
    title: 'Báo cáo của UBND cấp xã xin chủ trương thành lập (nêu sự cần thiết và các điều kiện)',
    citation: QT10,
    verified: true,
    required: true,
  },
  {
    key: 'policy-appraisal',
    step: 'policy',
    title: 'Văn bản thẩm định nhu cầu thành lập của Sở Nội vụ',
    citation: QT10,
    verified: true,
    required: false,
  },
  {
    key: 'policy-approval',
    step: 'policy',
    title: 'Văn bản cho chủ trương thành lập của cấp có thẩm quyền',
    citation: QT10,
    verified: true,
    required: true,
  },
  {
    key: 'scheme',
    step: 'dossier',
    title: 'Đề án thành lập (tên gọi, vị trí, ranh giới, số hộ, nhân khẩu, cơ sở hạ tầng)',
    citation: TT04_8,
    verified: false,
    required: true,
  },
  {
    key: 'voter-opinion',
    step: 'dossier',
    title: 'Biên bản lấy ý kiến cử tri đại diện hộ gia đình về đề án',
    citation: TT04_8,
    verified: false,
    required: true,
  },
  {
    key: 'council-resolution',
    step: 'dossier',
    title: 'Nghị quyết của HĐND cấp xã thông qua đề án',
    citation: TT04_8,
    verified: false,
    required: false,
  },
  {
    key: 'submission',
    step: 'dossier',
    title: 'Tờ trình của UBND cấp xã đề nghị thành lập',
    citation: TT04_8,
    verified: false,
    required: true,
  },
  {
    key: 'appraisal',
    step: 'appraisal',
    title: 'Văn bản thẩm định hồ sơ thành lập',
    citation: TT04_8,
    verified: false,
    required: true,
  },
  {
    key: 'decision',
    step: 'decision',
    title: 'Quyết định (nghị quyết) thành lập',
    citation: TT04_8,
    verified: false,
    required: true,
  },
];

export const STEP_VI: Readonly<Record<EstablishmentStep, string>> = {
  policy: '1. Xin chủ trương thành lập',
  dossier: '2. Lập hồ sơ đề nghị',
  appraisal: '3. Thẩm định',
  decision: '4. Quyết định thành lập',
};

export const checklistItem = (key: string) => ESTABLISHMENT_CHECKLIST.find((i) => i.key === key);

/** Required items not yet recorded before the decision can be: the decision item itself excluded. */
export function missingBeforeDecision(recorded: readonly string[]): ChecklistItem[] {
  return ESTABLISHMENT_CHECKLIST.filter(
    (i) => i.required && i.key !== 'decision' && !recorded.includes(i.key),
  );
}

/** The step the dossier is at: the first with a required item missing, or 'decided'. */
export function currentStep(recorded: readonly string[]): EstablishmentStep | 'decided' {
  const missing = ESTABLISHMENT_CHECKLIST.find((i) => i.required && !recorded.includes(i.key));
  return missing ? missing.step : 'decided';
}

export const AREA_VI: Readonly<Record<EstablishmentArea, string>> = {
  plain: 'đồng bằng',
  mountainBorder: 'miền núi, biên giới',
  island: 'hải đảo',
};

export type ConditionVerdict =
  | { readonly ok: true; readonly minimum: number; readonly exception: string | null }
  | { readonly ok: false; readonly minimum: number; readonly reason: 'tooFew' | 'unknownException' };

/** Whether the planned households meet the minimum, or an exception the profile allows applies. */
export function checkConditions(
  rule: EstablishmentRule,
  urban: boolean,
  area: EstablishmentArea,
  households: number,
  exception: string | null,
): ConditionVerdict {
  const minimum = rule.minHouseholds[urban ? 'urban' : 'rural'][area];
  if (exception !== null) {
    const found = rule.lowerAllowedFor.find((e) => e.code === exception);
    if (!found) return { ok: false, minimum, reason: 'unknownException' };
    return { ok: true, minimum, exception: found.label };
  }
  return households >= minimum
    ? { ok: true, minimum, exception: null }
    : { ok: false, minimum, reason: 'tooFew' };
}
