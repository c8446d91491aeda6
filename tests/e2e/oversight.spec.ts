import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';

async function login(page: Page, username: string) {
  await page.goto('/');
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu').fill('baucoso2024');
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
}

test.beforeAll(async ({ browser }) => {
  const page = await browser.newPage();
  await login(page, 'quantri');
  await expect(page.getByTestId('current-user')).toBeVisible();
  const r = await page.request.post('/api/demo/province', { data: {} });
  expect(r.ok()).toBe(true);
  await page.close();
});

test('the province viewer sees progress, drills down to a commune and downloads both reports', async ({
  page,
}, testInfo) => {
  await login(page, 'tinh.lamdong');
  await expect(page.getByRole('heading', { name: /Tiến độ và kết quả bầu cử: Tỉnh Lâm Đồng/ })).toBeVisible();
  const table = page.getByTestId('province-dashboard');
  await expect(table.getByRole('link', { name: 'Phường 3 Bảo Lộc', exact: true })).toBeVisible();
  await expect(table.locator('tbody tr')).toHaveCount(5);
  // Sort by late hamlets: the late communes come first.
  await page.getByRole('button', { name: 'Sắp xếp theo Chậm tiến độ' }).click();
  await page.getByRole('button', { name: 'Sắp xếp theo Chậm tiến độ' }).click();
  await expect(table.locator('tbody tr').first()).toContainText(/Lâm Viên|Di Linh/);
  await page.screenshot({ path: testInfo.outputPath('province.png'), fullPage: true });

  const xlsx = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Tổng hợp toàn tỉnh (XLSX)' }).click();
  const x = await xlsx;
  expect(x.suggestedFilename()).toMatch(/\.xlsx$/);
  expect((await readFile(await x.path())).subarray(0, 2).toString()).toBe('PK');
  const pdf = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Tổng hợp toàn tỉnh (PDF)' }).click();
  const p = await pdf;
  expect((await readFile(await p.path())).subarray(0, 5).toString()).toBe('%PDF-');

  await page.getByRole('link', { name: 'Tiến độ bầu cử của xã, phường mã 24841' }).click();
  await expect(page.getByRole('heading', { name: 'Tiến độ bầu cử: Phường 3 Bảo Lộc' })).toBeVisible();
  const rows = page.getByTestId('commune-dashboard').locator('tbody tr');
  await expect(rows).toHaveCount(4);
  await expect(rows.filter({ hasText: 'Khu phố 4' })).toContainText('chưa kiểm phiếu');
  await page.getByText(/^Bầu lại \(1\)$/).click();
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('Khu phố 2');
  // Read-only: the province viewer cannot issue the commune's report.
  await expect(page.getByRole('button', { name: 'Ban hành báo cáo tổng hợp' })).toHaveCount(0);
  await page.getByText(/^Tất cả/).click();
  await page.screenshot({ path: testInfo.outputPath('commune.png'), fullPage: true });
  const cx = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Kết quả (XLSX)' }).click();
  expect((await cx).suggestedFilename()).toMatch(/ket-qua-bau.*\.xlsx$/);
  const cp = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Báo cáo tổng hợp (PDF, bản nháp)' }).click();
  expect((await readFile(await (await cp).path())).subarray(0, 5).toString()).toBe('%PDF-');
});

test('search finds people without diacritics and hamlets', async ({ page }, testInfo) => {
  await login(page, 'tinh.lamdong');
  await page.getByLabel('Tìm kiếm').fill('to dan pho 3');
  await page.getByRole('button', { name: 'Tìm' }).click();
  await expect(page.getByTestId('search-results')).toContainText('Tổ dân phố 3');
  await page.getByLabel('Tìm kiếm').fill('nguyen van');
  await page.getByRole('button', { name: 'Tìm' }).click();
  await expect(page.getByTestId('search-results')).toContainText('Nguyễn Văn');
  await page.screenshot({ path: testInfo.outputPath('search.png'), fullPage: true });
});

test('the administrator sees the national roll-up and drills down to a province', async ({
  page,
}, testInfo) => {
  await login(page, 'quantri');
  await expect(page.getByTestId('current-user')).toBeVisible();
  await page.goto('/tinh');
  const table = page.getByTestId('national-rollup');
  const lamDong = table.locator('tbody tr').filter({ hasText: 'Tỉnh Lâm Đồng' });
  await expect(lamDong).toBeVisible();
  // The demo ward and the demo province's four communes: five communes with hamlets.
  await expect(lamDong.locator('td').nth(2)).toHaveText('5');
  await expect(table.locator('tbody tr').filter({ hasText: 'Thành phố Hà Nội' })).toContainText(
    'Chưa có dữ liệu thôn, tổ dân phố.',
  );
  await expect(table.locator('tbody tr').last()).toContainText('Cả nước');
  await page.screenshot({ path: testInfo.outputPath('national.png'), fullPage: true });
  await lamDong.getByRole('link', { name: 'Tỉnh Lâm Đồng' }).click();
  await expect(page.getByTestId('province-dashboard')).toBeVisible();
});
