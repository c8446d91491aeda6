/**
 * Failures on the wire: their shape, and the HTTP status of every failure code. The status comes
 * from the code's kind (src/domain/failure-codes.ts); the record below lists every kind, so a kind
 * without a status does not compile.
 */
import { z } from 'zod';
import { FAILURE_CODES } from '../domain/result';
import type { FailureCode, FailureKind } from '../domain/result';
import type { Access } from './endpoint';

export const HTTP_STATUS: Readonly<Record<FailureKind, number>> = {
  unauthenticated: 401,
  'rate-limited': 429,
  forbidden: 403,
  'not-found': 404,
  invalid: 400,
  'too-large': 413,
  'unsupported-type': 415,
  conflict: 409,
  damaged: 409,
  refused: 422,
  internal: 500,
};

export const statusOf = (code: FailureCode): number => HTTP_STATUS[FAILURE_CODES[code]];

const codes = Object.keys(FAILURE_CODES) as [FailureCode, ...FailureCode[]];

/** The body of every failure answer: a stable code and a Vietnamese message that says what to do. */
export const failureSchema = z.object({
  error: z.object({
    code: z.enum(codes),
    message: z.string(),
    field: z.string().optional(),
    details: z.record(z.string(), z.unknown()).optional(),
  }),
});
export type FailureBody = z.infer<typeof failureSchema>;

/** Failures any endpoint may give for its access level, on top of those it declares. */
export function commonFailures(access: Access): FailureCode[] {
  const always: FailureCode[] = ['invalid-input', 'too-large', 'unsupported-type', 'internal', 'cross-site'];
  if (access === 'public') return [...always, 'rate-limited'];
  return [...always, 'unauthenticated', 'forbidden', 'not-found'];
}
