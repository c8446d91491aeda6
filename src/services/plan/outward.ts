/**
 * The plan feature as the server and the command line see it: everything but `advanceLifecycle`,
 * which moves an election to the states after polling and is called only by the services that earn
 * them (the count's closure, the result report, recognition, re-election order, interim appointment).
 * A route therefore cannot reach it, whatever it is given.
 */
export { EARNED_STATES, TEAM_STEPS, deadlineOf, getLifecycle, recordStep } from './lifecycle';
export type { Deadline, HistoryEntry, LifecycleView, NextStep, Override, StepInput } from './lifecycle';
export * from './plan';
export * from './population';
export * from './stage-documents';
