import type { DemoHousehold } from '../../src/demo';
import type { ResidentFields } from '../../src/io';

/** The import's fields of every member of generated households, as a commune's list gives them. */
export function fieldsOf(households: readonly DemoHousehold[]): ResidentFields[] {
  return households.flatMap((h) =>
    h.members.map((m) => ({
      householdCode: h.code,
      fullName: m.fullName,
      birthDate: m.birthDate,
      sex: m.sex,
      personalId: m.personalId,
      relation: m.relation,
      residence: m.residence,
      legalCapacity: m.legalCapacity,
      residentGroup: h.residentGroup,
      address: h.address,
    })),
  );
}
