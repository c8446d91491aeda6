import { afterAll, beforeAll, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { EndpointDef } from '../../src/contract/endpoint';
import * as office from '../../src/contract/office';
import * as oversight from '../../src/contract/oversight';
import * as removal from '../../src/contract/removal';
import { buildServer } from '../../src/server/app';
import { expectDescribed } from '../support/openapi';
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
    expect(endpoints.length).toBe(24);
    expectDescribed(app, endpoints);
  });
});
