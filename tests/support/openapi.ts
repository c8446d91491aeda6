import { expect } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { EndpointDef } from '../../src/contract/endpoint';
import { commonFailures, statusOf } from '../../src/contract/errors';
import type { FailureCode } from '../../src/domain/result';

export type OpenApiDoc = {
  paths: Record<string, Record<string, { responses?: Record<string, unknown> }>>;
};

export const isEndpoint = (v: unknown): v is EndpointDef =>
  typeof v === 'object' && v !== null && 'method' in v && 'path' in v && 'response' in v;

/** The endpoints a contract module declares. */
export const endpointsOf = (...modules: object[]): EndpointDef[] => [
  ...new Set(modules.flatMap((m) => Object.values(m).filter(isEndpoint))),
];

/**
 * Each endpoint is in the server's OpenAPI with its answer (a JSON schema, or a file's type) and the
 * status of every failure it may give: those of its access level, its own, and `also`.
 */
export function expectDescribed(
  app: FastifyInstance,
  endpoints: readonly EndpointDef[],
  also: readonly FailureCode[] = [],
): OpenApiDoc {
  const doc = app.swagger() as OpenApiDoc;
  for (const e of endpoints) {
    const where = `${e.method} ${e.path}`;
    const op = doc.paths[e.path.replace(/:([A-Za-z]+)/g, '{$1}')]?.[e.method.toLowerCase()];
    expect(op, where).toBeDefined();
    if ('_zod' in e.response)
      expect(op?.responses?.[String(e.status ?? 200)], `${where} answer`).toBeDefined();
    else expect(JSON.stringify(op), `${where} file`).toContain(e.response.types[0]!);
    for (const code of new Set([...commonFailures(e.access), ...e.errors, ...also]))
      expect(op?.responses?.[String(statusOf(code))], `${where} ${code}`).toBeDefined();
  }
  return doc;
}
