import { afterAll, beforeAll, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { EndpointDef } from '../../src/contract/endpoint';
import * as office from '../../src/contract/office';
import * as oversight from '../../src/contract/oversight';
import * as removal from '../../src/contract/removal';
import { buildServer } from '../../src/server/app';
import { describeEachDatabase } from '../support/databases';

const isEndpoint = (v: unknown): v is EndpointDef =>
  typeof v === 'object' && v !== null && 'method' in v && 'path' in v && 'response' in v;
const endpoints = [office, removal, oversight].flatMap((m) => Object.values(m).filter(isEndpoint));

describeEachDatabase('office, removal and oversight in OpenAPI', (t) => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await buildServer(t.ctx(), { webRoot: '/nonexistent' });
    await app.ready();
  });
  afterAll(async () => app.close());

  it('describes every route with its answer', () => {
    const doc = app.swagger() as {
      paths: Record<string, Record<string, { responses?: Record<string, unknown> }>>;
    };
    expect(endpoints.length).toBe(24);
    for (const e of endpoints) {
      const path = e.path.replace(/:([A-Za-z]+)/g, '{$1}');
      const op = doc.paths[path]?.[e.method.toLowerCase()];
      expect(op, `${e.method} ${e.path}`).toBeDefined();
      // A JSON answer has its schema; a download is described by its content types.
      if ('_zod' in e.response)
        expect(op?.responses?.[String(e.status ?? 200)], `${e.method} ${e.path} answer`).toBeDefined();
      else expect(JSON.stringify(op), `${e.method} ${e.path} file`).toContain(e.response.types[0]!);
    }
  });
});
