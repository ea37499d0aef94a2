/**
 * How the 调解书 and the 裁决书 state the claims withdrawn before them, as a clerk writes it:
 * "申请人张三于2026年11月3日撤回其要求支付经济补偿的仲裁请求". Workers who withdrew the same kinds of
 * claim on the same day share one sentence ("申请人张三等12人于…撤回其要求支付经济补偿的仲裁请求").
 */
import { formatChineseDate } from '../../core/dates';
import type { ClaimType } from '../../core/domain';
import { workerNames, type DocWorker } from './caseData';

/** The noun of each claim type in the documents ("支付申请人工资…", "撤回其要求支付经济补偿…"). */
export const CLAIM_NOUN: Record<ClaimType, string> = { unpaidWages: '工资', overtime: '加班费', compensation: '经济补偿', damages: '赔偿金', other: '其他款项' };
export const CLAIM_TYPE_ORDER: ClaimType[] = ['unpaidWages', 'overtime', 'compensation', 'damages', 'other'];

export type WithdrawnClaim = { workerId: number; type: ClaimType; claimedFen: number; withdrawnOn: string };

/** One sentence per (date, kinds of claim) group, workers in the document's order; '' when nothing was withdrawn. */
export function withdrawnSentence(withdrawn: WithdrawnClaim[], workers: DocWorker[]): string {
  if (!withdrawn.length) return '';
  const groups = new Map<string, { on: string; types: ClaimType[]; workers: DocWorker[] }>();
  for (const w of workers) {
    const own = withdrawn.filter((c) => c.workerId === w.id);
    for (const on of [...new Set(own.map((c) => c.withdrawnOn))].sort()) {
      const types = CLAIM_TYPE_ORDER.filter((t) => own.some((c) => c.withdrawnOn === on && c.type === t));
      const key = `${on}|${types.join(',')}`;
      const g = groups.get(key) ?? { on, types, workers: [] };
      g.workers.push(w);
      groups.set(key, g);
    }
  }
  const parts = [...groups.values()]
    .sort((a, b) => a.on.localeCompare(b.on))
    .map((g) => `申请人${workerNames(g.workers)}于${formatChineseDate(g.on)}撤回其要求支付${g.types.map((t) => CLAIM_NOUN[t]).join('、')}的仲裁请求`);
  return `${parts.join('；')}。`;
}
