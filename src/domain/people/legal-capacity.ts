/**
 * Full civil-act capacity (năng lực hành vi dân sự đầy đủ): the national Civil Code, not a rule that
 * differs between election profiles, so it is a cited value of the domain rather than a profile field.
 * A household representative must have it (L22 Điều 18, ND59 Điều 3 k2; profile field
 * householdRepresentative.requiresFullLegalCapacity).
 */
import { ageOn } from '../calendar/civil-date';
import type { CivilDate } from '../calendar/civil-date';
import type { Param } from '../rules/schema';

/**
 * Bộ luật Dân sự 2015 Điều 20 k1: "Người thành niên là người từ đủ mười tám tuổi trở lên"; k2: an
 * adult has full civil-act capacity except under Điều 22–24 (lost, impaired or restricted by a court).
 * Điều 21 k1: a minor is under 18. The seeds use the same age for voters (Quảng Trị 01/2016 Điều 14
 * k2: "đủ 18 tuổi trở lên"; Tây Ninh 2019 Điều 3: a household representative "từ 18 tuổi trở lên").
 */
export const CIVIL_MAJORITY: Param<number> = {
  value: 18,
  citation: { source: 'Bộ luật Dân sự 2015', article: 'Điều 20', clause: 'khoản 1' },
  confidence: 'secondary',
  note: 'Văn bản luật không có trong các nguồn đã lưu; trích theo các trang hỏi đáp pháp luật.',
};

/** Whether a person born on `birthDate` is an adult (đủ 18 tuổi) on `onDate`. */
export function isAdultOn(birthDate: CivilDate, onDate: CivilDate): boolean {
  return ageOn(birthDate, onDate) >= CIVIL_MAJORITY.value;
}

/** Capacity as the records hold it: a court may restrict it or declare it lost (Điều 22, 24). */
export type RecordedCapacity = 'full' | 'restricted' | 'none';

/** Capacity as the rules see it on a day: a minor is 'limited' whatever the records say (Điều 20, 21). */
export type LegalCapacityOnDay = 'full' | 'limited' | 'none';

export function legalCapacityOn(
  person: { readonly birthDate: CivilDate; readonly legalCapacity: RecordedCapacity },
  onDate: CivilDate,
): LegalCapacityOnDay {
  if (!isAdultOn(person.birthDate, onDate)) return 'limited';
  return person.legalCapacity === 'restricted' ? 'limited' : person.legalCapacity;
}
