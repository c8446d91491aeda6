import { existsSync, readdirSync } from 'node:fs';
import { cleanText } from './clean-text';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import { RateLimited } from './rate-limits';
import type { TrustProxy } from './trust-proxy';
import { fileURLToPath } from 'node:url';
import cookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify from 'fastify';
import {
  hasZodFastifySchemaValidationErrors,
  isResponseSerializationError,
  jsonSchemaTransform,
} from 'fastify-type-provider-zod';
import type { FastifyError, FastifyInstance, FastifyRequest, FastifyServerOptions } from 'fastify';
import type { Failure } from '../services';
import { auth } from '../services';
import { statusOf } from '../contract/errors';
import type { ServiceContext } from '../services';
import { accessGate } from './session';
import type { Access } from './session';

export interface RouteInfo {
  readonly method: string;
  readonly url: string;
  readonly access: Access | undefined;
}

declare module 'fastify' {
  interface FastifyInstance {
    routeTable: readonly RouteInfo[];
  }
}

export interface ServerOptions {
  /** Folder of the built web app (vite build output); the API works without it. */
  readonly webRoot?: string;
  /** Request logging (pino, Fastify's own logger) at this level; off when absent. */
  readonly logLevel?: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace';
  /** Where the log lines go (standard output when absent). */
  readonly logStream?: NodeJS.WritableStream;
  /** Believe a reverse proxy's X-Forwarded-For/-Proto (see trust-proxy.ts); off when absent. */
  readonly trustProxy?: TrustProxy;
}

/**
 * Pino through Fastify, one line per request and per error. No personal data: a request is logged
 * by its route pattern (/api/residents/:id, never the query of a name search), method, status and
 * time; no addresses, cookies, headers or bodies.
 */
function loggerOptions(
  level: NonNullable<ServerOptions['logLevel']>,
  stream: NodeJS.WritableStream | undefined,
): FastifyServerOptions['logger'] {
  return {
    level,
    ...(stream ? { stream } : {}),
    serializers: {
      req: (request: FastifyRequest) => ({
        id: request.id,
        method: request.method,
        route: request.routeOptions.url ?? 'unmatched',
      }),
      res: (reply: { statusCode: number }) => ({ statusCode: reply.statusCode }),
    },
  };
}

/** A feature's routes: one module per feature in ./routes/, found at start (no shared list to edit). */
export type FeatureRoutes = (app: FastifyInstance, ctx: ServiceContext) => void;

const routesDir = fileURLToPath(new URL('./routes/', import.meta.url));

async function registerFeatureRoutes(app: FastifyInstance, ctx: ServiceContext): Promise<void> {
  const files = readdirSync(routesDir)
    .filter((f) => /\.(ts|js)$/.test(f) && !/\.(test|d)\.ts$/.test(f))
    .sort();
  for (const file of files) {
    const mod = (await import(`${routesDir}${file}`)) as { default?: FeatureRoutes };
    if (typeof mod.default !== 'function') throw new Error(`src/server/routes/${file} exports no routes`);
    mod.default(app, ctx);
  }
}

/**
 * A request the server cannot read (malformed or empty JSON, a forbidden `__proto__` key, too large,
 * a content type it does not take) is the caller's mistake: a 4xx with a Vietnamese message that
 * says what to send instead, never "unexpected server error".
 */
function requestRefusal(error: FastifyError): Failure | null {
  if (error instanceof RateLimited) return { code: error.failure, message: error.message };
  const status = error.statusCode ?? 500;
  if (status === 413)
    return {
      code: 'too-large',
      message: 'Dữ liệu gửi lên quá lớn (tối đa 20 MB). Hãy gửi tệp nhỏ hơn hoặc chia nhỏ.',
    };
  if (status === 415)
    return {
      code: 'unsupported-type',
      message:
        'Máy chủ không nhận dạng dữ liệu này. Hãy gửi JSON (application/json) hoặc đúng loại tệp được yêu cầu.',
    };
  if (error.code === 'FST_ERR_CTP_EMPTY_JSON_BODY')
    return {
      code: 'invalid-json',
      message: 'Yêu cầu khai là JSON nhưng không có nội dung. Hãy gửi dữ liệu JSON.',
    };
  if (status === 400)
    return {
      code: 'invalid-json',
      message:
        'Dữ liệu gửi lên không phải JSON hợp lệ (hoặc có khóa bị cấm như __proto__). Hãy kiểm tra và gửi lại.',
    };
  return null;
}

/** OpenAPI from the contract's zod schemas; routes still described by JSON schemas pass through. */
const openApiTransform: typeof jsonSchemaTransform = (input) => {
  const schema = input.schema as Record<string, unknown> | undefined;
  const parts = schema ? [schema['params'], schema['querystring'], schema['body'], schema['response']] : [];
  const isZod = (v: unknown) => typeof v === 'object' && v !== null && '_zod' in v;
  const zodRoute = parts.some(
    (p) => isZod(p) || (typeof p === 'object' && p !== null && Object.values(p).some(isZod)),
  );
  const out = zodRoute ? jsonSchemaTransform(input) : { schema: input.schema, url: input.url };
  // A download has no JSON answer to describe: OpenAPI shows its 200 with the file's types.
  const produces = schema?.['produces'];
  if (Array.isArray(produces) && out.schema) {
    const described = out.schema as { response?: Record<string, unknown> };
    described.response = {
      200: {
        description: typeof schema?.['description'] === 'string' ? schema['description'] : 'A file',
        content: Object.fromEntries(
          produces.map((t) => [String(t), { schema: { type: 'string', format: 'binary' } }]),
        ),
      },
      ...(described.response ?? {}),
    };
  }
  return out;
};

export const defaultWebRoot = fileURLToPath(new URL('../../dist/web', import.meta.url));

/**
 * Security headers through helmet: no inline scripts (Mantine injects style tags, hence
 * 'unsafe-inline' for styles only), no framing, no referrer outside the site. The API docs set
 * their own policy (swagger-ui's static CSP).
 */
const helmetOptions = {
  contentSecurityPolicy: {
    useDefaults: false,
    directives: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'", "'unsafe-inline'"],
      imgSrc: ["'self'", 'data:'],
      frameAncestors: ["'none'"],
      baseUri: ["'self'"],
      formAction: ["'self'"],
    },
  },
  frameguard: { action: 'deny' as const },
  referrerPolicy: { policy: 'same-origin' as const },
  // Served over plain HTTP on a commune laptop too: HSTS belongs to the HTTPS proxy.
  strictTransportSecurity: false,
};

/** Builds the HTTP server: thin routes over the services, the OpenAPI description and the web app. */
export async function buildServer(
  ctx: ServiceContext,
  options: ServerOptions = {},
): Promise<FastifyInstance> {
  // The cheap test hashing cost cannot reach a deployment: outside Vitest the server will not start with it.
  if (process.env['VITEST'] === undefined && auth.belowOwasp(auth.hashCost()))
    throw new Error('password hashing below the OWASP scrypt cost: refusing to start');
  const app = Fastify({
    logger: options.logLevel ? loggerOptions(options.logLevel, options.logStream) : false,
    bodyLimit: 20 * 1024 * 1024,
    trustProxy: options.trustProxy ?? false,
  });
  // The route table, with each route's access level: tests/server/route-access.test.ts walks it.
  const routeTable: RouteInfo[] = [];
  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) routeTable.push({ method, url: route.url, access: route.config?.access });
  });
  app.decorate('routeTable', routeTable);
  await app.register(cookie);
  await app.register(helmet, helmetOptions);
  // Only the routes that ask for it (config.rateLimit, set from rate-limits.ts) are limited.
  await app.register(rateLimit, { global: false });
  // Uploaded files (spreadsheets, Word templates) arrive as the raw request body.
  app.addContentTypeParser(
    [
      'application/octet-stream',
      'text/csv',
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    ],
    { parseAs: 'buffer' },
    (_request, body, done) => done(null, body),
  );
  await app.register(swagger, {
    transform: openApiTransform,
    openapi: {
      info: {
        title: 'baucoso API',
        version: '0.1.0',
        description:
          'Bầu Trưởng thôn, Tổ trưởng tổ dân phố. Every route checks role and scope on the server.',
      },
    },
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });

  app.addHook('onRequest', async (request, reply) => {
    const refusal = crossSiteRefusal(request.method, request.headers);
    if (refusal) return reply.code(403).send({ error: { code: 'cross-site', message: refusal } });
  });
  app.addHook('onRequest', accessGate(ctx));
  // Every typed text is cleaned once, here, before validation and before any service sees it.
  app.addHook('preValidation', (request, _reply, done) => {
    if (request.body && typeof request.body === 'object') request.body = cleanText(request.body);
    if (request.query && typeof request.query === 'object') request.query = cleanText(request.query);
    if (request.params && typeof request.params === 'object') request.params = cleanText(request.params);
    done();
  });
  app.setErrorHandler((error: FastifyError, _request, reply) => {
    if (hasZodFastifySchemaValidationErrors(error)) {
      const first = error.validation[0];
      const field = first?.instancePath.replace(/^\//, '').replaceAll('/', '.') ?? '';
      return reply.code(400).send({
        error: {
          code: 'invalid-input',
          ...(field ? { field } : {}),
          message: `Dữ liệu gửi lên không hợp lệ${field ? ` (${field})` : ''}: ${first?.message ?? ''}`,
        },
      });
    }
    if (isResponseSerializationError(error)) {
      // The service answered a shape its contract does not describe: the server's fault, logged.
      app.log.error({ err: error.cause, route: error.url }, 'answer does not match the contract');
      if (process.env['VITEST'] !== undefined) {
        return reply.code(500).send({
          error: { code: 'internal', message: `answer does not match the contract: ${String(error.cause)}` },
        });
      }
    } else if (error.validation) {
      return reply.code(400).send({
        error: { code: 'invalid-input', message: `Dữ liệu gửi lên không hợp lệ: ${error.message}` },
      });
    }
    const refusal = requestRefusal(error);
    if (refusal) return reply.code(statusOf(refusal.code)).send({ error: refusal });
    app.log.error(error);
    return reply.code(500).send({
      error: {
        code: 'internal',
        message: 'Máy chủ gặp lỗi ngoài dự kiến. Hãy thử lại; nếu vẫn lỗi, báo quản trị hệ thống.',
      },
    });
  });

  await registerFeatureRoutes(app, ctx);
  await serveWebApp(app, options.webRoot ?? defaultWebRoot);
  return app;
}

const unsafeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
// Content types an HTML form on another site can send without a CORS preflight.
const formContentTypes = ['application/x-www-form-urlencoded', 'multipart/form-data', 'text/plain'];

/**
 * Defence against cross-site request forgery on top of SameSite=Strict cookies: a state-changing
 * request must not come from another origin, and must not be something a plain HTML form can send.
 */
export function crossSiteRefusal(
  method: string,
  headers: Record<string, string | string[] | undefined>,
): string | null {
  if (!unsafeMethods.has(method)) return null;
  const origin = headers['origin'];
  const host = headers['host'];
  if (typeof origin === 'string' && origin !== 'null' && typeof host === 'string') {
    let originHost = '';
    try {
      originHost = new URL(origin).host;
    } catch {
      originHost = '';
    }
    if (originHost !== host) return 'Yêu cầu đến từ trang web khác nên bị từ chối (chống giả mạo yêu cầu).';
  }
  const type = String(headers['content-type'] ?? '')
    .split(';')[0]!
    .trim()
    .toLowerCase();
  if (formContentTypes.includes(type))
    return 'Dạng dữ liệu này không được chấp nhận (chống giả mạo yêu cầu).';
  return null;
}

/**
 * Hashed assets (/assets/index-B0nR17ur.js) never change under their name: a revisit on a poor network
 * takes them from the browser's cache without asking. Everything else, index.html first, is asked
 * for again each time, so a new version is seen at once.
 */
export function cacheControlFor(path: string): string {
  return /[\\/]assets[\\/][^\\/]+-[A-Za-z0-9_-]{8,}\.[a-z0-9]+(\.(br|gz))?$/.test(path)
    ? 'public, max-age=31536000, immutable'
    : 'no-cache';
}

async function serveWebApp(app: FastifyInstance, root: string): Promise<void> {
  const built = existsSync(`${root}/index.html`);
  if (built)
    await app.register(fastifyStatic, {
      root,
      wildcard: false,
      // The .br and .gz copies written at build time (scripts/precompress.ts), as the browser accepts.
      preCompressed: true,
      cacheControl: false,
      setHeaders: (res, path) => {
        void res.setHeader('cache-control', cacheControlFor(path));
      },
    });
  app.setNotFoundHandler((request, reply) => {
    if (request.url.startsWith('/api/') || !built || request.method !== 'GET') {
      return reply.code(404).send({ error: { code: 'not-found', message: 'Không có địa chỉ này.' } });
    }
    // Client-side routes (/xa/..., /thon/...) are served the single-page app.
    return reply.sendFile('index.html');
  });
}
