import { expect, test } from '@playwright/test';
import type { Browser, Page, TestInfo } from '@playwright/test';
import { openCountWithOneBatch } from './open-count';

/**
 * A phone in a community hall where the network drops: the team checks voters in and enters the
 * count with no network, reloads the page offline (the app shell comes from its service worker),
 * and, when the network returns, sees what it queued sent and counted once.
 */
const PASSWORD = 'baucoso2024';
const PHONE = { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true, deviceScaleFactor: 2 };
const VOTERS = 5;

/** Signs in once the service worker controls the page, so that it keeps this session's reads. */
async function login(browser: Browser, username: string): Promise<Page> {
  const context = await browser.newContext({ ...PHONE, serviceWorkers: 'allow' });
  const page = await context.newPage();
  await page.goto('/');
  await expect
    .poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null), { timeout: 30_000 })
    .toBe(true);
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu').fill(PASSWORD);
  await page.getByRole('button', { name: 'Đăng nhập' }).tap();
  await expect(page.getByRole('button', { name: 'Đăng xuất' })).toBeVisible();
  return page;
}

const shot = (page: Page, testInfo: TestInfo, name: string) =>
  page.screenshot({ path: testInfo.outputPath(`${name}.png`), fullPage: true });

const tapKey = (page: Page, key: string) => page.locator(`[data-keypad] button[data-key="${key}"]`).tap();

test('check-in and count entry offline, through a reload, sent once when the network returns', async ({
  browser,
}, testInfo) => {
  test.setTimeout(240_000);
  const officer = await login(browser, 'ubnd.phuong2');
  await officer.getByRole('link', { name: 'Khu phố 1', exact: true }).first().tap();
  await officer.getByRole('button', { name: 'Tạo cuộc bầu thử hôm nay' }).tap();
  await expect(officer).toHaveURL(/\/bau-cu\/[0-9a-f-]+\/bo-phieu$/);
  const electionId = officer.url().split('/').at(-2) as string;

  const team = await login(browser, 'tobaucu.kp1');
  const context = team.context();
  await team.goto(`/bau-cu/${electionId}/bo-phieu`);
  const search = team.getByTestId('checkin-search');
  const message = team.getByTestId('checkin-message');
  const banner = team.getByTestId('offline-banner');
  const checkIn = async (typed: string) => {
    await search.fill(typed);
    await team.getByRole('button', { name: 'Tìm và ghi nhận' }).tap();
  };
  for (const n of [1, 2]) {
    await checkIn(String(n));
    await expect(message).toContainText(`(số ${n}) đã bỏ phiếu`);
  }

  // The network drops: check-ins by roll number are kept on the phone, a name is not possible.
  await context.setOffline(true);
  await checkIn('Nguyễn');
  await expect(message).toContainText('không tra được danh sách theo họ tên');
  for (const typed of ['3', '4', '5', '1']) {
    await checkIn(typed);
    await expect(message).toContainText(`Đã ghi tạm "${typed}"`);
  }
  await expect(banner).toContainText('Đang ngoại tuyến — 4 lượt điểm danh chờ gửi');
  await shot(team, testInfo, '01-checkin-offline');

  // Reloaded with no network: the shell comes from the service worker, the queue from the phone.
  await team.reload();
  await expect(banner).toContainText('Đang ngoại tuyến — 4 lượt điểm danh chờ gửi');
  await expect(team.getByTestId('turnout-inline')).toBeVisible();
  await shot(team, testInfo, '02-checkin-offline-reloaded');

  // Back online: sent in order; voter 1, already checked in, is said so and not counted again.
  await context.setOffline(false);
  await expect(banner).toContainText('đã gửi xong 4 lượt điểm danh chờ');
  const sent = team.getByTestId('checkin-sent');
  for (const n of [3, 4, 5]) await expect(sent).toContainText(`(số ${n}) đã bỏ phiếu`);
  await expect(sent).toContainText('"1" không ghi thêm');
  await expect(sent).toContainText('mỗi cử tri chỉ bỏ phiếu một lần');
  await expect(team.getByTestId('turnout-inline')).toContainText(`${VOTERS} /`);
  const turnout = (await (await team.request.get(`/api/elections/${electionId}/polling/turnout`)).json()) as {
    voted: number;
  };
  expect(turnout.voted).toBe(VOTERS);
  await shot(team, testInfo, '03-checkin-sent');

  // The poll closes and the unused ballots are sealed, as the count requires.
  const head = team.getByTestId('ballots-head');
  const received = Number((await head.getByTestId('ballots-received').innerText()).replace(/\./g, ''));
  await team.getByRole('button', { name: 'Kết thúc bỏ phiếu' }).tap();
  await team.getByRole('button', { name: 'Xác nhận: Kết thúc bỏ phiếu' }).tap();
  await expect(team.getByTestId('poll-status')).toHaveText('Đã kết thúc');
  await head.getByLabel('Hai cử tri chứng kiến (mỗi dòng một người)').fill('Ngô Văn Bình\nĐỗ Thị Lan');
  await head.getByLabel('Số phiếu không sử dụng đếm được').fill(String(received - VOTERS));
  await head.getByRole('button', { name: 'Niêm phong phiếu không sử dụng', exact: true }).tap();
  await head.getByRole('button', { name: 'Xác nhận: Niêm phong phiếu không sử dụng' }).tap();
  await expect(head.getByText(/Đã niêm phong lúc/)).toBeVisible();

  const countId = await openCountWithOneBatch(team, VOTERS);

  // Two papers with the network, three without.
  await team.getByRole('link', { name: 'Nhập lượt 1' }).tap();
  const laneCount = team.getByTestId('lane-count');
  await expect(laneCount).toHaveText(`0 / ${VOTERS} phiếu`);
  await tapKey(team, '1');
  await tapKey(team, '2');
  await expect(team.getByTestId('sync')).toHaveText('Đã lưu hết');
  await context.setOffline(true);
  for (const k of ['1', '1', '0']) await tapKey(team, k);
  await expect(laneCount).toHaveText(`${VOTERS} / ${VOTERS} phiếu`);
  await expect(banner).toContainText('Đang ngoại tuyến — 3 phiếu chờ gửi');
  await shot(team, testInfo, '04-count-offline');
  // The same page at a laptop's width.
  await team.setViewportSize({ width: 1366, height: 768 });
  await shot(team, testInfo, '04b-count-offline-1366');
  await team.setViewportSize(PHONE.viewport);

  await team.reload();
  await expect(laneCount).toHaveText(`${VOTERS} / ${VOTERS} phiếu`);
  await expect(banner).toContainText('Đang ngoại tuyến — 3 phiếu chờ gửi');
  await expect(team.getByTestId('last-entries')).toContainText('5.');
  await shot(team, testInfo, '05-count-offline-reloaded');

  await context.setOffline(false);
  await expect(banner).toContainText('đã gửi xong 3 phiếu chờ');
  await expect(team.getByTestId('sync')).toHaveText('Đã lưu hết');
  await shot(team, testInfo, '06-count-sent');
  const view = (await (await team.request.get(`/api/counts/${countId}`)).json()) as {
    batches: { entered: number[] }[];
  };
  expect(view.batches[0]!.entered[0]).toBe(VOTERS);
  // Opened again with the network: the server's figure, nothing counted twice.
  await team.reload();
  await expect(laneCount).toHaveText(`${VOTERS} / ${VOTERS} phiếu`);
  await expect(banner).toHaveCount(0);

  // Signing out deletes the reads kept for offline use; nothing was left waiting, so nothing is kept.
  const kept = () => team.evaluate(async () => (await caches.keys()).includes('baucoso-api'));
  expect(await kept()).toBe(true);
  await team.getByRole('button', { name: 'Đăng xuất' }).tap();
  await expect(team.getByLabel('Tên đăng nhập')).toBeVisible();
  await expect.poll(kept).toBe(false);
  const records = () =>
    team.evaluate(
      () =>
        new Promise<number>((resolve) => {
          const open = indexedDB.open('baucoso-outbox', 1);
          open.onsuccess = () => {
            const req = open.result.transaction('records').objectStore('records').count();
            req.onsuccess = () => resolve(req.result);
          };
        }),
    );
  await expect.poll(records).toBe(0);
});
