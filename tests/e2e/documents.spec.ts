import { expect, test } from '@playwright/test';

test('the commune officer previews a form as PDF from the documents page', async ({ page }, testInfo) => {
  await page.goto('/');
  await page.getByLabel('Tên đăng nhập').fill('ubnd.phuong2');
  await page.getByLabel('Mật khẩu').fill('baucoso2024');
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.getByRole('link', { name: 'Văn bản, biểu mẫu' }).click();
  await expect(page.getByRole('heading', { name: 'Biểu mẫu' })).toBeVisible();
  const row = page.getByRole('row', { name: /^Biên bản kiểm phiếu \(nhãn mẫu theo bộ quy tắc/ }).first();
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

test('the commune officer uploads its own wording for a form, then goes back to the built-in one', async ({
  page,
}) => {
  await page.goto('/');
  await page.getByLabel('Tên đăng nhập').fill('ubnd.phuong2');
  await page.getByLabel('Mật khẩu').fill('baucoso2024');
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.getByRole('link', { name: 'Văn bản, biểu mẫu' }).click();
  const row = page.getByRole('row', { name: /^Giấy mời/ }).first();
  await expect(row).toBeVisible();
  // The built-in wording, downloaded as DOCX, is a valid template of its own.
  const sample = await page.request.get(
    (await row.getByRole('link', { name: 'DOCX' }).getAttribute('href'))!,
  );
  const chooser = page.waitForEvent('filechooser');
  await row.getByRole('button', { name: 'Tải lên mẫu riêng' }).click();
  await (
    await chooser
  ).setFiles({
    name: 'giấy mời xã.docx',
    mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    buffer: await sample.body(),
  });
  await expect(page.getByText('Đã lưu mẫu riêng "giấy mời xã.docx".')).toBeVisible();
  await expect(row.getByText('Mẫu riêng: giấy mời xã.docx')).toBeVisible();
  await row.getByRole('button', { name: 'Dùng lại mẫu chuẩn' }).click();
  await expect(page.getByText('Đã quay lại mẫu chuẩn.')).toBeVisible();
  await expect(row.getByText('Mẫu chuẩn')).toBeVisible();
});
