/**
 * The elections of a residents' self-managed group (Tổ nhân dân tự quản): seed 001 (Kế hoạch
 * 65/KH-UBND Vĩnh Thuận) mục II.1.6 has every ấp and khu phố elect the Tổ trưởng, Tổ phó and Thư ký
 * of each group for 2024–2026, apart from the heads' 2024–2029 term, under Kiên Giang QĐ 1564/QĐ-UBND
 * 2008 Chương III. Which positions a group elects and for how long are the profile's `residentGroup`.
 */
import type { CivilDate } from '../calendar/civil-date';
import type { Position, RuleProfile } from '../rules/schema';
import { hamletInText } from '../territory/hamlet-kinds';

/** The positions a group elects under the profile; empty where the profile has no groups' elections. */
export function groupPositions(profile: RuleProfile): readonly Position[] {
  return profile.residentGroup.value?.positions ?? [];
}

export function isGroupPosition(profile: RuleProfile, position: string): boolean {
  return (groupPositions(profile) as readonly string[]).includes(position);
}

/**
 * The group's term as plans write it ("2024-2026"): from the year of the election, the profile's
 * length in whole years (a half year or more counts as one more, as a 30-month term of 2024 reads
 * 2024-2027). Null where the profile elects no groups.
 */
export function groupTermLabel(profile: RuleProfile, electionDate: CivilDate): string | null {
  const rule = profile.residentGroup.value;
  if (!rule) return null;
  const from = Number(electionDate.slice(0, 4));
  return `${from}-${from + Math.floor((rule.termMonths + 6) / 12)}`;
}

/**
 * A group's name as documents give it: "Tổ 3" or "Tổ số 3" → "Tổ nhân dân tự quản số 3"; a name
 * that already says so, or another name ("Tổ Bờ Kênh"), keeps its words after the kind.
 */
export function groupInText(name: string): string {
  const n = name.normalize('NFC').trim();
  if (/^tổ nhân dân tự quản\b/iu.test(n))
    return `Tổ nhân dân tự quản${n.slice('Tổ nhân dân tự quản'.length)}`;
  const numbered = /^(?:tổ\s*)?(?:số\s*)?(\d+[a-z]?)$/iu.exec(n);
  if (numbered) return `Tổ nhân dân tự quản số ${numbered[1]}`;
  const named = /^tổ\s+(.+)$/iu.exec(n);
  return `Tổ nhân dân tự quản ${named ? named[1] : n}`;
}

/**
 * Whose election it is, as its documents name it: the hamlet's name as it is ("Ấp Thạnh Hòa"), or
 * for a group "Tổ nhân dân tự quản số 3, ấp Thạnh Hòa", which reads the same in a title and in
 * running text (hamletInText leaves it as it is).
 */
export function electionPlace(hamletName: string, groupName: string | null | undefined): string {
  return groupName ? `${groupInText(groupName)}, ${hamletInText(hamletName)}` : hamletName;
}

/** A group officer's title before the group's name: "Tổ trưởng Tổ nhân dân tự quản số 3, ...". */
const OFFICER_VI: Readonly<Record<string, string>> = {
  groupLeader: 'Tổ trưởng',
  groupDeputy: 'Tổ phó',
  groupSecretary: 'Thư ký',
};

/**
 * The position's title as it stands before `electionPlace`: for a group's election the officer alone
 * ("Tổ trưởng"), since the place already names the Tổ nhân dân tự quản; otherwise `title` as given.
 */
export function titleBeforePlace(
  position: string,
  title: string,
  groupName: string | null | undefined,
): string {
  return (groupName && OFFICER_VI[position]) || title;
}

/**
 * The issuing body's lines at the top left of a record ("TỔ BẦU CỬ KHU PHỐ 1"): a group's election
 * gives the group and its hamlet a line each, as the heading column is narrow.
 */
export function bodyLines(prefix: string | null, hamletName: string, groupName: string | null): string[] {
  const hamlet = hamletName.toUpperCase();
  if (!groupName) return [prefix ? `${prefix} ${hamlet}` : hamlet];
  return [...(prefix ? [prefix] : []), groupInText(groupName).toUpperCase(), hamlet];
}
