import { expect, test } from '@playwright/test';

test('the commune officer previews a form as PDF from the documents page', async ({ page }, testInfo) => {
  await page.goto('/');
  await page.getByLabel('Tên đăng nhập').fill('ubnd.phuong2');
  await page.getByLabel('Mật khẩu').fill('baucoso2024');
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.getByRole('link', { name: 'Văn bản, biểu mẫu' }).click();
  await expect(page.getByRole('heading', { name: 'Biểu mẫu' })).toBeVisible();
  const row = page.getByRole('row', { name: /Biên bản kiểm phiếu \(Mẫu số 02\)/ }).first();
  await expect(row).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('documents.png'), fullPage: false });
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    row.getByRole('link', { name: 'PDF' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/\.pdf$/);
  const path = await download.path();
  const { readFileSync } = await import('node:fs');
  expect(readFileSync(path).subarray(0, 5).toString()).toBe('%PDF-');
});
