import { afterAll, beforeAll, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildServer } from '../../src/server/app';
import { VERIFY_LIMIT } from '../../src/server/rate-limits';
import { createContext, demo } from '../../src/services';
import { issueDocument } from '../../src/services/documents';
import { p } from '../../src/documents/model';
import { renderIssuedPdf } from '../../src/documents/render-pdf';
import { migrateToLatest, openStore } from '../../src/store';
import type { Store } from '../../src/store';
import { aCommuneOfficer } from '../support/actors';

let store: Store;
let app: FastifyInstance;
let code = '';
const now = new Date('2024-10-01T02:00:00.000Z');

beforeAll(async () => {
  store = openStore({ kind: 'sqlite', file: ':memory:' });
  await migrateToLatest(store);
  const ctx = createContext(store, () => now);
  await demo.loadDemo(ctx);
  const issued = await issueDocument(ctx, aCommuneOfficer('24820'), {
    formId: 'count-record',
    title: 'Biên bản kiểm phiếu',
    issuerKey: 'commune:24820:test',
    symbol: null,
    date: '2024-10-01',
    communeId: '24820',
    data: {},
    render: (_n, stamp) =>
      Promise.resolve({
        docx: Buffer.from('docx'),
        pdf: renderIssuedPdf(
          { meta: { title: 'Biên bản', date: '2024-10-01' }, blocks: [p('Biên bản.')] },
          stamp,
        ),
      }),
  });
  if (!issued.ok) throw new Error(issued.error.message);
  code = issued.value.verification_code ?? '';
  app = await buildServer(ctx, { webRoot: '/nonexistent' });
  await app.ready();
});
afterAll(async () => {
  await app.close();
  await store.close();
});

const lookup = (c: string, remoteAddress = '203.0.113.9') =>
  app.inject({ method: 'GET', url: `/api/public/verify/${encodeURIComponent(c)}`, remoteAddress });

it('answers without a session', async () => {
  const r = await lookup(code);
  expect(r.statusCode).toBe(200);
  expect(r.json()).toMatchObject({ code, title: 'Biên bản kiểm phiếu', matches: true });
  expect((await lookup('not a code')).statusCode).toBe(400);
  expect((await lookup('0000-0000-0000')).statusCode).toBe(404);
});

it('stops one address that guesses codes, not the others', async () => {
  for (let i = 0; i < VERIFY_LIMIT.max; i++)
    await lookup(`ZZZZ-ZZZZ-${String(i).padStart(4, '0')}`, '198.51.100.7');
  const blocked = await lookup(code, '198.51.100.7');
  expect(blocked.statusCode).toBe(429);
  expect(blocked.json().error.code).toBe('rate-limited');
  expect(blocked.json().error.message).toMatch(
    /^Có quá nhiều lần nhập mã kiểm tra từ máy này\. Hãy thử lại sau \d+ phút\.$/,
  );
  expect((await lookup(code, '198.51.100.8')).statusCode).toBe(200);
});
