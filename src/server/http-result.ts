import type { FastifyReply } from 'fastify';
import type { Failure, Result } from '../services';

const statusOf: Readonly<Record<string, number>> = {
  unauthenticated: 401,
  'bad-credentials': 401,
  locked: 423,
  'rate-limited': 429,
  'totp-required': 401,
  forbidden: 403,
  'not-found': 404,
  'invalid-input': 400,
  conflict: 409,
};

/** Maps a failure to its HTTP status; the body keeps the code and the Vietnamese message. */
export function sendFailure(reply: FastifyReply, failure: Failure) {
  return reply.code(statusOf[failure.code] ?? 422).send({ error: failure });
}

/** Sends a service result: the value on success, the failure with its status otherwise. */
export function sendResult<T>(reply: FastifyReply, result: Result<T>, status = 200) {
  if (!result.ok) return sendFailure(reply, result.error);
  return reply.code(status).send(result.value);
}
