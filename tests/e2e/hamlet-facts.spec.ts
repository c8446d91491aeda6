import { expect, test } from '@playwright/test';

// Facts of one demo khu phố (Khu phố 5): no election and no office-holder is touched, so the other
// specs on the main server see the ward as before.
test('an officer records the households and the classification of Khu phố 5 and sees the deputies it allows', async ({
  page,
}) => {
  await page.goto('/');
  await page.getByLabel('Tên đăng nhập').fill('ubnd.phuong2');
  await page.getByLabel('Mật khẩu').fill('baucoso2024');
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await expect(page.getByRole('button', { name: 'Đăng xuất' })).toBeVisible();
  await page.goto('/xa/24820');
  await page.getByRole('link', { name: 'Khu phố 5', exact: true }).click();
  const facts = page.getByTestId('hamlet-facts');
  await expect(facts).toBeVisible();
  const computed = await facts.getByTestId('households-computed').innerText();
  await expect(facts.getByTestId('households-registered')).toHaveText('chưa ghi');
  await expect(facts.getByTestId('fact-allowance')).toContainText('Chưa ghi quyết định về mức phụ cấp');
  await expect(facts.getByTestId('interim-rule')).toContainText('không quá 6 tháng');

  // A wrong value is refused with the reason; nothing is written.
  const form = facts.getByTestId('add-fact');
  await form.getByLabel('Giá trị').fill('bốn trăm');
  await form.getByLabel('Có hiệu lực từ').fill('2026-01-01');
  await form.getByRole('button', { name: 'Ghi' }).click();
  await expect(form.getByText('Số hộ gia đình phải là số nguyên không âm')).toBeVisible();
  await expect(facts.getByTestId('facts-history')).toHaveCount(0);

  await form.getByLabel('Giá trị').fill('620');
  await form.getByLabel('Ghi chú').fill('Báo cáo rà soát hộ gia đình năm 2025');
  await form.getByRole('button', { name: 'Ghi' }).click();
  await expect(form.getByText('Đã ghi.')).toBeVisible();
  await expect(facts.getByTestId('households-registered')).toHaveText('620');
  await expect(facts.getByTestId('households-computed')).toHaveText(computed);
  await expect(facts.getByTestId('fact-households')).toContainText('Dùng 620 hộ (số liệu đã ghi)');
  await expect(facts.getByTestId('deputies-allowed')).toHaveText('1');
  await expect(facts.getByTestId('fact-deputies')).toContainText('Điều 1');

  // The classification needs the province's decision.
  await form.getByLabel('Loại thông tin').click();
  await page.getByRole('option', { name: 'Phân loại' }).click();
  await form.getByLabel('Giá trị').click();
  await page.getByRole('option', { name: 'Loại 2' }).click();
  await form.getByLabel('Có hiệu lực từ').fill('2025-01-01');
  await form.getByRole('button', { name: 'Ghi' }).click();
  await expect(form.getByText('Hãy nhập số quyết định')).toBeVisible();
  await form.getByLabel('Số văn bản').fill('15/QĐ-UBND');
  await form.getByLabel('Ngày văn bản').fill('2024-12-20');
  await form.getByLabel('Cơ quan ban hành').fill('UBND tỉnh Lâm Đồng');
  await form.getByRole('button', { name: 'Ghi' }).click();
  await expect(facts.getByTestId('fact-classification')).toContainText('Loại 2');
  await expect(facts.getByTestId('fact-classification')).toContainText(
    '15/QĐ-UBND ngày 20/12/2024 của UBND tỉnh Lâm Đồng',
  );
  await expect(facts.getByTestId('facts-history').locator('tbody tr')).toHaveCount(2);
  await page.screenshot({ path: 'test-results/e2e/hamlet-facts.png', fullPage: true });

  // As it was on 2024-11-01: neither record was in force.
  await facts.getByLabel('Xem theo ngày').fill('2024-11-01');
  await expect(facts.getByTestId('households-registered')).toHaveText('chưa ghi');
  await expect(facts.getByTestId('fact-classification')).toContainText('Chưa ghi phân loại');
});
