import fs from 'node:fs';
import Database from 'better-sqlite3';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppEvent, HearingView, MethodInput } from '../../electron/core/contract';
import type { Services } from '../../electron/services/createServices';
import { addAccount, callApi, caseInput, makeId, openTestServices, recordAttendance, tempDataDir, workerDraft } from '../support/services';
import { zipEntries } from '../support/zip';
import { documentPath } from '../../electron/services/documents/generate';

// The clock is pinned at 2026-11-20 10:00 China time (a Friday). Cases are accepted on 11-18.
let s: Services & { dataDir: string };
const events: AppEvent[] = [];
let caseA: number; // 赣市劳人仲案字〔2026〕第1号, three workers
let caseB: number; // 第2号
let caseC: number; // 第3号
let unaccepted: number;
const ids: Record<string, number> = {};
const N1 = '赣市劳人仲案字〔2026〕第1号';

const workers = (seed: number) => [
  workerDraft('张三丰', makeId('360702', '1980-01-01', seed), '12000'),
  workerDraft('李小红', makeId('360702', '1981-02-02', seed + 1), '8500'),
  workerDraft('王五', makeId('360702', '1982-03-03', seed + 2), '3000'),
];

type Slot = Partial<MethodInput<'hearings.schedule'>>;
function schedule(caseId: number, slot: Slot) {
  return callApi(s, 'hearings.schedule', {
    caseId,
    startsAt: '2026-11-30T09:00',
    endsAt: '2026-11-30T10:30',
    roomId: ids.room2,
    procedure: 'simplified',
    presidingId: ids.wang,
    wingIds: [],
    clerkId: ids.zhou,
    noticeServedOn: '2026-11-20',
    ...slot,
  });
}
const events$ = async (caseId: number) => (await callApi(s, 'cases.get', { id: caseId })).events;

beforeAll(async () => {
  s = openTestServices();
  s.events.on('event', (e) => events.push(e));
  const created = [];
  for (let i = 0; i < 4; i++) created.push((await callApi(s, 'cases.create', caseInput(workers(10 + i * 5)))).id);
  [caseA, caseB, caseC, unaccepted] = created;
  for (const id of [caseA, caseB, caseC]) {
    const d = await callApi(s, 'cases.accept', { id, acceptedOn: '2026-11-18' });
    // served at once, and (simplified procedure) the respondents agreed to a shorter defence period,
    // so the hearings below are not inside it: the defence period warning has its own test
    await callApi(s, 'cases.recordService', {
      id,
      respondents: d.respondents.map((r) => ({ organisationId: r.id, servedOn: '2026-11-18', method: 'inPerson', defenceWaiver: '11月18日签收时书面同意缩短答辩期' })),
    });
  }

  for (const [key, role, name] of [
    ['wang', 'arbitrator', '王建国'],
    ['li', 'arbitrator', '李秀英'],
    ['chen', 'arbitrator', '陈志强'],
    ['liu', 'arbitrator', '刘洋'],
    ['zhou', 'clerk', '周婷'],
    ['wu', 'clerk', '吴敏'],
  ] as const) {
    ids[key] = await addAccount(s, name, [role]);
  }
  for (const [key, name] of [
    ['room1', '第一仲裁庭'],
    ['room2', '第二仲裁庭'],
  ] as const) {
    const list = await callApi(s, 'rooms.save', { name, location: '三楼' });
    ids[key] = list.rooms.find((r) => r.name === name)!.id;
  }
});
afterAll(() => s.close());

describe('staff and rooms', () => {
  it('lists active first, keeps names unique, disables instead of deleting', async () => {
    await expect(addAccount(s, '王建国', ['arbitrator'], 'wangjianguo2')).rejects.toThrow(/conflict: 已有名为“王建国”的账号/);
    // staff are the accounts holding arbitrator or clerk; a person may hold both
    const clerkLiu = await addAccount(s, '刘洋（书记员）', ['clerk', 'arbitrator'], 'liuyang-clerk');
    await callApi(s, 'accounts.update', { id: clerkLiu, name: '刘洋（书记员）', roles: ['clerk', 'arbitrator'], active: false });
    const { staff } = await callApi(s, 'staff.list', {});
    expect(staff.at(-1)).toMatchObject({ id: clerkLiu, roles: ['arbitrator', 'clerk'], active: false });
    expect(staff.slice(0, -1).every((p) => p.active)).toBe(true);
    await expect(callApi(s, 'rooms.save', { name: '第一仲裁庭' })).rejects.toThrow(/已有名为“第一仲裁庭”的仲裁庭/);
    const room3 = (await callApi(s, 'rooms.save', { name: '第三仲裁庭（巡回）', location: null })).rooms.find((r) => r.name.startsWith('第三'))!;
    const list = await callApi(s, 'rooms.save', { id: room3.id, name: '第三仲裁庭（巡回）', active: false });
    expect(list.rooms.map((r) => [r.name, r.active])).toEqual([
      ['第一仲裁庭', true],
      ['第二仲裁庭', true],
      ['第三仲裁庭（巡回）', false],
    ]);
    // an inactive person or room cannot be booked
    await expect(schedule(caseC, { roomId: room3.id, startsAt: '2026-12-02T09:00', endsAt: '2026-12-02T10:00' })).rejects.toThrow(/已停用/);
    await expect(schedule(caseC, { clerkId: clerkLiu, startsAt: '2026-12-02T09:00', endsAt: '2026-12-02T10:00' })).rejects.toThrow(/刘洋（书记员）已停用/);
  });
});

describe('scheduling: conflicts are refused', () => {
  let first: HearingView;
  it('schedules a simplified hearing with the notice in time: no warnings, case moves to 快审', async () => {
    first = await schedule(caseA, {});
    expect(first).toMatchObject({
      caseNumber: N1,
      caseTitle: '张三丰等3人与江西赣建建设集团有限公司等',
      roomName: '第二仲裁庭',
      arbitratorNames: ['王建国'],
      clerkName: '周婷',
      status: 'scheduled',
      warnings: [],
    });
    const detail = await callApi(s, 'cases.get', { id: caseA });
    expect(detail.stage).toBe('hearing');
    expect(detail.events[0].summary).toBe('安排开庭：11月30日 09:00–10:30 第二仲裁庭，简易处理，仲裁员王建国独任，书记员周婷；开庭通知已于2026年11月20日送达；同时组成仲裁庭，请送达组庭通知书；案件进入快审');
    // the first hearing composed the tribunal (Law Art 31): recorded, and its 组庭通知书 deadline shows on the clock
    expect(detail.events[1].summary).toMatch(/^组成仲裁庭（2026年11月20日，随开庭安排）：简易处理，仲裁员王建国独任，书记员周婷/);
    expect(detail.tribunal).toMatchObject({ arbitratorNames: ['王建国'], composedOn: '2026-11-20' });
    expect(detail.deadlines.find((d) => d.key === 'tribunalNotice')).toMatchObject({ label: '组庭通知' });
    expect(events).toContainEqual({ type: 'hearings.changed', hearingId: first.id, caseId: caseA });
    expect(events).toContainEqual({ type: 'cases.changed', caseId: caseA });
  });

  it('the same room at an overlapping time', async () => {
    await expect(schedule(caseB, { startsAt: '2026-11-30T10:00', endsAt: '2026-11-30T11:00', presidingId: ids.li, clerkId: ids.wu })).rejects.toThrow(
      `conflict: 时间冲突，不能安排：第二仲裁庭 11月30日 09:00–10:30 已安排 ${N1}`,
    );
  });
  it('the same arbitrator in another room', async () => {
    await expect(schedule(caseB, { startsAt: '2026-11-30T08:30', endsAt: '2026-11-30T09:30', roomId: ids.room1, clerkId: ids.wu })).rejects.toThrow(
      `仲裁员王建国 11月30日 09:00–10:30 已在第二仲裁庭审理 ${N1}`,
    );
    // also when the shared arbitrator sits as a wing of an ordinary tribunal
    await expect(
      schedule(caseB, { procedure: 'ordinary', presidingId: ids.li, wingIds: [ids.chen, ids.wang], roomId: ids.room1, clerkId: ids.wu }),
    ).rejects.toThrow(/仲裁员王建国/);
  });
  it('the same clerk', async () => {
    await expect(schedule(caseB, { roomId: ids.room1, presidingId: ids.li })).rejects.toThrow(`书记员周婷 11月30日 09:00–10:30 已在第二仲裁庭记录 ${N1}`);
  });
  it('back-to-back in the same room with the same people is allowed', async () => {
    const next = await schedule(caseB, { startsAt: '2026-11-30T10:30', endsAt: '2026-11-30T12:00' });
    expect(next.warnings).toEqual([]);
    ids.hearingB = next.id;
  });
  it('hearings.check reports the conflicts and warnings without saving', async () => {
    const r = await callApi(s, 'hearings.check', {
      caseId: caseC,
      startsAt: '2026-11-30T10:00',
      endsAt: '2026-11-30T11:00',
      roomId: ids.room2,
      presidingId: ids.li,
      wingIds: [],
      clerkId: ids.wu,
      noticeServedOn: null,
    });
    expect(r.conflicts.map((c) => [c.kind, c.caseNumber])).toEqual([
      ['room', N1],
      ['room', '赣市劳人仲案字〔2026〕第2号'],
    ]);
    expect(r.warnings.map((w) => w.kind)).toEqual(['noticePeriod']);
    expect(r.warnings[0].message).toContain('最迟应于2026年11月23日（星期一）送达');
    expect((await callApi(s, 'hearings.forCase', { caseId: caseC })).length).toBe(0);
  });
  it('refuses a bad slot, a bad tribunal and a case not accepted', async () => {
    const free = { startsAt: '2026-12-01T09:00', endsAt: '2026-12-01T10:00' };
    await expect(schedule(caseC, { startsAt: '2026-12-01T19:00', endsAt: '2026-12-01T20:30' })).rejects.toThrow(/08:00至20:00/);
    await expect(schedule(caseC, { startsAt: '2026-12-01T10:00', endsAt: '2026-12-01T09:00' })).rejects.toThrow(/晚于开始时间/);
    await expect(schedule(caseC, { ...free, wingIds: [ids.li] })).rejects.toThrow(/独任/);
    await expect(schedule(caseC, { ...free, procedure: 'ordinary', wingIds: [ids.li] })).rejects.toThrow(/三名仲裁员/);
    await expect(schedule(caseC, { ...free, procedure: 'ordinary', wingIds: [ids.li, ids.wang] })).rejects.toThrow(/不同的人/);
    await expect(schedule(caseC, { ...free, presidingId: ids.zhou })).rejects.toThrow(/周婷不是仲裁员/);
    await expect(schedule(unaccepted, free)).rejects.toThrow(/尚未受理，不能安排开庭/);
  });
});

describe('notice period and waiver', () => {
  it('short notice is saved with a warning, returned and written in the timeline', async () => {
    const h = await schedule(caseC, { startsAt: '2026-11-26T09:00', endsAt: '2026-11-26T10:00' });
    expect(h.warnings.map((w) => w.kind)).toEqual(['noticePeriod']);
    expect(h.warnings[0].message).toContain('最早可于2026年11月27日（星期五）开庭');
    const again = await callApi(s, 'hearings.get', { id: h.id });
    expect(again.warnings).toEqual(h.warnings);
    expect((await events$(caseC))[0].summary).toContain('提醒：开庭通知期间不足');
    ids.shortC = h.id;
  });
  it('a waiver under simplified procedure with the parties’ consent: saved without the warning', async () => {
    await expect(schedule(caseC, { startsAt: '2026-11-25T09:00', endsAt: '2026-11-25T10:00', noticeServedOn: null, noticeWaived: true })).rejects.toThrow(/须记录双方当事人的同意/);
    const h = await schedule(caseC, {
      startsAt: '2026-11-25T09:00',
      endsAt: '2026-11-25T10:00',
      noticeServedOn: null,
      noticeWaived: true,
      noticeWaiverNote: '11月20日调解时双方当事人当场表示同意放弃开庭通知期限，已签字确认',
    });
    expect(h.warnings).toEqual([]);
    expect(h).toMatchObject({ noticeWaived: true, noticeWaiverNote: '11月20日调解时双方当事人当场表示同意放弃开庭通知期限，已签字确认' });
    expect((await events$(caseC))[0].summary).toContain('经双方当事人同意放弃开庭通知期限');
  });
  it('a waiver under ordinary procedure is refused', async () => {
    await expect(
      schedule(caseC, {
        startsAt: '2026-11-25T14:00',
        endsAt: '2026-11-25T15:00',
        procedure: 'ordinary',
        presidingId: ids.li,
        wingIds: [ids.chen, ids.liu],
        clerkId: ids.wu,
        noticeWaived: true,
        noticeWaiverNote: '双方同意',
      }),
    ).rejects.toThrow(/只有简易处理的案件.*才可以放弃开庭通知期限/);
  });
  it('an unserved notice warns until the service is recorded', async () => {
    const h = await schedule(caseC, { startsAt: '2026-12-03T09:00', endsAt: '2026-12-03T10:00', noticeServedOn: null });
    expect(h.warnings[0].message).toContain('开庭通知尚未送达');
    expect(h.warnings[0].message).toContain('最迟应于2026年11月26日（星期四）送达');
    await expect(callApi(s, 'hearings.recordNotice', { id: h.id, servedOn: '2026-11-21' })).rejects.toThrow(/不能晚于今天/);
    const served = await callApi(s, 'hearings.recordNotice', { id: h.id, servedOn: '2026-11-20' });
    expect(served).toMatchObject({ noticeServedOn: '2026-11-20', warnings: [] });
    expect((await events$(caseC))[0].summary).toBe('开庭通知（12月3日 09:00–10:00开庭）于2026年11月20日送达');
  });
  it('a date after the fast-track target is warned with both dates', async () => {
    const h = await schedule(caseC, { startsAt: '2026-12-21T09:00', endsAt: '2026-12-21T10:00' });
    expect(h.warnings.map((w) => w.kind)).toEqual(['awardDeadline']);
    expect(h.warnings[0].message).toMatch(/开庭日期2026年12月21日（星期一）晚于本委速裁结案目标日2026年12月18日（星期五）（法定裁决期限届满日为2027年/);
    await callApi(s, 'hearings.cancel', { id: h.id, reason: '排期错误' });
  });
});

describe('moving and cancelling', () => {
  it('a move into a conflict is refused; to a free slot it is saved with an event', async () => {
    await expect(callApi(s, 'hearings.move', { id: ids.hearingB, startsAt: '2026-11-30T10:00', endsAt: '2026-11-30T11:30' })).rejects.toThrow(
      /第二仲裁庭 11月30日 09:00–10:30 已安排/,
    );
    // moving onto its own slot (or overlapping only itself) is fine
    const moved = await callApi(s, 'hearings.move', { id: ids.hearingB, startsAt: '2026-12-01T14:00', endsAt: '2026-12-01T15:30', roomId: ids.room1 });
    expect(moved).toMatchObject({ startsAt: '2026-12-01T14:00', roomName: '第一仲裁庭', warnings: [] });
    expect((await events$(caseB))[0].summary).toBe('开庭改期：由11月30日 10:30–12:00 第二仲裁庭改为12月1日 14:00–15:30 第一仲裁庭（开庭日期变更，请重新通知当事人）');
    const nudged = await callApi(s, 'hearings.move', { id: ids.hearingB, startsAt: '2026-12-01T14:30', endsAt: '2026-12-01T16:00' });
    expect(nudged.roomName).toBe('第一仲裁庭');
  });
  it('the week view: names, case numbers and titles; cancelled hearings left out', async () => {
    const week = await callApi(s, 'hearings.week', { from: '2026-11-30', days: 7 });
    expect(week.map((h) => [h.startsAt, h.caseNumber, h.roomName, h.clerkName])).toEqual([
      ['2026-11-30T09:00', N1, '第二仲裁庭', '周婷'],
      ['2026-12-01T14:30', '赣市劳人仲案字〔2026〕第2号', '第一仲裁庭', '周婷'],
      ['2026-12-03T09:00', '赣市劳人仲案字〔2026〕第3号', '第二仲裁庭', '周婷'],
    ]);
    expect(week.every((h) => h.caseTitle === '张三丰等3人与江西赣建建设集团有限公司等')).toBe(true);
    expect(await callApi(s, 'hearings.week', { from: '2026-12-21', days: 1 })).toEqual([]);
  });
  it('cancel writes the reason; a cancelled hearing frees its slot', async () => {
    const c = await callApi(s, 'hearings.cancel', { id: ids.shortC, reason: '通知期间不足，改期' });
    expect(c.status).toBe('cancelled');
    expect((await events$(caseC))[0].summary).toBe('取消开庭（原定11月26日 09:00–10:00）：通知期间不足，改期');
    await expect(callApi(s, 'hearings.cancel', { id: ids.shortC, reason: '再次' })).rejects.toThrow(/已取消/);
    await expect(callApi(s, 'hearings.move', { id: ids.shortC, startsAt: '2026-11-27T09:00', endsAt: '2026-11-27T10:00' })).rejects.toThrow(/已取消，不能改期/);
    const reuse = await schedule(caseB, { startsAt: '2026-11-26T09:00', endsAt: '2026-11-26T10:00', noticeServedOn: '2026-11-19' });
    expect(reuse.warnings).toEqual([]);
  });
});

describe('attendance', () => {
  // Today's hearings (Fri 11-20, afternoon), one per outcome.
  const today = (hour: string, room: 'room1' | 'room2', served: string | null) =>
    schedule(caseA, { startsAt: `2026-11-20T${hour}:00`, endsAt: `2026-11-20T${hour}:50`, roomId: ids[room], noticeServedOn: served });

  it('refuses attendance before the hearing day', async () => {
    const future = (await callApi(s, 'hearings.forCase', { caseId: caseA })).find((h) => h.startsAt === '2026-11-30T09:00')!;
    await expect(recordAttendance(s, future.id)).rejects.toThrow(/尚未到/);
  });
  it('one respondent absent → heard in default as to that respondent, each party named in the record and the timeline', async () => {
    const h = await today('14', 'room1', '2026-11-18');
    const d = await recordAttendance(s, h.id, { respondents: { 刘德胜: false } });
    expect(d).toMatchObject({ status: 'held', outcome: 'default', applicantPresent: true, respondentPresent: false });
    expect(d.attendance.respondents.map((r) => [r.name, r.present])).toEqual([
      ['江西赣建建设集团有限公司', true],
      ['刘德胜', false],
    ]);
    expect(d.record[0]).toMatchObject({ step: 'attendance' });
    expect(d.record[0].content).toContain('被申请人江西赣建建设集团有限公司到庭，刘德胜未到庭');
    expect(d.record[0].content).toContain('被申请人刘德胜经书面通知无正当理由拒不到庭，对其缺席审理');
    expect((await events$(caseA))[0].summary).toContain('被申请人刘德胜经书面通知无正当理由拒不到庭，对其缺席审理');
    ids.heldA = h.id;
  });
  it('every party must be accounted for, and only the parties of the case', async () => {
    const h = await today('17', 'room1', '2026-11-18');
    const detail = await callApi(s, 'hearings.get', { id: h.id });
    const applicants = detail.attendance.applicants.map((a) => ({ workerId: a.partyId, present: true }));
    await expect(callApi(s, 'hearings.attendance', { id: h.id, applicants, respondents: [{ respondentId: detail.attendance.respondents[0]!.partyId, present: true }] })).rejects.toThrow(
      /请登记被申请人刘德胜是否到庭/,
    );
    await expect(
      callApi(s, 'hearings.attendance', { id: h.id, applicants: [...applicants, { workerId: 999999, present: true }], respondents: detail.attendance.respondents.map((r) => ({ respondentId: r.partyId, present: true })) }),
    ).rejects.toThrow(/不是本案应登记到庭情况的当事人/);
    await callApi(s, 'hearings.cancel', { id: h.id, reason: '测试' });
  });
  it('applicant absent → deemed withdrawal with the consequence of Rules Art 39', async () => {
    const h = await today('15', 'room1', '2026-11-18');
    const d = await recordAttendance(s, h.id, { applicants: false });
    expect(d.outcome).toBe('deemedWithdrawal');
    expect(d.record[0].content).toContain('视为撤回仲裁申请；再次申请仲裁的，不予受理');
    const summary = (await events$(caseA))[0].summary;
    expect(summary).toContain('视为撤回仲裁申请；再次申请仲裁的，不予受理');
    expect(summary).toContain('第三十九条');
  });
  it('an unserved notice cannot ground default or withdrawal: refused, suggesting to reschedule; both present is fine', async () => {
    const h = await today('16', 'room1', null);
    await expect(recordAttendance(s, h.id, { respondents: false })).rejects.toThrow(/开庭通知未确认送达，江西赣建建设集团有限公司、刘德胜未到庭不能按缺席审理处理.*改期开庭/);
    await expect(recordAttendance(s, h.id, { applicants: false })).rejects.toThrow(/不能按撤回仲裁申请处理/);
    const held = await recordAttendance(s, h.id);
    expect(held).toMatchObject({ status: 'held', outcome: 'held' });
    expect(held.record[0].content).toMatch(/^到庭情况：申请人\S+到庭.*；被申请人江西赣建建设集团有限公司到庭，刘德胜到庭。$/);
  });
});

describe('hearing record and 质证', () => {
  it('saves a step, reloads it, and writes one timeline event however often it autosaves', async () => {
    const id = ids.heldA;
    const before = (await events$(caseA)).length;
    await expect(callApi(s, 'hearings.saveRecordStep', { hearingId: id, step: 'nope', content: 'x' })).rejects.toThrow(/没有这一步骤/);
    const empty = await callApi(s, 'hearings.saveRecordStep', { hearingId: id, step: 'opening', content: '' });
    expect(empty.updatedAt).toBeTruthy();
    await callApi(s, 'hearings.saveRecordStep', { hearingId: id, step: 'opening', content: '审：现在开庭。' });
    await callApi(s, 'hearings.saveRecordStep', { hearingId: id, step: 'opening', content: '审：现在开庭。本庭依法审理' });
    const last = await callApi(s, 'hearings.saveRecordStep', { hearingId: id, step: 'opening', content: '审：现在开庭。本庭依法审理申请人张三丰等3人' });
    const same = await callApi(s, 'hearings.saveRecordStep', { hearingId: id, step: 'opening', content: '审：现在开庭。本庭依法审理申请人张三丰等3人' });
    expect(same.updatedAt).toBe(last.updatedAt);
    const d = await callApi(s, 'hearings.get', { id });
    expect(d.record.map((r) => r.step)).toEqual(['attendance', 'opening', 'identities', 'rights', 'claims', 'investigation', 'debate', 'finalStatements', 'mediation']);
    expect(d.record[1]).toEqual({ step: 'opening', content: '审：现在开庭。本庭依法审理申请人张三丰等3人', updatedAt: last.updatedAt });
    expect(d.record[2]).toEqual({ step: 'identities', content: '', updatedAt: null });
    const after = await events$(caseA);
    expect(after.length).toBe(before + 1);
    expect(after[0].summary).toBe('庭审笔录：开始记录「宣布开庭、案由、仲裁员与书记员」');
    // another connection to the same file reads it back (autosave is committed, not held in memory)
    const reader = new Database(path.join(s.dataDir, 'sucai.db'), { readonly: true });
    try {
      const stored = reader.prepare("select content from hearing_record_steps where hearing_id = ? and step = 'opening'").pluck().get(id);
      expect(stored).toBe('审：现在开庭。本庭依法审理申请人张三丰等3人');
    } finally {
      reader.close();
    }
  });

  it('cross-examination: upserts per party, the finding sets crossExaminedOn, the record gets one line per exhibit', async () => {
    const dir = tempDataDir('sucai-hearing-files-');
    const file = path.join(dir, '工资表.txt');
    fs.writeFileSync(file, '姓名,应发\n张三丰,12000\n');
    const [exhibit] = await callApi(s, 'evidence.addFromPaths', { caseId: caseA, paths: [file], track: 'arbitration', submittedBy: 'applicant' });
    const hearingId = ids.heldA;
    await callApi(s, 'hearings.saveRecordStep', { hearingId, step: 'investigation', content: '审：下面进行举证质证。' });
    const save = (party: 'applicant' | 'respondent' | 'tribunal', a: 'accepted' | 'disputed' | 'noView', opinion = '') =>
      callApi(s, 'crossExamination.save', { exhibitId: exhibit.id, hearingId, party, authenticity: a, legality: 'accepted', relevance: 'accepted', opinion });
    await save('applicant', 'accepted');
    await save('respondent', 'accepted');
    await save('respondent', 'disputed', '系班组长事后补写');
    expect((await callApi(s, 'evidence.list', { caseId: caseA }))[0].crossExaminedOn).toBeNull();
    const all = await save('tribunal', 'accepted', '与考勤表相互印证，予以采信');
    expect(all.map((x) => x.party)).toEqual(['applicant', 'respondent', 'tribunal']);
    expect(all[1]).toMatchObject({ authenticity: 'disputed', opinion: '系班组长事后补写' });
    expect((await callApi(s, 'evidence.list', { caseId: caseA }))[0].crossExaminedOn).toBe('2026-11-20');
    const d = await callApi(s, 'hearings.get', { id: hearingId });
    const investigation = d.record.find((r) => r.step === 'investigation')!.content;
    expect(investigation).toBe(
      '审：下面进行举证质证。\n' +
        '证据一《工资表》：申请人对真实性、合法性、关联性均无异议；被申请人对真实性有异议，对合法性、关联性无异议，系班组长事后补写；仲裁庭认定：对真实性、合法性、关联性均予以确认，与考勤表相互印证，予以采信。',
    );
    expect(d.crossExaminations).toHaveLength(3);
    expect(await callApi(s, 'crossExamination.forCase', { caseId: caseA })).toEqual(all);
    const summary = (await events$(caseA))[0].summary;
    expect(summary).toBe('质证：证据一《工资表》：仲裁庭认定：对真实性、合法性、关联性均予以确认，与考勤表相互印证，予以采信。');
    expect(events).toContainEqual({ type: 'hearings.changed', hearingId, caseId: caseA });
    // an exhibit of another case cannot be examined in this hearing
    const [other] = await callApi(s, 'evidence.addFromPaths', { caseId: caseB, paths: [file], track: 'arbitration', submittedBy: 'applicant' });
    await expect(
      callApi(s, 'crossExamination.save', { exhibitId: other.id, hearingId, party: 'applicant', authenticity: 'accepted', legality: null, relevance: null }),
    ).rejects.toThrow(/不属于这次开庭/);
    // outside a hearing (e.g. a written 质证 round) the finding is dated today and no record is touched
    const written = await callApi(s, 'crossExamination.save', { exhibitId: other.id, party: 'tribunal', authenticity: 'accepted', legality: 'accepted', relevance: 'accepted' });
    expect(written).toMatchObject([{ exhibitId: other.id, hearingId: null, party: 'tribunal' }]);
    const again = await callApi(s, 'crossExamination.save', { exhibitId: other.id, party: 'tribunal', authenticity: 'accepted', legality: 'accepted', relevance: 'disputed' });
    expect(again).toHaveLength(1);
    expect((await callApi(s, 'evidence.list', { caseId: caseB }))[0].crossExaminedOn).toBe('2026-11-20');
    await expect(callApi(s, 'crossExamination.save', { exhibitId: other.id, party: 'applicant', authenticity: null, legality: null, relevance: null })).rejects.toThrow(/至少填写一项/);
  });

  it('a staff member with upcoming hearings cannot be deactivated', async () => {
    await expect(callApi(s, 'accounts.update', { id: ids.zhou, name: '周婷', roles: ['clerk'], active: false })).rejects.toThrow(/周婷还有\d+场待开庭担任书记员，请先调整这些开庭后再停用/);
    await expect(callApi(s, 'accounts.update', { id: ids.zhou, name: '周婷', roles: ['arbitrator'], active: true })).rejects.toThrow(/周婷还有\d+场待开庭担任书记员，请先调整这些开庭后再取消书记员角色/);
  });
});

describe('the respondent’s defence period and the hearing day', () => {
  it('warns while a respondent’s defence period runs on the hearing day, naming it; not once it has ended', async () => {
    const id = (await callApi(s, 'cases.create', caseInput(workers(60)))).id;
    const d = await callApi(s, 'cases.accept', { id, acceptedOn: '2026-11-18' });
    // the company served 11-18 (period ends Wed 12-02), the team leader 11-19 (ends Thu 12-03)
    await callApi(s, 'cases.recordService', {
      id,
      respondents: [
        { organisationId: d.respondents[0]!.id, servedOn: '2026-11-18', method: 'inPerson' },
        { organisationId: d.respondents[1]!.id, servedOn: '2026-11-19', method: 'post' },
      ],
    });
    const check = (startsAt: string) =>
      callApi(s, 'hearings.check', { caseId: id, startsAt, endsAt: startsAt.replace(/T\d\d/, 'T11'), roomId: ids.room1, presidingId: ids.liu, wingIds: [], clerkId: ids.wu, noticeServedOn: '2026-11-20' });
    const inside = await check('2026-12-03T09:00');
    expect(inside.warnings.find((w) => w.kind === 'defencePeriod')!.message).toContain('刘德胜的答辩期至2026年12月3日（星期四）届满');
    expect(inside.warnings.find((w) => w.kind === 'defencePeriod')!.message).not.toContain('江西赣建建设集团有限公司的答辩期');
    expect((await check('2026-12-04T09:00')).warnings.map((w) => w.kind)).not.toContain('defencePeriod');
    // only simplified procedure takes the respondent's consent to shorten the period
    const ordinary = (await callApi(s, 'cases.create', caseInput(workers(70), { procedure: 'ordinary' }))).id;
    const o = await callApi(s, 'cases.accept', { id: ordinary, acceptedOn: '2026-11-18' });
    await expect(
      callApi(s, 'cases.recordService', { id: ordinary, respondents: [{ organisationId: o.respondents[0]!.id, servedOn: '2026-11-18', method: 'inPerson', defenceWaiver: '同意' }] }),
    ).rejects.toThrow('只有简易处理的案件，被申请人才可以同意缩短或者放弃答辩期');
  });
});

describe('the hearing’s actual times', () => {
  it('records when the hearing opened and closed; the 庭审笔录 prints them and warns while blanks are left', async () => {
    const id = (await callApi(s, 'cases.create', caseInput(workers(80)))).id;
    await callApi(s, 'cases.accept', { id, acceptedOn: '2026-11-18' });
    const h = await schedule(id, { startsAt: '2026-11-20T08:30', endsAt: '2026-11-20T09:30', roomId: ids.room1, presidingId: ids.liu, clerkId: ids.wu, noticeWaived: true, noticeServedOn: null, noticeWaiverNote: '双方同意当日开庭' });
    let list = await callApi(s, 'documents.list', { caseId: id });
    expect(list.available.find((a) => a.kind === 'hearingRecord')!.warnings).toEqual(['未登记实际开庭、闭庭时间']);
    await expect(callApi(s, 'hearings.setTimes', { id: h.id, openedAt: '2026-11-20T08:35', closedAt: '2026-11-20T08:30' })).rejects.toThrow('闭庭时间应晚于开庭时间');
    await expect(callApi(s, 'hearings.setTimes', { id: h.id, openedAt: '2026-11-20T11:00', closedAt: null })).rejects.toThrow('开庭时间不能晚于现在');
    await expect(callApi(s, 'hearings.setTimes', { id: h.id, openedAt: '2026-11-19T08:35', closedAt: null })).rejects.toThrow('开庭时间应在开庭当日');
    const times = await callApi(s, 'hearings.setTimes', { id: h.id, openedAt: '2026-11-20T08:41', closedAt: '2026-11-20T09:52' });
    expect(times).toMatchObject({ openedAt: '2026-11-20T08:41', closedAt: '2026-11-20T09:52' });
    expect((await events$(id))[0]!.summary).toBe('庭审时间：2026-11-20 08:41开庭，09:52闭庭');
    await callApi(s, 'hearings.saveRecordStep', { hearingId: h.id, step: 'identities', content: '申：我叫张三丰，身份证号码＿＿＿。' });
    list = await callApi(s, 'documents.list', { caseId: id });
    expect(list.available.find((a) => a.kind === 'hearingRecord')!.warnings).toEqual([expect.stringMatching(/还有1处“＿＿＿”未填写$/)]);
    const [doc] = await callApi(s, 'documents.generate', { caseId: id, kind: 'hearingRecord' });
    const xml = (await zipEntries(documentPath(s.dataDir, doc!))).get('word/document.xml')!.toString('utf8');
    expect(xml.replace(/<[^>]+>/g, '')).toContain('时间：2026年11月20日8时41分至9时52分');
  });
});

