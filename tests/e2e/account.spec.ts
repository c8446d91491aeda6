import { expect, test } from '@playwright/test';
import { totpAt } from '../../src/services/auth/totp';

test('an officer turns on two-factor login, then needs the code to log in', async ({ page }, testInfo) => {
  await page.goto('/');
  await page.getByLabel('Tên đăng nhập').fill('mttq.phuong2');
  await page.getByLabel('Mật khẩu').fill('baucoso2024');
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.getByTestId('current-user').click();
  await expect(page.getByRole('heading', { name: 'Tài khoản' })).toBeVisible();
  await page.getByRole('button', { name: 'Thiết lập' }).click();
  // The secret as a QR code for the authenticator app, and as text beside it.
  await expect(
    page.getByRole('img', { name: 'Mã QR để thêm tài khoản vào ứng dụng xác thực' }),
  ).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('totp-setup.png'), fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.getByTestId('totp-qr').scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath('totp-setup-phone.png'), fullPage: true });
  await page.setViewportSize({ width: 1366, height: 768 });
  const secret = (await page.getByTestId('totp-secret').innerText()).replace(/\s/g, '');
  await page.getByLabel('Mã xác thực').fill(totpAt(secret, new Date()));
  await page.getByRole('button', { name: 'Bật xác thực hai bước' }).click();
  await expect(page.getByText('Đã bật xác thực hai bước.')).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('account.png'), fullPage: true });

  await page.getByRole('button', { name: 'Đăng xuất' }).first().click();
  await page.getByLabel('Tên đăng nhập').fill('mttq.phuong2');
  await page.getByLabel('Mật khẩu').fill('baucoso2024');
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await expect(page.getByLabel('Mã xác thực')).toBeVisible();
  // The code that switched it on is used up: the next step's (accepted within the phone-clock drift).
  await page.getByLabel('Mã xác thực').fill(totpAt(secret, new Date(Date.now() + 30_000)));
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await expect(page.getByRole('heading', { name: 'Phường 2 Bảo Lộc' })).toBeVisible();

  // Turn it off again (needs the password), leaving the shared demo account as other specs expect it.
  await page.getByTestId('current-user').click();
  await page.getByLabel('Mật khẩu hiện tại').last().fill('baucoso2024');
  await page.getByRole('button', { name: 'Tắt xác thực hai bước' }).click();
  await expect(page.getByText('Đã tắt xác thực hai bước.')).toBeVisible();
});
