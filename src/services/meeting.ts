/** The community meeting's use cases in one namespace (`meeting` in services/index.ts). */
export { getMeeting, recordMeetingVote, MEETING_STEPS } from './polling-meeting';
export type {
  MeetingStep,
  MeetingView,
  MeetingVoteInput,
  MeetingVoteView,
  StepRule,
} from './polling-meeting';
export { recordMeetingHands } from './polling-meeting-hands';
export type { MeetingHandsInput, MeetingHandsOutcome } from './polling-meeting-hands';
export { issueMeetingMinutes } from './polling-meeting-minutes';
export type { MinutesInput } from './polling-meeting-minutes';
