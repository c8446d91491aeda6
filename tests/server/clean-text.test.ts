import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../../src/server/app';
import { cleanString, cleanText } from '../../src/server/clean-text';
import { createContext, demo } from '../../src/services';
import { migrateToLatest, openStore } from '../../src/store';
import type { Store } from '../../src/store';

describe('text entering the application', () => {
  it('strips bidi controls and NUL, keeps line breaks, composes to NFC', () => {
    expect(cleanString('Nguy\u0065\u0302\u0303n')).toBe('Nguyễn');
    expect(cleanString('An\u202Egnp\u202C')).toBe('Angnp');
    expect(cleanString('Lê\u0000 Văn\u2066 Tâm\u2069')).toBe('Lê Văn Tâm');
    expect(cleanString('Thôn 1\nXã 2\tấp')).toBe('Thôn 1\nXã 2\tấp');
    expect(cleanText({ a: ['x\u202E', { b: 'y\u0000' }], n: 3, ok: true, nil: null })).toEqual({
      a: ['x', { b: 'y' }],
      n: 3,
      ok: true,
      nil: null,
    });
  });

  describe('at the HTTP boundary', () => {
    let store: Store;
    let app: FastifyInstance;
    beforeAll(async () => {
      store = openStore({ kind: 'sqlite', file: ':memory:' });
      await migrateToLatest(store);
      await demo.loadDemo(createContext(store));
      app = await buildServer(createContext(store), { webRoot: '/nonexistent' });
      await app.ready();
    });
    afterAll(async () => {
      await app.close();
      await store.close();
    });

    it('cleans a JSON body before validation: a user name with an override and a NUL is the plain name', async () => {
      const res = await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: 'quan\u0000tri\u202E', password: demo.DEMO_PASSWORD },
      });
      expect(res.statusCode).toBe(200);
    });
  });
});
