/**
 * Registers a route from its contract endpoint (src/contract/): Fastify validates the path
 * parameters, query and body with the endpoint's zod schemas, checks the answer against its
 * response schema on the way out, and describes all of it, failures included, in OpenAPI. The
 * handler gets the parsed input and the signed-in actor and returns the service's Result.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest, RouteOptions } from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import { commonFailures, failureSchema, statusOf } from '../contract/errors';
import type { DeepReadonly, EndpointDef, FileAnswer, Output, Parsed } from '../contract/endpoint';
import { MIME } from '../contract/endpoint';
import type { Actor, Failure, Result, ServiceContext } from '../services';
import { actorOf, requireActor } from './session';
import type { AddressLimit } from './rate-limits';
import { rateLimitConfig } from './rate-limits';
import { downloadName } from './download-name';

/** A file to send: its bytes, its name (Vietnamese allowed), its content type. */
export interface FileReply {
  readonly bytes: Buffer;
  readonly fileName: string;
  readonly type: string;
}

type Answer<D extends EndpointDef> = D['response'] extends FileAnswer ? FileReply : DeepReadonly<Output<D>>;

export interface HandlerContext {
  readonly actor: Actor;
  readonly request: FastifyRequest;
  readonly reply: FastifyReply;
}

export type Handler<D extends EndpointDef> = (
  input: Parsed<D>,
  context: HandlerContext,
) => Promise<Result<Answer<D>>> | Result<Answer<D>>;

export type PublicHandler<D extends EndpointDef> = (
  input: Parsed<D>,
  context: Omit<HandlerContext, 'actor'>,
) => Promise<Result<Answer<D>>> | Result<Answer<D>>;

const isZod = (s: unknown): s is z.ZodType =>
  typeof s === 'object' && s !== null && '_zod' in (s as Record<string, unknown>);

/** In tests, a failure code the endpoint does not declare fails the request, so the lists stay true. */
const strictErrors = process.env['VITEST'] !== undefined || process.env['NODE_ENV'] === 'test';

/** Sends a failure with its status; the body keeps the code and the Vietnamese message. */
export function sendFailure(reply: FastifyReply, failure: Failure) {
  return reply.code(statusOf(failure.code)).send({ error: failure });
}

/** Sends a file as an attachment, named by its Vietnamese title folded to ASCII (download-name.ts). */
export function sendFile(reply: FastifyReply, file: FileReply) {
  const name = downloadName(file.fileName);
  return reply
    .header('content-type', file.type)
    .header('content-disposition', `attachment; filename="${name}"; filename*=UTF-8''${name}`)
    .send(file.bytes);
}

function responseSchemas(d: EndpointDef): Record<number, unknown> {
  const out: Record<number, unknown> = {};
  const ok = d.status ?? 200;
  if (isZod(d.response)) out[ok] = d.response;
  for (const code of new Set([...commonFailures(d.access), ...d.errors]))
    out[statusOf(code)] ??= failureSchema;
  return out;
}

function openApiFile(d: EndpointDef): Record<string, unknown> {
  if (isZod(d.response)) return {};
  return {
    produces: [...d.response.types],
    description: `Answers a file (${d.response.types.join(', ')}).`,
  };
}

/** Registers one endpoint. `handler` runs only after the access gate and the actor's lookup. */
export interface RouteExtras {
  /** A per-address request limit (rate-limits.ts). */
  readonly perAddress?: AddressLimit;
}

export function route<D extends EndpointDef>(
  app: FastifyInstance,
  ctx: ServiceContext,
  d: D,
  handler: D['access'] extends 'public' ? PublicHandler<D> : Handler<D>,
  extras: RouteExtras = {},
): void {
  const declared = new Set([...commonFailures(d.access), ...d.errors]);
  const upload = d.body !== undefined && !isZod(d.body);
  const options: RouteOptions = {
    method: d.method,
    url: d.path,
    config: {
      access: d.access,
      ...(extras.perAddress ? { rateLimit: rateLimitConfig(extras.perAddress) } : {}),
    },
    // Per route, so that routes not yet declared in the contract keep their JSON schemas.
    validatorCompiler: validatorCompiler as RouteOptions['validatorCompiler'],
    serializerCompiler: serializerCompiler as RouteOptions['serializerCompiler'],
    ...(d.access === 'public' ? {} : { preHandler: requireActor(ctx) }),
    schema: {
      summary: d.summary,
      tags: [...d.tags],
      ...(d.params ? { params: d.params } : {}),
      ...(d.query ? { querystring: d.query } : {}),
      ...(isZod(d.body) ? { body: d.body } : {}),
      ...(upload ? { consumes: [...(d.body as { types: readonly string[] }).types] } : {}),
      ...openApiFile(d),
      response: responseSchemas(d),
    },
    handler: async (request, reply) => {
      if (upload && !Buffer.isBuffer(request.body)) {
        return sendFailure(reply, {
          code: 'unsupported-type',
          message: `Hãy gửi tệp (${(d.body as { types: readonly string[] }).types.join(', ')}) làm nội dung yêu cầu.`,
        });
      }
      const input = {
        params: request.params,
        query: request.query,
        body: request.body,
      } as Parsed<D>;
      const context = { request, reply, ...(d.access === 'public' ? {} : { actor: actorOf(request) }) };
      const result = await (handler as Handler<D>)(input, context as HandlerContext);
      if (reply.sent) return reply;
      if (!result.ok) {
        if (strictErrors && !declared.has(result.error.code)) {
          throw new Error(
            `${d.method} ${d.path} answered "${result.error.code}", which its contract does not declare`,
          );
        }
        return sendFailure(reply, result.error);
      }
      if (!isZod(d.response)) return sendFile(reply, result.value as FileReply);
      return reply.code(d.status ?? 200).send(result.value);
    },
  };
  app.route(options);
}

export { MIME };
