/**
 * Full civil-act capacity (năng lực hành vi dân sự đầy đủ) on a given day. The age of civil majority
 * is the profile's cited `civilMajorityAge` (Bộ luật Dân sự 2015 Điều 20 k1: 18 and over), so it shows
 * on the rules page with its source like every value the software enforces. A household representative
 * must have full capacity (L22 Điều 18, ND59 Điều 3 k2: householdRepresentative.requiresFullLegalCapacity).
 */
import { ageOn } from '../calendar/civil-date';
import type { CivilDate } from '../calendar/civil-date';
import type { RuleProfile } from '../rules/schema';

/** Whether a person born on `birthDate` has reached the profile's age of civil majority on `onDate`. */
export function isAdultOn(profile: RuleProfile, birthDate: CivilDate, onDate: CivilDate): boolean {
  return ageOn(birthDate, onDate) >= profile.civilMajorityAge.value;
}

/** Capacity as the records hold it: a court may restrict it or declare it lost (Điều 22, 24). */
export type RecordedCapacity = 'full' | 'restricted' | 'none';

/** Capacity as the rules see it on a day: a minor is 'limited' whatever the records say (Điều 20, 21). */
export type LegalCapacityOnDay = 'full' | 'limited' | 'none';

export function legalCapacityOn(
  profile: RuleProfile,
  person: { readonly birthDate: CivilDate; readonly legalCapacity: RecordedCapacity },
  onDate: CivilDate,
): LegalCapacityOnDay {
  if (!isAdultOn(profile, person.birthDate, onDate)) return 'limited';
  return person.legalCapacity === 'restricted' ? 'limited' : person.legalCapacity;
}
