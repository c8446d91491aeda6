import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';

const PASSWORD = 'baucoso2024';
const phone = { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true, deviceScaleFactor: 2 };

async function login(page: Page, username: string) {
  await page.goto('/');
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu').fill(PASSWORD);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await expect(page.getByRole('button', { name: 'Đăng xuất' })).toBeVisible();
}

test('ND59 Điều 3 k5: a person nominated from the floor of the meeting goes on the list, with consent', async ({
  page,
  browser,
}, testInfo) => {
  test.setTimeout(120_000);
  await login(page, 'ubnd.phuong2');
  await page.getByRole('link', { name: 'Khu phố 1', exact: true }).click();
  await page.getByRole('link', { name: 'Kiểm phiếu' }).first().click();
  await page.getByRole('button', { name: 'Chuẩn bị dữ liệu mẫu cho ngày bầu cử' }).click();
  await expect(page.getByText('2 người ứng cử')).toBeVisible();
  await page.getByRole('link', { name: 'Cuộc họp cộng đồng dân cư' }).click();
  const floor = page.getByTestId('floor-nominations');
  await expect(floor).toContainText('Điều 3, khoản 5');
  await expect(floor).toContainText('Mở sau khi khai mạc');
  const opening = page.getByTestId('step-opening');
  await opening.getByLabel('Số đại diện hộ gia đình có mặt').fill('300');
  await opening.getByRole('button', { name: 'Ghi số người có mặt' }).click();
  await floor.getByLabel('Tìm người được giới thiệu (họ tên)').fill('Nguyễn');
  await floor.getByRole('button', { name: /tuổi/ }).first().click();
  await floor.getByLabel('Người giới thiệu (để trống nếu tự ứng cử)').fill('Trần Văn Hải');
  // Without the nominee's consent nothing is recorded.
  await floor.getByRole('button', { name: 'Ghi vào danh sách bầu' }).click();
  await expect(floor.getByRole('alert')).toContainText('phải đồng ý ứng cử');
  await floor.getByLabel('Người được giới thiệu đồng ý ứng cử').check();
  await floor.getByRole('button', { name: 'Ghi vào danh sách bầu' }).click();
  await expect(floor).toContainText('do Trần Văn Hải giới thiệu');
  await page.screenshot({ path: testInfo.outputPath('meeting-floor-desktop.png'), fullPage: true });

  const ctx = await browser.newContext({ ...phone, baseURL: testInfo.project.use.baseURL });
  const p = await ctx.newPage();
  await login(p, 'ubnd.phuong2');
  await p.goto(page.url());
  await expect(p.getByTestId('floor-nominations')).toContainText('do Trần Văn Hải giới thiệu');
  await p.screenshot({ path: testInfo.outputPath('meeting-floor-phone.png'), fullPage: true });
  await ctx.close();
});

test('Tây Ninh Điều 16 k3f: the plan form takes the sessions the commune fixes', async ({
  page,
}, testInfo) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await login(page, 'ubnd.phuong2');
  await page.goto('/xa/24820/ke-hoach');
  await expect(page.getByLabel(/Các buổi bỏ phiếu/).first()).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('plan-sessions-desktop.png'), fullPage: true });
});
