import type { FastifyReply } from 'fastify';
import type { Result } from '../services';
import { sendFailure } from './contract-route';

export { sendFailure };

/** Sends a service result: the value on success, the failure with its status otherwise. */
export function sendResult<T>(reply: FastifyReply, result: Result<T>, status = 200) {
  if (!result.ok) return sendFailure(reply, result.error);
  return reply.code(status).send(result.value);
}
