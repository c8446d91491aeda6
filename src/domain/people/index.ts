export {
  asciiSlug,
  compareByVietnameseName,
  foldForSearch,
  matchesSearch,
  normalizeText,
  splitVietnameseName,
} from './names';
export type { VietnameseName } from './names';
export {
  centurySexDigit,
  makePersonalId,
  normalizePersonalId,
  parsePersonalId,
  personalIdPrefix,
  validatePersonalId,
} from './personal-id';
export type {
  PersonalIdExpectations,
  PersonalIdFailureCode,
  PersonalIdParts,
  PersonalIdSpec,
  Sex,
} from './personal-id';
export { BIRTH_PROVINCE_CODES, birthProvinceName, isBirthProvinceCode } from './province-codes';
export { isAdultOn, legalCapacityOn } from './legal-capacity';
export type { LegalCapacityOnDay, RecordedCapacity } from './legal-capacity';
