import { describe, expect, it } from 'vitest';
import {
  agreedProblem,
  instalmentPlanProblems,
  instalmentStates,
  instalmentStatus,
  paymentProblem,
  settlementTotals,
  workerSettlement,
  type ClaimLine,
  type PaymentLine,
} from '../../electron/core/settlement';

// Every expected figure below was worked out by hand in fen (1 元 = 100 fen).
const pay = (amountFen: number, instalmentId: number | null = null): PaymentLine => ({ amountFen, instalmentId });

describe('workerSettlement', () => {
  const cases: [string, ClaimLine[], PaymentLine[], ReturnType<typeof workerSettlement>][] = [
    [
      'wages first: wage item agreed in full, compensation left to the hearing',
      [{ claimedFen: 1_234_000, agreedFen: 1_234_000 }, { claimedFen: 300_000, agreedFen: null }],
      [],
      // claimed 12,340 + 3,000 = 15,340 元; agreed only the wages; difference counts agreed items only
      { claimedFen: 1_534_000, agreedFen: 1_234_000, paidFen: 0, balanceFen: 1_234_000, differenceFen: 0, settled: false, anyAgreed: true },
    ],
    [
      'both items agreed below the claim, two payments',
      [{ claimedFen: 800_000, agreedFen: 750_000 }, { claimedFen: 150_050, agreedFen: 100_000 }],
      [pay(300_000), pay(25_025)],
      // agreed 7,500 + 1,000 = 8,500 元; paid 3,250.25; balance 8,500 − 3,250.25 = 5,249.75;
      // conceded (8,000 − 7,500) + (1,500.50 − 1,000) = 1,000.50 元
      { claimedFen: 950_050, agreedFen: 850_000, paidFen: 325_025, balanceFen: 524_975, differenceFen: 100_050, settled: true, anyAgreed: true },
    ],
    [
      'paid more than agreed (agreement lowered in old data): balance floors at 0',
      [{ claimedFen: 100_000, agreedFen: 50_000 }],
      [pay(60_000)],
      { claimedFen: 100_000, agreedFen: 50_000, paidFen: 60_000, balanceFen: 0, differenceFen: 50_000, settled: true, anyAgreed: true },
    ],
    [
      'nothing agreed yet',
      [{ claimedFen: 500_000, agreedFen: null }],
      [],
      { claimedFen: 500_000, agreedFen: 0, paidFen: 0, balanceFen: 0, differenceFen: 0, settled: false, anyAgreed: false },
    ],
    [
      'an item agreed at 0 (waived) is agreed: the whole claim is the difference',
      [{ claimedFen: 200_000, agreedFen: 0 }],
      [],
      { claimedFen: 200_000, agreedFen: 0, paidFen: 0, balanceFen: 0, differenceFen: 200_000, settled: true, anyAgreed: true },
    ],
    ['a worker with no claim items is not settled', [], [], { claimedFen: 0, agreedFen: 0, paidFen: 0, balanceFen: 0, differenceFen: 0, settled: false, anyAgreed: false }],
    [
      'one fen matters: paid 1 fen short',
      [{ claimedFen: 1, agreedFen: 1 }, { claimedFen: 99, agreedFen: 99 }],
      [pay(99)],
      { claimedFen: 100, agreedFen: 100, paidFen: 99, balanceFen: 1, differenceFen: 0, settled: true, anyAgreed: true },
    ],
  ];
  it.each(cases)('%s', (_name, claims, payments, expected) => {
    expect(workerSettlement(claims, payments)).toEqual(expected);
  });

  it('refuses amounts that are not whole fen', () => {
    expect(() => workerSettlement([{ claimedFen: 100.5, agreedFen: null }], [])).toThrow(/整数分/);
  });
});

describe('settlementTotals', () => {
  it('adds the worker figures; balance is the sum of per-worker balances, not agreed − paid', () => {
    const rows = [
      workerSettlement([{ claimedFen: 1_234_000, agreedFen: 1_234_000 }, { claimedFen: 300_000, agreedFen: null }], []),
      workerSettlement([{ claimedFen: 800_000, agreedFen: 750_000 }, { claimedFen: 150_050, agreedFen: 100_000 }], [pay(300_000), pay(25_025)]),
      workerSettlement([{ claimedFen: 100_000, agreedFen: 50_000 }], [pay(60_000)]),
    ];
    // claimed 1,534,000 + 950,050 + 100,000; agreed 1,234,000 + 850,000 + 50,000; paid 0 + 325,025 + 60,000
    // balance 1,234,000 + 524,975 + 0 = 1,758,975 (agreed − paid would be 1,748,975: worker 3 overpaid 100 元)
    expect(settlementTotals(rows)).toEqual({
      claimedFen: 2_584_050,
      agreedFen: 2_134_000,
      paidFen: 385_025,
      balanceFen: 1_758_975,
      differenceFen: 150_050,
      settledWorkers: 2,
    });
  });

  it('wages first for a 12-worker case: 12 × 8,600 元 wages agreed, 12 × 1,200 元 overtime left to the hearing', () => {
    const rows = Array.from({ length: 12 }, () =>
      workerSettlement([{ claimedFen: 860_000, agreedFen: 860_000 }, { claimedFen: 120_000, agreedFen: null }], []),
    );
    expect(settlementTotals(rows)).toEqual({ claimedFen: 11_760_000, agreedFen: 10_320_000, paidFen: 0, balanceFen: 10_320_000, differenceFen: 0, settledWorkers: 0 });
  });

  it('is all zeros for no workers', () => {
    expect(settlementTotals([])).toEqual({ claimedFen: 0, agreedFen: 0, paidFen: 0, balanceFen: 0, differenceFen: 0, settledWorkers: 0 });
  });
});

describe('instalmentStatus (today 2026-12-20, China date)', () => {
  it.each([
    [100_000, 100_000, '2026-12-01', 'paid'],
    [100_000, 120_000, '2026-12-01', 'paid'],
    [100_000, 0, '2026-12-19', 'overdue'],
    [100_000, 40_000, '2026-12-19', 'overdue'], // partly paid but past due: the dashboard must see it
    [100_000, 99_999, '2026-12-19', 'overdue'], // one fen short is not paid
    [100_000, 0, '2026-12-20', 'due'], // due today is not yet overdue
    [100_000, 40_000, '2026-12-20', 'partlyPaid'],
    [100_000, 0, '2027-01-10', 'due'],
  ] as const)('amount %d, paid %d, due %s → %s', (amount, paid, dueOn, status) => {
    expect(instalmentStatus(amount, paid, dueOn, '2026-12-20')).toBe(status);
  });
});

describe('instalmentStates', () => {
  it('sorts by seq and counts only the payments that name the instalment', () => {
    const plan = [
      { id: 7, seq: 2, dueOn: '2027-01-15', amountFen: 250_000 },
      { id: 5, seq: 1, dueOn: '2026-12-15', amountFen: 250_000 },
    ];
    const payments = [pay(100_000, 5), pay(150_000, 5), pay(30_000), pay(50_000, 7)];
    expect(instalmentStates(plan, payments, '2026-12-20')).toEqual([
      { id: 5, seq: 1, dueOn: '2026-12-15', amountFen: 250_000, paidFen: 250_000, remainingFen: 0, status: 'paid' },
      { id: 7, seq: 2, dueOn: '2027-01-15', amountFen: 250_000, paidFen: 50_000, remainingFen: 200_000, status: 'partlyPaid' },
    ]);
    // a month later the second one, still 2,000 元 short, is overdue
    expect(instalmentStates(plan, payments, '2027-01-16')[1].status).toBe('overdue');
  });
});

describe('agreedProblem', () => {
  it.each([
    [500_000, 500_000, null],
    [500_000, 499_999, null],
    [500_000, null, null],
    [500_000, 0, null],
    [500_000, 500_001, '李四的「拖欠工资」调解金额5,000.01元超过请求金额5,000.00元，调解金额不能高于请求金额，请改为不超过5,000.00元'],
  ] as const)('claimed %d, agreed %s', (claimed, agreed, message) => {
    expect(agreedProblem('李四', '拖欠工资', claimed, agreed)).toBe(message);
  });
});

describe('paymentProblem (overpayment refusal)', () => {
  const worker = { agreedFen: 1_234_000, paidFen: 300_000, balanceFen: 934_000 };
  it.each([
    [worker, 934_000, null],
    [worker, 1, null],
    [worker, 934_001, '本次支付9,340.01元超过张三的未付余额9,340.00元（调解金额12,340.00元，已付3,000.00元），请改为不超过9,340.00元'],
    [{ agreedFen: 0, paidFen: 0, balanceFen: 0 }, 100, '张三尚无调解金额，请先确定调解金额再登记付款'],
    [{ agreedFen: 50_000, paidFen: 50_000, balanceFen: 0 }, 100, '张三的调解金额500.00元已全部付清，不能再登记付款'],
  ] as const)('%j pays %d', (w, amount, message) => {
    expect(paymentProblem('张三', w, amount)).toBe(message);
  });
});

describe('instalmentPlanProblems (today 2026-11-20, balance 9,340.00元)', () => {
  const today = '2026-11-20';
  it.each([
    ['two equal halves', [{ dueOn: '2026-12-15', amountFen: 467_000 }, { dueOn: '2027-01-15', amountFen: 467_000 }], 0, []],
    ['one instalment due today', [{ dueOn: '2026-11-20', amountFen: 934_000 }], 0, []],
    ['no plan', [], 0, []],
    [
      'sum 4,000 + 5,000 ≠ 9,340',
      [{ dueOn: '2026-12-15', amountFen: 400_000 }, { dueOn: '2027-01-15', amountFen: 500_000 }],
      0,
      ['王五的分期合计9,000.00元，与应分期金额9,340.00元不符，请调整各期金额使合计等于9,340.00元'],
    ],
    [
      'same due date twice',
      [{ dueOn: '2027-01-15', amountFen: 467_000 }, { dueOn: '2027-01-15', amountFen: 467_000 }],
      0,
      ['第2期履行日期2027-01-15须晚于第1期2027-01-15'],
    ],
    ['due yesterday', [{ dueOn: '2026-11-19', amountFen: 934_000 }], 0, ['第1期履行日期2026-11-19早于今天2026-11-20，请改为今天或以后']],
    ['kept instalment still owes 2,000: new ones cover 7,340', [{ dueOn: '2027-02-01', amountFen: 734_000 }], 200_000, []],
    [
      'kept instalment still owes 2,000: 9,340 is too much',
      [{ dueOn: '2027-02-01', amountFen: 934_000 }],
      200_000,
      ['王五的分期合计9,340.00元，与应分期金额7,340.00元不符（未付余额9,340.00元，其中已有付款的分期尚欠2,000.00元），请调整各期金额使合计等于7,340.00元'],
    ],
  ] as const)('%s', (_name, plan, kept, problems) => {
    expect(instalmentPlanProblems('王五', [...plan], 934_000, kept, today)).toEqual(problems);
  });
});
