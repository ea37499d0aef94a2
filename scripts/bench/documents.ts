/**
 * The award of an N-worker case (default 500), every claim awarded: collect + build + pack of the
 * award docx, beside the docx library packing the same per-worker table alone (one plain Table, no
 * layout). The case is filed, accepted and awarded through the dispatcher inside a transaction
 * that is rolled back at the end, and the generated file is removed: the folder is left as it was.
 */
import fs from 'node:fs';
import { Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import type { MethodInput } from '../../electron/core/contract';
import type { Services } from '../../electron/services/createServices';
import { documentBuilder } from '../../electron/services/documents/registry';
import { documentPath } from '../../electron/services/documents/generate';
import { computeIdCheck } from '../../electron/core/ids/idNumber';
import { emptyWorkerDraft } from '../../electron/core/workers/workerDraft';
import { call, printTable, floorNote, timePaired, type Row } from './measure';

export async function benchDocuments(services: Services, workerCount: number, runs: number): Promise<void> {
  const client = services.ctx.db.$client;
  client.exec('begin immediate');
  const written: string[] = [];
  try {
    const surnames = '赵钱孙李周吴郑王冯陈褚卫蒋沈韩杨朱秦尤许何吕施张孔曹严华金魏陶姜';
    const given = ['建华', '志强', '秀英', '国平', '德明', '桂兰', '海涛', '春生', '玉梅', '长青', '小军', '立新'];
    const workers = Array.from({ length: workerCount }, (_, i) => {
      const first17 = `360702${1970 + (i % 30)}0${(i % 9) + 1}1${i % 10}${String(i % 1000).padStart(3, '0')}`;
      const name = `${surnames[i % surnames.length]}${given[Math.floor(i / surnames.length) % given.length]}${i >= 384 ? String.fromCharCode(0x4e00 + i) : ''}`;
      return { ...emptyWorkerDraft(), name, idNumber: first17 + computeIdCheck(first17), owed: String(6000 + (i % 40) * 125) };
    });
    const settings = (await call(services, 'settings.get', {})) as MethodInput<'settings.update'>;
    await call(services, 'settings.update', { ...settings, minimumWages: [{ effectiveOn: '2024-01-01', monthlyFen: 191_000 }] });
    const today = (await call(services, 'app.info', {})).today;
    // filed and accepted ten days ago, so the hearing today had its five days' notice (普通程序)
    const filedOn = new Date(Date.parse(`${today}T00:00:00Z`) - 10 * 86_400_000).toISOString().slice(0, 10);
    const { id } = await call(services, 'cases.create', {
      channel: 'walkIn',
      receivedOn: filedOn,
      procedure: 'ordinary',
      cause: '追索劳动报酬',
      project: { name: '基准测试·赣州蓉江新区安置房三期工程', address: '赣州市南康区蓉江新区' },
      respondents: [{ role: 'generalContractor', organisation: { kind: 'company', name: '江西赣建建设集团有限公司（基准测试）', creditCode: '91350100M000100Y43' } }],
      workers,
      extraClaims: [],
      representativeIndexes: [0, 1, 2],
    });
    await call(services, 'cases.accept', { id, acceptedOn: filedOn });
    await holdHearing(services, id, filedOn, today);
    const detail = await call(services, 'cases.get', { id });
    const items = detail.workers.flatMap((w) => w.claims.map((c) => ({ claimItemId: c.id, awardedFen: c.amountFen })));
    await call(services, 'award.save', {
      caseId: id,
      decidedOn: today,
      defence: '被申请人辩称工程款尚未结清。',
      factsFound: '经查，申请人在涉案项目务工，被申请人拖欠工资。',
      reasoning: '本委认为，用人单位应当按时足额支付劳动报酬。',
      items,
    });

    const builder = documentBuilder('award');
    if (!builder) throw new Error('裁决书的生成功能尚未接入');
    let award = { docs: 0, bytes: 0 };
    const buildAward = async () => {
      const docs = builder.build(builder.collect(services.ctx, services.ctx.db, id, ''));
      let bytes = 0;
      for (const d of docs) bytes += (await Packer.toBuffer(d.document)).length;
      award = { docs: docs.length, bytes };
    };
    // the same per-worker table, packed by docx alone
    const table = [['序号', '姓名', '公民身份号码', '请求项目', '请求金额', '裁决金额'], ...detail.workers.map((w, i) => [String(i + 1), w.name, w.idNumber, '拖欠工资', (w.claims[0]!.amountFen / 100).toFixed(2), (w.claims[0]!.amountFen / 100).toFixed(2)])];
    let alone = 0;
    const packAlone = async () => {
      const cell = (t: string) => new TableCell({ width: { size: 1400, type: WidthType.DXA }, children: [new Paragraph({ children: [new TextRun(t)] })] });
      const rows = table.map((r, i) => new TableRow({ tableHeader: i === 0, cantSplit: true, children: r.map(cell) }));
      alone = (await Packer.toBuffer(new Document({ sections: [{ children: [new Table({ rows })] }] }))).length;
    };
    const [awardTiming, aloneTiming] = await timePaired(runs, buildAward, packAlone);
    const t0 = performance.now();
    const generated = await call(services, 'documents.generate', { caseId: id, kind: 'award' });
    const endToEnd = performance.now() - t0;
    for (const g of generated) written.push(documentPath(services.ctx.dataDir, { caseId: id, fileName: g.fileName }));

    const kb = (b: number) => `${(b / 1024).toFixed(0)} KB`;
    const rows: Row[] = [
      { label: `裁决书 collect+build+pack（${workerCount}人）`, median: awardTiming.median, p95: awardTiming.p95, floor: aloneTiming.median, goal: '比值≤2', result: `${award.docs} 份，${kb(award.bytes)}` },
      { label: 'docx 库单独打包同一表格', median: aloneTiming.median, p95: aloneTiming.p95, floor: null, result: `1 份，${kb(alone)}` },
      // CPU time of the same runs (all the process's threads): the ratio that another load on the machine moves least
      { label: `裁决书 CPU 时间（${workerCount}人）`, median: awardTiming.cpu!.median, p95: awardTiming.cpu!.p95, floor: aloneTiming.cpu!.median, goal: '比值≤2' },
      { label: 'documents.generate（含写盘、入库）', median: endToEnd, p95: endToEnd, floor: aloneTiming.median, result: generated.map((g) => `${g.fileName} ${kb(g.size)}`).join('，') },
    ];
    printTable(`文书（每项 ${runs} 次，与下限交替进行，另 2 次预热；毫秒）`, rows);
    floorNote(`docx 库（Packer）打包同样 ${workerCount} 行 6 列的表格，不加版式`);
  } finally {
    client.exec('rollback');
    for (const file of written) fs.rmSync(file, { force: true });
  }
}

/**
 * A hearing of the case today, its notice served on `noticeServedOn`, held: three of the folder's arbitrators, a clerk and a room free at
 * one of the day's times (the demo's calendar has others), every party present.
 */
async function holdHearing(services: Services, caseId: number, noticeServedOn: string, today: string): Promise<void> {
  const { staff, rooms } = await call(services, 'staff.list', {});
  const arbitrators = staff.filter((p) => p.active && p.roles.includes('arbitrator'));
  const clerks = staff.filter((p) => p.active && p.roles.includes('clerk'));
  const open = rooms.filter((r) => r.active);
  let last = '';
  if (arbitrators.length < 3 || !clerks.length || !open.length) throw new Error('数据目录中没有三名仲裁员、一名书记员和一间仲裁庭：请用 npm run demo 生成的数据目录');
  const hearingId = await firstFree(async (hour, room, a, clerk) =>
    (
      await call(services, 'hearings.schedule', {
        caseId,
        startsAt: `${today}T${hour}:00`,
        endsAt: `${today}T${hour}:50`,
        roomId: room,
        procedure: 'ordinary',
        presidingId: arbitrators[a]!.id,
        wingIds: [arbitrators[a + 1]!.id, arbitrators[a + 2]!.id],
        clerkId: clerk,
        noticeServedOn,
      })
    ).id,
  );
  const held = await call(services, 'hearings.get', { id: hearingId });
  await call(services, 'hearings.attendance', {
    id: hearingId,
    applicants: held.attendance.applicants.map((x) => ({ workerId: x.partyId, present: true })),
    respondents: held.attendance.respondents.map((x) => ({ respondentId: x.partyId, present: true })),
  });

  /** The first hour, room, three arbitrators and clerk the schedule accepts (the rest are taken). */
  async function firstFree(schedule: (hour: string, room: number, firstArbitrator: number, clerk: number) => Promise<number>): Promise<number> {
    for (const hour of ['08', '09', '10', '11', '14', '15', '16', '17', '18', '19', '20'])
      for (const room of open)
        for (let a = 0; a + 2 < arbitrators.length; a++)
          for (const clerk of clerks) {
            try {
              return await schedule(hour, room.id, a, clerk.id);
            } catch (error) {
              // taken at that time: the next room, people or hour
              last = error instanceof Error ? error.message : String(error);
            }
          }
    throw new Error(`今天没有可安排基准测试开庭的时间（最后一次：${last}）`);
  }
}
