/** What the voter-roll services share: the stored shapes, their views, the order of groups and names. */
import type { FailureCode } from '../../domain/result';
import { compareByVietnameseName } from '../../domain/people';
import type { Electorate } from '../../domain/rules';
import type { Refusal } from '../../domain/election';
import { formatCitation } from '../../domain/rules';
import type { rolls as repo } from '../../store';
import { parseJson } from '../common';

export type RollElectorate = Exclude<Electorate, 'allVotersOrHouseholdRepresentatives'>;

export const ELECTORATE_LABELS: Readonly<Record<RollElectorate, string>> = {
  allVoters: 'Toàn thể cử tri',
  householdRepresentatives: 'Cử tri đại diện hộ gia đình',
};

/** Why a person is not on the roll (or was taken off it): the rule applied and its article. */
export interface RollReason {
  readonly code: FailureCode;
  readonly rule: string;
  readonly citation: string;
  readonly message: string;
}

export const reasonOf = (r: Refusal): RollReason => ({
  code: r.code,
  rule: r.rule,
  citation: formatCitation(r.citation),
  message: r.message,
});

/** How the electorate was settled: by the profile itself, or by the authority the profile names. */
export interface ElectorateDecision {
  readonly source: 'profile' | 'round' | 'decision';
  /** 'chair' | 'peoplesCommittee' when the profile leaves the choice to the commune. */
  readonly decidedBy: string | null;
  readonly citation: string;
  /** The decision's number and date, or the plan it came from. */
  readonly reference: string | null;
}

export type EntryStatus = 'listed' | 'excluded' | 'removed';

export interface RollEntryView {
  readonly id: string;
  readonly rollNumber: number | null;
  readonly residentId: string;
  readonly householdId: string;
  readonly fullName: string;
  readonly birthDate: string;
  readonly sex: 'male' | 'female';
  readonly address: string;
  readonly residentGroup: string | null;
  readonly status: EntryStatus;
  readonly reasons: RollReason[];
  /** The amendment that last changed the entry after posting. */
  readonly amendmentSeq: number | null;
  /** The person's residence type was assumed by an import (the list did not say). */
  readonly residenceAssumed: boolean;
}

/** One entry as frozen in a snapshot; the polling adapter reads these keys. */
export interface SnapshotEntry {
  readonly rollNumber: number;
  readonly residentId: string;
  readonly householdId: string;
  readonly fullName: string;
  readonly birthDate: string;
  readonly sex: string;
  readonly address: string;
  readonly residentGroup: string | null;
}

export const SEX_LABELS: Readonly<Record<string, string>> = { male: 'Nam', female: 'Nữ' };

const groupCollator = new Intl.Collator('vi', { numeric: true });

/** Residents' groups in natural order ("Tổ 2" before "Tổ 10"); people without a group last. */
export function compareGroups(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return groupCollator.compare(a, b);
}

/** Roll order: group, then the Vietnamese name order (given, family, middle), then birth date. */
export function compareRollPeople(
  a: { residentGroup: string | null; fullName: string; birthDate: string; residentId: string },
  b: { residentGroup: string | null; fullName: string; birthDate: string; residentId: string },
): number {
  return (
    compareGroups(a.residentGroup, b.residentGroup) ||
    compareByVietnameseName(a.fullName, b.fullName) ||
    (a.birthDate < b.birthDate ? -1 : a.birthDate > b.birthDate ? 1 : 0) ||
    (a.residentId < b.residentId ? -1 : a.residentId > b.residentId ? 1 : 0)
  );
}

export function entryView(
  row: repo.EntryRow,
  seqOfAmendment: ReadonlyMap<string, number>,
  residenceAssumed: ReadonlySet<string> = new Set(),
): RollEntryView {
  return {
    id: row.id,
    rollNumber: row.roll_number,
    residentId: row.resident_id,
    householdId: row.household_id,
    fullName: row.full_name,
    birthDate: row.birth_date,
    sex: row.sex as 'male' | 'female',
    address: row.address,
    residentGroup: row.resident_group,
    status: row.status as EntryStatus,
    reasons: parseJson<RollReason[]>(row.reasons, []),
    amendmentSeq: row.amendment_id ? (seqOfAmendment.get(row.amendment_id) ?? null) : null,
    residenceAssumed: residenceAssumed.has(row.resident_id),
  };
}

export function snapshotEntries(rows: readonly repo.EntryRow[]): SnapshotEntry[] {
  return rows
    .filter((r) => r.status === 'listed' && r.roll_number !== null)
    .map((r) => ({
      rollNumber: r.roll_number as number,
      residentId: r.resident_id,
      householdId: r.household_id,
      fullName: r.full_name,
      birthDate: r.birth_date,
      sex: r.sex,
      address: r.address,
      residentGroup: r.resident_group,
    }))
    .sort((a, b) => a.rollNumber - b.rollNumber);
}

const dmy = (d: string): string => d.split('-').reverse().join('/');
export { dmy };
