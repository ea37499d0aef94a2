/**
 * Labour inspection alongside the arbitration (监察与仲裁联动): the complaint, 立案, an inquiry record
 * and a 限期改正指令书 with its pay-by date, the inspection's evidence recognised by the arbitration,
 * and — where the facts call for them — the police transfer (an ignored order, amounts over the
 * threshold) and the court enforcement package (an effective award or 调解书 left unpaid).
 */
import { generate, serve } from './documentsService';
import { addCaseEvidence, recogniseForArbitration } from './evidence';
import { employerName, workdays, type LivingCase } from './livingCase';
import type { LivingRun } from './runner';

/**
 * Opens and files the inspection on `complaintOn`, questions the employer, orders payment by
 * `payBy` (correction order generated and served) and shares the evidence with the arbitration.
 */
export async function inspect(run: LivingRun, c: LivingCase, complaintOn: string, payBy: string): Promise<void> {
  const inspectors = `${c.tribunal.inspectors[c.id % 3]!}、${c.tribunal.inspectors[(c.id + 1) % 3]!}`;
  run.at(complaintOn, '09:10');
  await run.call('inspection.open', { caseId: c.id, complaintNumber: `GZ12345-${complaintOn.replaceAll('-', '')}-${String(c.id).padStart(4, '0')}`, complaintReceivedOn: complaintOn, inspectors });
  const filedOn = workdays(run, complaintOn, 1);
  run.at(filedOn, '10:00');
  await run.call('inspection.file', { caseId: c.id, filedOn });
  const exhibits = await addCaseEvidence(run, c, filedOn, 'inspection');
  const inquiryOn = workdays(run, filedOn, 1);
  run.at(inquiryOn, '14:00');
  await run.call('inspection.addStep', {
    caseId: c.id,
    kind: 'inquiryRecord',
    date: inquiryOn,
    title: `对${employerName(c)}项目负责人的询问笔录`,
    note: '项目负责人承认拖欠工资，称建设单位工程款未到位；对工资发放台账记载的欠薪数额无异议。',
    exhibitId: exhibits[0]!.id,
  });
  const orderOn = workdays(run, inquiryOn, 1);
  run.at(orderOn, '16:00');
  await run.call('inspection.addStep', { caseId: c.id, kind: 'correctionOrder', date: orderOn, title: '劳动保障监察限期改正指令书', payBy, note: '责令于期限内足额支付拖欠的农民工工资' });
  run.count('监察立案');
  run.count('限期改正指令');
  const docs = await generate(run, c, 'correctionOrder');
  await serve(run, c, docs, orderOn);
  run.at(orderOn, '16:30');
  await recogniseForArbitration(run, exhibits);
}

/** When an order was ignored and the amounts are over the threshold: the police transfer package. */
export async function transferToPolice(run: LivingRun, c: LivingCase, on: string): Promise<boolean> {
  run.at(on, '10:00');
  await run.call('warnings.refresh', {});
  const open = await run.call('warnings.list', { open: true, caseId: c.id });
  if (!open.some((w) => w.kind === 'correctionOverdue' && w.policeEligible)) return false;
  run.at(on, '15:00');
  await run.call('followUp.policePackage', { caseId: c.id });
  run.count('移送公安机关材料');
  run.count('文书：涉嫌犯罪案件移送书');
  return true;
}

/** An effective award or 调解书 left unpaid past its time: the court enforcement package. */
export async function applyForEnforcement(run: LivingRun, c: LivingCase, on: string): Promise<boolean> {
  run.at(on, '10:00');
  await run.call('warnings.refresh', {});
  const open = await run.call('warnings.list', { open: true, caseId: c.id });
  if (!open.some((w) => w.kind === 'awardUnpaid' || w.kind === 'instalmentOverdue')) return false;
  run.at(on, '15:30');
  await run.call('followUp.enforcementPackage', { caseId: c.id });
  run.count('强制执行申请材料');
  run.count('文书：强制执行申请书');
  return true;
}

