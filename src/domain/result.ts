/**
 * Expected failures are values, not exceptions (DESIGN.md principle 5). A failure carries a stable
 * machine code and a Vietnamese message that tells the official what to do.
 */
import type { FailureCode } from './failure-codes';

export type { FailureCode, FailureKind } from './failure-codes';
export { FAILURE_CODES, isFailureCode } from './failure-codes';

export interface Failure {
  /** One of FAILURE_CODES (src/domain/failure-codes.ts). */
  readonly code: FailureCode;
  readonly message: string;
  /** The field or rule the failure is about, when there is one. */
  readonly field?: string;
  readonly details?: Readonly<Record<string, unknown>>;
}

export type Result<T, E extends Failure = Failure> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: E };

export function ok<T>(value: T): { readonly ok: true; readonly value: T } {
  return { ok: true, value };
}

export function err<E extends Failure>(error: E): { readonly ok: false; readonly error: E } {
  return { ok: false, error };
}
