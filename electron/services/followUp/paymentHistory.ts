import { asc, eq, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { formatChineseDate } from '../../core/dates';
import { serviceMethodLabels } from '../../core/contract';
import { documentServices, documents, instalments, payments, workers } from '../../../db/schema';
import type { Executor } from '../../../db/open';
import { workerBalances, type WorkerBalance } from './balances';

const yuan = (fen: number) => fen / 100;
const MONEY = '#,##0.00';
const basisLabels: Record<WorkerBalance['basis'], string> = { award: '裁决', mediation: '调解', roster: '欠薪台账' };
const methodLabels = { bankTransfer: '银行转账', cash: '现金' } as const;

function header(sheet: ExcelJS.Worksheet, columns: { header: string; key: string; width: number; money?: boolean }[]): void {
  sheet.columns = columns.map((c) => ({ header: c.header, key: c.key, width: c.width, style: c.money ? { numFmt: MONEY } : {} }));
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
}

/**
 * 履行情况 workbook: per worker agreed / awarded / due / paid / unpaid, every payment, every
 * instalment. Fixed number of queries.
 */
export async function paymentHistoryXlsx(db: Executor, caseId: number, balances: WorkerBalance[] = workerBalances(db, [caseId])): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '速裁台';
  const summary = wb.addWorksheet('履行情况');
  header(summary, [
    { header: '序号', key: 'seq', width: 6 },
    { header: '姓名', key: 'name', width: 10 },
    { header: '公民身份号码', key: 'idNumber', width: 22 },
    { header: '依据', key: 'basis', width: 10 },
    { header: '调解金额（元）', key: 'agreed', width: 14, money: true },
    { header: '裁决金额（元）', key: 'awarded', width: 14, money: true },
    { header: '应付（元）', key: 'due', width: 14, money: true },
    { header: '已付（元）', key: 'paid', width: 14, money: true },
    { header: '未付（元）', key: 'unpaid', width: 14, money: true },
  ]);
  balances.forEach((b, i) =>
    summary.addRow({ seq: i + 1, name: b.name, idNumber: b.idNumber, basis: basisLabels[b.basis], agreed: yuan(b.agreedFen), awarded: yuan(b.awardedFen), due: yuan(b.dueFen), paid: yuan(b.paidFen), unpaid: yuan(b.unpaidFen) }),
  );
  const total = (pick: (b: WorkerBalance) => number) => yuan(balances.reduce((s, b) => s + pick(b), 0));
  const totalRow = summary.addRow({ seq: '合计', agreed: total((b) => b.agreedFen), awarded: total((b) => b.awardedFen), due: total((b) => b.dueFen), paid: total((b) => b.paidFen), unpaid: total((b) => b.unpaidFen) });
  totalRow.font = { bold: true };

  const paid = wb.addWorksheet('付款明细');
  header(paid, [
    { header: '付款时间', key: 'paidAt', width: 18 },
    { header: '姓名', key: 'name', width: 10 },
    { header: '金额（元）', key: 'amount', width: 14, money: true },
    { header: '方式', key: 'method', width: 10 },
    { header: '流水号/备注', key: 'reference', width: 24 },
    { header: '分期', key: 'instalment', width: 8 },
  ]);
  const paymentRows = db
    .select({ paidAt: payments.paidAt, name: workers.name, amountFen: payments.amountFen, method: payments.method, reference: payments.reference, seq: instalments.seq })
    .from(payments)
    .innerJoin(workers, eq(workers.id, payments.workerId))
    .leftJoin(instalments, eq(instalments.id, payments.instalmentId))
    .where(eq(payments.caseId, caseId))
    .orderBy(asc(payments.paidAt), asc(payments.id))
    .all();
  for (const p of paymentRows) {
    paid.addRow({ paidAt: p.paidAt.replace('T', ' '), name: p.name, amount: yuan(p.amountFen), method: methodLabels[p.method], reference: p.reference ?? '', instalment: p.seq ? `第${p.seq}期` : '' });
  }
  if (!paymentRows.length) paid.addRow({ paidAt: '（无付款记录）' });

  const plan = wb.addWorksheet('分期计划');
  header(plan, [
    { header: '姓名', key: 'name', width: 10 },
    { header: '期次', key: 'seq', width: 8 },
    { header: '到期日', key: 'dueOn', width: 14 },
    { header: '金额（元）', key: 'amount', width: 14, money: true },
    { header: '已付（元）', key: 'paid', width: 14, money: true },
  ]);
  const planRows = db.all<{ name: string; seq: number; dueOn: string; amountFen: number; paidFen: number }>(sql`
    select w.name, i.seq, i.due_on as dueOn, i.amount_fen as amountFen,
      coalesce((select sum(p.amount_fen) from payments p where p.instalment_id = i.id), 0) as paidFen
    from instalments i join workers w on w.id = i.worker_id
    where i.case_id = ${caseId} order by w.sort_order, i.seq`);
  for (const i of planRows) plan.addRow({ name: i.name, seq: `第${i.seq}期`, dueOn: i.dueOn, amount: yuan(i.amountFen), paid: yuan(i.paidFen) });
  if (!planRows.length) plan.addRow({ name: '（无分期计划）' });

  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** 劳动者名单 for the police: identity, contact and what is still owed. */
export async function workerListXlsx(balances: WorkerBalance[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('劳动者名单');
  header(sheet, [
    { header: '序号', key: 'seq', width: 6 },
    { header: '姓名', key: 'name', width: 10 },
    { header: '公民身份号码', key: 'idNumber', width: 22 },
    { header: '联系电话', key: 'phone', width: 14 },
    { header: '应付（元）', key: 'due', width: 14, money: true },
    { header: '已付（元）', key: 'paid', width: 14, money: true },
    { header: '尚欠（元）', key: 'unpaid', width: 14, money: true },
  ]);
  balances.forEach((b, i) => sheet.addRow({ seq: i + 1, name: b.name, idNumber: b.idNumber, phone: b.phone ?? '', due: yuan(b.dueFen), paid: yuan(b.paidFen), unpaid: yuan(b.unpaidFen) }));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** 送达记录: every service recorded for the case's documents (the proof of service next to the 送达回证). */
export async function serviceRecordsXlsx(db: Executor, caseId: number): Promise<{ buffer: Buffer; count: number }> {
  const rows = db
    .select({ title: documents.title, version: documents.version, recipient: documentServices.recipient, method: documentServices.method, servedOn: documentServices.servedOn, note: documentServices.note })
    .from(documentServices)
    .innerJoin(documents, eq(documents.id, documentServices.documentId))
    .where(eq(documentServices.caseId, caseId))
    .orderBy(asc(documentServices.servedOn), asc(documentServices.id))
    .all();
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('送达记录');
  header(sheet, [
    { header: '文书', key: 'title', width: 28 },
    { header: '版本', key: 'version', width: 6 },
    { header: '受送达人', key: 'recipient', width: 24 },
    { header: '送达方式', key: 'method', width: 12 },
    { header: '送达日期', key: 'servedOn', width: 16 },
    { header: '备注', key: 'note', width: 30 },
  ]);
  for (const r of rows) {
    sheet.addRow({ title: r.title, version: r.version, recipient: r.recipient, method: serviceMethodLabels[r.method], servedOn: r.servedOn ? formatChineseDate(r.servedOn) : '未送达', note: r.note ?? '' });
  }
  if (!rows.length) sheet.addRow({ title: '（无送达记录）' });
  return { buffer: Buffer.from(await wb.xlsx.writeBuffer()), count: rows.length };
}
