// Data shapes and blocks shared by the notices. Pure: data in → docx objects out.

import type { Paragraph, Table } from 'docx';
import { formatChineseDate } from '../../core/dates';
import { maskIdNumber } from '../../core/masking';
import { formatFen, sumFen } from '../../core/money';
import { COLLECTIVE_TRIBUNAL_BASIS } from '../../core/hearing/schedule';
import { addressee, blankLine, docNumber, docTitle, organLine, para, table, type TableColumn } from '../layout';

export type PartyData = {
  kind: 'company' | 'person';
  name: string;
  /** Role in the project chain, in Chinese (施工总承包, 班组长 …), or '' */
  roleLabel: string;
  creditCode: string | null;
  idNumber: string | null;
  legalRepresentative: string | null;
  address: string | null;
  phone: string | null;
};

export type WorkerRow = {
  seq: number;
  name: string;
  idNumber: string;
  /** Sum of the worker's claim items. */
  claimedFen: number;
  owedFen: number;
  isRepresentative: boolean;
};

/** What every notice about an arbitration case shows at its head. */
export type CaseHeader = {
  commissionName: string;
  commissionAddress: string | null;
  commissionPhone: string | null;
  caseNumber: string | null;
  cause: string;
  receivedOn: string;
  acceptedOn: string | null;
  procedure: 'simplified' | 'ordinary';
  isCollective: boolean;
  projectName: string | null;
  workers: WorkerRow[];
  respondents: PartyData[];
  /** ID numbers on documents served on the parties: masked unless the setting is off. */
  servedIds: IdMode;
};

/** Whether the per-worker table shows full ID numbers (to the tribunal, court, police) or masked ones. */
export type IdMode = 'full' | 'masked';

export const caseNumberText = (h: Pick<CaseHeader, 'caseNumber'>): string => h.caseNumber ?? '（尚未编号）';

/** 张三 / 张三、李四 / 张三等30人 */
export function applicantsName(workers: { name: string }[]): string {
  if (workers.length === 0) return '申请人';
  if (workers.length <= 3) return workers.map((w) => w.name).join('、');
  return `${workers[0]?.name}等${workers.length}人`;
}

/** 江西赣建建设集团有限公司、刘德胜 */
export function respondentsName(respondents: { name: string }[]): string {
  return respondents.map((r) => r.name).join('、') || '被申请人';
}

export function representatives(h: CaseHeader): string[] {
  return h.workers.filter((w) => w.isRepresentative).map((w) => w.name);
}

/** The head of a document: organ, title, number. */
export function head(h: Pick<CaseHeader, 'commissionName' | 'caseNumber'>, title: string): Paragraph[] {
  return [organLine(h.commissionName), docTitle(title), docNumber(caseNumberText(h))];
}

/** "申请人：张三等30人（名单附后）" + 代表人 — the applicant side in one or two lines. */
export function applicantLines(h: CaseHeader, ids: IdMode): string[] {
  if (h.workers.length === 1) {
    const w = h.workers[0] as WorkerRow;
    return [`申请人：${w.name}，公民身份号码：${ids === 'full' ? w.idNumber : maskIdNumber(w.idNumber)}。`];
  }
  const reps = representatives(h);
  const lines = [`申请人：${applicantsName(h.workers)}${h.workers.length > 3 ? '（名单附后）' : ''}。`];
  if (reps.length) lines.push(`代表人：${reps.join('、')}。`);
  return lines;
}

/** "被申请人：…，统一社会信用代码：…，住所：…，法定代表人：…" */
export function respondentLine(p: PartyData, ids: IdMode): string {
  const parts = [`被申请人：${p.name}`];
  if (p.kind === 'company') {
    if (p.creditCode) parts.push(`统一社会信用代码：${p.creditCode}`);
    if (p.address) parts.push(`住所：${p.address}`);
    if (p.legalRepresentative) parts.push(`法定代表人：${p.legalRepresentative}`);
  } else {
    if (p.idNumber) parts.push(`公民身份号码：${ids === 'full' ? p.idNumber : maskIdNumber(p.idNumber)}`);
    if (p.address) parts.push(`住址：${p.address}`);
  }
  if (p.roleLabel) parts.push(`（本项目${p.roleLabel}）`);
  return `${parts.join('，').replace('，（', '（')}。`;
}

/** The salutation line: "张三等30人：" */
export function salutation(name: string): Paragraph {
  return addressee(`${name}：`);
}

export const chineseOrdinal = (n: number): string => {
  const d = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
  if (n <= 10) return n === 10 ? '十' : (d[n] as string);
  if (n < 20) return `十${d[n - 10]}`;
  return `${d[Math.floor(n / 10)]}十${d[n % 10]}`;
};

/** Numbered paragraphs "一、…", "二、…" in body style. */
export function numbered(items: string[], start = 1): Paragraph[] {
  return items.map((t, i) => para(`${chineseOrdinal(i + start)}、${t}`));
}

export type WorkerTableOptions<W extends WorkerRow = WorkerRow> = {
  ids: IdMode;
  /** Which amount column(s) to show. */
  amounts: { header: string; value: (w: W) => number }[];
  /** Extra text column after the amounts (e.g. 签收) */
  extra?: { header: string; value: (w: W) => string };
};

/**
 * The per-worker list: 序号, 姓名, 公民身份号码 (full or masked), amounts, totals row; header repeated on
 * every page, rows never split.
 */
export function workerTable<W extends WorkerRow>(workers: W[], opts: WorkerTableOptions<W>): Table {
  const amountWidth = (44 - (opts.extra ? 14 : 0)) / Math.max(1, opts.amounts.length);
  const columns: TableColumn[] = [
    { header: '序号', width: '8%', align: 'center' },
    { header: '姓名', width: '14%', align: 'center' },
    { header: '公民身份号码', width: '34%', align: 'center' },
    ...opts.amounts.map((a): TableColumn => ({ header: a.header, width: `${amountWidth}%`, align: 'right' })),
    ...(opts.extra ? [{ header: opts.extra.header, width: '14%', align: 'center' } satisfies TableColumn] : []),
  ];
  const rows = workers.map((w, i) => [
    String(i + 1),
    w.name,
    opts.ids === 'full' ? w.idNumber : maskIdNumber(w.idNumber),
    ...opts.amounts.map((a) => formatFen(a.value(w))),
    ...(opts.extra ? [opts.extra.value(w)] : []),
  ]);
  const totals = ['合计', `${workers.length}人`, '', ...opts.amounts.map((a) => formatFen(sumFen(workers.map(a.value)))), ...(opts.extra ? [''] : [])];
  return table({ columns, rows, totals });
}

/** "附：申请人名单（共30人，金额单位：元）" + the table. */
export function workerAnnex<W extends WorkerRow>(title: string, workers: W[], opts: WorkerTableOptions<W>): (Paragraph | Table)[] {
  return [blankLine(), para(`附：${title}（共${workers.length}人，金额单位：元）`, { indent: false, keepNext: true }), workerTable(workers, opts)];
}

/** "联系地址：…　联系电话：…" when the commission has them. */
export function contactLines(h: CaseHeader): Paragraph[] {
  const out: Paragraph[] = [];
  if (h.commissionAddress) out.push(para(`本委地址：${h.commissionAddress}`, { indent: true }));
  if (h.commissionPhone) out.push(para(`联系电话：${h.commissionPhone}`, { indent: true }));
  return out;
}

export const cn = formatChineseDate;

export const procedureText = (h: CaseHeader): string =>
  h.isCollective
    ? `本案为集体劳动人事争议，依照${COLLECTIVE_TRIBUNAL_BASIS}的规定，由三名仲裁员组成仲裁庭（设首席仲裁员）审理，不适用独任审理`
    : h.procedure === 'simplified'
      ? '本案适用简易处理程序，由仲裁员一人独任仲裁'
      : '本案适用普通程序，由三名仲裁员组成仲裁庭审理';
