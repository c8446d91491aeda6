import type { Page } from '@playwright/test';
import { call } from './page-api';

// Dates relative to the real day the test runs (the server has no test clock), in Vietnam.
const vnToday = () => new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
const plus = (day: string, n: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
const WARD = '24820';

/** Khu phố 2 votes today: planned, brought to polling day, counted by show of hands and reported. */
export async function reportedElection(page: Page): Promise<{ electionId: string; winner: string }> {
  const today = vnToday();
  const commune = await call<{ hamlets: { id: string; name: string }[] }>(
    page,
    'GET',
    `/api/communes/${WARD}`,
  );
  const kp2 = commune.hamlets.find((h) => h.name === 'Khu phố 2')!;
  const round = await call<{ elections: { id: string; hamletId: string }[] }>(
    page,
    'POST',
    `/api/communes/${WARD}/rounds`,
    {
      communeId: WARD,
      termLabel: '2026-2031',
      profileId: 'nd59-2023',
      form: 'meeting',
      chairName: 'Lê Thanh Bình',
      frontChairName: 'Trần Thị Kim Loan',
      planDate: plus(today, -30),
      hamlets: [
        { hamletId: kp2.id, electionDate: today, startTime: '07:30', venue: 'Nhà văn hóa khu phố 2' },
      ],
      assignments: [],
    },
  );
  const electionId = round.elections[0]!.id;
  const demo = await call<{ registered: number }>(page, 'POST', `/api/elections/${electionId}/polling/demo`);
  const voted = demo.registered - 10;
  const count = await call<{ id: string }>(page, 'POST', `/api/elections/${electionId}/counts`, {
    position: 'head',
    voted,
    issued: voted,
    received: voted,
    method: 'hands',
  });
  const view = await call<{ candidates: { id: string; name: string }[] }>(
    page,
    'GET',
    `/api/counts/${count.id}`,
  );
  const [first, second] = view.candidates;
  await call(page, 'POST', `/api/counts/${count.id}/hands`, {
    votes: { [first!.id]: voted - 20, [second!.id]: 20 },
  });
  await call(page, 'POST', `/api/counts/${count.id}/close`);
  await call(page, 'POST', `/api/counts/${count.id}/report`);
  return { electionId, winner: first!.name };
}
