import fs from 'node:fs';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import yauzl from 'yauzl';
import { afterEach, describe, expect, it } from 'vitest';
import { callApi, caseInput, makeId, openTestServices, tempDataDir, workerDraft } from '../support/services';
import type { Services } from '../../electron/services/createServices';
import type { DocumentKind } from '../../electron/core/contract';
import { awardItems, awards, caseEvents, claimItems, payments, warnings, workers } from '../../db/schema';
import { assessPolice, workerBalances, type WorkerBalance } from '../../electron/services/followUp/balances';

let open: Services[] = [];
afterEach(() => {
  for (const s of open) s.close();
  open = [];
});
function at(dataDir: string, day: string): Services {
  for (const s of open) s.close();
  open = [];
  const s = openTestServices(dataDir, `${day}T02:00:00Z`);
  open.push(s);
  return s;
}

/** Entry names of a zip file. */
function zipEntries(file: string): Promise<{ names: string[]; read: (name: string) => Promise<Buffer> }> {
  return new Promise((resolve, reject) => {
    yauzl.open(file, { lazyEntries: true, autoClose: false }, (err, zip) => {
      if (err || !zip) return reject(err);
      const entries = new Map<string, yauzl.Entry>();
      zip.on('entry', (e: yauzl.Entry) => {
        entries.set(e.fileName, e);
        zip.readEntry();
      });
      zip.on('end', () =>
        resolve({
          names: [...entries.keys()],
          read: (name) =>
            new Promise((res, rej) => {
              zip.openReadStream(entries.get(name)!, (e2, stream) => {
                if (e2 || !stream) return rej(e2);
                const chunks: Buffer[] = [];
                stream.on('data', (c: Buffer) => chunks.push(c));
                stream.on('end', () => res(Buffer.concat(chunks)));
              });
            }),
        }),
      );
      zip.on('error', reject);
      zip.readEntry();
    });
  });
}

/**
 * The documents service, with a stand-in for kinds whose builder is not registered yet (the
 * 调解书 builder belongs to the award feature): a small docx written here, listed by "latest".
 */
const RECEIVED = '2026-05-28';
const ACCEPTED = '2026-06-01';

/** Two workers (8,600 and 9,100 元), wages agreed in full; 张三 pays in two instalments (6/25, 7/25); signed and closed 6/19. */
async function closedMediation(dataDir: string, owed: [string, string] = ['8600', '9100']) {
  let s = at(dataDir, '2026-06-18');
  const { id } = await callApi(
    s,
    'cases.create',
    caseInput([workerDraft('张三', makeId('360702', '1980-01-10', 21), owed[0]), workerDraft('李四', makeId('360702', '1981-02-11', 22), owed[1])], { receivedOn: RECEIVED }),
  );
  await callApi(s, 'cases.accept', { id, acceptedOn: ACCEPTED });
  await callApi(s, 'cases.recordService', { id, servedOn: ACCEPTED });
  await callApi(s, 'mediation.settleWagesFirst', { caseId: id, workerIds: null, payBy: '2026-06-30' });
  await callApi(s, 'mediation.setOutcome', { caseId: id, outcome: 'settled' });
  const view = await callApi(s, 'mediation.get', { caseId: id });
  const zhang = view.rows.find((r) => r.name === '张三')!;
  const half = zhang.agreedFen / 2;
  await callApi(s, 'mediation.setInstalments', { caseId: id, workerId: zhang.workerId, instalments: [{ dueOn: '2026-06-25', amountFen: half }, { dueOn: '2026-07-25', amountFen: half }] });
  await callApi(s, 'mediation.recordSignature', { caseId: id, party: 'workers', signedOn: '2026-06-18' });
  await callApi(s, 'mediation.recordSignature', { caseId: id, party: 'respondent', signedOn: '2026-06-18' });
  s = at(dataDir, '2026-06-19');
  await callApi(s, 'closing.close', { caseId: id, method: 'mediation', closedOn: '2026-06-19' });
  const instalmentIds = (await callApi(s, 'mediation.get', { caseId: id })).rows.find((r) => r.name === '张三')!.instalments.map((i) => i.id);
  return { id, zhangId: zhang.workerId, half, instalmentIds };
}

function events(s: Services, caseId: number, action: string) {
  return s.ctx.db.select().from(caseEvents).where(eq(caseEvents.caseId, caseId)).all().filter((e) => e.action === action);
}

describe('warnings: raised, idempotent, auto-resolved', () => {
  it('an overdue instalment becomes one warning until it is paid', async () => {
    const dataDir = tempDataDir();
    const { id, zhangId, half, instalmentIds } = await closedMediation(dataDir);

    // 6/25 is the due date itself: not overdue yet
    let s = at(dataDir, '2026-06-25');
    expect(await callApi(s, 'warnings.refresh', {})).toEqual([]);

    s = at(dataDir, '2026-06-26');
    const raised = await callApi(s, 'warnings.refresh', {});
    expect(raised).toHaveLength(1);
    const caseNumber = (await callApi(s, 'cases.get', { id })).caseNumber;
    expect(raised[0]).toMatchObject({
      caseId: id,
      caseNumber,
      kind: 'instalmentOverdue',
      raisedOn: '2026-06-26',
      resolvedOn: null,
      resolution: null,
      detail: '张三第1期4,300.00元应于2026年6月25日前支付，已付0.00元，尚欠4,300.00元',
      // 张三 is owed 8,600 and 李四 9,100: below the 10,000 元 one-worker amount, and fewer than 10 workers
      policeEligible: false,
    });
    // 李四's agreed pay-by date is 6/30: not a warning yet
    const again = await callApi(s, 'warnings.refresh', {});
    expect(again).toEqual(raised);
    expect(s.ctx.db.select().from(warnings).all()).toHaveLength(1);
    expect(events(s, id, 'warnings.raised')).toHaveLength(1);
    expect(await callApi(s, 'warnings.list', { open: true, caseId: id })).toEqual(raised);
    expect(await callApi(s, 'warnings.list', { caseId: id + 1000 })).toEqual([]);

    // paid: the next refresh resolves it as 'paid'
    await callApi(s, 'mediation.recordPayment', { caseId: id, workerId: zhangId, amountFen: half, paidAt: '2026-06-26T09:30', method: 'cash', instalmentId: instalmentIds[0] });
    expect(await callApi(s, 'warnings.refresh', {})).toEqual([]);
    const all = await callApi(s, 'warnings.list', { open: false, caseId: id });
    expect(all).toMatchObject([{ id: raised[0].id, resolvedOn: '2026-06-26', resolution: 'paid' }]);
    expect(events(s, id, 'warnings.resolved')[0].summary).toContain('预警解除（已付清）');
    // a resolved warning is not raised again
    expect(await callApi(s, 'warnings.refresh', {})).toEqual([]);

    // the second instalment falls due: a new warning, which can be dismissed by hand once
    s = at(dataDir, '2026-07-26');
    const second = await callApi(s, 'warnings.refresh', {});
    expect(second.map((w) => w.detail)).toEqual(['张三第2期4,300.00元应于2026年7月25日前支付，已付0.00元，尚欠4,300.00元']);
    const dismissed = await callApi(s, 'warnings.resolve', { id: second[0].id, resolution: 'dismissed' });
    expect(dismissed).toMatchObject({ resolution: 'dismissed', resolvedOn: '2026-07-26' });
    await expect(callApi(s, 'warnings.resolve', { id: second[0].id, resolution: 'paid' })).rejects.toThrow(/已于2026年7月26日处理/);
    await expect(callApi(s, 'warnings.resolve', { id: 9999, resolution: 'paid' })).rejects.toThrow(/预警不存在/);
  });

  it('an issued award unpaid when the 10-day payment period it states has run is a warning, resolved when paid', async () => {
    const dataDir = tempDataDir();
    let s = at(dataDir, '2026-07-01');
    const { id } = await callApi(s, 'cases.create', caseInput([workerDraft('王五', makeId('360702', '1979-05-05', 31), '12000')], { receivedOn: RECEIVED }));
    await callApi(s, 'cases.accept', { id, acceptedOn: ACCEPTED });
    // the award service is another feature: the issued award is written directly (final, 12,000 元)
    const claim = s.ctx.db.select().from(claimItems).where(eq(claimItems.caseId, id)).get()!;
    s.ctx.db.insert(awards).values({ caseId: id, decidedOn: '2026-07-01', issuedAt: '2026-07-01T02:00:00.000Z', updatedAt: '2026-07-01T02:00:00.000Z' }).run();
    s.ctx.db.insert(awardItems).values({ claimItemId: claim.id, caseId: id, awardedFen: 1_200_000, isFinal: true }).run();

    s = at(dataDir, '2026-07-11'); // effective 7/1, "于本裁决生效之日起十日内" → 7/11: still within time
    expect(await callApi(s, 'warnings.refresh', {})).toEqual([]);
    s = at(dataDir, '2026-07-17');
    const [w] = await callApi(s, 'warnings.refresh', {});
    expect(w).toMatchObject({
      kind: 'awardUnpaid',
      detail: '裁决书于2026年7月1日生效，生效后10日内未履行：应付12,000.00元，已付0.00元，尚欠1名劳动者12,000.00元',
      policeEligible: true,
    });
    // part payment: still owed, still open
    const workerId = s.ctx.db.select().from(workers).where(eq(workers.caseId, id)).get()!.id;
    // payments against the award go through the same service as mediated amounts
    const pay = (fen: number) => callApi(s, 'mediation.recordPayment', { caseId: id, workerId, amountFen: fen, paidAt: '2026-07-17T09:00', method: 'cash' });
    await expect(pay(1_200_001)).rejects.toThrow(/12,000\.00/);
    await pay(200_000);
    let [still] = await callApi(s, 'warnings.refresh', {});
    expect(still).toMatchObject({ id: w.id, policeEligible: true }); // 10,000 元 still owed: at the one-worker amount
    await pay(100_000);
    [still] = await callApi(s, 'warnings.refresh', {});
    expect(still).toMatchObject({ id: w.id, policeEligible: false }); // 9,000 元: below it
    await pay(900_000);
    expect(await callApi(s, 'warnings.refresh', {})).toEqual([]);
    expect((await callApi(s, 'warnings.list', { open: false, caseId: id }))[0]).toMatchObject({ resolution: 'paid' });
  });
});

describe('police transfer threshold (拒不支付劳动报酬罪 数额较大)', () => {
  const t = { oneWorkerFen: 1_000_000, tenWorkersFen: 6_000_000 };
  const balances = (n: number, unpaidFen: number): WorkerBalance[] =>
    Array.from({ length: n }, (_, i) => ({
      caseId: 1, workerId: i + 1, seq: i, name: `工人${i + 1}`, idNumber: '', phone: null, owedFen: unpaidFen, agreedFen: 0, awardedFen: 0, dueFen: unpaidFen, paidFen: 0, unpaidFen, basis: 'roster' as const,
    }));
  it.each([
    { n: 1, each: 999_999, eligible: false },
    { n: 1, each: 1_000_000, eligible: true },
    { n: 10, each: 599_999, eligible: false }, // 59,999.90 元 in total
    { n: 10, each: 600_000, eligible: true }, // 60,000 元 from 10 workers
    { n: 9, each: 670_000, eligible: false }, // 60,300 元 but only 9 workers
  ])('$n worker(s) × $each fen → $eligible', ({ n, each, eligible }) => {
    expect(assessPolice(balances(n, each), t).eligible).toBe(eligible);
  });

  it('refuses the package below the threshold, with the thresholds and the amounts; offers it at the threshold once an order was ignored', async () => {
    const dataDir = tempDataDir();
    let s = at(dataDir, '2026-06-01');
    const below = (await callApi(s, 'cases.create', caseInput([workerDraft('赵六', makeId('360702', '1982-03-03', 41), '9999.99')], { receivedOn: RECEIVED }))).id;
    const atThreshold = (await callApi(s, 'cases.create', caseInput([workerDraft('钱七', makeId('360702', '1983-04-04', 42), '10000')], { receivedOn: RECEIVED }))).id;
    for (const caseId of [below, atThreshold]) {
      await callApi(s, 'inspection.open', { caseId, complaintNumber: null, complaintReceivedOn: RECEIVED, inspectors: '刘明、黄芳' });
      await callApi(s, 'inspection.file', { caseId, filedOn: RECEIVED });
      await callApi(s, 'inspection.addStep', { caseId, kind: 'correctionOrder', date: '2026-06-01', title: '劳动保障监察限期改正指令书', payBy: '2026-06-10' });
    }
    // before the pay-by date nobody ignored an order yet
    await expect(callApi(s, 'followUp.policePackage', { caseId: atThreshold })).rejects.toThrow(/尚未责令支付/);
    expect(await callApi(s, 'warnings.refresh', {})).toEqual([]);

    s = at(dataDir, '2026-06-11');
    const list = await callApi(s, 'warnings.refresh', {});
    expect(list.map((w) => [w.caseId, w.kind, w.policeEligible]).sort()).toEqual([
      [below, 'correctionOverdue', false],
      [atThreshold, 'correctionOverdue', true],
    ].sort());
    expect(list.find((w) => w.caseId === below)?.detail).toBe('劳动保障监察限期改正指令书（2026年6月1日）责令于2026年6月10日前支付，逾期仍欠1名劳动者9,999.99元');
    await expect(callApi(s, 'followUp.policePackage', { caseId: below })).rejects.toThrow(
      '本案尚欠1名劳动者合计9,999.99元，单人最高赵六9,999.99元，未达到本省“数额较大”标准：拖欠一名劳动者10,000.00元以上，或拖欠十名以上劳动者合计60,000.00元以上，不符合移送公安机关的条件',
    );

    const pkg = await callApi(s, 'followUp.policePackage', { caseId: atThreshold });
    expect(path.dirname(pkg.path)).toBe(path.join(dataDir, 'packages'));
    expect(pkg.fileName).toMatch(/-移送公安机关材料-2026-06-11\.zip$/);
    const zip = await zipEntries(pkg.path);
    expect(zip.names).toEqual(pkg.contents);
    expect(zip.names.slice(0, 1)).toEqual(['01-移送公安机关函.docx']);
    const letters = (await callApi(s, 'documents.list', { caseId: atThreshold })).documents.filter((d) => d.kind === 'policeTransferLetter');
    expect(letters).toHaveLength(1);
    expect(zip.names).toContain('02-责令支付文书/责令支付及逾期情况.txt');
    expect(zip.names).toContain('03-履行情况.xlsx');
    expect(zip.names).toContain('04-劳动者名单.xlsx');
    expect(zip.names.some((n) => n.startsWith('05-案卷包/') && n.endsWith('.sucai.zip'))).toBe(true);
    const orders = (await zip.read('02-责令支付文书/责令支付及逾期情况.txt')).toString('utf8');
    expect(orders).toContain('劳动保障监察限期改正指令书（2026年6月1日作出）责令于2026年6月10日前支付，逾期未支付');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await zip.read('04-劳动者名单.xlsx')) as unknown as ArrayBuffer);
    expect(wb.getWorksheet('劳动者名单')!.getRow(2).values).toEqual([undefined, 1, '钱七', makeId('360702', '1983-04-04', 42), '', 10000, 0, 10000]);
    expect(await callApi(s, 'warnings.list', { open: false, caseId: atThreshold })).toMatchObject([{ resolution: 'police', resolvedOn: '2026-06-11' }]);
    expect(events(s, atThreshold, 'followUp.policePackage')).toHaveLength(1);
  });
});

describe('court enforcement package', () => {
  it('assembles the application, the mediation document, proof of service, payment history and the bundle', async () => {
    const dataDir = tempDataDir();
    const { id, zhangId, instalmentIds } = await closedMediation(dataDir);
    // effective since 6/18, but nothing is due yet: 张三's first instalment on 6/25, 李四 by 6/30
    let s = at(dataDir, '2026-06-20');
    await expect(callApi(s, 'followUp.enforcementPackage', { caseId: id })).rejects.toThrow('暂无可申请强制执行的款项：分期履行期限尚未届满；履行期限至2026-06-30，尚未届满');

    s = at(dataDir, '2026-06-26');
    await callApi(s, 'mediation.recordPayment', { caseId: id, workerId: zhangId, amountFen: 100_000, paidAt: '2026-06-26T09:00', method: 'bankTransfer', reference: 'HX001', instalmentId: instalmentIds[0] });
    const [warning] = await callApi(s, 'warnings.refresh', {});
    expect(warning.kind).toBe('instalmentOverdue');
    await expect(callApi(s, 'followUp.enforcementPackage', { caseId: id })).rejects.toThrow(/尚未生成调解书文书/);
    await callApi(s, 'documents.generate', { caseId: id, kind: 'mediationDocument' });
    await callApi(s, 'documents.generate', { caseId: id, kind: 'serviceReceipt' });

    const pkg = await callApi(s, 'followUp.enforcementPackage', { caseId: id });
    expect(path.dirname(pkg.path)).toBe(path.join(dataDir, 'packages'));
    expect(fs.existsSync(pkg.path)).toBe(true);
    const zip = await zipEntries(pkg.path);
    expect(zip.names).toEqual(pkg.contents);
    expect(zip.names.filter((n) => !n.startsWith('05-')).map((n) => n.replace(/送达回证.*\.docx$/, '送达回证….docx'))).toEqual([
      '01-强制执行申请书.docx',
      '02-生效法律文书/调解书.docx',
      '03-送达证明/送达回证….docx',
      '03-送达证明/送达记录.xlsx',
      '04-履行情况.xlsx',
    ]);
    expect(zip.names.filter((n) => n.startsWith('05-案卷包/') && n.endsWith('.sucai.zip'))).toHaveLength(1);
    // the application came from the documents service: versioned in the case, docx bytes in the zip
    const generated = (await callApi(s, 'documents.list', { caseId: id })).documents.filter((d) => d.kind === 'enforcementApplication');
    expect(generated).toHaveLength(1);
    expect((await zip.read('01-强制执行申请书.docx')).subarray(0, 2).toString()).toBe('PK');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await zip.read('04-履行情况.xlsx')) as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet('履行情况')!;
    // 张三: agreed 8,600, paid 1,000, unpaid 7,600; 李四: agreed 9,100, unpaid 9,100
    expect(sheet.getRow(2).values).toEqual([undefined, 1, '张三', makeId('360702', '1980-01-10', 21), '调解', 8600, 0, 8600, 1000, 7600]);
    expect(sheet.getRow(3).values).toEqual([undefined, 2, '李四', makeId('360702', '1981-02-11', 22), '调解', 9100, 0, 9100, 0, 9100]);
    expect(sheet.getRow(4).getCell(9).value).toBe(16700);
    expect(wb.getWorksheet('付款明细')!.getRow(2).values).toEqual([undefined, '2026-06-26 09:00', '张三', 1000, '银行转账', 'HX001', '第1期']);

    expect(await callApi(s, 'warnings.list', { open: false, caseId: id })).toMatchObject([{ id: warning.id, resolution: 'enforcement', resolvedOn: '2026-06-26' }]);
    const [event] = events(s, id, 'followUp.enforcementPackage');
    expect(event.summary).toContain('生成强制执行申请材料');
    expect(event.summary).toContain('1条预警转为申请强制执行');
    // only 张三's overdue instalment plan is enforceable (the whole unpaid 7,600 under the acceleration term), 李四's not yet due;
    // bound: the general contractor that gave the work to the team leader (条例第三十六条) and 刘德胜 jointly
    expect(event.summary).toContain('申请执行1名劳动者7,600.00元；被执行人：江西赣建建设集团有限公司7,600.00元、刘德胜7,600.00元');
    expect(workerBalances(s.ctx.db, [id]).map((b) => b.unpaidFen)).toEqual([760_000, 910_000]);
  });

  it('refuses without an effective instrument', async () => {
    const dataDir = tempDataDir();
    const s = at(dataDir, '2026-06-20');
    const { id } = await callApi(s, 'cases.create', caseInput([workerDraft('孙八', makeId('360702', '1985-06-06', 51), '3000')], { receivedOn: RECEIVED }));
    await expect(callApi(s, 'followUp.enforcementPackage', { caseId: id })).rejects.toThrow('本案尚无调解书或裁决书确定的款项，不能申请强制执行');
    // agreed but not signed by both: decided, not effective
    await callApi(s, 'mediation.settleWagesFirst', { caseId: id, workerIds: null, payBy: '2026-06-20' });
    await expect(callApi(s, 'followUp.enforcementPackage', { caseId: id })).rejects.toThrow('暂无可申请强制执行的款项：调解书尚未经双方签收，未发生法律效力');
  });
});

