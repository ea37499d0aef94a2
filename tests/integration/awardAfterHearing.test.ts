// An award only after a hearing held (调解仲裁法第三十五条: the tribunal notifies the parties of the
// hearing; 第三十六条: an applicant who stays away is deemed to withdraw, a respondent who stays away
// is heard by default — a default award rests on a hearing held). domain.md names no procedure for
// deciding on the papers (书面审理), so there is no exception. Each row is one case, worked by hand:
// what the case's hearings are, and whether award.issue (and the 裁决书) is refused.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Services } from '../../electron/services/createServices';
import { documentPath } from '../../electron/services/documents/generate';
import { compact, docxToPdf, hasSoffice, pdfPages } from '../support/pdf';
import { addAccount, callApi, caseInput, makeId, openTestServices, recordAttendance, repoRoot, tempDataDir, workerDraft } from '../support/services';

let dataDir: string;
let s: Services & { dataDir: string };
let staff: { a: number; k: number; room: number };

function at(day: string) {
  s?.close();
  s = openTestServices(dataDir, `${day}T02:00:00Z`);
}

type Hearing = 'none' | 'scheduled' | 'cancelled' | 'held' | 'default' | 'deemedWithdrawal';
const rows: { name: string; hearing: Hearing; hearingOn: string; decidedOn: string; refused: RegExp | null }[] = [
  { name: 'no hearing at all', hearing: 'none', hearingOn: '', decidedOn: '2026-06-20', refused: /本案尚未开庭审理/ },
  { name: 'a hearing scheduled, attendance not recorded', hearing: 'scheduled', hearingOn: '2026-06-15', decidedOn: '2026-06-20', refused: /本案尚未开庭审理/ },
  { name: 'the only hearing cancelled', hearing: 'cancelled', hearingOn: '2026-06-15', decidedOn: '2026-06-20', refused: /本案尚未开庭审理/ },
  { name: 'the applicant stayed away (deemed withdrawal, Art 36)', hearing: 'deemedWithdrawal', hearingOn: '2026-06-15', decidedOn: '2026-06-20', refused: /本案尚未开庭审理/ },
  { name: 'held, but the award dated before the hearing', hearing: 'held', hearingOn: '2026-06-15', decidedOn: '2026-06-12', refused: /裁决日期2026年6月12日早于开庭日期2026年6月15日/ },
  { name: 'held, every party present', hearing: 'held', hearingOn: '2026-06-15', decidedOn: '2026-06-20', refused: null },
  { name: 'held, the respondents stayed away (default award, Art 36)', hearing: 'default', hearingOn: '2026-06-15', decidedOn: '2026-06-20', refused: null },
];

beforeAll(async () => {
  dataDir = tempDataDir('sucai-award-hearing-');
  at('2026-06-01');
  const settings = await callApi(s, 'settings.get', {});
  await callApi(s, 'settings.update', { ...settings, minimumWages: [{ effectiveOn: '2024-03-01', monthlyFen: 185_000 }] });
  const a = await addAccount(s, '吴国栋', ['arbitrator']);
  const k = await addAccount(s, '周婷', ['clerk']);
  const room = (await callApi(s, 'rooms.save', { name: '第一仲裁庭', location: '三楼' })).rooms[0]!.id;
  staff = { a, k, room };
}, 60_000);
afterAll(() => s?.close());

describe('award.issue only after a hearing held', () => {
  for (const [i, row] of rows.entries()) {
    it(`${row.name}: ${row.refused ? 'refused' : 'issued'}`, async () => {
      at('2026-06-01');
      const { id } = await callApi(s, 'cases.create', caseInput([workerDraft('张建华', makeId('360702', '1980-01-10', 500 + i), '5000')], { receivedOn: '2026-05-28' }));
      await callApi(s, 'cases.accept', { id, acceptedOn: '2026-06-01' });
      if (row.hearing !== 'none') {
        const h = await callApi(s, 'hearings.schedule', { caseId: id, startsAt: `${row.hearingOn}T${String(9 + i).padStart(2, '0')}:00`, endsAt: `${row.hearingOn}T${String(9 + i).padStart(2, '0')}:50`, roomId: staff.room, procedure: 'simplified', presidingId: staff.a, clerkId: staff.k, noticeServedOn: '2026-06-01' });
        at(row.hearingOn);
        if (row.hearing === 'cancelled') await callApi(s, 'hearings.cancel', { id: h.id, reason: '被申请人申请延期' });
        if (row.hearing === 'held') await recordAttendance(s, h.id);
        if (row.hearing === 'default') await recordAttendance(s, h.id, { respondents: false });
        if (row.hearing === 'deemedWithdrawal') await recordAttendance(s, h.id, { applicants: false });
      }
      at('2026-06-20');
      const item = (await callApi(s, 'award.get', { caseId: id })).items[0]!;
      const save = callApi(s, 'award.save', { caseId: id, decidedOn: row.decidedOn, items: [{ claimItemId: item.claimItemId, awardedFen: 500_000 }], factsFound: '经查，被申请人未支付工资。', reasoning: '用人单位应当按时足额支付劳动报酬。' });
      // a case deemed withdrawn cannot be drafted at all; any other draft saves
      await save.catch(() => undefined);
      const issue = callApi(s, 'award.issue', { caseId: id, decidedOn: row.decidedOn });
      if (row.refused) {
        await expect(issue).rejects.toThrow(row.refused);
        expect((await callApi(s, 'award.get', { caseId: id })).issuedAt).toBeNull();
        if (row.hearing === 'none') await expect(callApi(s, 'documents.generate', { caseId: id, kind: 'award' })).rejects.toThrow(/本案尚未开庭审理/);
        return;
      }
      const { documents } = await issue;
      // issue 11 §4: after the hearing the 开庭通知书 is still offered (for the hearing held), never "尚未安排开庭"
      expect((await callApi(s, 'documents.list', { caseId: id })).available.find((a) => a.kind === 'hearingNotice')).toMatchObject({ ready: true, missing: [] });
      if (!hasSoffice()) return;
      fs.mkdirSync(path.join(repoRoot, 'test-results', 'award-after-hearing'), { recursive: true });
      const pdf = await docxToPdf(documentPath(s.dataDir, documents[0]!), path.join(repoRoot, 'test-results', 'award-after-hearing', `${row.hearing}.pdf`));
      const text = compact(pdfPages(pdf).join('')).replace(/—\d+—/g, '');
      // the real arbitrator, never a blank
      expect(text).toContain('本案适用简易处理，由仲裁员吴国栋独任审理，书记员周婷担任记录。');
      expect(text).not.toContain('＿＿＿独任');
      expect(text).toContain('本委于2026年6月15日公开开庭进行了审理。');
      if (row.hearing === 'default') expect(text).toMatch(/经本委书面通知，无正当理由拒不到庭|缺席/);
    }, 120_000);
  }
});
