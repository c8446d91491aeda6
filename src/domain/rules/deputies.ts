import type { HamletKind, RuleProfile } from './schema';

/**
 * How many deputies a hamlet may have. QĐ 01/2016 Điều 4 k1–3: one; a second above 500 households
 * (thôn) or 600 (khu phố); none below 50 (thôn) or 60 (khu phố).
 */
export function allowedDeputies(profile: RuleProfile, hamletKind: HamletKind, households: number): number {
  const rule = profile.deputies.value;
  if (rule.mode === 'none') return 0;
  if (rule.noneBelow && households < rule.noneBelow[hamletKind]) return 0;
  if (rule.secondAbove && households > rule.secondAbove[hamletKind]) return rule.base + 1;
  return rule.base;
}
