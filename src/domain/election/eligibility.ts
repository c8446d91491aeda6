/**
 * Eligibility and composition checks. Every refusal names the profile rule it applies, with its
 * citation and confidence, and a Vietnamese message that tells the official what is wrong.
 */
import type { FailureCode } from '../result';
import type { CivilDate } from '../calendar/civil-date';
import { ageOn, formatVietnamese } from '../calendar/civil-date';
import { formatCitation } from '../rules/citation';
import type { Citation, Confidence, Param, RuleProfile, VoterExclusion } from '../rules/schema';

export interface Refusal {
  readonly code: FailureCode;
  /** The profile parameter applied, e.g. 'candidate.minAge'. */
  readonly rule: string;
  readonly citation: Citation;
  readonly confidence: Confidence;
  readonly message: string;
}

export interface Verdict {
  readonly eligible: boolean;
  readonly refusals: Refusal[];
}

function refuse(code: FailureCode, rule: string, param: Param<unknown>, message: string): Refusal {
  return {
    code,
    rule,
    citation: param.citation,
    confidence: param.confidence,
    message: `${message} (${formatCitation(param.citation)}).`,
  };
}

const verdict = (refusals: Refusal[]): Verdict => ({ eligible: refusals.length === 0, refusals });

export interface VoterFacts {
  readonly birthDate?: CivilDate;
  readonly permanentResidenceInHamlet?: boolean;
  readonly exclusions?: readonly VoterExclusion[];
}

const EXCLUSION_VI: Readonly<Record<VoterExclusion, string>> = {
  prisonUnsuspended: 'đang chấp hành hình phạt tù không được hưởng án treo',
  lostLegalCapacity: 'mất năng lực hành vi dân sự',
  mentalIllness: 'bị bệnh tâm thần',
  underProbation: 'đang bị quản chế',
  courtDeprived: 'bị Tòa án tước quyền bầu cử',
};

export function checkVoter(profile: RuleProfile, facts: VoterFacts, electionDate: CivilDate): Verdict {
  const p = profile.voter;
  const rule = p.value;
  const out: Refusal[] = [];
  if (rule.minAge !== null) {
    if (!facts.birthDate)
      out.push(
        refuse('voter-birth-date-missing', 'voter.minAge', p, 'Thiếu ngày sinh để xác định tuổi cử tri'),
      );
    else if (ageOn(facts.birthDate, electionDate) < rule.minAge) {
      out.push(
        refuse('voter-too-young', 'voter.minAge', p, `Cử tri phải đủ ${rule.minAge} tuổi vào ngày bầu cử`),
      );
    }
  }
  if (rule.permanentResidence && facts.permanentResidenceInHamlet !== true) {
    out.push(
      refuse('voter-residence', 'voter.permanentResidence', p, 'Cử tri phải thường trú tại thôn, tổ dân phố'),
    );
  }
  for (const e of facts.exclusions ?? []) {
    if (rule.exclusions.includes(e)) {
      out.push(
        refuse(
          `voter-excluded-${e}`,
          'voter.exclusions',
          p,
          `Người ${EXCLUSION_VI[e]} không được tham gia bầu cử`,
        ),
      );
    }
  }
  return verdict(out);
}

export interface RepresentativeFacts {
  readonly personId: string;
  readonly householdId: string;
  readonly birthDate?: CivilDate;
  readonly legalCapacity: 'full' | 'limited' | 'none';
  /** Chosen or authorised by the household's members (needed when nobody has full capacity). */
  readonly nominatedByMembers?: boolean;
}

export interface HouseholdFacts {
  readonly householdId: string;
  readonly anyMemberWithFullCapacity: boolean;
}

/** One representative per household, with full legal capacity unless nobody in the household has it. */
export function checkHouseholdRepresentatives(
  profile: RuleProfile,
  households: readonly HouseholdFacts[],
  representatives: readonly RepresentativeFacts[],
  electionDate: CivilDate,
): Map<string, Verdict> {
  const p = profile.householdRepresentative;
  const rule = p.value;
  const byHousehold = new Map<string, RepresentativeFacts[]>();
  for (const r of representatives)
    byHousehold.set(r.householdId, [...(byHousehold.get(r.householdId) ?? []), r]);
  const result = new Map<string, Verdict>();
  for (const h of households) {
    const reps = byHousehold.get(h.householdId) ?? [];
    const out: Refusal[] = [];
    if (reps.length > rule.perHousehold) {
      out.push(
        refuse(
          'household-too-many-representatives',
          'householdRepresentative.perHousehold',
          p,
          `Mỗi hộ gia đình chỉ có ${rule.perHousehold} người đại diện`,
        ),
      );
    }
    for (const r of reps) {
      if (rule.requiresFullLegalCapacity && r.legalCapacity !== 'full') {
        const allowedFallback =
          rule.fallbackNominated && !h.anyMemberWithFullCapacity && r.nominatedByMembers === true;
        if (!allowedFallback) {
          out.push(
            refuse(
              'representative-capacity',
              'householdRepresentative.requiresFullLegalCapacity',
              p,
              'Đại diện hộ gia đình phải có năng lực hành vi dân sự đầy đủ; nếu hộ không có người như vậy thì là người được các thành viên đề cử hoặc ủy nhiệm',
            ),
          );
        }
      }
      if (rule.minAge !== null && (!r.birthDate || ageOn(r.birthDate, electionDate) < rule.minAge)) {
        out.push(
          refuse(
            'representative-too-young',
            'householdRepresentative.minAge',
            p,
            `Đại diện hộ phải từ ${rule.minAge} tuổi trở lên`,
          ),
        );
      }
    }
    result.set(h.householdId, verdict(out));
  }
  return result;
}

export interface CandidateFacts {
  readonly personId: string;
  readonly birthDate?: CivilDate;
  readonly permanentResidenceInHamlet: boolean;
  readonly regularResidenceInHamlet: boolean;
}

export function checkCandidate(
  profile: RuleProfile,
  facts: CandidateFacts,
  electionDate: CivilDate,
  electionTeamIds: readonly string[] = [],
): Verdict {
  const p = profile.candidate;
  const rule = p.value;
  const out: Refusal[] = [];
  if (!facts.birthDate)
    out.push(
      refuse('candidate-birth-date-missing', 'candidate.minAge', p, 'Thiếu ngày sinh của người ứng cử'),
    );
  else if (ageOn(facts.birthDate, electionDate) < rule.minAge) {
    out.push(
      refuse(
        'candidate-too-young',
        'candidate.minAge',
        p,
        `Người ứng cử phải đủ ${rule.minAge} tuổi trở lên vào ngày bầu cử`,
      ),
    );
  }
  if (rule.permanentResidence && !facts.permanentResidenceInHamlet) {
    out.push(
      refuse(
        'candidate-permanent-residence',
        'candidate.permanentResidence',
        p,
        'Người ứng cử phải thường trú tại thôn, tổ dân phố',
      ),
    );
  }
  if (rule.regularResidence && !facts.regularResidenceInHamlet) {
    out.push(
      refuse(
        'candidate-regular-residence',
        'candidate.regularResidence',
        p,
        'Người ứng cử phải cư trú thường xuyên tại thôn, tổ dân phố',
      ),
    );
  }
  const team = profile.electionTeam;
  if (team.value.excludesCandidates && electionTeamIds.includes(facts.personId)) {
    out.push(
      refuse(
        'candidate-on-election-team',
        'electionTeam.excludesCandidates',
        team,
        'Người có tên trong danh sách ứng cử không được tham gia Tổ bầu cử',
      ),
    );
  }
  return verdict(out);
}

export function checkCandidateList(
  profile: RuleProfile,
  stage: 'draft' | 'official',
  count: number,
): Verdict {
  const p = profile.candidateCount;
  const { draftMin, draftMax, officialMin } = p.value;
  const out: Refusal[] = [];
  if (stage === 'draft' && count < draftMin) {
    out.push(
      refuse(
        'candidates-too-few',
        'candidateCount.draftMin',
        p,
        `Danh sách dự kiến phải có ít nhất ${draftMin} người`,
      ),
    );
  }
  if (stage === 'draft' && draftMax !== null && count > draftMax) {
    out.push(
      refuse(
        'candidates-too-many',
        'candidateCount.draftMax',
        p,
        `Danh sách dự kiến mỗi chức danh có nhiều nhất ${draftMax} người`,
      ),
    );
  }
  if (stage === 'official' && count < officialMin) {
    out.push(
      refuse(
        'candidates-too-few',
        'candidateCount.officialMin',
        p,
        `Danh sách chính thức phải có ít nhất ${officialMin} người`,
      ),
    );
  }
  return verdict(out);
}

export interface TeamMember {
  readonly personId: string;
  readonly role: 'leader' | 'secretary' | 'member';
  readonly isFrontCommitteeHead?: boolean;
  readonly isFrontCommitteeMember?: boolean;
  /** For the messages: who breaks the rule. */
  readonly name?: string;
  /** A resident's date of birth; absent for an official named by hand (nothing to check). */
  readonly birthDate?: CivilDate | null;
  /** Whether the resident lives in the election's hamlet; absent for an official named by hand. */
  readonly residentOfHamlet?: boolean | null;
}

/**
 * Who may sit on the election team, member by member (ND59 Điều 6 khoản 1 điểm b; QĐ 01/2016
 * Quảng Trị Điều 15 khoản 1 điểm đ; seed 000 §3.6): representatives of the hamlet's organisations
 * and households, so an adult (age on the appointment date, the civil majority of BLDS Điều 20)
 * resident in the hamlet; a candidate is refused by `checkElectionTeam`. Each refusal names the
 * member and the rule broken.
 */
export function teamMemberRefusals(profile: RuleProfile, m: TeamMember, on?: CivilDate): Refusal[] {
  const out: Refusal[] = [];
  const who = m.name ?? m.personId;
  const major = profile.civilMajorityAge;
  if (m.birthDate && on) {
    const age = ageOn(m.birthDate, on);
    if (age < major.value)
      out.push(
        refuse(
          'election-team-minor',
          'civilMajorityAge',
          major,
          `${who} mới ${age} tuổi vào ngày ${formatVietnamese(on)}: thành viên Tổ bầu cử là đại diện tổ chức, hộ gia đình, phải là người thành niên (đủ ${major.value} tuổi)`,
        ),
      );
  }
  if (m.residentOfHamlet === false)
    out.push(
      refuse(
        'election-team-not-resident',
        'electionTeam',
        profile.electionTeam,
        `${who} không cư trú tại thôn, tổ dân phố này: thành viên Tổ bầu cử là đại diện các tổ chức và hộ gia đình ở thôn, tổ dân phố`,
      ),
    );
  return out;
}

function sizeRefusals(
  rule: 'electionTeam.size' | 'countingTeam.size',
  p: Param<unknown>,
  size: number,
  min: number | null,
  max: number | null,
  label: string,
): Refusal[] {
  if (min !== null && size < min)
    return [refuse(`${rule}-too-small`, rule, p, `${label} phải có ít nhất ${min} người (hiện có ${size})`)];
  if (max !== null && size > max)
    return [refuse(`${rule}-too-large`, rule, p, `${label} có nhiều nhất ${max} người (hiện có ${size})`)];
  return [];
}

function candidateMembers(members: readonly TeamMember[], candidateIds: readonly string[]): TeamMember[] {
  return members.filter((m) => candidateIds.includes(m.personId));
}

export function checkElectionTeam(
  profile: RuleProfile,
  members: readonly TeamMember[],
  candidateIds: readonly string[],
  /** The appointment date the members' ages are taken on; without it, ages are not checked. */
  on?: CivilDate,
): Verdict {
  const p = profile.electionTeam;
  const rule = p.value;
  const out = sizeRefusals('electionTeam.size', p, members.length, rule.minSize, rule.maxSize, 'Tổ bầu cử');
  for (const m of members) out.push(...teamMemberRefusals(profile, m, on));
  const leaders = members.filter((m) => m.role === 'leader');
  if (leaders.length !== 1) {
    out.push(
      refuse('election-team-leader-count', 'electionTeam.leader', p, 'Tổ bầu cử phải có đúng một Tổ trưởng'),
    );
  } else if (rule.leader === 'frontCommitteeHead' && !leaders[0]?.isFrontCommitteeHead) {
    out.push(
      refuse(
        'election-team-leader',
        'electionTeam.leader',
        p,
        'Tổ trưởng Tổ bầu cử là Trưởng ban công tác Mặt trận',
      ),
    );
  } else if (
    rule.leader === 'frontCommitteeRepresentative' &&
    !leaders[0]?.isFrontCommitteeMember &&
    !leaders[0]?.isFrontCommitteeHead
  ) {
    out.push(
      refuse(
        'election-team-leader',
        'electionTeam.leader',
        p,
        'Tổ trưởng Tổ bầu cử là đại diện Ban công tác Mặt trận',
      ),
    );
  }
  if (rule.secretary && members.filter((m) => m.role === 'secretary').length !== 1) {
    out.push(refuse('election-team-secretary', 'electionTeam.secretary', p, 'Tổ bầu cử phải có một Thư ký'));
  }
  if (rule.excludesCandidates) {
    for (const m of candidateMembers(members, candidateIds)) {
      out.push(
        refuse(
          'election-team-candidate',
          'electionTeam.excludesCandidates',
          p,
          `${m.name ?? m.personId} là người ứng cử, không được tham gia Tổ bầu cử`,
        ),
      );
    }
  }
  return verdict(out);
}

export function checkCountingTeam(
  profile: RuleProfile,
  members: readonly TeamMember[],
  candidateIds: readonly string[],
): Verdict {
  const p = profile.countingTeam;
  const rule = p.value;
  if (rule.counter === 'electionTeam') return checkElectionTeam(profile, members, candidateIds);
  const out = sizeRefusals(
    'countingTeam.size',
    p,
    members.length,
    rule.minSize,
    rule.maxSize,
    'Tổ kiểm phiếu',
  );
  if (members.filter((m) => m.role === 'leader').length !== 1) {
    out.push(
      refuse(
        'counting-team-leader-count',
        'countingTeam.leader',
        p,
        'Tổ kiểm phiếu phải có đúng một Tổ trưởng',
      ),
    );
  }
  if (rule.excludesCandidates) {
    for (const m of candidateMembers(members, candidateIds)) {
      out.push(
        refuse(
          'counting-team-candidate',
          'countingTeam.excludesCandidates',
          p,
          `Người ứng cử (${m.personId}) không được tham gia Tổ kiểm phiếu`,
        ),
      );
    }
  }
  return verdict(out);
}

export function checkWitnesses(
  profile: RuleProfile,
  witnessIds: readonly string[],
  candidateIds: readonly string[],
): Verdict {
  const p = profile.witnesses;
  const out: Refusal[] = [];
  if (witnessIds.length !== p.value.count) {
    out.push(
      refuse(
        'witness-count',
        'witnesses.count',
        p,
        `Cần ${p.value.count} người chứng kiến việc kiểm phiếu (hiện có ${witnessIds.length})`,
      ),
    );
  }
  if (p.value.excludesCandidates) {
    for (const id of witnessIds.filter((w) => candidateIds.includes(w))) {
      out.push(
        refuse(
          'witness-candidate',
          'witnesses.excludesCandidates',
          p,
          `Người chứng kiến (${id}) không được là người ứng cử`,
        ),
      );
    }
  }
  return verdict(out);
}
