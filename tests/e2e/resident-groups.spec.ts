import { expect, test } from '@playwright/test';

// Dates relative to the real day the test runs (the server has no test clock), in Vietnam.
const vnToday = () => new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
const plus = (day: string, n: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

test('Kế hoạch 65/KH-UBND mục II.1.6: one plan holds the head’s election and the chosen groups’ Tổ trưởng, Tổ phó and Thư ký, each with its term', async ({
  page,
}, testInfo) => {
  const today = vnToday();
  await page.goto('/');
  await page.getByLabel('Tên đăng nhập').fill('ubnd.phuong2');
  await page.getByLabel('Mật khẩu').fill('baucoso2024');
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await expect(page.getByRole('heading', { name: 'Phường 2 Bảo Lộc' })).toBeVisible();
  await page.goto('/xa/24820/ke-hoach');
  await page.getByRole('textbox', { name: 'Bộ quy tắc áp dụng' }).click();
  await page.getByRole('option', { name: /^kien-giang-2024/ }).click();
  await expect(page.getByRole('checkbox', { name: 'Thư ký tổ tự quản' })).toBeChecked();
  await page.getByLabel('Nhiệm kỳ').fill('2029-2034');
  await page.getByLabel('Ngày lập kế hoạch').fill(today);
  await page.getByLabel('Chủ tịch UBND xã, phường').fill('Lê Thanh Bình');
  await page.getByLabel('Chủ tịch UBMTTQ xã, phường').fill('Trần Thị Kim Loan');
  await page.getByRole('checkbox', { name: 'Khu phố 4', exact: true }).check();
  await page.getByLabel('Ngày bầu cử Khu phố 4').fill(plus(today, 45));
  await page.getByLabel('Địa điểm Khu phố 4').fill('Nhà văn hóa khu phố 4');
  const groups = page.getByTestId('plan-groups');
  await expect(groups).toContainText('Tổ nhân dân tự quản bầu Tổ trưởng, Tổ phó, Thư ký');
  await expect(groups).toContainText('chưa xác minh');
  const boxes = groups.getByRole('checkbox');
  const count = await boxes.count();
  expect(count).toBeGreaterThan(1);
  // The last group elects in another plan.
  await boxes.nth(count - 1).uncheck();
  await page.screenshot({ path: testInfo.outputPath('plan-groups-form.png'), fullPage: true });
  await page.getByRole('button', { name: 'Lập kế hoạch' }).click();

  await expect(page.getByTestId('round-election')).toHaveCount(1 + 3 * (count - 1));
  await expect(page.getByTestId('round-election').first()).toContainText('Khu phố trưởng');
  await expect(page.getByTestId('round-election').nth(1)).toContainText('Tổ trưởng Tổ nhân dân tự quản');
  await page.screenshot({ path: testInfo.outputPath('plan-groups-round.png'), fullPage: true });

  await page.getByTestId('round-election').nth(3).getByRole('link').click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText(
    /^Bầu Thư ký — Tổ nhân dân tự quản số \d+, Khu phố 4 — ngày/,
  );
  await expect(page.getByText(/^Nhiệm kỳ \d{4}-\d{4}/)).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('group-election.png'), fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: testInfo.outputPath('group-election-phone.png'), fullPage: true });
});
