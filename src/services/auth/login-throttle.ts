/**
 * Per-address rate limit on failed logins. The account lockout (auth.ts) stops guessing one
 * account's password; this stops one address from trying many accounts (password spraying). Kept in
 * memory: a restart forgets it, and each app process counts on its own (the lockout, in the
 * database, still holds across processes). Behind a reverse proxy the server must trust the proxy's
 * X-Forwarded-For, or every client shares the proxy's address.
 */
import type { Failure } from '../../domain/result';

export interface LoginThrottleOptions {
  /** Failed logins allowed from one address within the window. */
  readonly maxFailures: number;
  readonly windowMs: number;
  /** The refusal's message, given the minutes to wait (the login's by default). */
  readonly refusal?: (minutes: number) => string;
}

export const DEFAULT_LOGIN_THROTTLE: LoginThrottleOptions = { maxFailures: 20, windowMs: 15 * 60 * 1000 };

export interface LoginThrottle {
  /** A refusal when the address has used up its failures in the window. */
  check(address: string, now: Date): Failure | null;
  fail(address: string, now: Date): void;
}

export function createLoginThrottle(options: LoginThrottleOptions = DEFAULT_LOGIN_THROTTLE): LoginThrottle {
  const failures = new Map<string, number[]>();
  const recent = (address: string, now: Date) => {
    const since = now.getTime() - options.windowMs;
    const kept = (failures.get(address) ?? []).filter((t) => t > since);
    if (kept.length === 0) failures.delete(address);
    else failures.set(address, kept);
    return kept;
  };
  return {
    check(address, now) {
      const kept = recent(address, now);
      if (kept.length < options.maxFailures) return null;
      const waitMs = kept[0]! + options.windowMs - now.getTime();
      const minutes = Math.max(1, Math.ceil(waitMs / 60_000));
      return {
        code: 'rate-limited',
        message: options.refusal
          ? options.refusal(minutes)
          : `Có quá nhiều lần đăng nhập sai từ máy này. Hãy thử lại sau ${minutes} phút.`,
      };
    },
    fail(address, now) {
      failures.set(address, [...recent(address, now), now.getTime()]);
    },
  };
}
