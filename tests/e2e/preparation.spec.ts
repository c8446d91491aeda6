import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';

// Dates relative to the real day the test runs (the server has no test clock), in Vietnam.
const vnToday = () => new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
const plus = (day: string, n: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

async function login(page: Page) {
  await page.goto('/');
  await page.getByLabel('Tên đăng nhập').fill('ubnd.phuong2');
  await page.getByLabel('Mật khẩu').fill('baucoso2024');
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await expect(page.getByRole('heading', { name: 'Phường 2 Bảo Lộc' })).toBeVisible();
}

interface Person {
  id: string;
  fullName: string;
  ageOnElectionDay: number;
}

async function adults(page: Page, electionId: string, q: string): Promise<Person[]> {
  const r = await page.request.get(`/api/elections/${electionId}/residents?q=${q}`);
  const people = (await r.json()) as Person[];
  return people.filter((p) => p.ageOnElectionDay >= 30);
}

async function pick(page: Page, label: string, option: string) {
  await page.getByRole('textbox', { name: label, exact: true }).click();
  await page.getByRole('option', { name: option }).first().click();
}

test('an officer plans the ward, prepares one khu phố end to end and downloads its documents; a late step is refused', async ({
  page,
}, testInfo) => {
  const today = vnToday();
  const soon = plus(today, 40);
  const tooSoon = plus(today, 5);
  await login(page);
  await page.goto('/xa/24820/ke-hoach');
  await page.getByLabel('Nhiệm kỳ').fill('2027-2032');
  await page.getByLabel('Ngày lập kế hoạch').fill(today);
  await page.getByLabel('Chủ tịch UBND xã, phường').fill('Lê Thanh Bình');
  await page.getByLabel('Chủ tịch UBMTTQ xã, phường').fill('Trần Thị Kim Loan');
  await page.getByRole('checkbox', { name: 'Khu phố 2' }).check();
  await page.getByLabel('Ngày bầu cử Khu phố 2').fill(soon);
  await page.getByLabel('Địa điểm Khu phố 2').fill('Nhà văn hóa khu phố 2');
  await page.getByRole('checkbox', { name: 'Khu phố 3' }).check();
  await page.getByLabel('Ngày bầu cử Khu phố 3').fill(tooSoon);
  await page.getByRole('button', { name: 'Lập kế hoạch' }).click();

  await expect(page.getByTestId('round-election')).toHaveCount(2);
  // Khu phố 3 votes in 5 days: its earlier deadlines are overdue, in red and in words.
  await expect(page.getByText(/việc quá hạn/).first()).toBeVisible();
  await page
    .locator('label')
    .filter({ hasText: /^Quá hạn$/ })
    .click();
  await expect(page.getByText('QUÁ HẠN').first()).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('plan-overdue.png'), fullPage: true });
  await page.getByRole('button', { name: 'Lập Kế hoạch' }).click();
  await expect(page.getByText(/Đã lập: Kế hoạch/)).toBeVisible();

  // The late step, in Khu phố 3: refused with the rule and its citation.
  await page.getByRole('link', { name: 'Khu phố 3' }).click();
  await page.getByLabel('Ngày thực hiện').fill(today);
  await page.getByRole('button', { name: 'Ghi bước' }).click();
  await expect(page.getByRole('alert')).toContainText('hạn chót');
  await expect(page.getByRole('alert')).toContainText('Nghị định 59/2023/NĐ-CP');
  await page.screenshot({ path: testInfo.outputPath('late-step-refused.png'), fullPage: true });

  // Khu phố 2: candidates, the Front committee meeting, the official list, the team.
  await page.goBack();
  await page.getByRole('link', { name: 'Khu phố 2' }).click();
  const electionId = page.url().split('/').pop()!;
  const people = await adults(page, electionId, 'nguyen');
  expect(people.length).toBeGreaterThan(6);
  await page.getByRole('tab', { name: 'Người ứng cử' }).click();
  for (const [n, person] of people.slice(0, 2).entries()) {
    const plain = person.fullName
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[đĐ]/g, 'd');
    await page.getByLabel('Tìm người theo tên').fill(plain);
    await pick(page, 'Họ và tên', person.fullName);
    await page.getByLabel('Ngày giới thiệu').fill(today);
    await page.getByLabel('Trình độ học vấn, chuyên môn').fill('12/12');
    await page.getByLabel('Nghề nghiệp, chức vụ').fill(n === 0 ? 'Hưu trí' : 'Kinh doanh');
    await page.getByRole('button', { name: 'Ghi người được giới thiệu' }).click();
    await expect(page.getByText(`Đã ghi ${person.fullName}.`)).toBeVisible();
  }
  await expect(page.getByTestId('nominations').locator('tbody').getByText('Đủ điều kiện')).toHaveCount(2);
  await page.screenshot({ path: testInfo.outputPath('candidates.png'), fullPage: true });

  await page.getByRole('tab', { name: 'Cuộc họp' }).click();
  await page.getByLabel('Ngày họp').fill(today);
  await page.getByRole('textbox', { name: /^Địa điểm/ }).fill('Nhà văn hóa khu phố 2');
  await page.getByRole('textbox', { name: /^Chủ trì/ }).fill('Phạm Văn Hùng');
  await page.getByLabel('Chức vụ người chủ trì').fill('Trưởng ban công tác Mặt trận khu phố 2');
  await page.getByRole('textbox', { name: /^Thư ký/ }).fill('Lê Thị Thu Hà');
  await page.getByLabel('Vắng mặt').fill('Võ Văn Tư - ốm');
  for (const person of people.slice(0, 2))
    await page.getByRole('checkbox', { name: person.fullName }).check();
  await page.getByRole('button', { name: 'Ghi cuộc họp' }).last().click();
  await expect(page.getByTestId('meeting')).toHaveCount(1);

  await page.getByRole('tab', { name: 'Tiến trình' }).click();
  await page.getByLabel('Ngày thực hiện').fill(today);
  await page.getByRole('button', { name: 'Ghi bước' }).click();
  await expect(page.getByTestId('election-state')).toHaveText('Đã dự kiến danh sách người ứng cử');

  await page.getByRole('tab', { name: 'Cuộc họp' }).click();
  await page.getByRole('button', { name: 'Chốt danh sách chính thức theo thứ tự này' }).click();
  await page.getByRole('button', { name: 'Xác nhận: Chốt danh sách chính thức theo thứ tự này' }).click();
  await expect(page.getByText('Đã chốt danh sách chính thức.')).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('meeting.png'), fullPage: true });
  await page.getByRole('tab', { name: 'Tiến trình' }).click();
  await page.getByLabel('Ngày thực hiện').fill(today);
  await page.getByRole('button', { name: 'Ghi bước' }).click();
  await expect(page.getByTestId('election-state')).toHaveText('Đã có danh sách chính thức');

  await page.getByRole('tab', { name: 'Tổ bầu cử' }).click();
  // A candidate may not sit on the team.
  await page.getByLabel('Tìm người theo tên').fill(people[0]!.fullName);
  await pick(page, 'Họ và tên', people[0]!.fullName);
  await page.getByLabel('Đại diện cho').fill('Đại diện hộ gia đình');
  await page.getByRole('button', { name: 'Thêm vào Tổ bầu cử' }).click();
  await expect(page.getByRole('alert')).toContainText('không được tham gia Tổ bầu cử');
  const roles = ['Tổ trưởng', 'Thư ký', 'Thành viên'];
  for (const [n, person] of people.slice(2, 5).entries()) {
    await page.getByLabel('Tìm người theo tên').fill(person.fullName);
    await pick(page, 'Họ và tên', person.fullName);
    await pick(page, 'Chức danh trong Tổ', roles[n]!);
    await page
      .getByLabel('Đại diện cho')
      .fill(n === 0 ? 'Ban công tác Mặt trận khu phố 2' : 'Chi hội Phụ nữ');
    if (n === 0) await page.getByLabel('Là Trưởng ban công tác Mặt trận').check();
    await page.getByRole('button', { name: 'Thêm vào Tổ bầu cử' }).click();
    await expect(page.getByTestId('team').getByText(person.fullName)).toBeVisible();
    // Saved: the form is empty again, so the Front head's tick does not pass to the next member.
    await expect(page.getByLabel('Là Trưởng ban công tác Mặt trận')).not.toBeChecked();
    await expect(page.getByLabel('Đại diện cho')).toHaveValue('');
  }
  await expect(page.getByText('Thành phần Tổ bầu cử đúng quy định.')).toBeVisible();
  await page.getByRole('button', { name: 'Cấp tài khoản cho thành viên Tổ bầu cử' }).click();
  await expect(page.getByText(/tbc\./).first()).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('team.png'), fullPage: true });
  // Each member's age on the appointment day is shown (ND59 Điều 6 k1b: adults of the hamlet).
  await expect(page.getByTestId('team')).toContainText(/\d+ tuổi/);
  await expect(page.getByText(/Tuổi tính đến ngày/)).toBeVisible();
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: testInfo.outputPath('team-phone.png'), fullPage: true });
  await page.setViewportSize({ width: 1366, height: 768 });

  await page.getByRole('tab', { name: 'Văn bản' }).click();
  await page.getByRole('button', { name: 'Lập Quyết định thành lập Tổ bầu cử' }).click();
  await expect(page.getByText(/\/QĐ-UBND — Quyết định thành lập Tổ bầu cử Khu phố 2/)).toBeVisible();
  await page.getByRole('button', { name: 'Lập Danh sách trích ngang người ứng cử' }).click();
  await expect(
    page.getByRole('cell', { name: 'Danh sách trích ngang người ứng cử Khu phố 2' }),
  ).toBeVisible();
  await page.getByRole('button', { name: 'Lập Biên bản Mẫu 05' }).click();
  await expect(page.getByRole('cell', { name: /Biên bản cuộc họp dự kiến danh sách/ }).first()).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('documents.png'), fullPage: true });
  const pdfLink = page.getByRole('link', { name: 'PDF' }).first();
  const response = await page.request.get((await pdfLink.getAttribute('href'))!);
  expect(response.status()).toBe(200);
  expect((await response.body()).subarray(0, 4).toString()).toBe('%PDF');
});
