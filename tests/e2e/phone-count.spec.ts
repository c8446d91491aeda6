import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import type { Browser, Page, TestInfo } from '@playwright/test';
import { approveCountingTeam, chooseWitnesses } from './count-witnesses';

/**
 * Polling day on a 390×844 phone, by taps alone: the commune starts a trial polling day of the demo
 * ward from the hamlet page, the team checks voters in, records a spoiled ballot, closes the poll and
 * seals the unused ballots; two team members enter the count on the on-screen keys (one each lane,
 * one paper read differently), the team settles the difference, closes and prints the count record.
 * Typing happens only in text boxes, as on a phone's own keyboard.
 */
const PASSWORD = 'baucoso2024';
const PHONE = { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true, deviceScaleFactor: 2 };
const VOTERS = 6;

async function login(browser: Browser, username: string): Promise<Page> {
  const context = await browser.newContext(PHONE);
  const page = await context.newPage();
  await page.goto('/');
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu').fill(PASSWORD);
  await page.getByRole('button', { name: 'Đăng nhập' }).tap();
  await expect(page.getByRole('button', { name: 'Đăng xuất' })).toBeVisible();
  return page;
}

/** No page may scroll sideways on a 390 px phone nor on a 360 px one; a screenshot of each to look at. */
async function fitsPhone(page: Page, testInfo: TestInfo, name: string) {
  await page.waitForLoadState('networkidle');
  const scrollWidth = () => page.evaluate(() => document.documentElement.scrollWidth);
  expect(await scrollWidth(), `${name}: page width at 390 px`).toBeLessThanOrEqual(390);
  await page.screenshot({ path: testInfo.outputPath(`${name}.png`), fullPage: true });
  await page.setViewportSize({ width: 360, height: 780 });
  await expect.poll(scrollWidth, { message: `${name}: page width at 360 px` }).toBeLessThanOrEqual(360);
  await page.setViewportSize(PHONE.viewport);
}

/** Taps one key of the count's keypad (the same key as on a keyboard). */
const tapKey = (page: Page, key: string) => page.locator(`[data-keypad] button[data-key="${key}"]`).tap();

test('polling day and a double-entered count on a phone, by taps', async ({ browser }, testInfo) => {
  test.setTimeout(180_000);
  const officer = await login(browser, 'ubnd.phuong2');
  await fitsPhone(officer, testInfo, '01-commune');
  await officer.getByRole('link', { name: 'Khu phố 1', exact: true }).first().tap();
  await expect(officer.getByTestId('try-polling-day')).toBeVisible();
  await fitsPhone(officer, testInfo, '02-hamlet');
  await officer.getByRole('button', { name: 'Tạo cuộc bầu thử hôm nay' }).tap();
  await expect(officer).toHaveURL(/\/bau-cu\/[0-9a-f-]+\/bo-phieu$/);
  await expect(officer.getByTestId('trial-created')).toContainText('tobaucu2.kp1');
  const electionId = officer.url().split('/').at(-2) as string;

  // The team at the polling table: check-in by roll number, tapped on the button.
  const first = await login(browser, 'tobaucu.kp1');
  await first.goto(`/bau-cu/${electionId}/bo-phieu`);
  const search = first.getByTestId('checkin-search');
  const message = first.getByTestId('checkin-message');
  for (let n = 1; n <= VOTERS; n++) {
    await search.fill(String(n));
    await first.getByRole('button', { name: 'Tìm và ghi nhận' }).tap();
    await expect(message).toContainText(`(số ${n}) đã bỏ phiếu`);
  }
  await expect(first.getByTestId('turnout-inline')).toContainText(`${VOTERS} /`);
  await fitsPhone(first, testInfo, '03-checkin');

  // Ballots: received with the trial, one spoiled and exchanged, the poll closed, the rest sealed.
  const head = first.getByTestId('ballots-head');
  const received = Number((await head.getByTestId('ballots-received').innerText()).replace(/\./g, ''));
  expect(received).toBeGreaterThan(VOTERS);
  await head.getByLabel('Số lượng').fill('1');
  await head.getByRole('button', { name: 'Ghi phiếu hỏng đã đổi' }).tap();
  await expect(head.getByTestId('ballots-unused')).toHaveText(
    new Intl.NumberFormat('vi-VN').format(received - VOTERS - 1),
  );
  await first.getByRole('button', { name: 'Kết thúc bỏ phiếu' }).tap();
  await first.getByRole('button', { name: 'Xác nhận: Kết thúc bỏ phiếu' }).tap();
  await expect(first.getByTestId('poll-status')).toHaveText('Đã kết thúc');
  await head.getByLabel('Hai cử tri chứng kiến (mỗi dòng một người)').fill('Ngô Văn Bình\nĐỗ Thị Lan');
  await head.getByLabel('Số phiếu không sử dụng đếm được').fill(String(received - VOTERS - 1));
  await head.getByRole('button', { name: 'Niêm phong phiếu không sử dụng', exact: true }).tap();
  await head.getByRole('button', { name: 'Xác nhận: Niêm phong phiếu không sử dụng' }).tap();
  await expect(head.getByText(/Đã niêm phong lúc/)).toBeVisible();
  await fitsPhone(first, testInfo, '04-ballots-sealed');

  // The box is opened: the count of the head, one batch of every paper, double entry.
  await first.getByRole('link', { name: 'Sang kiểm phiếu' }).tap();
  await first.getByLabel('Số cử tri tham gia bỏ phiếu').fill(String(VOTERS));
  await first.getByLabel('Số phiếu phát ra').fill(String(VOTERS));
  await first.getByLabel('Số phiếu thu vào').fill(String(VOTERS));
  await fitsPhone(first, testInfo, '05-open-count');
  await first.getByRole('button', { name: /Mở kiểm phiếu chức danh này/ }).tap();
  await expect(first).toHaveURL(/\/kiem-phieu\/[0-9a-f-]+$/);
  const countId = first.url().split('/').pop() as string;
  await first.getByLabel('Số phiếu của tập').fill(String(VOTERS));
  await first.getByRole('button', { name: 'Mở tập mới' }).tap();
  await expect(first.getByText(`Tập 1: ${VOTERS} phiếu`)).toBeVisible();

  // Lane 1 by the first member: 1 1 2 1 3 0 (3: both names kept, 0: all struck out).
  await first.getByRole('link', { name: 'Nhập lượt 1' }).tap();
  await expect(first.getByTestId('lane-count')).toHaveText(`0 / ${VOTERS} phiếu`);
  await expect(first.getByTestId('lane-owner')).toContainText('Bạn nhập lượt 1');
  const keyHeights = await first
    .locator('[data-keypad] button')
    .evaluateAll((bs) => bs.map((b) => b.getBoundingClientRect().height));
  expect(Math.min(...keyHeights)).toBeGreaterThanOrEqual(64);
  for (const k of ['1', '1', '2', '2']) await tapKey(first, k);
  // A wrong tap is taken back with the undo key.
  await tapKey(first, 'Backspace');
  for (const k of ['1', '3', '0']) await tapKey(first, k);
  await expect(first.getByTestId('lane-count')).toHaveText(`${VOTERS} / ${VOTERS} phiếu`);
  await expect(first.getByTestId('sync')).toHaveText('Đã lưu hết');
  await expect(first.getByTestId('standing')).toContainText('còn thiếu');
  await expect(first.getByTestId('standing')).toContainText('Điều 7');
  await fitsPhone(first, testInfo, '06-entry-lane1');

  // The same member cannot take lane 2: the page says whose lane it is, the server refuses too.
  await first.goto(`/kiem-phieu/${countId}`);
  await expect(first.getByRole('link', { name: /Nhập lượt 2/ })).toHaveCount(0);
  await expect(first.getByRole('link', { name: 'Nhập lượt 1 (lượt của bạn)' })).toBeVisible();
  const batchId = (
    (await (await first.request.get(`/api/counts/${countId}`)).json()) as { batches: { id: string }[] }
  ).batches[0]!.id;
  await first.goto(`/kiem-phieu/${countId}/tap/${batchId}/luot/2`);
  await expect(first.getByTestId('lane-owner')).toContainText('Bạn đã nhập lượt 1 của tập này');
  await expect(first.locator('[data-keypad] button').first()).toBeDisabled();
  const refused = await first.request.post(`/api/counts/${countId}/papers`, {
    data: { batchId, lane: 2, kept: [], key: 'phone-same-account-lane-2' },
  });
  expect(refused.status()).toBe(409);

  // Lane 2 by the second member, who reads paper 3 as the first name.
  const second = await login(browser, 'tobaucu2.kp1');
  await second.goto(`/kiem-phieu/${countId}`);
  await second.getByRole('link', { name: 'Nhập lượt 2' }).tap();
  await expect(second.getByTestId('lane-owner')).toContainText('Lượt nhập 1: Nguyễn Văn Lâm');
  for (const k of ['1', '1', '1', '1', '3', '0']) await tapKey(second, k);
  await expect(second.getByTestId('sync')).toHaveText('Đã lưu hết');
  await second.getByRole('link', { name: 'Về trang kiểm phiếu' }).tap();

  // The difference, settled by a tap on the reading the team agrees with, then the batch locked.
  const diffRows = second.locator('table[aria-label^="Khác biệt"] tbody tr');
  await expect(diffRows).toHaveCount(1);
  await fitsPhone(second, testInfo, '07-difference');
  const settle = second.getByRole('button', { name: /^Lượt nhập 1:/ });
  const box = await settle.boundingBox();
  expect(box && box.x + box.width).toBeLessThanOrEqual(390);
  await settle.tap();
  await expect(second.getByText('Đã thống nhất:')).toHaveCount(1);
  await second.getByRole('button', { name: 'Khóa tập 1', exact: true }).tap();
  await expect(second.getByRole('button', { name: 'Khóa tập 1', exact: true })).toHaveCount(0);
  // The meeting's counting team (ND59 Điều 3 k5 i) and the two witnesses, tapped from the roll (Mẫu 02).
  await approveCountingTeam(officer.request, electionId);
  const candidates = (
    (await (await second.request.get(`/api/counts/${countId}`)).json()) as { candidates: { name: string }[] }
  ).candidates.map((c) => c.name);
  await chooseWitnesses(second, electionId, candidates, true);
  await fitsPhone(second, testInfo, '075-witnesses');
  await second.getByRole('button', { name: 'Kết thúc kiểm phiếu' }).tap();
  await second.getByRole('button', { name: 'Xác nhận: Kết thúc kiểm phiếu' }).tap();
  await expect(second.getByRole('heading', { name: /Kết quả:/ })).toBeVisible();
  await expect(second.getByTestId('papers-entered')).toHaveText(String(VOTERS));
  await fitsPhone(second, testInfo, '08-result');

  // The count record, printed from the phone.
  const [download] = await Promise.all([
    second.waitForEvent('download'),
    second.getByRole('link', { name: 'In biên bản kiểm phiếu (PDF)' }).tap(),
  ]);
  const pdf = readFileSync(await download.path());
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  await download.saveAs(testInfo.outputPath('count-record.pdf'));
});
