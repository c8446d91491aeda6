/**
 * Per-address request limits, through @fastify/rate-limit, on the routes anyone may call without an
 * account: signing in (password spraying over many accounts) and the public verification of a
 * printed document (guessing codes). The per-account lockout (services/auth) is domain logic and
 * stays there. The address is `request.ip`, so behind a reverse proxy BAUCOSO_TRUST_PROXY must say
 * whose X-Forwarded-For to believe, or every client shares the proxy's address. Kept in memory: a
 * restart forgets it, and each app process counts on its own.
 *
 * Every request counts, not only the failed ones: generous enough for a commune office or a
 * carrier's shared address on polling morning, far too few to guess a password or a 60-bit code.
 */
import type { FastifyRequest } from 'fastify';

export interface AddressLimit {
  /** Requests allowed from one address within the window. */
  readonly max: number;
  readonly minutes: number;
  /** The refusal's message, given the minutes left to wait. */
  readonly refusal: (minutes: number) => string;
}

export const LOGIN_LIMIT: AddressLimit = {
  max: 60,
  minutes: 15,
  refusal: (m) => `Có quá nhiều lần đăng nhập từ máy này. Hãy thử lại sau ${m} phút.`,
};

export const VERIFY_LIMIT: AddressLimit = {
  max: 60,
  minutes: 15,
  refusal: (m) => `Có quá nhiều lần nhập mã kiểm tra từ máy này. Hãy thử lại sau ${m} phút.`,
};

/** A refusal the error handler answers as it is: status 429, code `rate-limited`, Vietnamese. */
export class RateLimited extends Error {
  readonly statusCode = 429;
  readonly failure = 'rate-limited' as const;
}

/** The route's `config.rateLimit` for @fastify/rate-limit. */
export const rateLimitConfig = (limit: AddressLimit) => ({
  max: limit.max,
  timeWindow: limit.minutes * 60_000,
  errorResponseBuilder: (_request: FastifyRequest, context: { ttl: number }) =>
    new RateLimited(limit.refusal(Math.max(1, Math.ceil(context.ttl / 60_000)))),
});
