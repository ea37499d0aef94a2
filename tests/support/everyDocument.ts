// Cases in the states that make every document kind generatable: used by tests that must walk
// every kind the registry has (so kinds added later are covered, or the test says which is missing).
import fs from 'node:fs';
import path from 'node:path';
import type { DocumentKind } from '../../electron/core/contract';
import type { Services } from '../../electron/services/createServices';
import { addAccount, callApi, caseInput, makeId, recordAttendance, workerDraft } from './services';

const NAMES = ['赵建华', '钱志强', '孙秀英', '李国平', '周德明', '吴桂兰', '郑海涛', '王春生', '冯玉梅', '陈长青', '褚晓东', '卫红霞'];

/** Builds the cases on `s` (clock pinned at 2026-11-20) and returns, per ready kind, one case it is ready on. */
export async function buildEveryDocumentWorld(s: Services & { dataDir: string }): Promise<{ readyOn: Map<DocumentKind, number>; caseIds: number[] }> {
  const settings = await callApi(s, 'settings.get', {});
  await callApi(s, 'settings.update', { ...settings, minimumWages: [{ effectiveOn: '2024-03-01', monthlyFen: 185_000 }] });
  const drafts = (offset: number) =>
    NAMES.map((n, i) => workerDraft(n, makeId('360702', `198${i % 10}-0${(i % 9) + 1}-1${i % 10}`, 100 + offset + i), i === 0 ? '2447305' : String(8000 + 137 * i)));

  // 1. a collective case: accepted, hearing held, evidence, inspection with an ignored order to pay, award issued
  const main = (await callApi(s, 'cases.create', caseInput(drafts(0), { procedure: 'ordinary', representativeIndexes: [0, 1, 2] }))).id;
  await callApi(s, 'cases.accept', { id: main, acceptedOn: '2026-11-16' });
  const staff: Record<string, number> = {};
  for (const [k, role, name] of [
    ['a', 'arbitrator', '王建国'],
    ['b', 'arbitrator', '李秀梅'],
    ['c', 'arbitrator', '陈志刚'],
    ['k', 'clerk', '周婷'],
  ] as const) {
    staff[k] = await addAccount(s, name, [role]);
  }
  const room = (await callApi(s, 'rooms.save', { name: '第一仲裁庭', location: '仲裁院三楼' })).rooms.find((r) => r.name === '第一仲裁庭')!.id;
  const hearing = await callApi(s, 'hearings.schedule', {
    caseId: main,
    startsAt: '2026-11-19T09:30',
    endsAt: '2026-11-19T11:30',
    roomId: room,
    procedure: 'ordinary',
    presidingId: staff.a!,
    wingIds: [staff.b!, staff.c!],
    clerkId: staff.k!,
    noticeServedOn: '2026-11-16',
  });
  await recordAttendance(s, hearing.id);
  const file = path.join(s.dataDir, '工资表.txt');
  fs.writeFileSync(file, '姓名,应发,实发\n赵建华,24473.05,0\n');
  await callApi(s, 'evidence.addFromPaths', { caseId: main, paths: [file], track: 'arbitration', submittedBy: 'applicant' });
  await callApi(s, 'inspection.open', { caseId: main, complaintNumber: '赣市人社监投〔2026〕18号', complaintReceivedOn: '2026-11-16', inspectors: '陈明、黄丽' });
  await callApi(s, 'inspection.file', { caseId: main, filedOn: '2026-11-16' });
  await callApi(s, 'inspection.addStep', { caseId: main, kind: 'correctionOrder', date: '2026-11-16', title: '劳动保障监察限期改正指令书', payBy: '2026-11-18' });
  const award = await callApi(s, 'award.get', { caseId: main });
  await callApi(s, 'award.save', {
    caseId: main,
    decidedOn: '2026-11-20',
    items: award.items.map((i) => ({ claimItemId: i.claimItemId, awardedFen: i.claimedFen })),
    factsFound: '申请人等在被申请人承建的工程从事木工等工作，被申请人尚欠工资未付。',
    reasoning: '用人单位应当按时足额支付劳动者工资。',
  });
  await callApi(s, 'award.issue', { caseId: main, decidedOn: '2026-11-20' });

  // 2. a mediated case: agreement signed by both sides, partly paid (mediation documents, enforcement)
  const mediated = (await callApi(s, 'cases.create', caseInput(drafts(50).slice(0, 4)))).id;
  await callApi(s, 'cases.accept', { id: mediated, acceptedOn: '2026-11-16' });
  await callApi(s, 'mediation.addSession', { caseId: mediated, heldOn: '2026-11-17', mediator: '黄仲裁员', attendees: [], notes: '' });
  await callApi(s, 'mediation.settleWagesFirst', { caseId: mediated, workerIds: null, payBy: '2026-11-19' });
  await callApi(s, 'mediation.setOutcome', { caseId: mediated, outcome: 'settled' });
  await callApi(s, 'mediation.recordSignature', { caseId: mediated, party: 'workers', signedOn: '2026-11-18' });
  await callApi(s, 'mediation.recordSignature', { caseId: mediated, party: 'respondent', signedOn: '2026-11-18' });

  // 3. a rejected case, closed as rejection (rejection notice, closing approval)
  const rejected = (await callApi(s, 'cases.create', caseInput([workerDraft('郑一鸣', makeId('360702', '1992-08-08', 203), '3000')]))).id;
  await callApi(s, 'cases.reject', { id: rejected, rejectedOn: '2026-11-19', reason: '申请事项不属于劳动人事争议处理范围' });
  await callApi(s, 'closing.close', { caseId: rejected, method: 'rejection', closedOn: '2026-11-20' });

  // 4. a case withdrawn by the applicant: the application recorded first (withdrawal decision)
  const withdrawn = (await callApi(s, 'cases.create', caseInput([workerDraft('孙志远', makeId('360702', '1991-03-03', 205), '4000')]))).id;
  await callApi(s, 'cases.accept', { id: withdrawn, acceptedOn: '2026-11-16' });
  await callApi(s, 'closing.recordWithdrawalApplication', { caseId: withdrawn, appliedOn: '2026-11-19', appliedBy: '孙志远', reason: '工资已付清' });

  // 5. a case mediated in part: one worker's wages settled, the other's claims go on to hearing (partial 调解书)
  const part = (await callApi(s, 'cases.create', caseInput([workerDraft('钱小林', makeId('360702', '1988-04-04', 206), '5000'), workerDraft('吴永春', makeId('360702', '1989-05-05', 207), '6000')]))).id;
  await callApi(s, 'cases.accept', { id: part, acceptedOn: '2026-11-16' });
  await callApi(s, 'mediation.addSession', { caseId: part, heldOn: '2026-11-17', mediator: '黄仲裁员', attendees: [], notes: '' });
  const firstWorker = (await callApi(s, 'cases.get', { id: part })).workers[0]!.id;
  await callApi(s, 'mediation.settleWagesFirst', { caseId: part, workerIds: [firstWorker], payBy: '2026-11-19' });

  const caseIds = [main, mediated, rejected, withdrawn, part];
  const readyOn = new Map<DocumentKind, number>();
  for (const caseId of caseIds) {
    for (const a of (await callApi(s, 'documents.list', { caseId })).available) if (a.ready && !readyOn.has(a.kind)) readyOn.set(a.kind, caseId);
  }
  return { readyOn, caseIds };
}
