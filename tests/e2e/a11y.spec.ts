import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import type { APIRequestContext, Browser, BrowserContextOptions, Page, TestInfo } from '@playwright/test';

/**
 * Every page of every feature's routes.tsx, as a role that sees it, on a desktop and on a 390×844
 * phone: no serious or critical axe-core violation, headings in order under one h1 (the page's
 * title), the header, nav and main landmarks, and breadcrumbs. The spec has its own server: it
 * opens a plan, a count and a batch, which other specs do not expect to find.
 */
const PASSWORD = 'baucoso2024';
const WARD = '24820';
const DESKTOP: BrowserContextOptions = { viewport: { width: 1366, height: 768 } };
const PHONE: BrowserContextOptions = {
  viewport: { width: 390, height: 844 },
  hasTouch: true,
  isMobile: true,
  deviceScaleFactor: 2,
};

type Role = 'quantri' | 'tinh.lamdong' | 'ubnd.phuong2' | 'mttq.phuong2' | 'tobaucu.kp1';

/** The demo ward's ids the routes need, found or made through the API once. */
interface Ids {
  hamlet: string;
  election: string;
  round: string;
  count: string;
  batch: string;
  resident: string;
  household: string;
}

// Dates relative to the real day the test runs (the server has no test clock), in Vietnam.
const vnToday = () => new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
const plus = (day: string, n: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

async function api<T>(request: APIRequestContext, method: 'GET' | 'POST', path: string, data?: unknown) {
  const r = method === 'GET' ? await request.get(path) : await request.post(path, { data: data ?? {} });
  expect(r.ok(), `${method} ${path}: ${await r.text()}`).toBe(true);
  return (await r.json()) as T;
}

async function login(browser: Browser, username: Role, options: BrowserContextOptions): Promise<Page> {
  const page = await (await browser.newContext(options)).newPage();
  await page.goto('/');
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu').fill(PASSWORD);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await expect(page.getByRole('button', { name: 'Đăng xuất' })).toBeVisible();
  return page;
}

/** A plan for Khu phố 2, and the demo election of Khu phố 1 brought to its count with one batch. */
async function prepare(officer: Page): Promise<Ids> {
  const request = officer.request;
  const ward = await api<{ hamlets: { id: string; name: string; elections: { id: string }[] }[] }>(
    request,
    'GET',
    `/api/communes/${WARD}`,
  );
  const kp1 = ward.hamlets.find((h) => h.name === 'Khu phố 1')!;
  const kp2 = ward.hamlets.find((h) => h.name === 'Khu phố 2')!;
  const election = kp1.elections[0]!.id;
  const today = vnToday();
  const round = await api<{ id: string }>(request, 'POST', `/api/communes/${WARD}/rounds`, {
    termLabel: '2026-2031',
    profileId: 'nd59-2023',
    form: 'meeting',
    chairName: 'Lê Thanh Bình',
    frontChairName: 'Trần Thị Kim Loan',
    planDate: plus(today, -30),
    hamlets: [{ hamletId: kp2.id, electionDate: today, startTime: '07:30', venue: 'Nhà văn hóa khu phố 2' }],
    assignments: [],
  });
  await api(request, 'POST', `/api/elections/${election}/polling/demo`);
  const count = await api<{ id: string }>(request, 'POST', `/api/elections/${election}/counts`, {
    position: 'head',
    voted: 20,
    issued: 20,
    received: 20,
  });
  const batch = await api<{ id: string }>(request, 'POST', `/api/counts/${count.id}/batches`, { size: 10 });
  const residents = await api<{ items: { id: string; householdId: string }[] }>(
    request,
    'GET',
    `/api/hamlets/${kp1.id}/residents`,
  );
  const someone = residents.items[0]!;
  return {
    hamlet: kp1.id,
    election,
    round: round.id,
    count: count.id,
    batch: batch.id,
    resident: someone.id,
    household: someone.householdId,
  };
}

/** Each route of the features' routes.tsx with the role that opens it. */
function pages(ids: Ids): [Role, string][] {
  const { hamlet, election, round, count, batch, resident, household } = ids;
  return [
    ['quantri', '/tinh'],
    ['quantri', '/quan-tri/nguoi-dung'],
    ['quantri', '/tim-kiem'],
    ['tinh.lamdong', `/tinh/68`],
    ['tinh.lamdong', `/xa/${WARD}/tien-do`],
    ['mttq.phuong2', '/quy-tac'],
    ['mttq.phuong2', '/quy-tac/quang-tri-2016'],
    ['mttq.phuong2', `/bau-cu/${election}`],
    ['ubnd.phuong2', '/tai-khoan'],
    ['ubnd.phuong2', `/xa/${WARD}`],
    ['ubnd.phuong2', `/xa/${WARD}/ke-hoach`],
    ['ubnd.phuong2', `/ke-hoach/${round}`],
    ['ubnd.phuong2', `/xa/${WARD}/van-ban`],
    ['ubnd.phuong2', `/xa/${WARD}/nguoi-giu-chuc`],
    ['ubnd.phuong2', `/xa/${WARD}/cong-nhan`],
    ['ubnd.phuong2', `/xa/${WARD}/cho-thoi-lam`],
    ['ubnd.phuong2', `/xa/${WARD}/lich-su-thon`],
    ['ubnd.phuong2', `/xa/${WARD}/nhat-ky`],
    ['ubnd.phuong2', `/thon/${hamlet}`],
    ['ubnd.phuong2', `/thon/${hamlet}/nhat-ky`],
    ['ubnd.phuong2', `/thon/${hamlet}/nhan-khau`],
    ['ubnd.phuong2', `/thon/${hamlet}/nhan-khau/nhap`],
    ['ubnd.phuong2', `/nhan-khau/${resident}`],
    ['ubnd.phuong2', `/ho/${household}`],
    ['ubnd.phuong2', `/bau-cu/${election}`],
    ['ubnd.phuong2', `/bau-cu/${election}/danh-sach-cu-tri`],
    ['ubnd.phuong2', `/bau-cu/${election}/hoi-nghi`],
    ['ubnd.phuong2', `/bau-cu/${election}/kiem-phieu`],
    ['ubnd.phuong2', `/bau-cu/${election}/nhat-ky`],
    ['ubnd.phuong2', `/kiem-phieu/${count}`],
    ['tobaucu.kp1', `/thon/${hamlet}`],
    ['tobaucu.kp1', `/bau-cu/${election}/bo-phieu`],
    ['tobaucu.kp1', `/bau-cu/${election}/bo-phieu/ty-le`],
    ['tobaucu.kp1', `/kiem-phieu/${count}/tap/${batch}/luot/1`],
  ];
}

interface Finding {
  readonly page: string;
  readonly problem: string;
}

/** What is wrong with the page now open, in words a reader of the test report can act on. */
async function check(page: Page, path: string, signedIn: boolean): Promise<Finding[]> {
  const found: Finding[] = [];
  const results = await new AxeBuilder({ page }).analyze();
  for (const v of results.violations) {
    // Heading order is a moderate finding for axe, but a page read by its headings needs it.
    if (v.impact !== 'serious' && v.impact !== 'critical' && v.id !== 'heading-order') continue;
    const where = v.nodes
      .slice(0, 3)
      .map((n) => `${n.target.join(' ')}: ${n.failureSummary?.split('\n').slice(1, 2).join('') ?? ''}`)
      .join(' | ');
    found.push({ page: path, problem: `${v.impact} ${v.id} ×${v.nodes.length}: ${where}` });
  }
  const h1 = await page.locator('h1').count();
  if (h1 !== 1) found.push({ page: path, problem: `${h1} h1 (one expected: the page's title)` });
  for (const landmark of signedIn ? ['banner', 'navigation', 'main'] : ['main']) {
    if ((await page.getByRole(landmark as 'main').count()) === 0)
      found.push({ page: path, problem: `no ${landmark} landmark` });
  }
  if (signedIn && (await page.getByRole('navigation', { name: 'Vị trí trang' }).count()) !== 1)
    found.push({ page: path, problem: 'no breadcrumbs' });
  return found;
}

/** Waits until the page's data has loaded: no request in flight, no loader shown. */
async function settle(page: Page) {
  await page.waitForLoadState('networkidle');
  await expect(page.getByLabel('Đang tải')).toHaveCount(0, { timeout: 15_000 });
}

async function visitAll(browser: Browser, testInfo: TestInfo, options: BrowserContextOptions, name: string) {
  const officer = await login(browser, 'ubnd.phuong2', options);
  const ids = await ids$(officer);
  const sessions = new Map<Role, Page>([['ubnd.phuong2', officer]]);
  const found: Finding[] = [];
  for (const [role, path] of pages(ids)) {
    const page = sessions.get(role) ?? (await login(browser, role, options));
    sessions.set(role, page);
    await page.goto(path);
    await settle(page);
    found.push(...(await check(page, `${role} ${path}`, true)));
    const file = `${name}-${role}${path.replace(/\/[0-9a-f-]{36}/g, '/id').replace(/\//g, '_')}.png`;
    await page.screenshot({ path: testInfo.outputPath(file), fullPage: true });
  }
  // The pages open to anyone: the login page, the paper check and the user guide.
  const anyone = await (await browser.newContext(options)).newPage();
  for (const path of [
    '/',
    '/kiem-tra',
    '/kiem-tra/ABCD-EFGH-JKLM',
    '/huong-dan',
    '/huong-dan/06-ngay-bau-cu',
  ]) {
    await anyone.goto(path);
    await settle(anyone);
    found.push(...(await check(anyone, `anyone ${path}`, false)));
  }
  expect(found.map((f) => `${f.page}: ${f.problem}`)).toEqual([]);
}

// The ids are made once for the server: both viewports visit the same plan, count and batch.
let made: Promise<Ids> | undefined;
const ids$ = (officer: Page) => (made ??= prepare(officer));

test.describe.configure({ mode: 'serial' });

test('every page on a desktop: no serious or critical axe violation, one h1, landmarks, breadcrumbs', async ({
  browser,
}, testInfo) => {
  test.setTimeout(300_000);
  await visitAll(browser, testInfo, DESKTOP, 'desktop');
});

test('every page on a 390×844 phone: no serious or critical axe violation, one h1, landmarks, breadcrumbs', async ({
  browser,
}, testInfo) => {
  test.setTimeout(300_000);
  await visitAll(browser, testInfo, PHONE, 'phone');
});
