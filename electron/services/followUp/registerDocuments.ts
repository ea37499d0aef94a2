/**
 * Registers the 强制执行申请书 builder: what the court may enforce today (./enforceable), against the
 * respondents the effective instruments bind, each with its amount. Imported for its effect by
 * ./handlers.ts.
 */
import { eq } from 'drizzle-orm';
import { AppFailure } from '../../core/contract';
import { formatChineseDate, todayInChina } from '../../core/dates';
import { enforcementPartLabels } from '../../core/enforcement';
import { PRINCIPAL_KINDS, type LiabilityKind } from '../../core/liability';
import { formatYuan } from '../../core/money';
import { documentLabels } from '../../documents';
import { buildEnforcementApplication, type EnforcementObligation } from '../../documents/notices/enforcementApplication';
import { payments } from '../../../db/schema';
import { readCase } from '../documents/collect';
import { registerDocumentBuilder } from '../documents/registry';
import { notEnforceableReasons, readEnforcement, type Enforcement } from './enforceable';

/** One sentence per instrument that has an enforceable amount ("该委": the workers write the application, not the commission). */
function instrumentSentences(e: Enforcement): string[] {
  const out: string[] = [];
  for (const p of e.parts) {
    if (!e.items.some((i) => i.part === p.part && i.enforceableFen > 0) || !p.effectiveOn) continue;
    if (p.part === 'mediation') out.push(`该委作出的调解书已于${formatChineseDate(p.effectiveOn)}经双方当事人签收发生法律效力，约定的履行期限已届满`);
    else if (p.part === 'final') out.push(`该委于${formatChineseDate(p.effectiveOn)}作出的${e.hasNonFinal ? '终局裁决书' : '裁决书（终局裁决）'}自作出之日起发生法律效力（《中华人民共和国劳动争议调解仲裁法》第四十七条），裁决确定的履行期限已于${formatChineseDate(p.payBy!)}届满`);
    else out.push(`该委作出的${e.hasFinal ? '非终局裁决书' : '裁决书'}送达后，当事人在法定期间内未向人民法院起诉，已于${formatChineseDate(p.effectiveOn)}发生法律效力（《中华人民共和国劳动争议调解仲裁法》第五十条），裁决确定的履行期限已于${formatChineseDate(p.payBy!)}届满`);
  }
  return out;
}

registerDocumentBuilder('enforcementApplication', {
  label: documentLabels.enforcementApplication,
  batch: false,
  missing: (ctx, db, caseId) => {
    const e = readEnforcement(ctx, db, caseId);
    if (!e.items.length) return ['没有调解书或裁决书确定的款项'];
    if (e.totalFen > 0) return [];
    const unpaid = e.items.some((i) => i.unpaidFen > 0);
    return unpaid ? [`暂无可申请强制执行的款项：${notEnforceableReasons(e).join('；')}`] : ['已全部履行，无需申请强制执行'];
  },
  collect: (ctx, db, caseId) => {
    const e = readEnforcement(ctx, db, caseId);
    if (e.totalFen <= 0) throw new AppFailure('conflict', `暂无可申请强制执行的款项：${notEnforceableReasons(e).join('；') || '已全部履行'}`);
    const facts = readCase(ctx, db, caseId);
    const rows = facts.header.workers
      .map((w, i) => {
        const id = facts.detail.workers[i]?.id ?? -1;
        const mine = e.items.filter((it) => it.workerId === id && it.enforceableFen > 0);
        return { ...w, dueFen: mine.reduce((s, it) => s + it.amountFen, 0), paidFen: mine.reduce((s, it) => s + it.paidFen, 0), owedFen: mine.reduce((s, it) => s + it.enforceableFen, 0) };
      })
      .filter((w) => w.owedFen > 0);
    // exactly the respondents bound for an amount enforceable now (an owner bound only for instalments not yet due is not named)
    const obligations: EnforcementObligation[] = e.respondents.filter((r) => r.enforceableFen > 0).map((r) => {
      // liabilities name case respondents; the case file lists them by organisation
      const organisationId = e.chain.find((c) => c.id === r.respondentId)?.organisationId;
      const index = facts.detail.respondents.findIndex((x) => x.id === organisationId);
      // each way with the amount enforceable in that way (employer and contracting unit both "pay")
      const ways = new Map<EnforcementObligation['ways'][number]['way'], number>();
      for (const [kind, fen] of Object.entries(r.enforceableByKind) as [LiabilityKind, number][]) {
        const way = PRINCIPAL_KINDS.includes(kind) ? 'pays' : (kind as 'joint' | 'payFirst' | 'advance');
        ways.set(way, (ways.get(way) ?? 0) + fen);
      }
      return { respondent: facts.header.respondents[index]!, ways: [...ways].map(([way, amountFen]) => ({ way, amountFen })), amountFen: r.enforceableFen };
    });
    const notYetFen = e.items.reduce((s, i) => s + (i.enforceableFen === 0 ? i.unpaidFen : 0), 0);
    const notYetParts = (['mediation', 'final', 'nonFinal'] as const).filter((p) => e.items.some((i) => i.part === p && i.enforceableFen === 0 && i.unpaidFen > 0)).map((p) => enforcementPartLabels[p]);
    const names = new Map(facts.detail.workers.map((w) => [w.id, w.name]));
    const history = db
      .select({ date: payments.paidAt, workerId: payments.workerId, amountFen: payments.amountFen, method: payments.method })
      .from(payments)
      .where(eq(payments.caseId, caseId))
      .orderBy(payments.paidAt, payments.id)
      .all()
      .map((p) => ({ date: p.date.slice(0, 10), worker: names.get(p.workerId) ?? '', amountFen: p.amountFen, method: p.method === 'cash' ? '现金' : '银行转账' }));
    const sum = (k: 'dueFen' | 'paidFen' | 'owedFen') => rows.reduce((a, w) => a + w[k], 0);
    return {
      variant: '',
      title: documentLabels.enforcementApplication,
      data: {
        courtName: '＿＿＿＿＿＿＿＿人民法院',
        commissionName: facts.commission.name,
        caseNumber: facts.header.caseNumber,
        instruments: instrumentSentences(e),
        workers: rows,
        representatives: facts.detail.workers.filter((w) => w.isRepresentative).map((w) => w.name),
        obligations,
        dueTotalFen: sum('dueFen'),
        paidTotalFen: sum('paidFen'),
        unpaidTotalFen: sum('owedFen'),
        notYet: notYetFen > 0 ? `另有${notYetParts.join('、')}确定的${formatYuan(notYetFen)}尚未发生法律效力或者尚未届履行期限，本次不申请执行。` : '',
        setAsidePending: e.setAsidePending ? '被执行人已向人民法院申请撤销终局裁决，尚在审理中；人民法院裁定中止执行的，申请执行人将依法配合。' : null,
        payments: history,
        issuedOn: todayInChina(ctx.now()),
      },
    };
  },
  build: (c) => [{ variant: c.variant, title: c.title, document: buildEnforcementApplication(c.data) }],
});
