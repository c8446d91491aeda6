/** The voter roll of an election (issue 5): build, read and count; post and amend; export and print. */
export * from './roll-build';
export * from './roll-posting';
export * from './roll-exports';
export type {
  ElectorateDecision,
  RollElectorate,
  RollEntryView,
  RollReason,
  SnapshotEntry,
} from './roll-common';
