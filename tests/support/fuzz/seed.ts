/** A small but complete folder for the fuzz suite: ids 1…3 of most tables exist, so plausible inputs reach the services. */
import fs from 'node:fs';
import path from 'node:path';
import type { Services } from '../../../electron/services/createServices';
import { addAccount, callApi, caseInput, makeId, tempDataDir, workerDraft } from '../services';

export async function seedFolder(s: Services): Promise<void> {
  for (const [role, name] of [['arbitrator', '王建国'], ['arbitrator', '李秀英'], ['arbitrator', '陈志强'], ['clerk', '周婷']] as const) await addAccount(s, name, [role]);
  await callApi(s, 'rooms.save', { name: '第一仲裁庭', location: '三楼' });
  await callApi(s, 'rooms.save', { name: '第二仲裁庭', location: '三楼' });
  const workers = (seed: number) => [
    workerDraft('张三丰', makeId('360702', '1980-01-01', seed), '12000'),
    workerDraft('李小红', makeId('360702', '1981-02-02', seed + 1), '8500'),
    workerDraft('王五', makeId('360702', '1982-03-03', seed + 2), '3000'),
  ];
  const a = (await callApi(s, 'cases.create', caseInput(workers(10)))).id;
  const b = (await callApi(s, 'cases.create', caseInput(workers(20)))).id;
  await callApi(s, 'cases.create', caseInput(workers(30), { startTrack: 'inspection', complaint: { complaintNumber: 'JC-2026-001', inspectors: '刘洋' } }));
  await callApi(s, 'cases.accept', { id: a, acceptedOn: '2026-11-18' });
  await callApi(s, 'cases.accept', { id: b, acceptedOn: '2026-11-18' });
  const dir = tempDataDir('sucai-fuzz-files-');
  const files = ['工资表.txt', '考勤.csv', '合同.txt'].map((name, i) => {
    const file = path.join(dir, name);
    fs.writeFileSync(file, `姓名,欠发\n张三丰,${12000 + i}\n`);
    return file;
  });
  await callApi(s, 'evidence.addFromPaths', { caseId: a, paths: files, track: 'arbitration', submittedBy: 'applicant' });
  await callApi(s, 'mediation.addSession', { caseId: a, heldOn: '2026-11-19', mediator: '李秀英', attendees: [{ role: '申请人', name: '张三丰' }], notes: '双方同意调解' });
  await callApi(s, 'hearings.schedule', { caseId: a, startsAt: '2026-11-30T09:00', endsAt: '2026-11-30T10:30', roomId: 1, procedure: 'simplified', presidingId: 1, wingIds: [], clerkId: 4, noticeServedOn: '2026-11-20' });
  await callApi(s, 'documents.generate', { caseId: a, kind: 'acceptanceNotice' });
}
