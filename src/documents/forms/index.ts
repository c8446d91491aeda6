/**
 * Registry of every form: id, Vietnamese title, builder, and realistic sample data (Phường 2,
 * seed 000) used by tests, the PNG check and the preview.
 */
import type { DocumentModel } from '../model';
import { buildBallotRules, sampleBallotRules } from './ballot-rules';
import { buildBallots, sampleBallots, sampleStrikeOutBallots } from './ballots';
import { buildCandidateList, sampleCandidateList } from './candidate-list';
import { buildCommuneSummary, sampleCommuneSummary } from './commune-summary';
import { buildCommunityMeeting, sampleCommunityMeeting } from './community-meeting';
import { blankCountRecord, buildCountRecord, sampleCountRecord } from './count-record';
import {
  buildDeputyRecognitionDecision,
  sampleDeputyRecognitionDecision,
} from './deputy-recognition-decision';
import { buildElectionDayDecision, sampleElectionDayDecision } from './election-day-decision';
import { buildElectionTeamDecision, sampleElectionTeamDecision } from './election-team-decision';
import { buildHouseholdBallots, sampleHouseholdBallots } from './household-ballot';
import { buildHouseholdCount, sampleHouseholdCount } from './household-count';
import { buildInterimHeadDecision, sampleInterimHeadDecision } from './interim-head-decision';
import { buildInvitation, sampleInvitation } from './invitation';
import { buildJointConference, sampleJointConference } from './joint-conference';
import { blankMau05, buildMau05, sampleMau05 } from './mau-05';
import { buildPlan, samplePlan } from './plan';
import { buildRecognitionDecision, sampleRecognitionDecision } from './recognition-decision';
import { buildRemovalCount, sampleRemovalCount } from './removal-count';
import { buildRemovalMinutes, sampleRemovalMinutes } from './removal-minutes';
import { buildRemovalPetition, sampleRemovalPetition } from './removal-petition';
import { buildRemovalProposal, sampleRemovalProposal } from './removal-proposal';
import {
  buildRemovalRecognitionDecision,
  sampleRemovalRecognitionDecision,
} from './removal-recognition-decision';
import { buildReplyLetter, sampleReplyLetter } from './reply-letter';
import {
  blankResignationLetter,
  buildResignationLetter,
  sampleResignationLetter,
} from './resignation-letter';
import { buildResultReport, sampleResultReport } from './result-report';
import { buildRerunDecision, sampleRerunDecision } from './rerun-decision';
import { buildUnusedBallots, sampleUnusedBallots } from './unused-ballots';
import { buildVoterCards, sampleVoterCards } from './voter-cards';
import { buildVoterRoll, sampleVoterRoll } from './voter-roll';
import { buildVotersConference, sampleVotersConference } from './voters-conference';

export interface FormDefinition<T> {
  readonly id: string;
  readonly title: string;
  readonly build: (data: T) => DocumentModel;
  readonly sample: () => T;
}

/** A form whose data type is erased, for iteration; callers validate data before `build`. */
export interface AnyForm {
  readonly id: string;
  readonly title: string;
  readonly build: (data: unknown) => DocumentModel;
  readonly sample: () => unknown;
}

function form<T>(def: FormDefinition<T>): AnyForm {
  return { id: def.id, title: def.title, build: (data) => def.build(data as T), sample: def.sample };
}

export const FORMS: readonly AnyForm[] = [
  form({ id: 'plan', title: 'Kế hoạch tổ chức bầu', build: buildPlan, sample: samplePlan }),
  form({
    id: 'election-day-decision',
    title: 'Quyết định công bố ngày bầu cử',
    build: buildElectionDayDecision,
    sample: sampleElectionDayDecision,
  }),
  form({
    id: 'election-team-decision',
    title: 'Quyết định thành lập Tổ bầu cử',
    build: buildElectionTeamDecision,
    sample: sampleElectionTeamDecision,
  }),
  form({
    id: 'mau-05',
    title: 'Biên bản cuộc họp dự kiến danh sách người ứng cử (Mẫu số 05)',
    build: buildMau05,
    sample: sampleMau05,
  }),
  form({ id: 'mau-05-blank', title: 'Mẫu số 05 (để trống)', build: buildMau05, sample: blankMau05 }),
  form({
    id: 'voters-conference-minutes',
    title: 'Biên bản hội nghị cử tri giới thiệu người ứng cử',
    build: buildVotersConference,
    sample: sampleVotersConference,
  }),
  form({
    id: 'joint-conference-minutes',
    title: 'Biên bản hội nghị liên tịch',
    build: buildJointConference,
    sample: sampleJointConference,
  }),
  form({
    id: 'candidate-list',
    title: 'Danh sách trích ngang người ứng cử',
    build: buildCandidateList,
    sample: sampleCandidateList,
  }),
  form({ id: 'invitation', title: 'Giấy mời (Mẫu số 01)', build: buildInvitation, sample: sampleInvitation }),
  form({
    id: 'voter-roll',
    title: 'Danh sách cử tri niêm yết',
    build: buildVoterRoll,
    sample: sampleVoterRoll,
  }),
  form({ id: 'voter-cards', title: 'Thẻ cử tri', build: buildVoterCards, sample: sampleVoterCards }),
  form({
    id: 'ballots',
    title: 'Phiếu bầu (cột đồng ý / không đồng ý)',
    build: buildBallots,
    sample: sampleBallots,
  }),
  form({
    id: 'ballots-strike-out',
    title: 'Phiếu bầu (gạch tên)',
    build: buildBallots,
    sample: sampleStrikeOutBallots,
  }),
  form({
    id: 'ballot-rules',
    title: 'Quy định về phiếu bầu hợp lệ, không hợp lệ',
    build: buildBallotRules,
    sample: sampleBallotRules,
  }),
  form({
    id: 'unused-ballots-record',
    title: 'Biên bản niêm phong phiếu bầu không sử dụng',
    build: buildUnusedBallots,
    sample: sampleUnusedBallots,
  }),
  form({
    id: 'count-record',
    title: 'Biên bản kiểm phiếu (nhãn mẫu theo bộ quy tắc: Mẫu số 02 của ND59)',
    build: buildCountRecord,
    sample: sampleCountRecord,
  }),
  form({
    id: 'count-record-blank',
    title: 'Biên bản kiểm phiếu để trống',
    build: buildCountRecord,
    sample: () => blankCountRecord(),
  }),
  form({
    id: 'community-meeting',
    title: 'Biên bản, nghị quyết cuộc họp cộng đồng dân cư (Mẫu số 03)',
    build: buildCommunityMeeting,
    sample: sampleCommunityMeeting,
  }),
  form({
    id: 'household-ballot',
    title: 'Phiếu lấy ý kiến hộ gia đình',
    build: buildHouseholdBallots,
    sample: sampleHouseholdBallots,
  }),
  form({
    id: 'household-count',
    title: 'Biên bản kiểm phiếu lấy ý kiến hộ gia đình (Mẫu số 04)',
    build: buildHouseholdCount,
    sample: sampleHouseholdCount,
  }),
  form({
    id: 'result-report',
    title: 'Báo cáo kết quả bầu của Tổ bầu cử',
    build: buildResultReport,
    sample: sampleResultReport,
  }),
  form({
    id: 'recognition-decision',
    title: 'Quyết định công nhận người trúng cử',
    build: buildRecognitionDecision,
    sample: sampleRecognitionDecision,
  }),
  form({
    id: 'rerun-decision',
    title: 'Quyết định tổ chức bầu cử lại',
    build: buildRerunDecision,
    sample: sampleRerunDecision,
  }),
  form({
    id: 'reply-letter',
    title: 'Văn bản trả lời nêu rõ lý do',
    build: buildReplyLetter,
    sample: sampleReplyLetter,
  }),
  form({
    id: 'interim-head-decision',
    title: 'Quyết định cử Trưởng thôn lâm thời',
    build: buildInterimHeadDecision,
    sample: sampleInterimHeadDecision,
  }),
  form({
    id: 'deputy-recognition-decision',
    title: 'Quyết định công nhận Phó Trưởng thôn',
    build: buildDeputyRecognitionDecision,
    sample: sampleDeputyRecognitionDecision,
  }),
  form({
    id: 'resignation-letter',
    title: 'Đơn xin thôi làm',
    build: buildResignationLetter,
    sample: sampleResignationLetter,
  }),
  form({
    id: 'resignation-letter-blank',
    title: 'Đơn xin thôi làm (mẫu để trống)',
    build: buildResignationLetter,
    sample: blankResignationLetter,
  }),
  form({
    id: 'removal-proposal',
    title: 'Tờ trình đề nghị cho thôi làm',
    build: buildRemovalProposal,
    sample: sampleRemovalProposal,
  }),
  form({
    id: 'removal-petition',
    title: 'Đơn kiến nghị cho thôi làm (có danh sách chữ ký)',
    build: buildRemovalPetition,
    sample: sampleRemovalPetition,
  }),
  form({
    id: 'removal-minutes',
    title: 'Biên bản cuộc họp xem xét cho thôi làm',
    build: buildRemovalMinutes,
    sample: sampleRemovalMinutes,
  }),
  form({
    id: 'removal-count',
    title: 'Biên bản kiểm phiếu cho thôi làm',
    build: buildRemovalCount,
    sample: sampleRemovalCount,
  }),
  form({
    id: 'removal-recognition-decision',
    title: 'Quyết định công nhận kết quả cho thôi làm',
    build: buildRemovalRecognitionDecision,
    sample: sampleRemovalRecognitionDecision,
  }),
  form({
    id: 'commune-summary',
    title: 'Báo cáo tổng hợp kết quả bầu của xã, phường',
    build: buildCommuneSummary,
    sample: sampleCommuneSummary,
  }),
];

export function findForm(id: string): AnyForm | undefined {
  return FORMS.find((f) => f.id === id);
}
