import { expect, test } from '@playwright/test';
import type { Browser, Page } from '@playwright/test';

const PASSWORD = 'baucoso2024';
const HOSTILE = '<script>alert(1)</script>';
const HOSTILE_ADDRESS = '<img src=x onerror="alert(2)">';

async function login(browser: Browser, username: string): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto('/');
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu').fill(PASSWORD);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await expect(page.getByRole('button', { name: 'Đăng xuất' })).toBeVisible();
  return page;
}

/** Any dialog (alert, confirm) a page opens: an executed script would open one. */
function watchDialogs(page: Page): string[] {
  const seen: string[] = [];
  page.on('dialog', (d) => {
    seen.push(d.message());
    void d.dismiss();
  });
  return seen;
}

async function editName(page: Page, name: string) {
  const form = page.locator('form').filter({ hasText: 'Sửa thông tin' });
  await form.getByLabel('Họ và tên').fill(name);
  await form.getByLabel('Lý do (lưu vào lịch sử)').fill('Sửa theo giấy tờ');
  await form.getByRole('button', { name: 'Lưu' }).click();
  return form;
}

test('HTML in a name renders as text; two officers editing the same resident get a conflict; the audit trail shows it', async ({
  browser,
}, testInfo) => {
  test.setTimeout(120_000);
  const first = await login(browser, 'ubnd.phuong2');
  const second = await login(browser, 'mttq.phuong2');
  const dialogs = [...[first, second].map(watchDialogs)];

  const ward = (await (await first.request.get('/api/communes/24820')).json()) as {
    hamlets: { id: string; name: string }[];
  };
  // Khu phố 5: the other specs count Khu phố 1's households; this one adds a household.
  const kp5 = ward.hamlets.find((h) => h.name === 'Khu phố 5')!;
  const kp1 = ward.hamlets.find((h) => h.name === 'Khu phố 1')!;
  const made = await first.request.post(`/api/hamlets/${kp5.id}/residents`, {
    data: {
      fullName: HOSTILE,
      birthDate: '1980-05-01',
      sex: 'male',
      relation: 'head',
      residence: 'permanent',
      newHousehold: { code: 'XSS-1', address: HOSTILE_ADDRESS },
    },
  });
  expect(made.status()).toBe(201);
  const { id, householdId } = (await made.json()) as { id: string; householdId: string };

  // The name and the address show as the characters typed; no script ran.
  await first.goto(`/nhan-khau/${id}`);
  await expect(first.getByRole('heading', { name: HOSTILE })).toBeVisible();
  await first.goto(`/ho/${householdId}`);
  await expect(first.getByText(HOSTILE_ADDRESS).first()).toBeVisible();
  await expect(first.getByText(HOSTILE).first()).toBeVisible();
  await second.goto(`/nhan-khau/${id}`);
  await expect(second.getByRole('heading', { name: HOSTILE })).toBeVisible();
  await first.goto(`/thon/${kp5.id}/nhan-khau`);
  await first.getByTestId('resident-search').fill('script');
  await expect(first.getByText(HOSTILE).first()).toBeVisible();
  await first.goto(`/nhan-khau/${id}`);

  // Both opened the form from the same version; the first save wins, the second gets a conflict.
  await editName(first, 'Nguyễn Văn Thật');
  await expect(first.getByRole('heading', { name: 'Nguyễn Văn Thật' })).toBeVisible();
  const late = await editName(second, 'Trần Văn Muộn');
  await expect(
    late.getByText(
      /^Bản ghi đã được người khác sửa lúc \d\d:\d\d ngày \d\d\/\d\d\/\d{4} \(.+\)\. Tải lại trang để xem và sửa lại\.$/,
    ),
  ).toBeVisible();
  await second.reload();
  await expect(second.getByRole('heading', { name: 'Nguyễn Văn Thật' })).toBeVisible();

  // The hamlet's audit trail shows who changed the name, from what to what; the chain verifies.
  await first.goto(`/thon/${kp5.id}`);
  await first.getByTestId('open-audit').click();
  await expect(first).toHaveURL(new RegExp(`/thon/${kp5.id}/nhat-ky$`));
  await expect(first.getByRole('heading', { name: 'Nhật ký thay đổi: Khu phố 5' })).toBeVisible();
  const row = first.getByTestId('audit-events').getByRole('row').filter({ hasText: 'Sửa nhân khẩu' }).first();
  await expect(row).toContainText(HOSTILE);
  await expect(row).toContainText('Nguyễn Văn Thật');
  await expect(row).toContainText('Họ và tên');
  // In Vietnamese: no action codes, no field keys, no internal ids.
  const events = first.getByTestId('audit-events');
  await expect(events).not.toContainText('resident.edit');
  await expect(events).not.toContainText('fullName');
  expect(await events.innerText()).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}/);
  await first.getByRole('button', { name: 'Kiểm tra tính toàn vẹn của nhật ký' }).click();
  await expect(first.getByTestId('audit-verify')).toContainText('Nhật ký toàn vẹn');
  await first.screenshot({ path: testInfo.outputPath('audit-trail.png'), fullPage: true });
  const csv = await first.request.get(`/api/audit/hamlet/${kp5.id}/export?format=csv`);
  expect(csv.status()).toBe(200);
  expect(await csv.text()).toContain('Nguyễn Văn Thật');

  // From the election page and the commune page.
  const kp1Detail = (await (await first.request.get(`/api/hamlets/${kp1.id}`)).json()) as {
    elections: { id: string }[];
  };
  await first.goto(`/bau-cu/${kp1Detail.elections[0]!.id}`);
  await first.getByTestId('open-audit').click();
  await expect(
    first.getByRole('heading', { name: /Nhật ký thay đổi: Cuộc bầu cử ở Khu phố 1/ }),
  ).toBeVisible();
  await first.goto('/xa/24820');
  await first.getByTestId('open-audit').click();
  await expect(first.getByRole('heading', { name: /Nhật ký thay đổi: Phường 2/ })).toBeVisible();
  await expect(first.getByText(HOSTILE).first()).toBeVisible();
  expect(dialogs.flat()).toEqual([]);
});
