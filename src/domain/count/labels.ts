/** Vietnamese wording of the count's codes, shared by the API view and the count record. */
import type { InvalidReason, Position, RuleProfile } from '../rules';
import type { OutcomeReason } from './types';
import { hamletKinds, isHamletKind } from '../territory';

export const INVALID_REASON_VI: Readonly<Record<InvalidReason, string>> = {
  'unofficial-form': 'Phiếu không theo mẫu do Tổ bầu cử phát ra',
  unstamped: 'Phiếu không có dấu của Ủy ban nhân dân cấp xã',
  'too-many-kept': 'Phiếu bầu nhiều hơn số người được bầu',
  'all-struck': 'Phiếu gạch tên tất cả người ứng cử',
  'extra-name': 'Phiếu ghi thêm tên người ngoài danh sách hoặc ghi thêm nội dung khác',
  'both-columns': 'Phiếu đánh dấu cả hai cột đồng ý và không đồng ý',
};

export const POSITION_VI: Readonly<Record<Position, string>> = {
  head: 'Trưởng thôn, Tổ trưởng tổ dân phố',
  deputyHead: 'Phó Trưởng thôn, Tổ phó tổ dân phố',
  groupLeader: 'Tổ trưởng Tổ nhân dân tự quản',
  groupDeputy: 'Tổ phó Tổ nhân dân tự quản',
  groupSecretary: 'Thư ký Tổ nhân dân tự quản',
};

/** The head's title by the kind of hamlet (khu phố → Khu phố trưởng, thôn → Trưởng thôn, ...). */
export function positionTitle(position: string, hamletKind: string): string {
  const kind = isHamletKind(hamletKind) ? hamletKinds[hamletKind] : undefined;
  if (position === 'head') return kind?.headTitle ?? 'Trưởng thôn';
  if (position === 'deputyHead')
    return kind
      ? `Phó ${kind.headTitle.charAt(0).toLowerCase()}${kind.headTitle.slice(1)}`
      : 'Phó Trưởng thôn';
  return POSITION_VI[position as Position] ?? position;
}

export const OUTCOME_REASON_VI: Readonly<Record<OutcomeReason, string>> = {
  'meeting-not-quorate': 'cuộc họp không đủ số đại diện hộ gia đình tham dự theo quy định',
  turnout: 'số cử tri tham gia bỏ phiếu không đạt tỷ lệ tối thiểu theo quy định',
  'no-candidate-over-threshold': 'không có người ứng cử nào đạt số phiếu bầu theo quy định',
  'more-over-threshold-than-seats':
    'số người ứng cử đạt số phiếu theo quy định nhiều hơn số người được bầu mà quy định không chọn người cao phiếu nhất',
  'tie-unresolved': 'có người ứng cử bằng phiếu nhau mà quy định không có cách phân định',
  'tie-broken-by-age': 'bằng phiếu nhau, người nhiều tuổi hơn trúng cử theo quy định',
};

/**
 * The count record's wording under a profile: its form label (ND59's "Mẫu số 02"; none where the
 * province's text gives the record no form), who counted (the counting team the meeting elected, or
 * the election team), who witnessed, and how the electorate is named in the totals.
 */
export function countRecordLabels(profile: RuleProfile) {
  const household = profile.electorate.value === 'householdRepresentatives';
  const byMeeting = profile.countingTeam.value.counter === 'countingTeam';
  return {
    formLabel: profile.countRecord.value.formLabel,
    electorateLabel: household ? 'đại diện hộ gia đình' : 'cử tri',
    teamLabel: byMeeting ? 'Ban kiểm phiếu gồm:' : 'Tổ bầu cử gồm:',
    witnessLabel: `${household ? 'Đại diện hộ gia đình' : 'Cử tri'} chứng kiến việc kiểm phiếu:`,
    byMeeting,
  };
}

/**
 * What a candidate's percentage is taken against, in the conclusion's words: the whole roll, named
 * as the profile names who is on it (household representatives or voters), or the households the
 * opinion ballots went to (Mẫu 04). The figure is the same; only whom it counts differs.
 */
export function ratioBaseText(profile: RuleProfile, form: string | null): string {
  if (form === 'householdBallots') return 'tổng số hộ gia đình trong danh sách';
  return `tổng số ${countRecordLabels(profile).electorateLabel} trong danh sách`;
}

/**
 * The minutes of an election held at a meeting under a profile: what the meeting is called
 * ("cuộc họp cộng đồng dân cư" under ND59, "hội nghị ấp" under Tây Ninh Điều 7, "hội nghị thôn"
 * under Quảng Trị Điều 7) and the form label, if the source prescribes one.
 */
export function meetingMinutesLabels(profile: RuleProfile, hamletKind: string) {
  const m = profile.meetingMinutes.value;
  const kindWord = (isHamletKind(hamletKind) ? hamletKinds[hamletKind].label : 'Thôn').toLowerCase();
  return {
    formLabel: m.formLabel,
    meetingName: m.meeting === 'communityMeeting' ? 'cuộc họp cộng đồng dân cư' : `hội nghị ${kindWord}`,
    community: m.meeting === 'communityMeeting',
  };
}
