// 结案审批表: an internal form for the file (full details; not served on anyone).
import type { Document } from 'docx';
import { formatFen } from '../../core/money';
import { docTitle, formTable, officialDocument, organLine, SIZES, type FormCell } from '../layout';
import { applicantsName, caseNumberText, cn, respondentsName, type CaseHeader } from './common';

export type ClosingApprovalData = CaseHeader & {
  acceptedOn: string | null;
  closedOn: string;
  /** 调解结案 / 终局裁决 / 非终局裁决 / 撤回 … */
  result: string;
  arbitrators: string[];
  clerk: string | null;
  daysToClose: number | null;
  closedOnTime: boolean | null;
  closedWithinFastTrack: boolean | null;
  fastTrackTargetDays: number;
  /** Exhibits in the file (the page count of the bound file is written in by hand). */
  exhibitCount: number;
  retentionYears: 10 | 5;
  recoveredFen: number;
  claimedTotalFen: number;
  /** A rejected application has no case number: its 不予受理通知书 number stands in. */
  rejectionNumber: string | null;
};

const yesNo = (b: boolean | null) => (b === null ? '—' : b ? '是' : '否');

export function buildClosingApproval(d: ClosingApprovalData): Document {
  const l = (text: string): FormCell => ({ text, label: true });
  const v = (text: string, span = 1, minLines = 1): FormCell => ({ text, span, minLines });
  const rows: FormCell[][] = [
    [l('案　　号'), v(d.caseNumber ?? (d.rejectionNumber ? `未立案（不予受理通知书${d.rejectionNumber}）` : caseNumberText(d)), 3)],
    [l('案　　由'), v(d.cause), l('案件类别'), v(d.isCollective ? `集体争议（${d.workers.length}人）` : '个人争议')],
    [l('申 请 人'), v(`${applicantsName(d.workers)}${d.workers.length > 3 ? `（共${d.workers.length}人）` : ''}`, 3)],
    [l('被申请人'), v(respondentsName(d.respondents), 3, 2)],
    [l('请求金额'), v(`${formatFen(d.claimedTotalFen)}元`), l('已兑付金额'), v(`${formatFen(d.recoveredFen)}元`)],
    [l('结案方式'), v(d.result, 3)],
    [l('仲 裁 员'), v(d.arbitrators.join('、') || '—'), l('书 记 员'), v(d.clerk ?? '—')],
    [l('收案日期'), v(cn(d.receivedOn)), l('立案日期'), v(d.acceptedOn ? cn(d.acceptedOn) : '—')],
    [l('结案日期'), v(cn(d.closedOn)), l('办案天数'), v(d.daysToClose === null ? '—' : `${d.daysToClose}日`)],
    [l('法定期限内\n结案'), v(yesNo(d.closedOnTime)), l(`速裁${d.fastTrackTargetDays}日内\n结案`), v(yesNo(d.closedWithinFastTrack))],
    [l('卷宗页数'), v(`全卷　　页（证据${d.exhibitCount}份）`), l('保管期限'), v(`${d.retentionYears}年`)],
    [l('归档日期'), v('　　年　　月　　日'), l('立卷人'), v('')],
    [l('承办人意见'), v('\n\n签名：　　　　　　　年　　月　　日', 3, 3)],
    [l('仲裁院（庭）\n负责人意见'), v('\n\n签名：　　　　　　　年　　月　　日', 3, 3)],
  ];
  // the case number is the form's first row: no separate number line (printed once)
  const children = [organLine(d.commissionName), docTitle('结案审批表'), formTable({ grid: [20, 30, 20, 30], rows, size: SIZES.xiaoSi })];
  return officialDocument({ title: '结案审批表', children, centeredPageNumbers: true });
}
