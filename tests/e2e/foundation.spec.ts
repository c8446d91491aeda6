import { expect, test } from '@playwright/test';

test('the demo commune officer logs in, opens a khu phố and sees its households count', async ({
  page,
}, testInfo) => {
  await page.goto('/');
  await expect(page.locator('html')).toHaveAttribute('lang', 'vi');
  await page.getByLabel('Tên đăng nhập').fill('ubnd.phuong2');
  await page.getByLabel('Mật khẩu').fill('baucoso2024');
  await page.getByRole('button', { name: 'Đăng nhập' }).click();

  await expect(page.getByRole('heading', { name: 'Phường 2 Bảo Lộc' })).toBeVisible();
  await expect(page.getByTestId('hamlet-card')).toHaveCount(5);
  await page.screenshot({ path: testInfo.outputPath('commune.png'), fullPage: true });

  await page.getByRole('link', { name: 'Khu phố 1', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Khu phố 1', level: 1 })).toBeVisible();
  await expect(page.getByTestId('households-count')).toHaveText('412');
  await expect(page.getByText('Danh sách hộ gia đình')).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('hamlet.png'), fullPage: true });
});

test('a wrong password is refused with a Vietnamese message', async ({ page }) => {
  await page.goto('/');
  await page.getByLabel('Tên đăng nhập').fill('ubnd.phuong2');
  await page.getByLabel('Mật khẩu').fill('sai-mat-khau1');
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await expect(page.getByRole('alert')).toContainText('Tên đăng nhập hoặc mật khẩu không đúng');
});

test('the province viewer sees the communes of the province and drills down to the demo ward', async ({
  page,
}) => {
  await page.goto('/');
  await page.getByLabel('Tên đăng nhập').fill('tinh.lamdong');
  await page.getByLabel('Mật khẩu').fill('baucoso2024');
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await expect(page.getByRole('heading', { name: 'Tỉnh Lâm Đồng' })).toBeVisible();
  await page.getByLabel('Lọc xã, phường').fill('Phường 2');
  await page.getByRole('link', { name: 'Phường 2 Bảo Lộc' }).click();
  await expect(page.getByTestId('hamlet-card')).toHaveCount(5);
  // Read-only: no form to add a hamlet.
  await expect(page.getByText('Thêm thôn, tổ dân phố')).toHaveCount(0);
});

test('any signed-in user can audit the rules: values with citation and confidence', async ({
  page,
}, testInfo) => {
  await page.goto('/');
  await page.getByLabel('Tên đăng nhập').fill('mttq.phuong2');
  await page.getByLabel('Mật khẩu').fill('baucoso2024');
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.getByRole('link', { name: 'Quy tắc' }).click();
  await page.getByRole('link', { name: 'Quảng Trị', exact: true }).click();
  await expect(page.getByRole('heading', { name: /Quảng Trị/ })).toBeVisible();
  // Each value as a Vietnamese sentence with its article and confidence: no raw JSON, no codes.
  const voter = page.getByTestId('rule-voter');
  await expect(voter).toContainText('Điều kiện cử tri');
  await expect(voter).toContainText('Từ đủ 18 tuổi vào ngày bầu cử; phải thường trú tại thôn, tổ dân phố');
  await expect(voter).toContainText('Căn cứ: ');
  await expect(page.getByTestId('rule-winner')).toContainText('Điều kiện trúng cử');
  await expect(page.getByText(/Điều 15/).first()).toBeVisible();
  await expect(page.getByTestId('rule-params').first()).not.toContainText('{');
  await expect(page.getByText(/seed \d|DOMAIN\.md/)).toHaveCount(0);
  // Developer text is for the administrator: no API reference in a Front officer's header.
  await expect(page.getByRole('link', { name: 'Tài liệu API' })).toHaveCount(0);
  await page.screenshot({ path: testInfo.outputPath('rules.png'), fullPage: false });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: testInfo.outputPath('rules-phone.png'), fullPage: false });
});
