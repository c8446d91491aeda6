import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';
import type { APIRequestContext, Browser, Page } from '@playwright/test';
import { approveCountingTeam, teamNames } from './count-witnesses';
import { reportedElection } from './reported-election';

/**
 * The pictures of the user guide (docs/huong-dan/), taken from the demo ward on every e2e run so
 * that they show the app as it is. The state each page needs is made through the API, the way the
 * pages themselves call it; the pages are only looked at. Desktop pictures at 1366×768, the polling
 * table and the count at 390×844 by touch, as the team holds a phone.
 */
const PASSWORD = 'baucoso2024';
const WARD = '24820';
const OUT = fileURLToPath(new URL('../../docs/huong-dan/anh/', import.meta.url));
const DESKTOP = { viewport: { width: 1366, height: 768 } };
const PHONE = { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true, deviceScaleFactor: 1 };
const VOTERS = 8;

/** Signs in through the API (the login page itself is pictured once): the session cookie is the context's. */
async function login(browser: Browser, username: string, phone = false): Promise<Page> {
  const context = await browser.newContext(phone ? PHONE : DESKTOP);
  const signIn = await context.request.post('/api/auth/login', { data: { username, password: PASSWORD } });
  expect(signIn.ok(), await signIn.text()).toBe(true);
  const page = await context.newPage();
  await page.goto('/');
  await expect(page.getByRole('button', { name: 'Đăng xuất' })).toBeVisible();
  return page;
}

/** Waits for the page's reads, then saves what the screen shows (not the whole scroll). */
async function shot(page: Page, name: string): Promise<void> {
  await page.waitForLoadState('networkidle');
  await page.screenshot({ path: `${OUT}${name}.png`, animations: 'disabled', caret: 'hide' });
}

/** A JSON call through the page's session; a refusal fails the test with the server's message. */
async function api<T>(
  api: APIRequestContext,
  method: 'GET' | 'POST',
  path: string,
  data?: unknown,
): Promise<T> {
  const r = await api.fetch(path, { method, ...(data === undefined ? {} : { data }) });
  expect(r.ok(), `${method} ${path}: ${await r.text()}`).toBe(true);
  return (await r.json()) as T;
}

const hamletId = async (page: Page, name: string) =>
  (
    await api<{ hamlets: { id: string; name: string }[] }>(page.request, 'GET', `/api/communes/${WARD}`)
  ).hamlets.find((h) => h.name === name)!.id;

type CountView = {
  electionId: string;
  batches: { id: string }[];
  candidates: { id: string; name: string }[];
};

test('the user guide pictures: every stage of the demo ward', async ({ browser }, testInfo) => {
  test.setTimeout(120_000);
  mkdirSync(OUT, { recursive: true });

  // Before signing in: the login page, on a phone as the team opens it.
  const visitor = await (await browser.newContext(PHONE)).newPage();
  await visitor.goto('/');
  await expect(visitor.getByRole('button', { name: 'Đăng nhập' })).toBeVisible();
  await shot(visitor, 'dang-nhap');

  // The commune officer: the ward, its plan, a khu phố and its people.
  const officer = await login(browser, 'ubnd.phuong2');
  await expect(officer.getByTestId('hamlet-card')).toHaveCount(5);
  await shot(officer, 'xa-phuong');
  // Khu phố 2 planned for today, counted by show of hands and reported: a plan, a result to recognise.
  await reportedElection(officer);
  await officer.goto(`/xa/${WARD}/ke-hoach`);
  await expect(officer.getByText('Lập kế hoạch bầu mới')).toBeVisible();
  await shot(officer, 'ke-hoach');
  await officer.getByRole('link', { name: 'Mở', exact: true }).first().click();
  await expect(officer.getByText('Công việc').first()).toBeVisible();
  await shot(officer, 'ke-hoach-cong-viec');
  const kp1 = await hamletId(officer, 'Khu phố 1');
  await officer.goto(`/thon/${kp1}`);
  await expect(officer.getByTestId('households-count')).toHaveText('412');
  await shot(officer, 'thon');
  await officer.goto(`/thon/${kp1}/nhan-khau`);
  await expect(officer.getByRole('table').first()).toBeVisible();
  await shot(officer, 'nhan-khau');
  await officer.goto(`/thon/${kp1}/nhan-khau/nhap`);
  await expect(officer.getByText('Tải tệp mẫu (XLSX)')).toBeVisible();
  await shot(officer, 'nhap-nhan-khau');
  // The demo election of Khu phố 1, only planned: its next step and the form that records it.
  const planned = (
    await api<{ hamlets: { id: string; elections: { id: string }[] }[] }>(
      officer.request,
      'GET',
      `/api/communes/${WARD}`,
    )
  ).hamlets.find((h) => h.id === kp1)!.elections[0]!.id;
  await officer.goto(`/bau-cu/${planned}`);
  await expect(officer.getByRole('heading', { name: 'Bước tiếp theo' })).toBeVisible();
  await shot(officer, 'bau-cu-ghi-buoc');

  // A trial election of Khu phố 1 dated today: candidates, team, posted roll, ballots received.
  const trial = await api<{ electionId: string }>(
    officer.request,
    'POST',
    `/api/hamlets/${kp1}/demo-polling-day`,
  );
  const electionId = trial.electionId;
  await officer.goto(`/bau-cu/${electionId}`);
  await expect(officer.getByTestId('election-state')).toBeVisible();
  await officer.getByRole('tab', { name: 'Người ứng cử' }).click();
  await shot(officer, 'bau-cu-ung-cu-vien');
  await officer.getByRole('tab', { name: 'Cuộc họp' }).click();
  await shot(officer, 'bau-cu-cuoc-hop');
  await officer.getByRole('tab', { name: 'Tổ bầu cử' }).click();
  await shot(officer, 'bau-cu-to-bau-cu');
  await officer.goto(`/bau-cu/${electionId}/danh-sach-cu-tri`);
  await expect(officer.getByText('Đã niêm yết').first()).toBeVisible();
  await shot(officer, 'danh-sach-cu-tri');
  // The meeting approves its secretary, the secret ballot and the counting team.
  await approveCountingTeam(officer.request, electionId);
  await officer.goto(`/bau-cu/${electionId}/hoi-nghi`);
  await expect(officer.getByText('Biểu quyết Tổ kiểm phiếu').first()).toBeVisible();
  await shot(officer, 'hoi-nghi');

  // Polling day on the team's phones: voters checked in, the poll closed, unused ballots sealed.
  const first = await login(browser, 'tobaucu.kp1', true);
  const polling = `/api/elections/${electionId}/polling`;
  for (let n = 1; n <= VOTERS; n++)
    await api(first.request, 'POST', `${polling}/check-ins`, { rollNumber: n });
  await first.goto(`/bau-cu/${electionId}/bo-phieu`);
  await expect(first.getByTestId('turnout-inline')).toContainText(`${VOTERS} /`);
  await shot(first, 'bo-phieu-dien-thoai');
  await first.getByTestId('checkin-search').fill('9');
  await first.getByRole('button', { name: 'Tìm và ghi nhận' }).tap();
  await expect(first.getByTestId('checkin-message')).toContainText('(số 9) đã bỏ phiếu');
  await shot(first, 'bo-phieu-ghi-nhan');
  const voted = VOTERS + 1;
  await api(first.request, 'POST', `${polling}/close`);
  const ballots = await api<{ positions: { received: number }[] }>(
    first.request,
    'GET',
    `${polling}/ballots`,
  );
  await first.reload();
  const head = first.getByTestId('ballots-head');
  await head.getByLabel('Hai cử tri chứng kiến (mỗi dòng một người)').fill('Ngô Văn Bình\nĐỗ Thị Lan');
  await head
    .getByLabel('Số phiếu không sử dụng đếm được')
    .fill(String(ballots.positions[0]!.received - voted));
  await head.getByRole('button', { name: 'Niêm phong phiếu không sử dụng', exact: true }).tap();
  await head.getByRole('button', { name: 'Xác nhận: Niêm phong phiếu không sử dụng' }).tap();
  await expect(head.getByText(/Đã niêm phong lúc/)).toBeVisible();
  await head.scrollIntoViewIfNeeded();
  await shot(first, 'niem-phong');

  // The count: one batch, lane 1 entered on the keys, lane 2 by the other member with one paper read
  // differently, the difference settled, witnesses chosen, the count closed.
  const { id: countId } = await api<{ id: string }>(
    first.request,
    'POST',
    `/api/elections/${electionId}/counts`,
    {
      position: 'head',
      voted,
      issued: voted,
      received: voted,
    },
  );
  await api(first.request, 'POST', `/api/counts/${countId}/batches`, { size: voted });
  const view = await api<CountView>(first.request, 'GET', `/api/counts/${countId}`);
  const batchId = view.batches[0]!.id;
  const [a, b] = view.candidates;
  const papers = (lane: 1 | 2, reading: string[][]) => ({
    papers: reading.map((kept, i) => ({ batchId, lane, kept, key: `guide-${lane}-${i}-${countId}` })),
  });
  const lane1 = [[a!.id], [a!.id], [b!.id], [a!.id], [a!.id, b!.id], [], [b!.id], [a!.id]];
  await api(first.request, 'POST', `/api/counts/${countId}/papers/bulk`, papers(1, lane1));
  await first.goto(`/kiem-phieu/${countId}/tap/${batchId}/luot/1`);
  await expect(first.getByTestId('lane-count')).toHaveText(`${lane1.length} / ${voted} phiếu`);
  await first.locator('[data-keypad] button[data-key="1"]').tap();
  await expect(first.getByTestId('sync')).toHaveText('Đã lưu hết');
  await shot(first, 'nhap-phieu');
  const second = await login(browser, 'tobaucu2.kp1', true);
  const lane2 = [...lane1.slice(0, 2), [a!.id], ...lane1.slice(3), [a!.id]];
  await api(second.request, 'POST', `/api/counts/${countId}/papers/bulk`, papers(2, lane2));
  await second.goto(`/kiem-phieu/${countId}`);
  const differences = second.locator('table[aria-label^="Khác biệt"]');
  await expect(differences.locator('tbody tr')).toHaveCount(1);
  await differences.scrollIntoViewIfNeeded();
  await shot(second, 'chenh-lech');
  await second.getByRole('button', { name: /^Lượt nhập 1:/ }).tap();
  await expect(second.getByText('Đã thống nhất:')).toHaveCount(1);
  await second.getByRole('button', { name: 'Khóa tập 1', exact: true }).tap();
  await expect(second.getByRole('button', { name: 'Khóa tập 1', exact: true })).toHaveCount(0);
  const busy = new Set([
    ...view.candidates.map((c) => c.name),
    ...(await teamNames(second.request, electionId)),
  ]);
  const witnessIds: string[] = [];
  for (let n = 10; witnessIds.length < 2; n++) {
    const [voter] = await api<{ residentId: string; fullName: string }[]>(
      second.request,
      'GET',
      `${polling}/voters?q=${n}`,
    );
    if (voter && !busy.has(voter.fullName)) witnessIds.push(voter.residentId);
  }
  await api(second.request, 'POST', `${polling}/witnesses`, { position: 'head', witnessIds });
  await second.reload();
  await expect(second.getByTestId('count-witnesses').getByRole('listitem')).toHaveCount(2);
  await second.getByTestId('count-witnesses').scrollIntoViewIfNeeded();
  await shot(second, 'nguoi-chung-kien');
  await second.getByRole('button', { name: 'Kết thúc kiểm phiếu' }).tap();
  await second.getByRole('button', { name: 'Xác nhận: Kết thúc kiểm phiếu' }).tap();
  await expect(second.getByRole('heading', { name: /Kết quả:/ })).toBeVisible();
  await second.getByRole('heading', { name: /Kết quả:/ }).scrollIntoViewIfNeeded();
  await shot(second, 'ket-qua-kiem-phieu');
  const record = await api<{ verification_code: string | null }>(
    second.request,
    'POST',
    `/api/counts/${countId}/record`,
  );
  await api(second.request, 'POST', `/api/counts/${countId}/report`);

  // After the vote: the recognition inbox, the register, removal, the documents.
  await officer.goto(`/xa/${WARD}/cong-nhan`);
  await expect(officer.getByTestId('recognition-item').first()).toBeVisible();
  await shot(officer, 'cong-nhan');
  // Khu phố 2 elected its head by show of hands: recognised from the closed count.
  const elected = officer.getByTestId('recognition-item').filter({ hasText: 'Khu phố 2' });
  await expect(elected.getByTestId('recognition-elected')).toBeVisible();
  await elected.screenshot({ path: `${OUT}cong-nhan-trung-cu.png`, animations: 'disabled' });
  await elected.getByLabel('Người ký (Chủ tịch UBND)').fill('Lê Thanh Bình');
  await elected.getByRole('button', { name: 'Công nhận người trúng cử', exact: true }).click();
  await elected.getByRole('button', { name: 'Xác nhận: Công nhận người trúng cử' }).click();
  await expect(officer.getByText(/Đã ban hành: Quyết định công nhận Khu phố trưởng Khu phố 2/)).toBeVisible();
  await officer.goto(`/xa/${WARD}/nguoi-giu-chuc`);
  await expect(officer.getByTestId('office-alerts')).toBeVisible();
  await shot(officer, 'nguoi-giu-chuc');
  const kp2Office = officer
    .getByTestId('office-hamlet')
    .filter({ has: officer.getByRole('heading', { name: 'Khu phố 2', exact: true }) });
  await expect(kp2Office.getByTestId('office-term').first()).toBeVisible();
  await kp2Office.screenshot({ path: `${OUT}nguoi-giu-chuc-khu-pho-2.png`, animations: 'disabled' });
  await officer.goto(`/xa/${WARD}/cho-thoi-lam`);
  await expect(officer.getByRole('heading', { name: 'Cho thôi làm, miễn nhiệm, bãi nhiệm' })).toBeVisible();
  await shot(officer, 'cho-thoi-lam');
  await officer.goto(`/xa/${WARD}/van-ban`);
  await expect(officer.getByText('Văn bản đã ban hành').first()).toBeVisible();
  await shot(officer, 'van-ban');

  // Oversight and trust: the ward's progress, its audit trail checked, the province, the rules.
  await officer.goto(`/xa/${WARD}/tien-do`);
  await expect(officer.getByRole('heading', { name: /Tiến độ bầu cử:/ })).toBeVisible();
  await shot(officer, 'tien-do-xa');
  await officer.goto(`/xa/${WARD}/nhat-ky`);
  await officer.getByRole('button', { name: 'Kiểm tra tính toàn vẹn của nhật ký' }).click();
  await expect(officer.getByTestId('audit-verify')).toContainText('Nhật ký toàn vẹn');
  await shot(officer, 'nhat-ky');
  await officer.goto('/quy-tac/quang-tri-2016');
  await expect(officer.getByTestId('rule-voter')).toBeVisible();
  await shot(officer, 'quy-tac');
  const province = await login(browser, 'tinh.lamdong');
  await expect(province.getByRole('heading', { name: 'Tỉnh Lâm Đồng' })).toBeVisible();
  await shot(province, 'tinh');

  // The guide itself, from the header's link.
  await officer.getByRole('link', { name: 'Hướng dẫn', exact: true }).click();
  await expect(officer.getByTestId('guide').getByRole('heading').first()).toBeVisible();
  await officer.screenshot({ path: testInfo.outputPath('huong-dan.png'), fullPage: true });
  await officer.getByRole('link', { name: /^Ngày bầu cử trên điện thoại/ }).click();
  await expect(officer).toHaveURL(/\/huong-dan\/06-ngay-bau-cu$/);
  await expect(officer.getByRole('img', { name: /Trang bỏ phiếu trên điện thoại/ })).toBeVisible();
  await officer.screenshot({ path: testInfo.outputPath('huong-dan-chuong-6.png'), fullPage: true });

  // A resident checks the printed count record on a phone, without signing in.
  const resident = await (await browser.newContext(PHONE)).newPage();
  await resident.goto(`/kiem-tra/${record.verification_code}`);
  await expect(resident.getByText('Văn bản khớp với hồ sơ')).toBeVisible();
  await shot(resident, 'kiem-tra-van-ban');

  // The guide on the same phone, without signing in: it fits the screen, tables scroll in their box.
  await resident.goto('/huong-dan');
  await expect(resident.getByTestId('guide').getByRole('heading').first()).toBeVisible();
  expect(await resident.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await resident.screenshot({ path: testInfo.outputPath('huong-dan-dien-thoai.png'), fullPage: true });
});
