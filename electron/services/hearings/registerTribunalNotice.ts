/**
 * Registers the 组庭通知书 builder: one per party (the applicants — each worker of a collective case
 * up to the per-worker limit — and each respondent), from the composed tribunal. Imported for its
 * effect by ./handlers.ts.
 */
import { AppFailure } from '../../core/contract';
import { formatChineseDate } from '../../core/dates';
import { documentLabels } from '../../documents';
import { buildTribunalNotice } from '../../documents/notices/tribunalNotice';
import { allApplicantRecipients, applicantRecipients, nextHearing, pickRecipient, readCase, respondentRecipients, type CaseFacts } from '../documents/collect';
import { registerDocumentBuilder } from '../documents/registry';
import { readTribunal } from './tribunal';

const recipients = (facts: CaseFacts) => [...applicantRecipients(facts, 'collectiveUpToLimit'), ...respondentRecipients(facts)];

registerDocumentBuilder('tribunalNotice', {
  label: documentLabels.tribunalNotice,
  batch: true,
  missing: (ctx, db, caseId) => {
    const facts = readCase(ctx, db, caseId);
    const out: string[] = [];
    if (!facts.detail.hasArbitration) out.push('本案尚无仲裁申请（仅有监察投诉）');
    else if (facts.detail.status !== 'accepted' && facts.detail.status !== 'closed') out.push('案件尚未受理');
    if (!facts.detail.caseNumber && facts.detail.hasArbitration) out.push('尚无案号');
    if (!readTribunal(db, caseId)) out.push('尚未组成仲裁庭（请在“快审”中组庭，或安排开庭时一并组庭）');
    return out;
  },
  recipients: (ctx, db, caseId) => recipients(readCase(ctx, db, caseId)),
  collect: (ctx, db, caseId, variant) => {
    const facts = readCase(ctx, db, caseId);
    const tribunal = readTribunal(db, caseId);
    if (!tribunal) throw new AppFailure('conflict', '尚未组成仲裁庭，不能生成组庭通知书');
    const r = pickRecipient([...allApplicantRecipients(facts), ...respondentRecipients(facts)], variant || (recipients(facts)[0]?.variant ?? ''), '组庭通知书');
    const h = nextHearing(db, caseId);
    const hearing = h ? `${formatChineseDate(h.startsAt.slice(0, 10))}${Number(h.startsAt.slice(11, 13))}时${h.startsAt.slice(14, 16) === '00' ? '' : `${Number(h.startsAt.slice(14, 16))}分`}在${h.roomName}` : null;
    return {
      variant: r.variant,
      title: `${documentLabels.tribunalNotice}（${r.name}）`,
      data: {
        ...facts.header,
        recipientName: r.name,
        tribunal: { procedure: tribunal.procedure, arbitrators: tribunal.arbitratorNames, clerk: tribunal.clerkName, composedOn: tribunal.composedOn },
        hearing,
      },
    };
  },
  build: (c) => [{ variant: c.variant, title: c.title, document: buildTribunalNotice(c.data) }],
});
