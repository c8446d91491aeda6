/** Polling day's use cases in one namespace (`pollingDay` in services/index.ts). */
export { checkIn, findVoters, getTurnout, sendMobileBox, voterCardCode } from './polling-attendance';
export type { CheckInInput, GroupTurnout, MobileBoxInput, Turnout, VoterView } from './polling-attendance';
export {
  closePolling,
  getPoll,
  recordBoxReturned,
  recordInterruption,
  resumePolling,
} from './polling-session';
export type { InterruptionInput, PollEventView, PollStatus, PollView } from './polling-session';
export { getBallots, issueSealingRecord, recordBallots, sealUnusedBallots } from './polling-ballots';
export type { BallotsView, MovementInput, PositionBallots, SealInput } from './polling-ballots';
export { pollingWindow, vnInstant } from './polling-clock';
export {
  canonicalJson,
  exportPackage,
  importPackage,
  verifyPackage,
  PACKAGE_FORMAT,
} from './polling-package';
export type { ImportReport, SignedPackage, SigningKey } from './polling-package';
export { acceptedKeys, instanceKey, keyIdOf, trustKey, trustedKeys } from './package-keys';
export type { InstanceKey, TrustedKey } from './package-keys';
