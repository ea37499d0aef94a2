import { PDFDocument, StandardFonts } from 'pdf-lib';
import { expect, test, type Page } from '@playwright/test';
import type { HearingView, MediationView, RoomView, StaffView } from '../../electron/core/contract';
import { addDays, todayInChina, weekday } from '../../electron/core/dates';
import { formatFen } from '../../electron/core/money';
import { emptyWorkerDraft } from '../../electron/core/workers/workerDraft';
import { freshDataDir, startHost, type RunningHost } from './support/webHost';
import { api, makeId, uploadEvidence } from './support/api';
import { screenshots } from './support/screenshots';
import { hostsStoppedAfterEach } from './support/hosts';

const shot = screenshots('screens', { fullPage: true });

const hosts = hostsStoppedAfterEach();

const names = ['罗建国', '宋静英', '黄志强', '刘春生', '钟桂兰', '谢永明', '曾德福', '邱小平', '赖海军', '温秀珍', '廖国华', '肖长青'];
/** Wage arrears of worker i, in yuan: 3000, 3250, … */
const wageYuan = (i: number) => 3000 + i * 250;
const overtimeWorkers = [0, 1, 2, 3];

async function createCase(host: RunningHost, today: string, workerNames: string[], project: string): Promise<number> {
  const { id } = await api<{ id: number }>(host, 'cases.create', {
    channel: 'walkIn',
    receivedOn: today,
    procedure: 'simplified',
    cause: '追索劳动报酬',
    project: { name: project, address: '赣州市南康区蓉江新区' },
    respondents: [{ role: 'generalContractor', organisation: { kind: 'company', name: '江西赣建建设集团有限公司', creditCode: '91350100M000100Y43' } }],
    workers: workerNames.map((name, i) => ({ ...emptyWorkerDraft(), name, idNumber: makeId('360702', `197${i % 10}-0${(i % 9) + 1}-1${i % 9}`, 10 + i), phone: `1390797${String(1000 + i)}`, owed: String(wageYuan(i)) })),
    extraClaims: workerNames.length >= 10 ? overtimeWorkers.map((workerIndex) => ({ workerIndex, type: 'overtime', amount: '800' })) : [],
    representativeIndexes: workerNames.length >= 10 ? [0, 1, 2] : [],
  });
  await api(host, 'cases.accept', { id, acceptedOn: today });
  return id;
}

/** Picks an option of a Mantine Select whose input carries `testId`. */
async function pick(page: Page, testId: string, option: string) {
  await page.getByTestId(testId).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

test('快调 and 快审: schedule (conflict refused, short notice warned), mediate 12 workers, record survives a killed host', async ({ page }) => {
  test.setTimeout(240_000);
  const dataDir = freshDataDir();
  let host = await startHost(dataDir);
  hosts.push(host);
  const today = todayInChina();

  // ── set-up through the API: rooms, arbitrators, clerks, a 12-worker case and two small ones ──
  for (const [name, location] of [
    ['第一仲裁庭', '三楼301'],
    ['第二仲裁庭', '三楼302'],
  ])
    await api(host, 'rooms.save', { name, location, active: true });
  for (const name of ['陈立新', '周婉清', '吴国栋']) await api(host, 'accounts.create', { username: name, name, roles: ['arbitrator'], password: 'sucai-e2e-2026' });
  for (const name of ['李书琴', '赵明']) await api(host, 'accounts.create', { username: name, name, roles: ['clerk'], password: 'sucai-e2e-2026' });
  const { staff, rooms } = await api<{ staff: StaffView[]; rooms: RoomView[] }>(host, 'staff.list', {});
  const person = (name: string) => staff.find((s) => s.name === name)!.id;
  const room = (name: string) => rooms.find((r) => r.name === name)!.id;

  const caseId = await createCase(host, today, names, '赣州蓉江新区安置房三期工程');
  const otherCase = await createCase(host, today, ['彭大勇', '林晓燕'], '章贡区沙石镇农贸市场改造工程');
  const thirdCase = await createCase(host, today, ['郭春华'], '南康家具产业园标准厂房');
  // the application copies reach the respondents today: their 10-day defence period ends before the hearings
  for (const id of [caseId, otherCase, thirdCase]) await api(host, 'cases.recordService', { id, servedOn: today, method: 'inPerson' });

  // One exhibit (a wage ledger), for the transfer slip picker and 质证.
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  pdf.addPage([595, 842]).drawText('Wage ledger 2026', { x: 60, y: 760, size: 24, font });
  const exhibit = await uploadEvidence<{ id: number }>(host, { caseId, fileName: '工资台账.pdf', track: 'arbitration', submittedBy: 'applicant' }, Buffer.from(await pdf.save()));

  // The hearing day: two weeks on, a weekday (well past the 5-working-day notice period).
  let hearingDay = addDays(today, 14);
  while (weekday(hearingDay) === 0 || weekday(hearingDay) === 6) hearingDay = addDays(hearingDay, 1);
  // Another hearing that week, in the second room, so the calendar shows more than one.
  await api<HearingView>(host, 'hearings.schedule', {
    caseId: thirdCase,
    startsAt: `${hearingDay}T10:30`,
    endsAt: `${hearingDay}T12:00`,
    roomId: room('第二仲裁庭'),
    procedure: 'simplified',
    presidingId: person('周婉清'),
    clerkId: person('赵明'),
    noticeServedOn: today,
  });

  // ── 快审: schedule the 12-worker case from its page, with the checks shown live ──
  await page.goto(`${host.url}#/cases/${caseId}`);
  await page.getByTestId('tab-hearings').click();
  await page.getByTestId('hearing-date').fill(hearingDay);
  await page.getByTestId('hearing-time').fill('09:00');
  await pick(page, 'hearing-duration', '1.5小时');
  await pick(page, 'hearing-room', '第一仲裁庭（三楼301）');
  // a collective case (12 workers): three arbitrators with a presiding one, never a sole arbitrator
  await expect(page.getByTestId('hearing-tribunal-note')).toContainText('三名仲裁员');
  await pick(page, 'hearing-presiding', '陈立新');
  await pick(page, 'hearing-wing-1', '周婉清');
  await pick(page, 'hearing-wing-2', '吴国栋');
  await pick(page, 'hearing-clerk', '李书琴');
  await page.getByTestId('hearing-notice-served').fill(today);
  await expect(page.getByTestId('hearing-check-ok')).toBeVisible();
  await expect(page.getByTestId('hearing-conflicts')).toHaveCount(0);
  await page.getByTestId('schedule-hearing').click();
  await expect(page.getByTestId('case-hearing-row')).toHaveCount(1);
  const [hearing] = await api<HearingView[]>(host, 'hearings.forCase', { caseId });
  expect(hearing.startsAt).toBe(`${hearingDay}T09:00`);

  // A second case in the same room at the same time is refused, with the reason shown.
  await page.goto(`${host.url}#/cases/${otherCase}`);
  await page.getByTestId('tab-hearings').click();
  await page.getByTestId('hearing-date').fill(hearingDay);
  await page.getByTestId('hearing-time').fill('09:30');
  await pick(page, 'hearing-room', '第一仲裁庭（三楼301）');
  await pick(page, 'hearing-presiding', '吴国栋');
  await pick(page, 'hearing-clerk', '赵明');
  await page.getByTestId('hearing-notice-served').fill(today);
  await expect(page.getByTestId('hearing-conflicts')).toBeVisible();
  await expect(page.getByTestId('hearing-conflicts')).toContainText('第一仲裁庭');
  await expect(page.getByTestId('schedule-hearing')).toBeDisabled();
  await shot(page, 'schedule-conflict');
  // The backend refuses it too, with the same reason.
  await expect(
    api(host, 'hearings.schedule', { caseId: otherCase, startsAt: `${hearingDay}T09:30`, endsAt: `${hearingDay}T10:30`, roomId: room('第一仲裁庭'), procedure: 'simplified', presidingId: person('吴国栋'), clerkId: person('赵明'), noticeServedOn: today }),
  ).rejects.toThrow(/时间冲突/);

  // Two days from now with the notice served today: too short — warned in orange, still allowed.
  const shortDay = addDays(today, 2);
  await page.getByTestId('hearing-date').fill(shortDay);
  await page.getByTestId('hearing-time').fill('14:00');
  await expect(page.getByTestId('hearing-conflicts')).toHaveCount(0);
  await expect(page.getByTestId('hearing-warnings')).toBeVisible();
  await expect(page.getByTestId('hearing-warnings')).toContainText('通知');
  await expect(page.getByTestId('schedule-hearing')).toBeEnabled();
  await shot(page, 'schedule-warning');
  await page.getByTestId('schedule-hearing').click();
  await expect(page.getByTestId('case-hearing-row')).toHaveCount(1);
  await expect(page.getByTestId('case-hearing-row')).toContainText('⚠');

  // ── the week calendar: navigate to the hearing week, drag a block, a refused move snaps back ──
  await page.getByTestId('nav-hearings').click();
  await expect(page.getByTestId('hearing-calendar')).toBeVisible();
  const mondayOf = (d: string) => addDays(d, -((weekday(d) + 6) % 7));
  const weeksAhead = Math.round((Date.parse(mondayOf(hearingDay)) - Date.parse(mondayOf(today))) / (7 * 86_400_000));
  for (let i = 0; i < weeksAhead; i++) await page.getByTestId('week-next').click();
  const block = page.getByTestId(`hearing-block-${hearing.id}`);
  await expect(block).toBeVisible();
  await expect(block).toContainText('09:00–10:30');
  await expect(block).toContainText('第一仲裁庭');
  // To 14:00 the same day: allowed.
  const column = page.getByTestId(`calendar-day-${hearingDay}`);
  await block.dragTo(column, { sourcePosition: { x: 20, y: 5 }, targetPosition: { x: 20, y: ((14 * 60 - 8 * 60) / 30) * 30 + 5 } });
  await expect(block).toContainText('14:00–15:30');
  await expect.poll(async () => (await api<HearingView[]>(host, 'hearings.forCase', { caseId }))[0].startsAt).toBe(`${hearingDay}T14:00`);
  // 陈立新 presides another hearing at 16:30 (second room): dragging ours onto 16:00 is refused and snaps back.
  const fourthCase = await createCase(host, today, ['邓小军'], '于都县城区供水管网改造工程');
  await api<HearingView>(host, 'hearings.schedule', {
    caseId: fourthCase,
    startsAt: `${hearingDay}T16:30`,
    endsAt: `${hearingDay}T17:30`,
    roomId: room('第二仲裁庭'),
    procedure: 'simplified',
    presidingId: person('陈立新'),
    clerkId: person('赵明'),
    noticeServedOn: today,
  });
  await page.reload();
  for (let i = 0; i < weeksAhead; i++) await page.getByTestId('week-next').click();
  await expect(block).toContainText('14:00–15:30');
  await block.dragTo(column, { sourcePosition: { x: 20, y: 5 }, targetPosition: { x: 20, y: ((16 * 60 - 8 * 60) / 30) * 30 + 5 } });
  await expect(page.getByTestId('calendar-move-error')).toBeVisible();
  await expect(page.getByTestId('calendar-move-error')).toContainText('陈立新');
  await expect(block).toContainText('14:00–15:30');
  await shot(page, 'calendar');

  // ── 快调: wages first for all, 5 paid on the spot, 7 on a 2-instalment plan ──
  await page.goto(`${host.url}#/cases/${caseId}`);
  await page.getByTestId('tab-mediation').click();
  const table = page.getByTestId('mediation-table');
  await expect(table).toBeVisible();
  await expect(page.getByTestId('mediation-row-11')).toBeVisible();
  const wagesTotal = names.reduce((s, _, i) => s + wageYuan(i) * 100, 0);
  const claimedTotal = wagesTotal + overtimeWorkers.length * 800 * 100;
  await expect(page.getByTestId('totals-claimed')).toHaveText(formatFen(claimedTotal));

  // A wrong amount stays in its cell with the message; nothing is lost.
  const cell = page.getByTestId('agreed-1-1');
  await cell.fill('8o0');
  await expect(cell).toHaveAttribute('data-error', 'true');
  await expect(cell).toHaveValue('8o0');
  await expect(page.getByTestId('mediation-row-1')).toContainText('金额格式不正确');
  await cell.fill('900');
  await expect(page.getByTestId('mediation-row-1')).toContainText('不能高于请求金额');
  await cell.fill('');
  await expect(cell).not.toHaveAttribute('data-error', 'true');

  await page.getByTestId('wages-first').click();
  await expect(page.getByTestId('totals-agreed')).toHaveText(formatFen(wagesTotal));
  await expect(page.getByTestId('totals-difference')).toHaveText('0.00');
  await expect(page.getByTestId('totals-settled')).toHaveText('8 / 12 人');
  // Agree 500 on worker 0's overtime (of 800): typed, saved after a pause, totals follow live.
  await page.getByTestId('agreed-0-1').fill('500');
  await expect(page.getByTestId('totals-agreed')).toHaveText(formatFen(wagesTotal + 50_000));
  await expect(page.getByTestId('totals-difference')).toHaveText('300.00');
  await expect(page.getByTestId('mediation-save-state')).toHaveText('已自动保存');
  await expect(page.getByTestId('totals-settled')).toHaveText('9 / 12 人');

  let paidFen = 0;
  for (let i = 0; i < 5; i++) {
    const balance = wageYuan(i) * 100 + (i === 0 ? 50_000 : 0);
    await expect(page.getByTestId(`balance-${i}`)).toHaveText(formatFen(balance));
    await page.getByTestId(`pay-now-${i}`).click();
    await expect(page.getByTestId('pay-amount')).toHaveValue(formatFen(balance).replaceAll(',', ''));
    await page.getByTestId('pay-reference').fill(`62170078000${i}`);
    await page.getByTestId('pay-submit').click();
    await expect(page.getByTestId('pay-now-form')).toBeHidden();
    await expect(page.getByTestId(`balance-${i}`)).toHaveText('0.00');
    paidFen += balance;
    await expect(page.getByTestId('totals-paid')).toHaveText(formatFen(paidFen));
  }
  for (let i = 5; i < 12; i++) {
    await page.getByTestId(`instalments-toggle-${i}`).click();
    const editor = page.getByTestId(`instalments-${i}`);
    await editor.getByTestId('instalments-split-2').click();
    await expect(editor.getByTestId('instalment-difference')).toContainText('与应分期金额相符');
    await editor.getByTestId('instalment-save').click();
    await expect(editor.getByTestId('instalment-editor')).toBeHidden();
    await expect(editor).toContainText('第2期');
  }
  const view = await api<MediationView>(host, 'mediation.get', { caseId });
  expect(view.rows.slice(5).every((r) => r.instalments.length === 2 && r.instalments.reduce((s, x) => s + x.amountFen, 0) === r.balanceFen)).toBe(true);
  const balanceFen = names.slice(5).reduce((s, _, j) => s + wageYuan(j + 5) * 100, 0);
  expect(view.totals).toMatchObject({ agreedFen: wagesTotal + 50_000, paidFen, balanceFen, settledWorkers: 9 });
  await expect(page.getByTestId('totals-paid')).toHaveText(formatFen(paidFen));
  await expect(page.getByTestId('totals-balance')).toHaveText(formatFen(balanceFen));
  await page.getByTestId('outcome-partly').click();
  await expect(page.getByTestId('mediation-outcome')).toContainText('部分调解');
  await page.evaluate(() => window.scrollTo(0, 0));
  await shot(page, 'mediation-table');

  // ── 庭审笔录: type, see it saved, kill the host mid-typing, restart, find the text ──
  await page.goto(`${host.url}#/hearings/${hearing.id}`);
  await expect(page.getByTestId('hearing-title')).toBeVisible();
  await page.getByTestId('record-step-opening').click();
  const editor = page.getByTestId('record-editor');
  await page.getByTestId('record-phrase').first().click();
  await expect(editor).toHaveValue('审：现在开庭。');
  await editor.press('End');
  await editor.press('Alt+2');
  await expect(editor).toHaveValue('审：现在开庭。\n申：');
  const first = '申请人到庭，请求支付拖欠工资。';
  await editor.pressSequentially(first);
  await expect(page.getByTestId('record-saved-at')).toContainText('已保存', { timeout: 8_000 });
  await expect.poll(async () => (await api<{ record: { step: string; content: string }[] }>(host, 'hearings.get', { id: hearing.id })).record.find((r) => r.step === 'opening')!.content).toContain(first);
  await page.getByTestId('record-step-identities').click();
  await expect(editor).toHaveValue('');
  await page.getByTestId('record-step-opening').click();
  await expect(editor).toHaveValue(`审：现在开庭。\n申：${first}`);
  await editor.press('End');
  await editor.press('Alt+1');
  // About five seconds of steady typing (an autosave falls inside), then a few more characters and the kill.
  const steady = '被申请人对欠薪数额有无异议？请如实陈述工程款支付情况以及班组长工资发放的经过，仲裁庭将依法查明。';
  await editor.pressSequentially(steady, { delay: 110 });
  await editor.pressSequentially('最后几字');
  const exited = new Promise((done) => host.process.once('exit', done));
  host.process.kill('SIGKILL');
  await exited;
  hosts.splice(hosts.indexOf(host), 1);
  await shot(page, 'record-editor-killed', false);

  host = await startHost(dataDir);
  hosts.push(host);
  await page.goto(`${host.url}#/hearings/${hearing.id}`);
  await page.getByTestId('record-step-opening').click();
  const typed = `审：现在开庭。\n申：${first}\n审：${steady}最后几字`;
  const kept = await editor.inputValue();
  expect(typed.startsWith(kept)).toBe(true);
  // at most the last ~3.5 s of typing (≈ 32 characters at 110 ms each) may be missing
  expect(typed.length - kept.length).toBeLessThanOrEqual(36);
  expect(kept).toContain(steady.slice(0, 20));
  await editor.press('End');
  await editor.pressSequentially('（重启后继续记录）');
  await expect(page.getByTestId('record-dirty')).toBeVisible();
  await expect(page.getByTestId('record-dirty')).toBeHidden({ timeout: 8_000 });
  await expect(page.getByTestId('record-saved-at')).toContainText('已保存');

  // 质证: the applicant accepts the ledger on all three aspects; it shows as examined.
  const examined = page.getByTestId(`cross-exam-${exhibit.id}`);
  await expect(examined.getByTestId(`cross-exam-status-${exhibit.id}`)).toHaveText('未质证');
  for (const aspect of ['真实性', '合法性', '关联性']) await examined.getByRole('button', { name: `申请人 ${aspect} 认可`, exact: true }).click();
  await examined.getByRole('button', { name: '被申请人 真实性 有异议', exact: true }).click();
  await examined.getByLabel('被申请人 意见').fill('系事后补写');
  await examined.getByTestId(`cross-exam-save-${exhibit.id}-applicant`).click();
  await expect(examined.getByTestId(`cross-exam-status-${exhibit.id}`)).toHaveText('已质证');
  await examined.getByTestId(`cross-exam-save-${exhibit.id}-respondent`).click();
  await expect(examined.getByTestId(`cross-exam-save-${exhibit.id}-respondent`)).toHaveText('已保存');
  await page.getByTestId('record-step-investigation').click();
  await expect(editor).toHaveValue(/证据一《.*》：申请人对真实性、合法性、关联性均无异议；被申请人对真实性有异议，系事后补写/);
  await page.getByTestId('record-step-opening').click();
  await page.evaluate(() => window.scrollTo(0, 0));
  await shot(page, 'record-editor');
});
