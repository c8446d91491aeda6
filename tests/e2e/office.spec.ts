import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { reportedElection } from './reported-election';

const WARD = '24820';

async function login(page: Page) {
  await page.goto('/');
  await page.getByLabel('Tên đăng nhập').fill('ubnd.phuong2');
  await page.getByLabel('Mật khẩu').fill('baucoso2024');
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await expect(page.getByRole('button', { name: 'Đăng xuất' })).toBeVisible();
}

test('the commune recognises a reported count in time; a head is relieved after a household petition; the register shows it all', async ({
  page,
}, testInfo) => {
  test.setTimeout(180_000);
  await login(page);
  const { winner } = await reportedElection(page);

  // The inbox: Khu phố 2 awaits recognition, due in 5 working days, not late.
  await page.goto(`/xa/${WARD}/cong-nhan`);
  const item = page.getByTestId('recognition-item').filter({ hasText: 'Khu phố 2' });
  await expect(item).toBeVisible();
  await expect(item.getByText(/còn \d+ ngày làm việc/)).toBeVisible();
  await expect(item.getByText('QUÁ HẠN')).toHaveCount(0);
  await expect(item.getByText(winner).first()).toBeVisible();
  // The person recognised is read from the closed count; the form has no one to choose or type.
  await expect(item.getByTestId('recognition-elected')).toContainText(winner);
  await expect(item.getByRole('combobox')).toHaveCount(0);
  await page.screenshot({ path: testInfo.outputPath('inbox.png'), fullPage: true });
  await item.getByLabel('Người ký (Chủ tịch UBND)').fill('Lê Thanh Bình');
  await item.getByRole('button', { name: 'Công nhận người trúng cử', exact: true }).click();
  // A decision cannot be undone: the button asks first, in words.
  await expect(item.getByRole('alertdialog')).toContainText('cấp số và ghi vào sổ');
  await item.getByRole('button', { name: 'Xác nhận: Công nhận người trúng cử' }).click();
  await expect(page.getByText(/Đã ban hành: Quyết định công nhận Khu phố trưởng Khu phố 2/)).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('recognised.png'), fullPage: true });

  // The register: the winner holds office from today.
  await page.goto(`/xa/${WARD}/nguoi-giu-chuc`);
  const kp2 = page
    .getByTestId('office-hamlet')
    .filter({ has: page.getByRole('heading', { name: 'Khu phố 2' }) });
  await expect(kp2.getByTestId('office-term').filter({ hasText: winner })).toContainText(
    'Trúng cử, được công nhận',
  );
  await expect(page.getByTestId('office-alerts')).toContainText('Khu phố 3 chưa có Khu phố trưởng');

  // A petition of the households, the meeting and the commune's decision.
  await page.goto(`/xa/${WARD}/cho-thoi-lam`);
  await page.getByRole('textbox', { name: 'Người giữ chức', exact: true }).click();
  await page.getByRole('option', { name: new RegExp(`Khu phố 2: Khu phố trưởng ${winner}`) }).click();
  await page.getByLabel('Lý do (mỗi dòng một lý do)').fill('Không hoàn thành nhiệm vụ được giao');
  await page.getByRole('button', { name: 'Chọn tất cả' }).click();
  await expect(page.getByTestId('petition-count')).toContainText('hộ đã ký');
  await page.getByRole('button', { name: 'Lập hồ sơ', exact: true }).click();
  const kase = page.getByTestId('removal-case').first();
  await expect(kase).toContainText('Chờ họp');
  await expect(kase.getByRole('link', { name: /Đơn kiến nghị/ })).toBeVisible();

  const registered = Number(await kase.getByLabel('Tổng số hộ trong danh sách').inputValue());
  await kase.getByLabel('Địa điểm').fill('Nhà văn hóa khu phố 2');
  await kase.getByLabel('Họ tên người triệu tập').fill('Châu Văn Long');
  await kase.getByLabel('Thư ký').fill('Vũ Thị Kim Oanh');
  await kase
    .getByLabel('Khách mời (phát biểu, không biểu quyết), mỗi dòng một người')
    .fill('Đại diện UBND Phường 2\nĐại diện UBMTTQVN Phường 2');
  const present = registered - 20;
  await kase.getByLabel('Số đại diện hộ dự họp').fill(String(present));
  await kase
    .getByLabel('Tổ kiểm phiếu (mỗi dòng: họ tên - vai trò)')
    .fill('Lý Văn Nam - Tổ trưởng\nĐỗ Thị Hằng - Thành viên\nPhan Hữu Quang - Thành viên');
  await kase.getByLabel('Người chứng kiến, mỗi dòng một người').fill('Ngô Văn Hải\nDương Thị Châu');
  await kase.getByLabel('Số phiếu hợp lệ').fill(String(present));
  await kase.getByLabel('Tán thành', { exact: true }).fill(String(present - 30));
  await kase.getByLabel('Không tán thành').fill('30');
  await kase.getByRole('button', { name: 'Ghi kết quả cuộc họp' }).click();
  await expect(kase).toContainText('Chờ UBND quyết định');
  await expect(kase.getByRole('link', { name: /Biên bản kiểm phiếu/ })).toBeVisible();

  await kase.getByLabel('Người ký (Chủ tịch UBND)').fill('Lê Thanh Bình');
  await kase.getByRole('textbox', { name: 'Cử người tạm thời đảm nhiệm' }).click();
  await page.getByRole('option').filter({ hasNotText: winner }).nth(3).click();
  await kase.getByRole('button', { name: 'Công nhận kết quả', exact: true }).click();
  await kase.getByRole('button', { name: 'Xác nhận: Công nhận kết quả' }).click();
  await expect(kase).toContainText('Đã công nhận');
  await expect(kase.getByTestId('removal-new-election')).toContainText(
    'Quyết định tổ chức bầu mới chậm nhất',
  );
  await expect(kase.getByRole('link', { name: /Quyết định công nhận kết quả cho thôi làm/ })).toBeVisible();
  await expect(kase.getByRole('link', { name: /Quyết định cử Khu phố trưởng lâm thời/ })).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('removal.png'), fullPage: true });

  // The register: the head left on the decision, an interim head with the new-election deadline.
  await page.goto(`/xa/${WARD}/nguoi-giu-chuc`);
  const after = page
    .getByTestId('office-hamlet')
    .filter({ has: page.getByRole('heading', { name: 'Khu phố 2' }) });
  await expect(after.getByTestId('office-term').first()).toContainText('Được cử tạm thời (lâm thời)');
  await expect(after.getByText(/Bầu mới chậm nhất/)).toBeVisible();
  await after.getByRole('button', { name: /Lịch sử/ }).click();
  await expect(after.getByTestId('office-term').filter({ hasText: winner })).toContainText('Cho thôi làm');
  await page.screenshot({ path: testInfo.outputPath('register.png'), fullPage: true });
});

test('the commune appoints an interim head for a vacant khu phố from the register page', async ({
  page,
}, testInfo) => {
  await login(page);
  await page.goto(`/xa/${WARD}/nguoi-giu-chuc`);
  await expect(page.getByText('Khu phố 4 chưa có Khu phố trưởng.')).toBeVisible();
  const kp4 = page
    .getByTestId('office-hamlet')
    .filter({ has: page.getByRole('heading', { name: 'Khu phố 4', exact: true }) });
  const actions = kp4.getByTestId('office-actions');
  await actions.getByLabel('Người được cử / công nhận').click();
  await page.getByRole('option').first().click();
  const appoint = actions.getByRole('button', { name: 'Cử người tạm thời (chức danh đang khuyết)' });
  await appoint.click();
  await expect(actions.getByText('Đã cử người tạm thời đảm nhiệm.')).toBeVisible();
  await expect(page.getByText('Khu phố 4 chưa có Khu phố trưởng.')).toHaveCount(0);
  // A second interim head while one is in office is refused, with the rule's reason in Vietnamese.
  await appoint.click();
  await expect(actions.getByText('Đã cử người tạm thời đảm nhiệm.')).toHaveCount(0);
  await expect(actions.locator('.mantine-Alert-root')).toBeVisible();
  await kp4.screenshot({ path: testInfo.outputPath('office-actions.png') });
});
