import { expect, test, type Browser, type Page } from '@playwright/test';
import type { AwardView, CaseRow, Settings } from '../../electron/core/contract';
import { todayInChina } from '../../electron/core/dates';
import { makeId } from './support/api';
import { freshDataDir, startHost, type RunningHost } from './support/webHost';
import { screenshots } from './support/screenshots';

const shot = screenshots('screens', { fullPage: false });

let host: RunningHost | null = null;
test.afterEach(async () => {
  await host?.stop();
  host = null;
});

const ADMIN_PASSWORD = 'guanliyuan-2026';
const INITIAL = 'chushi-mima-2026';
const people = [
  { username: 'zhouting', name: '周婷', role: '书记员', password: 'zhouting-2026' },
  { username: 'wangjianguo', name: '王建国', role: '仲裁员', password: 'wangjianguo-2026' },
  { username: 'liukz', name: '刘科长', role: '观察员', password: 'liukezhang-2026' },
];
const workerId = makeId('360702', '1984-04-04', 12);

/** Calls the JSON API with this page's session cookie (as the renderer does); returns the raw answer. */
async function apiAs<T>(page: Page, method: string, input: unknown): Promise<{ status: number; body: { ok: boolean; value?: T; error?: { code: string; message: string } } }> {
  const response = await page.request.post(`${host!.origin}/api/${method}`, { data: input });
  return { status: response.status(), body: await response.json() };
}

/** A person at their own computer: a fresh browser context (own cookies), signed in, first password changed. */
async function signIn(browser: Browser, who: (typeof people)[number]): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await page.goto(host!.url);
  await page.getByTestId('login-username').fill(who.username);
  await page.getByTestId('login-password').fill(INITIAL);
  await page.getByTestId('login-submit').click();
  // the administrator set the first password: the person chooses their own before anything else
  await expect(page.getByTestId('new-password')).toBeVisible();
  await page.getByTestId('password-new').fill(who.password);
  await page.getByTestId('password-confirm').fill(who.password);
  await page.getByTestId('password-submit').click();
  await expect(page.getByTestId('user-menu')).toContainText(who.name);
  return page;
}

test('accounts and roles: first start, staff accounts, a clerk files and accepts, only the arbitrator issues, an observer reads masked', async ({ page, browser }) => {
  test.setTimeout(300_000);
  host = await startHost(freshDataDir(), 'login');
  expect(host.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/); // a plain address, no token

  // ── first start: the administrator ──
  await page.goto(host.url);
  await expect(page.getByTestId('first-start')).toBeVisible();
  await shot(page, 'first-start');
  await page.getByTestId('setup-name').fill('林海');
  await page.getByTestId('setup-username').fill('linhai');
  await page.getByTestId('setup-password').fill(ADMIN_PASSWORD);
  await page.getByTestId('setup-confirm').fill(ADMIN_PASSWORD);
  await page.getByTestId('setup-submit').click();

  // ── the administrator opens accounts for a clerk, an arbitrator and an observer ──
  await expect(page.getByTestId('accounts-table')).toBeVisible();
  for (const who of people) {
    await page.getByTestId('new-account-name').fill(who.name);
    await page.getByTestId('new-account-username').fill(who.username);
    await page.getByTestId('new-account-password').fill(INITIAL);
    await page.getByTestId('add-account').getByRole('checkbox', { name: who.role }).check();
    await page.getByTestId('new-account-submit').click();
    await expect(page.getByTestId(`account-${who.username}`)).toContainText(who.role);
    await expect(page.getByTestId(`account-${who.username}`)).toContainText('待本人改密码');
  }
  await shot(page, 'accounts');
  // the minimum wage the award needs (an administrator's setting)
  const settings = (await apiAs<Settings>(page, 'settings.get', {})).body.value!;
  expect((await apiAs(page, 'settings.update', { ...settings, minimumWages: [{ effectiveOn: '2024-01-01', monthlyFen: 185_000 }] })).body.ok).toBe(true);
  // and a hearing room (an award follows a hearing held)
  expect((await apiAs(page, 'rooms.save', { name: '第一仲裁庭', location: '三楼' })).body.ok).toBe(true);
  // an administrator does not file cases: not offered, and refused if asked
  await expect(page.getByRole('link', { name: '新建案件（快立）' })).toHaveCount(0);
  await page.getByTestId('user-menu').click();
  await page.getByRole('menuitem', { name: '退出登录' }).click();
  await expect(page.getByTestId('login')).toBeVisible();
  await expect(page.getByRole('heading', { name: '登录', exact: true })).toBeVisible();
  await page.getByTestId('login-username').fill('linhai');
  await page.getByTestId('login-password').fill('wrong-password');
  await page.getByTestId('login-submit').click();
  await expect(page.getByTestId('login-error')).toHaveText('登录名或密码错误');
  await shot(page, 'login');

  // ── the clerk files a case and accepts it ──
  const clerk = await signIn(browser, people[0]);
  await clerk.goto(`${host.url}#/cases/new`);
  await clerk.getByTestId('project-name').fill('赣州蓉江新区安置房三期工程');
  await clerk.getByTestId('respondent-name-0').fill('江西赣建建设集团有限公司');
  await clerk.getByTestId('respondent-credit-code-0').fill('91350100M000100Y43');
  await clerk.getByLabel('第1行 姓名').fill('钟海涛');
  await clerk.getByLabel('第1行 身份证号码').fill(workerId);
  await clerk.getByLabel('第1行 欠发').fill('8600');
  await clerk.getByTestId('save-case').click();
  await expect(clerk).toHaveURL(/#\/cases\/\d+$/);
  const caseId = Number(clerk.url().match(/#\/cases\/(\d+)$/)![1]);
  await clerk.getByTestId('accept-case').click();
  await clerk.getByTestId('decision-confirm').click();
  await expect(clerk.getByTestId('case-number')).toContainText('第1号');

  // The clerk drafts the award but cannot issue it: not shown, and refused by the API in Chinese.
  await clerk.getByTestId('tab-award').click();
  await clerk.getByTestId('award-text-defence').fill('被申请人承认拖欠工资。');
  await clerk.getByTestId('award-text-factsFound').fill('申请人在该项目从事木工，被申请人未足额支付工资8600元。');
  await clerk.getByTestId('award-text-evidenceRelied').fill('工资表、考勤记录。');
  await clerk.getByTestId('award-text-reasoning').fill('依据《保障农民工工资支付条例》第三十条，施工总承包单位承担先行清偿责任。');
  await clerk.getByTestId('award-decided-on').fill(todayInChina());
  const award = (await apiAs<AwardView>(clerk, 'award.get', { caseId })).body.value!;
  await clerk.getByTestId(`award-amount-${award.items[0].claimItemId}`).fill('8600');
  await clerk.getByTestId(`award-amount-${award.items[0].claimItemId}`).blur();
  await expect(clerk.getByTestId('award-save-state')).toContainText('已自动保存');
  await expect.poll(async () => (await apiAs<AwardView>(clerk, 'award.get', { caseId })).body.value!.reasoning).toContain('先行清偿责任');
  await expect(clerk.getByTestId('award-issue')).toHaveCount(0);
  await expect(clerk.getByTestId('award-issue-by-arbitrator')).toHaveText('裁决由仲裁员签发');
  const refused = await apiAs(clerk, 'award.issue', { caseId, decidedOn: todayInChina() });
  expect(refused.status).toBe(403);
  expect(refused.body.error).toEqual({ code: 'forbidden', message: '您的角色（书记员）无权执行此操作' });
  await shot(clerk, 'clerk-award');

  // ── idle lock: the screen locks over the app; what was being typed is still there after unlocking ──
  await clerk.clock.install();
  await clerk.goto(`${host.url}#/cases/new`);
  await clerk.getByTestId('project-name').fill('于都县城南棚改项目（未保存的草稿）');
  await clerk.clock.fastForward('16:00');
  await expect(clerk.getByTestId('lock-screen')).toBeVisible();
  expect((await apiAs(clerk, 'cases.search', {})).body.error?.code).toBe('locked');
  await shot(clerk, 'lock');
  await clerk.getByTestId('unlock-password').fill('wrong-password');
  await clerk.getByTestId('unlock-submit').click();
  await expect(clerk.getByTestId('unlock-error')).toHaveText('密码不正确');
  await clerk.getByTestId('unlock-password').fill(people[0].password);
  await clerk.getByTestId('unlock-submit').click();
  await expect(clerk.getByTestId('lock-screen')).toHaveCount(0);
  await expect(clerk.getByTestId('project-name')).toHaveValue('于都县城南棚改项目（未保存的草稿）');

  // ── the clerk holds the hearing (an award follows a hearing held): scheduled and attendance recorded ──
  const { staff, rooms } = (await apiAs<{ staff: { id: number; name: string }[]; rooms: { id: number }[] }>(clerk, 'staff.list', {})).body.value!;
  const hearing = await apiAs<{ id: number }>(clerk, 'hearings.schedule', {
    caseId,
    startsAt: `${todayInChina()}T08:30`,
    endsAt: `${todayInChina()}T09:00`,
    roomId: rooms[0]!.id,
    procedure: 'simplified',
    presidingId: staff.find((p) => p.name === people[1].name)!.id,
    clerkId: staff.find((p) => p.name === people[0].name)!.id,
    noticeServedOn: todayInChina(),
  });
  expect(hearing.body.ok).toBe(true);
  const parties = (await apiAs<{ attendance: { applicants: { partyId: number }[]; respondents: { partyId: number }[] } }>(clerk, 'hearings.get', { id: hearing.body.value!.id })).body.value!.attendance;
  const held = await apiAs(clerk, 'hearings.attendance', {
    id: hearing.body.value!.id,
    applicants: parties.applicants.map((a) => ({ workerId: a.partyId, present: true })),
    respondents: parties.respondents.map((r) => ({ respondentId: r.partyId, present: true })),
  });
  expect(held.body.ok).toBe(true);

  // ── the arbitrator issues the award ──
  const arbitrator = await signIn(browser, people[1]);
  await arbitrator.goto(`${host.url}#/cases/${caseId}`);
  await arbitrator.getByTestId('tab-award').click();
  await arbitrator.getByTestId('award-issue').click();
  await expect(arbitrator.getByTestId('award-documents')).toBeVisible();
  await expect(arbitrator.getByTestId('award-issued')).toBeVisible();

  // ── the observer reads the case: nothing to do, IDs masked ──
  const observer = await signIn(browser, people[2]);
  await observer.goto(`${host.url}#/cases/${caseId}`);
  const workers = observer.getByTestId('workers');
  await expect(workers).toContainText('钟海涛');
  await expect(workers).toContainText(`${workerId.slice(0, 6)}********${workerId.slice(-4)}`);
  await expect(workers).not.toContainText(workerId);
  await expect(observer.getByRole('link', { name: '新建案件（快立）' })).toHaveCount(0);
  // every person and what they did is on the timeline
  const timeline = observer.getByTestId('timeline');
  await expect(timeline).toContainText('· 周婷');
  await expect(timeline).toContainText('· 王建国');
  await expect(timeline).toContainText('作出裁决');
  await shot(observer, 'observer-case');
  await observer.getByTestId('tab-award').click();
  await expect(observer.getByTestId('award-issue')).toHaveCount(0);
  await expect(observer.getByTestId('award-text-defence')).toBeDisabled();
  await observer.getByTestId('tab-evidence').click();
  await expect(observer.getByTestId('evidence-section')).toBeVisible();
  await expect(observer.getByRole('button', { name: /导出案卷包/ })).toHaveCount(0);
  const listed = (await apiAs<{ rows: CaseRow[] }>(observer, 'cases.search', {})).body.value!.rows;
  expect(listed.map((r) => r.id)).toEqual([caseId]);
  expect((await apiAs(observer, 'cases.create', {})).status).toBe(403);
  const detail = (await apiAs<{ workers: { idNumber: string }[] }>(observer, 'cases.get', { id: caseId })).body.value!;
  expect(detail.workers[0].idNumber).toBe(`${workerId.slice(0, 6)}********${workerId.slice(-4)}`);
});

test('the app loads with an empty console: the sign-in screen, and every main screen in automation', async ({ page }) => {
  const messages: string[] = [];
  page.on('console', (m) => messages.push(`${m.type()}: ${m.text()}`));
  page.on('pageerror', (e) => messages.push(`pageerror: ${e.message}`));

  host = await startHost(freshDataDir(), 'login');
  await page.goto(host.url);
  await expect(page.getByTestId('first-start')).toBeVisible();
  await host.stop();

  host = await startHost(freshDataDir());
  await page.goto(host.url);
  await expect(page.getByRole('heading', { name: '案件列表' })).toBeVisible();
  for (const [hash, ready] of [
    ['#/cases/new', 'project-name'],
    ['#/hearings', 'week-this'],
    ['#/dashboard', 'dashboard-export'],
    ['#/settings', 'settings-idle-lock'],
    ['#/accounts', 'accounts-table'],
  ]) {
    await page.goto(`${host.url}${hash}`);
    await expect(page.getByTestId(ready)).toBeVisible();
  }
  expect(messages).toEqual([]);
});
