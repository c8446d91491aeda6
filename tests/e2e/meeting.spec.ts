import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';

const PASSWORD = 'baucoso2024';

async function login(page: Page, username: string) {
  await page.goto('/');
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu').fill(PASSWORD);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await expect(page.getByRole('button', { name: 'Đăng xuất' })).toBeVisible();
}

async function vote(page: Page, step: string, votesFor: number, against = 0) {
  const card = page.getByTestId(`step-${step}`);
  await card.getByLabel('Số người giơ tay đồng ý').fill(String(votesFor));
  await card.getByLabel('Số người không đồng ý').fill(String(against));
  await card.getByRole('button', { name: 'Ghi kết quả biểu quyết' }).click();
}

test('a community meeting adopts its agenda by show of hands and elects the head by show of hands', async ({
  page,
}, testInfo) => {
  test.setTimeout(120_000);
  await login(page, 'ubnd.phuong2');
  await page.getByRole('link', { name: 'Khu phố 1', exact: true }).click();
  await page.getByRole('link', { name: 'Kiểm phiếu' }).first().click();
  await page.getByRole('button', { name: 'Chuẩn bị dữ liệu mẫu cho ngày bầu cử' }).click();
  await expect(page.getByText('2 người ứng cử')).toBeVisible();
  await page.getByRole('link', { name: 'Cuộc họp cộng đồng dân cư' }).click();
  await expect(page.getByText('Số đại diện hộ gia đình trong danh sách đã niêm yết: 412')).toBeVisible();

  // Exactly half present is not a quorum (strictly more than 50%); the agenda does not go on.
  const opening = page.getByTestId('step-opening');
  await expect(opening.getByTestId('step-rule')).toContainText('trên 50% tổng số cử tri');
  await opening.getByLabel('Số đại diện hộ gia đình có mặt').fill('206');
  await opening.getByRole('button', { name: 'Ghi số người có mặt' }).click();
  const history = page.getByTestId('meeting-history');
  await expect(history).toContainText('Có mặt 206/412');
  await expect(history).toContainText('Không thông qua');
  await page.getByTestId('step-opening').getByLabel('Số đại diện hộ gia đình có mặt').fill('300');
  await page.getByTestId('step-opening').getByRole('button', { name: 'Ghi số người có mặt' }).click();
  await expect(history).toContainText('Có mặt 300/412');

  // The secretary: 150 of 300 is exactly half and fails; 151 passes. The rule and its article show.
  const secretary = page.getByTestId('step-secretary');
  await expect(secretary.getByTestId('step-rule')).toContainText('trên 50% số người có mặt tại cuộc họp');
  await expect(secretary.getByTestId('step-rule')).toContainText('Điều 3, khoản 5');
  await secretary.getByLabel('Họ tên thư ký được đề cử').fill('Lê Văn Thư');
  await vote(page, 'secretary', 150, 150);
  await expect(history).toContainText('Không được thông qua: 150/300');
  await page.getByTestId('step-secretary').getByLabel('Họ tên thư ký được đề cử').fill('Lê Văn Thư');
  await vote(page, 'secretary', 200, 101);
  await expect(page.getByTestId('meeting-error')).toContainText('301, nhiều hơn số người có mặt (300)');
  await vote(page, 'secretary', 151, 100);
  await expect(history).toContainText('Được thông qua: 151/300');

  // The voting form: show of hands.
  const form = page.getByTestId('step-votingForm');
  await form.getByText('Biểu quyết giơ tay').click();
  await vote(page, 'votingForm', 250, 50);
  await expect(history).toContainText('Biểu quyết giơ tay');

  // The show of hands per candidate: a reading over those present is refused, then the result.
  const hands = page.getByTestId('hands-head');
  const inputs = hands.getByRole('textbox');
  await inputs.nth(0).fill('301');
  await inputs.nth(1).fill('0');
  await hands.getByRole('button', { name: 'Ghi kết quả giơ tay và kết thúc kiểm phiếu' }).click();
  await expect(page.getByTestId('meeting-error')).toContainText('lớn hơn số người có mặt (300)');
  await inputs.nth(0).fill('207');
  await inputs.nth(1).fill('80');
  await hands.getByRole('button', { name: 'Ghi kết quả giơ tay và kết thúc kiểm phiếu' }).click();
  await expect(page.getByTestId('hands-conclusion')).toContainText('207 phiếu, đạt 50,24%');
  await expect(page.getByTestId('hands-conclusion')).toContainText('trúng cử');
  // The minutes of the meeting (Mẫu 03), filled from what was recorded, through the document registry.
  await page.getByRole('button', { name: /Lập biên bản cuộc họp \(Mẫu 03\)/ }).click();
  const pdfLink = page.getByRole('link', { name: 'Tải biên bản (PDF)' });
  await expect(pdfLink).toBeVisible();
  const pdf = await page.request.get((await pdfLink.getAttribute('href')) as string);
  expect(pdf.status()).toBe(200);
  expect((await pdf.body()).subarray(0, 4).toString()).toBe('%PDF');
  await page.screenshot({ path: testInfo.outputPath('meeting.png'), fullPage: true });

  await page.getByRole('link', { name: 'Xem kết quả và in biên bản' }).click();
  await expect(page).toHaveURL(/\/kiem-phieu\/[0-9a-f-]+$/);
  await expect(page.getByText('trúng cử').first()).toBeVisible();
});
