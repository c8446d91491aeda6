import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import cookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify from 'fastify';
import type { FastifyError, FastifyInstance } from 'fastify';
import { health } from '../services';
import type { ServiceContext } from '../services';
import { authRoutes } from './auth-routes';
import { auditRoutes } from './audit-routes';
import { accessGate } from './session';
import type { Access } from './session';
import { peopleRoutes } from './people-routes';
import { oversightRoutes } from './oversight-routes';
import { officeRoutes } from './office-routes';
import { registerRoutes } from './register-routes';
import { hamletFactsRoutes } from './hamlet-facts-routes';
import { pollingRoutes } from './polling-routes';
import { pollingDayRoutes } from './polling-day-routes';
import { meetingRoutes } from './meeting-routes';
import { rollRoutes } from './roll-routes';
import { documentsRoutes } from './documents-routes';
import { preparationRoutes } from './preparation-routes';
import { rulesRoutes } from './rules-routes';
import { territoryRoutes } from './territory-routes';
import { usersRoutes } from './users-routes';

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
  readonly logger?: boolean;
}

export const defaultWebRoot = fileURLToPath(new URL('../../dist/web', import.meta.url));

const securityHeaders: Readonly<Record<string, string>> = {
  // No inline scripts; Mantine injects style tags, hence 'unsafe-inline' for styles only.
  'content-security-policy':
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; frame-ancestors 'none'; base-uri 'self'; form-action 'self'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'same-origin',
  'x-frame-options': 'DENY',
};

/** Builds the HTTP server: thin routes over the services, the OpenAPI description and the web app. */
export async function buildServer(
  ctx: ServiceContext,
  options: ServerOptions = {},
): Promise<FastifyInstance> {
  const app = Fastify({ logger: options.logger ?? false, bodyLimit: 20 * 1024 * 1024 });
  // The route table, with each route's access level: tests/server/route-access.test.ts walks it.
  const routeTable: RouteInfo[] = [];
  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) routeTable.push({ method, url: route.url, access: route.config?.access });
  });
  app.decorate('routeTable', routeTable);
  await app.register(cookie);
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

  app.addHook('onSend', async (request, reply) => {
    if (request.url.startsWith('/api/docs')) return;
    for (const [name, value] of Object.entries(securityHeaders)) void reply.header(name, value);
  });
  app.addHook('onRequest', async (request, reply) => {
    const refusal = crossSiteRefusal(request.method, request.headers);
    if (refusal) return reply.code(403).send({ error: { code: 'cross-site', message: refusal } });
  });
  app.addHook('onRequest', accessGate(ctx));
  app.setErrorHandler((error: FastifyError, _request, reply) => {
    if (error.validation) {
      return reply.code(400).send({
        error: { code: 'invalid-input', message: `Dữ liệu gửi lên không hợp lệ: ${error.message}` },
      });
    }
    app.log.error(error);
    return reply.code(error.statusCode ?? 500).send({
      error: {
        code: 'internal',
        message: 'Máy chủ gặp lỗi ngoài dự kiến. Hãy thử lại; nếu vẫn lỗi, báo quản trị hệ thống.',
      },
    });
  });

  app.get(
    '/api/health',
    {
      config: { access: 'public' },
      schema: { summary: 'Database kind and migration version', tags: ['system'] },
    },
    () => health(ctx),
  );
  authRoutes(app, ctx);
  auditRoutes(app, ctx);
  territoryRoutes(app, ctx);
  usersRoutes(app, ctx);
  rulesRoutes(app, ctx);
  preparationRoutes(app, ctx);
  documentsRoutes(app, ctx);
  peopleRoutes(app, ctx);
  pollingRoutes(app, ctx);
  pollingDayRoutes(app, ctx);
  meetingRoutes(app, ctx);
  rollRoutes(app, ctx);
  oversightRoutes(app, ctx);
  officeRoutes(app, ctx);
  registerRoutes(app, ctx);
  hamletFactsRoutes(app, ctx);
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

async function serveWebApp(app: FastifyInstance, root: string): Promise<void> {
  const built = existsSync(`${root}/index.html`);
  if (built) await app.register(fastifyStatic, { root, wildcard: false });
  app.setNotFoundHandler((request, reply) => {
    if (request.url.startsWith('/api/') || !built || request.method !== 'GET') {
      return reply.code(404).send({ error: { code: 'not-found', message: 'Không có địa chỉ này.' } });
    }
    // Client-side routes (/xa/..., /thon/...) are served the single-page app.
    return reply.sendFile('index.html');
  });
}
