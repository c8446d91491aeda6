/** The count's use cases in one namespace (`counting` in services/index.ts). */
export { officialCandidates, openCount } from './count-open';
export type { CandidateRecord, OpenCountInput } from './count-open';
export {
  closeBatch,
  correctPaper,
  enterPaper,
  openBatch,
  recordHands,
  resolveDifference,
  undoEntry,
} from './count-entry';
export type { EntryAck, EntryInput, PaperInput } from './count-entry';
export { MAX_PAPERS_PER_REQUEST, enterPapers } from './count-entry-bulk';
export { closeCount, getCount, listElectionCounts } from './count-result';
export type { CloseOutcome, CountResult, CountView, ElectionCounts } from './count-result';
export type { BatchSheet, Difference, SheetPaper } from './count-sheet';
export { prepareDemoPolling } from './polling-demo';
export { issueCountRecord, issueResultReport, printCountRecord } from './count-documents';
