import { expect, it } from 'vitest';
import * as auth from '../../contract/auth';
import * as count from '../../contract/count';
import * as polling from '../../contract/polling';
import { pathOf } from '../../contract/endpoint';
import { OFFLINE_READS, strategyOf } from './policy';

const origin = 'https://baucoso.example.vn';
const of = (path: string, method = 'GET', mode = 'cors') =>
  strategyOf({ method, mode }, new URL(path, origin), origin);
const id = { id: '0b6c1a2e-1111-4222-8333-944455556666' };

it('keeps the shell of the app and answers its pages from it', () => {
  expect(of('/assets/index-B0nR17ur.js', 'GET', 'no-cors')).toBe('shell');
  expect(of('/manifest.webmanifest')).toBe('shell');
  expect(of('/kiem-phieu/abc/tap/def/luot/1', 'GET', 'navigate')).toBe('page');
});

it('keeps only the reads the offline pages need, never the roll, never a write, never another site', () => {
  for (const e of [auth.getMe, polling.getPoll, polling.getTurnout, polling.getBallots])
    expect(of(pathOf(e.path, id)), e.path).toBe('read');
  // The roll search holds names and cards; the count is kept by its page with its queue.
  expect(of(`${pathOf(polling.findVoters.path, id)}?q=12`)).toBe('network');
  expect(of(pathOf(count.getCount.path, id))).toBe('network');
  expect(of(pathOf(polling.checkIn.path, id), 'POST')).toBe('network');
  expect(of(pathOf(count.enterPaper.path, id), 'POST')).toBe('network');
  expect(of('/api/me', 'GET', 'navigate')).toBe('read');
  expect(of('/api/documents/x/pdf', 'GET', 'navigate')).toBe('network');
  expect(strategyOf({ method: 'GET', mode: 'cors' }, new URL('https://elsewhere.vn/api/me'), origin)).toBe(
    'network',
  );
});

it('names each kept read by an endpoint of the contract', () => {
  const paths = [auth.getMe, polling.getPoll, polling.getTurnout, polling.getBallots].map((e) =>
    pathOf(e.path, id),
  );
  for (const r of OFFLINE_READS)
    expect(
      paths.some((p) => r.test(p)),
      String(r),
    ).toBe(true);
});
