import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';

const HEADER =
  'Mã hộ,Họ và tên,Ngày sinh,Giới tính,Số định danh cá nhân,Quan hệ với chủ hộ,Loại cư trú,Tổ,Địa chỉ';
const utf8 = (text: string) => Buffer.from(`\ufeff${text}`, 'utf8');

async function login(page: Page) {
  await page.goto('/');
  await page.getByLabel('Tên đăng nhập').fill('ubnd.phuong2');
  await page.getByLabel('Mật khẩu').fill('baucoso2024');
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await expect(page.getByRole('heading', { name: 'Phường 2 Bảo Lộc' })).toBeVisible();
}

async function openImport(page: Page, hamlet: string) {
  await page.getByRole('link', { name: hamlet, exact: true }).click();
  await expect(page.getByRole('heading', { name: hamlet, level: 1 })).toBeVisible();
  await page.getByTestId('open-import').click();
  await expect(page.getByRole('heading', { name: 'Nhập danh sách nhân khẩu từ tệp' })).toBeVisible();
}

const upload = (page: Page, name: string, buffer: Buffer) =>
  page.locator('input[type=file]').setInputFiles({ name, mimeType: 'text/csv', buffer });

test('the officer imports a broken file, a TCVN3 file and one with other headers, sees the preview and confirms', async ({
  page,
}, testInfo) => {
  await login(page);
  await openImport(page, 'Khu phố 2');

  const broken = [
    HEADER,
    'MOI-01,Phan Văn Hậu,12/03/1970,Nam,,Chủ hộ,Thường trú,Tổ 1,Số 3 Lê Lợi',
    'MOI-01,,01/01/1990,Nữ,,Vợ,Thường trú,Tổ 1,Số 3 Lê Lợi',
    'MOI-01,Phan Thị Mai,31/02/1990,Nữ,,Con,Thường trú,Tổ 1,Số 3 Lê Lợi',
    'MOI-01,Phan Thị Lan,01/01/1995,Nữ,123456789,Con,Thường trú,Tổ 1,Số 3 Lê Lợi',
  ].join('\r\n');
  await upload(page, 'hong.csv', utf8(broken));
  await expect(page.getByTestId('import-summary')).toContainText('bị loại 3');
  const rejected = page.getByTestId('rejected-rows');
  await expect(rejected).toContainText("Dòng 3, cột 'Họ và tên': chưa nhập họ và tên.");
  await expect(rejected).toContainText('Dòng 4');
  await expect(rejected).toContainText('chứng minh nhân dân 9 số cũ');
  await page.screenshot({ path: testInfo.outputPath('import-broken.png'), fullPage: true });

  await upload(page, 'tcvn3.csv', readFileSync('src/io/fixtures/residents-tcvn3.csv'));
  await expect(page.getByTestId('converted-notice')).toContainText('TCVN3');
  await expect(page.getByTestId('to-add')).toContainText('Nguyễn Văn Thắng');
  await page.screenshot({ path: testInfo.outputPath('import-tcvn3.png'), fullPage: true });
  await page.getByTestId('confirm-import').click();
  await expect(page.getByTestId('import-message')).toContainText('Đã ghi: thêm');

  // The same file again: nothing to write.
  await upload(page, 'tcvn3-lan-2.csv', readFileSync('src/io/fixtures/residents-tcvn3.csv'));
  await expect(page.getByTestId('import-summary')).toContainText('thêm mới 0, thay đổi 0');
  await expect(page.getByTestId('confirm-import')).toBeDisabled();

  const other = [
    'Hộ,Tên người,Sinh,Phái,QH,Cư trú',
    'MOI-02,Đỗ Văn Nam,1980-05-05,Nam,Chủ hộ,Thường trú',
  ].join('\r\n');
  await upload(page, 'khac.csv', utf8(other));
  await expect(page.getByTestId('missing-columns')).toContainText('Mã hộ');
  for (const [i, label] of [
    [0, 'Mã hộ *'],
    [1, 'Họ và tên *'],
    [2, 'Ngày sinh *'],
    [4, 'Quan hệ với chủ hộ *'],
  ] as const) {
    await page.getByTestId(`map-column-${i}`).click();
    await page.getByRole('option', { name: label, exact: true }).click();
  }
  await page.getByTestId('apply-mapping').click();
  await expect(page.getByTestId('import-summary')).toContainText('thêm mới 1');
  await page.screenshot({ path: testInfo.outputPath('import-mapping.png'), fullPage: true });
  await page.getByTestId('confirm-import').click();
  await expect(page.getByTestId('import-message')).toContainText('thêm 1 người');

  await page.getByRole('link', { name: 'Danh sách nhân khẩu' }).click();
  await page.getByTestId('resident-search').fill('do van nam');
  await expect(page.getByTestId('residents-table')).toContainText('Đỗ Văn Nam');
  await page.getByTestId('resident-search').fill('nguyen van thang');
  await expect(page.getByTestId('residents-table')).toContainText('Nguyễn Văn Thắng');
  await page.screenshot({ path: testInfo.outputPath('residents.png'), fullPage: true });
  await page.getByRole('link', { name: 'KP1-0001' }).first().click();
  await expect(page.getByTestId('representative')).toContainText('Nguyễn Văn Thắng');
  await page.screenshot({ path: testInfo.outputPath('household.png'), fullPage: true });
});

test('a household list without the residence-type column imports as permanent, said so in the preview, with the default changeable for the whole file', async ({
  page,
}, testInfo) => {
  await login(page);
  await openImport(page, 'Khu phố 2');
  const list = [
    'Mã hộ,Họ và tên,Ngày sinh,Giới tính,Quan hệ với chủ hộ,Tổ,Địa chỉ',
    'KCT-01,Hà Văn Khải,02/02/1965,Nam,Chủ hộ,Tổ 1,Số 7 Lê Lợi',
    'KCT-01,Lý Thị Thu,03/03/1968,Nữ,Vợ,Tổ 1,Số 7 Lê Lợi',
  ].join('\r\n');
  await upload(page, 'danh-sach-ho.csv', utf8(list));
  const notice = page.getByTestId('residence-default');
  await expect(notice).toContainText("Tệp không có cột 'Loại cư trú': 2 người được ghi là Thường trú");
  await expect(page.getByTestId('import-summary')).toContainText('thêm mới 2');
  await page.getByTestId('residence-default-choice').getByText('Tạm trú').click();
  await expect(notice).toContainText('2 người được ghi là Tạm trú');
  await page.getByTestId('residence-default-choice').getByText('Thường trú').click();
  await expect(notice).toContainText('2 người được ghi là Thường trú');
  await page.screenshot({ path: testInfo.outputPath('import-no-residence.png'), fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: testInfo.outputPath('import-no-residence-phone.png'), fullPage: true });
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.getByTestId('confirm-import').click();
  await expect(page.getByTestId('import-message')).toContainText('thêm 2 người');

  await page.getByRole('link', { name: 'Danh sách nhân khẩu' }).click();
  await page.getByTestId('resident-search').fill('ha van khai');
  await page.getByRole('link', { name: 'Hà Văn Khải' }).first().click();
  await expect(page.getByTestId('resident-summary')).toContainText('Thường trú (giả định)');
});
