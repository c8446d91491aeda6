import { expect, test } from '@playwright/test';

/**
 * DOMAIN.md row 7 (ND59 Mẫu 04): a community meeting below its quorum turns the same election to
 * household opinion ballots from the meeting page; the ballots are issued at once and linked there.
 * A trial election of Khu phố 1 dated today, so the demo election is left to the other specs.
 */
test('a meeting without a quorum switches to household opinion ballots and links the ballots issued', async ({
  page,
}, testInfo) => {
  test.setTimeout(120_000);
  await page.goto('/');
  await page.getByLabel('Tên đăng nhập').fill('ubnd.phuong2');
  await page.getByLabel('Mật khẩu').fill('baucoso2024');
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.getByRole('link', { name: 'Khu phố 1', exact: true }).click();
  await page.getByRole('button', { name: 'Tạo cuộc bầu thử hôm nay' }).click();
  await expect(page).toHaveURL(/\/bau-cu\/[0-9a-f-]+\/bo-phieu$/);
  const id = /\/bau-cu\/([0-9a-f-]+)\//.exec(page.url())![1]!;
  await page.goto(`/bau-cu/${id}/hoi-nghi`);

  const opening = page.getByTestId('step-opening');
  await opening.getByLabel('Số đại diện hộ gia đình có mặt').fill('100');
  await opening.getByRole('button', { name: 'Ghi số người có mặt' }).click();
  await expect(page.getByTestId('meeting-history')).toContainText('Không thông qua');

  // The switch is offered once the quorum check failed, and asks before it acts.
  const card = page.getByTestId('household-ballots');
  await card.getByRole('button', { name: 'Chuyển sang phát phiếu lấy ý kiến hộ gia đình (Mẫu 04)' }).click();
  await expect(card.getByRole('alertdialog')).toContainText('Không quay lại cuộc họp được');
  await card.getByRole('button', { name: 'Xác nhận' }).click();

  const done = page.getByTestId('household-ballots-done');
  // The ballots (one per household of the roll) are rendered before the answer comes back.
  await expect(done).toContainText('phiếu lấy ý kiến hộ gia đình (Mẫu 04). Có mặt 100/', {
    timeout: 60_000,
  });
  await expect(done).toContainText('phiếu lấy ý kiến hộ gia đình (Mẫu 04)');
  const ballots = done.getByRole('link', {
    name: /Phiếu lấy ý kiến hộ gia đình bầu Khu phố trưởng Khu phố 1/,
  });
  await expect(ballots).toBeVisible();
  const pdf = await page.request.get((await ballots.getAttribute('href')) as string);
  expect(pdf.status()).toBe(200);
  expect((await pdf.body()).subarray(0, 4).toString()).toBe('%PDF');
  // The agenda is over: no step form, no second switch.
  await expect(page.getByTestId('step-secretary')).toHaveCount(0);
  await expect(page.getByTestId('household-ballots')).toHaveCount(0);
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.screenshot({ path: testInfo.outputPath('household-1366.png'), fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: testInfo.outputPath('household-390.png'), fullPage: true });
});
