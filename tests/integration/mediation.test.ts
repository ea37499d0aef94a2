import { afterEach, describe, expect, it, vi } from 'vitest';
import { callApi, caseInput, makeId, openTestServices, tempDataDir, workerDraft } from '../support/services';
import type { Services } from '../../electron/services/createServices';
import type { MethodInput, MethodName, MediationView } from '../../electron/core/contract';

let open: Services[] = [];
afterEach(() => {
  for (const s of open) s.close();
  open = [];
});
function services(dataDir = tempDataDir(), now = '2026-11-20T02:00:00Z') {
  const s = openTestServices(dataDir, now);
  open.push(s);
  return s;
}

const NAMES = ['张三', '李四', '王五', '赵六', '钱七', '孙八', '周九', '吴十', '郑一', '冯二', '陈明', '褚亮'];
/** Worker i claims 8,600 + 100·i 元 of wages and 1,200 元 overtime. */
const wagesFen = (i: number) => 860_000 + i * 10_000;
function twelveWorkerCase() {
  const workers = NAMES.map((name, i) => workerDraft(name, makeId('360702', `1980-01-${String(i + 10)}`, 20 + i), String(wagesFen(i) / 100)));
  return caseInput(workers, { extraClaims: NAMES.map((_, i) => ({ workerIndex: i, type: 'overtime' as const, amount: '1200' })) });
}

/** Counts successful mediation calls so the timeline can be checked: one event per call. */
function mediator(s: Services) {
  let calls = 0;
  const call = async <M extends MethodName & `mediation.${string}`>(name: M, input: MethodInput<M>) => {
    const value = await callApi(s, name, input);
    if (name !== 'mediation.get') calls++;
    return value as MediationView;
  };
  return { call, calls: () => calls };
}

async function mediationEvents(s: Services, id: number) {
  const detail = await callApi(s, 'cases.get', { id });
  return detail.events.filter((e) => e.action.startsWith('mediation.'));
}

describe('快调 for a 12-worker case: wages first, paid on the spot, instalments, signatures', () => {
  it('keeps every total in fen and every step on the timeline', async () => {
    const dataDir = tempDataDir();
    let s = services(dataDir);
    const { id } = await callApi(s, 'cases.create', twelveWorkerCase());
    await callApi(s, 'cases.accept', { id, acceptedOn: '2026-11-18' });
    let m = mediator(s);

    let view = await m.call('mediation.get', { caseId: id });
    expect(view.rows).toHaveLength(12);
    // claimed: Σ(860,000 + 10,000·i) for i = 0…11 = 10,320,000 + 660,000 = 10,980,000 wages + 12 × 120,000 overtime
    expect(view.totals).toEqual({ claimedFen: 12_420_000, agreedFen: 0, paidFen: 0, balanceFen: 0, differenceFen: 0, settledWorkers: 0 });
    expect(view.outcome).toBeNull();

    view = await m.call('mediation.addSession', {
      caseId: id,
      heldOn: '2026-11-20',
      mediator: '黄仲裁员',
      attendees: [{ role: '代表人', name: '张三' }, { role: '公司人员', name: '刘经理' }, { role: '住建联络员', name: '何科长' }],
      notes: '双方同意工资部分先行调解',
    });
    expect(view.sessions).toMatchObject([{ heldOn: '2026-11-20', mediator: '黄仲裁员', track: 'arbitration', outcome: 'pending' }]);
    expect(view.sessions[0].attendees).toHaveLength(3);
    await expect(m.call('mediation.addSession', { caseId: id, heldOn: '2026-11-21', mediator: '黄仲裁员', attendees: [] })).rejects.toThrow(/晚于今天/);
    view = await m.call('mediation.updateSession', { id: view.sessions[0].id, notes: '双方同意工资部分先行调解；加班费待庭审' });
    expect(view.sessions[0].notes).toContain('加班费待庭审');

    // 工资优先 for all: wages agreed at the claim, overtime untouched
    view = await m.call('mediation.settleWagesFirst', { caseId: id, workerIds: null, payBy: '2026-11-30' });
    expect(view.totals).toEqual({ claimedFen: 12_420_000, agreedFen: 10_980_000, paidFen: 0, balanceFen: 10_980_000, differenceFen: 0, settledWorkers: 0 });
    for (const row of view.rows) {
      expect(row.claims.find((c) => c.type === 'unpaidWages')).toMatchObject({ agreedFen: row.claims[0].claimedFen, payBy: '2026-11-30', track: 'arbitration' });
      expect(row.claims.find((c) => c.type === 'overtime')?.agreedFen).toBeNull();
    }
    expect(view.hasInspectionAgreement).toBe(false);

    // the view is read in a fixed number of queries, whatever the number of workers
    const small = await callApi(s, 'cases.create', caseInput([workerDraft('钟海涛', makeId('360702', '1984-04-04', 77), '12340')]));
    const prepare = vi.spyOn(s.ctx.db.$client, 'prepare');
    await callApi(s, 'mediation.get', { caseId: small.id });
    const oneWorker = prepare.mock.calls.length;
    expect(oneWorker).toBeGreaterThanOrEqual(6); // case, sessions, workers, claims + settlement, instalments, payments
    prepare.mockClear();
    await callApi(s, 'mediation.get', { caseId: id });
    expect(prepare.mock.calls.length).toBe(oneWorker);
    prepare.mockRestore();

    // 5 workers paid in full at the table: three by transfer, two in cash
    const byName = (v: MediationView, name: string) => v.rows.find((r) => r.name === name)!;
    await expect(
      m.call('mediation.recordPayment', { caseId: id, workerId: byName(view, '张三').workerId, amountFen: 860_000, paidAt: '2026-11-20T10:05', method: 'bankTransfer' }),
    ).rejects.toThrow(/转账流水号/);
    for (const [i, name] of NAMES.slice(0, 5).entries()) {
      const transfer = i < 3;
      view = await m.call('mediation.recordPayment', {
        caseId: id,
        workerId: byName(view, name).workerId,
        amountFen: wagesFen(i),
        paidAt: `2026-11-20T10:1${i}`,
        method: transfer ? 'bankTransfer' : 'cash',
        reference: transfer ? `6222020${i}88` : null,
      });
      expect(byName(view, name)).toMatchObject({ agreedFen: wagesFen(i), paidFen: wagesFen(i), balanceFen: 0 });
    }
    // paid 860,000 + 870,000 + 880,000 + 890,000 + 900,000 = 4,400,000
    expect(view.totals).toMatchObject({ agreedFen: 10_980_000, paidFen: 4_400_000, balanceFen: 6_580_000 });
    let events = await mediationEvents(s, id);
    expect(events[0].summary).toBe('当场支付 钱七 9,000.00元（现金，本人签收），已全部付清');
    expect(events.find((e) => e.summary.startsWith('当场支付 张三'))?.summary).toBe('当场支付 张三 8,600.00元（银行转账，流水号6222020088），已全部付清');

    // overpayment refused, with the numbers
    await expect(
      m.call('mediation.recordPayment', { caseId: id, workerId: byName(view, '张三').workerId, amountFen: 1, paidAt: '2026-11-20T10:30', method: 'cash' }),
    ).rejects.toThrow('张三的调解金额8,600.00元已全部付清，不能再登记付款');
    await expect(
      m.call('mediation.recordPayment', { caseId: id, workerId: byName(view, '孙八').workerId, amountFen: 910_001, paidAt: '2026-11-20T10:30', method: 'cash' }),
    ).rejects.toThrow('本次支付9,100.01元超过孙八的未付余额9,100.00元（调解金额9,100.00元，已付0.00元）');

    // 7 workers on 2-instalment plans; a plan that does not add up is refused
    const rest = NAMES.slice(5);
    await expect(
      m.call('mediation.setInstalments', {
        caseId: id,
        workerId: byName(view, '孙八').workerId,
        instalments: [{ dueOn: '2026-12-10', amountFen: 455_000 }, { dueOn: '2027-01-10', amountFen: 454_999 }],
      }),
    ).rejects.toThrow('孙八的分期合计9,099.99元，与应分期金额9,100.00元不符');
    await expect(
      m.call('mediation.setInstalments', {
        caseId: id,
        workerId: byName(view, '孙八').workerId,
        instalments: [{ dueOn: '2027-01-10', amountFen: 455_000 }, { dueOn: '2026-12-10', amountFen: 455_000 }],
      }),
    ).rejects.toThrow(/须晚于第1期/);
    for (const [k, name] of rest.entries()) {
      const half = wagesFen(5 + k) / 2;
      view = await m.call('mediation.setInstalments', {
        caseId: id,
        workerId: byName(view, name).workerId,
        instalments: [{ dueOn: '2026-12-10', amountFen: half }, { dueOn: '2027-01-10', amountFen: half }],
      });
      expect(byName(view, name).instalments.map((i) => [i.seq, i.amountFen, i.status])).toEqual([
        [1, half, 'due'],
        [2, half, 'due'],
      ]);
    }

    // 孙八 pays his first instalment: it flips to paid; 周九 pays 1,000 元 without naming one: it goes to his first
    const sun = byName(view, '孙八');
    view = await m.call('mediation.recordPayment', {
      caseId: id,
      workerId: sun.workerId,
      amountFen: 455_000,
      paidAt: '2026-11-20T11:00',
      method: 'bankTransfer',
      reference: 'HX20261120001',
      instalmentId: sun.instalments[0].id,
    });
    expect(byName(view, '孙八').instalments.map((i) => i.status)).toEqual(['paid', 'due']);
    expect(byName(view, '孙八').balanceFen).toBe(455_000);
    view = await m.call('mediation.recordPayment', { caseId: id, workerId: byName(view, '周九').workerId, amountFen: 100_000, paidAt: '2026-11-20T11:05', method: 'cash' });
    expect(byName(view, '周九').instalments.map((i) => [i.status, i.paidFen])).toEqual([
      ['partlyPaid', 100_000],
      ['due', 0],
    ]);
    // another worker's instalment is refused; more than the instalment lacks is refused
    await expect(
      m.call('mediation.recordPayment', { caseId: id, workerId: byName(view, '周九').workerId, amountFen: 100, paidAt: '2026-11-20T11:06', method: 'cash', instalmentId: sun.instalments[1].id }),
    ).rejects.toThrow('所选分期不是周九的分期');
    await expect(
      m.call('mediation.recordPayment', { caseId: id, workerId: byName(view, '周九').workerId, amountFen: 400_000, paidAt: '2026-11-20T11:06', method: 'cash' }),
    ).rejects.toThrow('本次支付4,000.00元超过周九第1期尚欠的3,600.00元');
    // 4,400,000 + 455,000 + 100,000 paid; balance 10,980,000 − 4,955,000
    expect(view.totals).toMatchObject({ paidFen: 4_955_000, balanceFen: 6_025_000 });

    // replacing 周九's plan keeps the partly paid first instalment; the new ones cover the rest
    const zhou = byName(view, '周九'); // agreed 920,000, paid 100,000, first instalment lacks 360,000
    await expect(
      m.call('mediation.setInstalments', { caseId: id, workerId: zhou.workerId, instalments: [{ dueOn: '2027-02-10', amountFen: 820_000 }] }),
    ).rejects.toThrow('与应分期金额4,600.00元不符');
    view = await m.call('mediation.setInstalments', {
      caseId: id,
      workerId: zhou.workerId,
      instalments: [{ dueOn: '2027-01-20', amountFen: 200_000 }, { dueOn: '2027-02-10', amountFen: 260_000 }],
    });
    expect(byName(view, '周九').instalments.map((i) => [i.seq, i.dueOn, i.amountFen, i.paidFen])).toEqual([
      [1, '2026-12-10', 460_000, 100_000],
      [2, '2027-01-20', 200_000, 0],
      [3, '2027-02-10', 260_000, 0],
    ]);

    expect((await mediationEvents(s, id)).length).toBe(m.calls());
    const callsBefore = m.calls();
    s.close();
    open = open.filter((x) => x !== s);

    // 25 days later on the same data folder: unpaid first instalments are overdue
    s = services(dataDir, '2026-12-15T02:00:00Z');
    m = mediator(s);
    view = await m.call('mediation.get', { caseId: id });
    expect(byName(view, '孙八').instalments.map((i) => i.status)).toEqual(['paid', 'due']);
    expect(byName(view, '周九').instalments.map((i) => i.status)).toEqual(['overdue', 'due', 'due']);
    for (const name of ['吴十', '郑一', '冯二', '陈明', '褚亮']) expect(byName(view, name).instalments.map((i) => i.status)).toEqual(['overdue', 'due']);

    // not settled while overtime is open; an agreement above the claim is refused naming the worker
    await expect(m.call('mediation.setOutcome', { caseId: id, outcome: 'settled' })).rejects.toThrow(/尚有12名工人的请求未全部确定调解金额（张三、李四、王五、赵六、钱七等12人）/);
    const overtime = view.rows.map((r) => r.claims.find((c) => c.type === 'overtime')!);
    await expect(
      m.call('mediation.setAgreed', { caseId: id, items: [{ claimItemId: overtime[1].claimItemId, agreedFen: 120_001 }] }),
    ).rejects.toThrow('李四的「加班费」调解金额1,200.01元超过请求金额1,200.00元');
    await expect(m.call('mediation.setAgreed', { caseId: id, items: [{ claimItemId: 999_999, agreedFen: 1 }] })).rejects.toThrow(/不属于本案/);
    // overtime settled at 1,000 元 each: 200 元 conceded per worker
    view = await m.call('mediation.setAgreed', {
      caseId: id,
      items: overtime.map((c) => ({ claimItemId: c.claimItemId, agreedFen: 100_000, payBy: '2027-01-10', method: 'bankTransfer' as const })),
    });
    expect(view.totals).toEqual({
      claimedFen: 12_420_000,
      agreedFen: 12_180_000, // 10,980,000 + 12 × 100,000
      paidFen: 4_955_000,
      balanceFen: 7_225_000,
      differenceFen: 240_000,
      settledWorkers: 12,
    });

    view = await m.call('mediation.setOutcome', { caseId: id, outcome: 'settled' });
    expect(view).toMatchObject({ outcome: 'settled', effective: false });
    expect((await callApi(s, 'cases.get', { id })).stage).toBe('mediation');
    await expect(m.call('mediation.recordSignature', { caseId: id, party: 'workers', signedOn: '2026-12-16' })).rejects.toThrow(/签收日期不能晚于今天/);
    view = await m.call('mediation.recordSignature', { caseId: id, party: 'workers', signedOn: '2026-12-14' });
    expect(view).toMatchObject({ signedByWorkersOn: '2026-12-14', effective: false });
    expect((await callApi(s, 'cases.get', { id })).stage).toBe('mediation');
    view = await m.call('mediation.recordSignature', { caseId: id, party: 'respondent', signedOn: '2026-12-15' });
    expect(view).toMatchObject({ signedByWorkersOn: '2026-12-14', signedByRespondentOn: '2026-12-15', effective: true });
    const detail = await callApi(s, 'cases.get', { id });
    expect(detail.stage).toBe('closing');
    expect(detail.events[0].summary).toMatch(/^调解书经双方签收，发生法律效力/);

    // the effective document cannot be changed; performance (instalment payments) goes on
    await expect(m.call('mediation.setAgreed', { caseId: id, items: [{ claimItemId: overtime[0].claimItemId, agreedFen: 0 }] })).rejects.toThrow(/发生法律效力，不能再修改调解金额/);
    await expect(m.call('mediation.setOutcome', { caseId: id, outcome: 'failed' })).rejects.toThrow(/不能再改变调解结果/);
    const wu = byName(view, '吴十');
    view = await m.call('mediation.recordPayment', { caseId: id, workerId: wu.workerId, amountFen: wu.instalments[0].amountFen, paidAt: '2026-12-15T09:00', method: 'bankTransfer', reference: 'HX20261215007' });
    expect(byName(view, '吴十').instalments.map((i) => i.status)).toEqual(['paid', 'due']);
    events = await mediationEvents(s, id);
    expect(events[0].summary).toBe('支付 吴十 第1期 4,650.00元（银行转账，流水号HX20261215007），尚欠5,650.00元');

    // one event per successful call, across both openings of the data folder
    expect(events.length).toBe(callsBefore + m.calls());
  });
});

describe('快调 in a joint case: inspection agreement converted (置换), partial mediation, failure', () => {
  it('converts without retyping and sends the rest to the hearing', async () => {
    const s = services();
    const m = mediator(s);
    const workers = [workerDraft('钟海涛', makeId('360702', '1984-04-04', 77), '12340'), workerDraft('罗小梅', makeId('360702', '1990-06-06', 88), '9800')];
    const { id } = await callApi(s, 'cases.create', caseInput(workers, { extraClaims: [{ workerIndex: 1, type: 'compensation', amount: '5000' }] }));
    await callApi(s, 'cases.accept', { id, acceptedOn: '2026-11-18' });

    await expect(m.call('mediation.addSession', { caseId: id, heldOn: '2026-11-19', mediator: '刘明', attendees: [], track: 'inspection' })).rejects.toThrow(/尚未开启监察程序/);
    await callApi(s, 'inspection.open', { caseId: id, complaintNumber: '赣市监投〔2026〕88号', complaintReceivedOn: '2026-11-16', inspectors: '刘明、黄芳' });
    let view = await m.call('mediation.addSession', { caseId: id, heldOn: '2026-11-19', mediator: '刘明', attendees: [{ role: '监察员', name: '刘明' }], track: 'inspection' });
    await expect(m.call('mediation.setOutcome', { caseId: id, outcome: 'partlySettled' })).rejects.toThrow(/尚未确定任何调解金额/);

    const claims = view.rows.flatMap((r) => r.claims);
    const [zhongWages, luoWages, luoComp] = claims;
    view = await m.call('mediation.setAgreed', {
      caseId: id,
      items: [
        { claimItemId: zhongWages.claimItemId, agreedFen: 1_200_000, payBy: '2026-11-25', method: 'bankTransfer' },
        { claimItemId: luoWages.claimItemId, agreedFen: 980_000, payBy: '2026-11-25', method: 'cash' },
      ],
    });
    expect(view.hasInspectionAgreement).toBe(true);
    expect(view.rows.flatMap((r) => r.claims).map((c) => [c.agreedFen, c.track])).toEqual([
      [1_200_000, 'inspection'],
      [980_000, 'inspection'],
      [null, 'arbitration'],
    ]);
    // claimed 1,234,000 + 980,000 + 500,000; conceded 34,000 on 钟海涛's wages
    expect(view.totals).toEqual({ claimedFen: 2_714_000, agreedFen: 2_180_000, paidFen: 0, balanceFen: 2_180_000, differenceFen: 34_000, settledWorkers: 1 });
    await expect(m.call('mediation.setAgreed', { caseId: id, items: [{ claimItemId: luoComp.claimItemId, agreedFen: 1 }, { claimItemId: luoComp.claimItemId, agreedFen: 2 }] })).rejects.toThrow(/重复出现/);
    await expect(m.call('mediation.setAgreed', { caseId: id, items: [{ claimItemId: luoWages.claimItemId, agreedFen: 1, payBy: '2026-11-01' }] })).rejects.toThrow(/早于收案日期/);

    view = await m.call('mediation.convertInspectionAgreement', { caseId: id });
    expect(view.hasInspectionAgreement).toBe(false);
    expect(view.rows.flatMap((r) => r.claims).map((c) => [c.agreedFen, c.track])).toEqual([
      [1_200_000, 'arbitration'],
      [980_000, 'arbitration'],
      [null, 'arbitration'],
    ]);
    expect(view.totals.agreedFen).toBe(2_180_000);
    await expect(m.call('mediation.convertInspectionAgreement', { caseId: id })).rejects.toThrow(/没有监察调解达成的协议/);
    let events = await mediationEvents(s, id);
    expect(events[0].summary).toBe('监察调解协议置换为仲裁调解（未重新录入）：2名工人2项，合计21,800.00元');

    // a payment against the agreement cannot be undercut by lowering the agreement
    view = await m.call('mediation.recordPayment', { caseId: id, workerId: view.rows[1].workerId, amountFen: 500_000, paidAt: '2026-11-20T09:00', method: 'cash' });
    await expect(m.call('mediation.setAgreed', { caseId: id, items: [{ claimItemId: luoWages.claimItemId, agreedFen: 400_000 }] })).rejects.toThrow(
      '罗小梅已收到5,000.00元，调解金额合计4,000.00元不能低于已付金额',
    );

    view = await m.call('mediation.setOutcome', { caseId: id, outcome: 'partlySettled' });
    expect(view.outcome).toBe('partlySettled');
    expect((await callApi(s, 'cases.get', { id })).stage).toBe('hearing');
    view = await m.call('mediation.setOutcome', { caseId: id, outcome: 'failed' });
    expect(view.outcome).toBe('failed');
    await expect(m.call('mediation.recordSignature', { caseId: id, party: 'workers', signedOn: '2026-11-20' })).rejects.toThrow(/请先记录调解结果/);

    events = await mediationEvents(s, id);
    expect(events.length).toBe(m.calls());
    expect(events[0].summary).toBe('调解结果：调解不成，转入快审');
  });
});
