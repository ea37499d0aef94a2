// 一事不再理 before acceptance (issue 10 §7): the related-case check includes closed cases in which a
// worker's claims against the same respondent were already decided by an effective 调解书 or an
// issued 裁决书 (一事不再理, 《劳动人事争议仲裁办案规则》第三十四条 — the article's title per the Rules' 释义).
// Worked by hand: case A settles 张三's 8,600元 and 李四's 9,100元 against 江西赣建 and 刘德胜; a new
// case B naming 张三 against 江西赣建 is flagged once A's 调解书 is signed by both sides (not before),
// even after A is closed; a case C naming 张三 against another company is not; case D's issued award
// on 赵六's 5,000元 flags a case E naming 赵六 against the same respondents.
import { afterAll, describe, expect, it } from 'vitest';
import { callApi, caseInput, makeId, openTestServices, tempDataDir, workerDraft } from '../support/services';
import { holdHearing } from '../support/hearing';
import type { Services } from '../../electron/services/createServices';

const ZHANG = makeId('360702', '1980-01-10', 21);
const LI = makeId('360702', '1981-02-11', 22);
const ZHAO = makeId('360702', '1982-03-03', 41);
const OTHER = { role: 'generalContractor' as const, organisation: { kind: 'company' as const, name: '江西南康建工有限公司', creditCode: '91360700MA35Y8888P' } };

const dataDir = tempDataDir();
let s: Services = openTestServices(dataDir, '2026-06-18T02:00:00Z');
function at(day: string) {
  s.close();
  s = openTestServices(dataDir, `${day}T02:00:00Z`);
}
afterAll(() => s.close());

describe('related cases: claims already decided in another case (一事不再理)', () => {
  it('flags a worker whose claims against the same respondent an effective 调解书 or an issued 裁决书 decided, closed cases included', async () => {
    const a = (await callApi(s, 'cases.create', caseInput([workerDraft('张三', ZHANG, '8600'), workerDraft('李四', LI, '9100')], { receivedOn: '2026-05-28' }))).id;
    await callApi(s, 'cases.accept', { id: a, acceptedOn: '2026-06-01' });
    await callApi(s, 'mediation.settleWagesFirst', { caseId: a, workerIds: null, payBy: '2026-06-30' });
    await callApi(s, 'mediation.setOutcome', { caseId: a, outcome: 'settled' });
    const b = (await callApi(s, 'cases.create', caseInput([workerDraft('张三', ZHANG, '8600'), workerDraft('王五', makeId('360702', '1983-04-04', 31), '7000')], { receivedOn: '2026-06-18' }))).id;

    // agreed but not signed: not decided yet; A is open, so it shows as a possible duplicate only
    let related = await callApi(s, 'cases.related', { id: b });
    expect(related.map((r) => [r.caseId, r.alreadyDecided])).toEqual([[a, []]]);

    await callApi(s, 'mediation.recordSignature', { caseId: a, party: 'workers', signedOn: '2026-06-18' });
    await callApi(s, 'mediation.recordSignature', { caseId: a, party: 'respondent', signedOn: '2026-06-18' });
    at('2026-06-19');
    await callApi(s, 'closing.close', { caseId: a, method: 'mediation', closedOn: '2026-06-19' });
    related = await callApi(s, 'cases.related', { id: b });
    expect(related.map((r) => [r.caseId, r.status])).toEqual([[a, 'closed']]);
    // 张三 only (李四 is not in case B), once per respondent of both cases
    expect(related[0]!.alreadyDecided).toEqual([
      '张三对江西赣建建设集团有限公司的请求已由该案生效调解书处理（调解金额8,600.00元）',
      '张三对刘德胜的请求已由该案生效调解书处理（调解金额8,600.00元）',
    ]);

    // the same worker against a respondent A never named: A is closed and decided nothing about it
    const c = (await callApi(s, 'cases.create', caseInput([workerDraft('张三', ZHANG, '8600')], { receivedOn: '2026-06-19', respondents: [OTHER] }))).id;
    expect((await callApi(s, 'cases.related', { id: c })).filter((r) => r.caseId === a)).toEqual([]);

    // an issued award decides too
    const settings = await callApi(s, 'settings.get', {});
    await callApi(s, 'settings.update', { ...settings, minimumWages: [{ effectiveOn: '2024-03-01', monthlyFen: 185_000 }] });
    const d = (await callApi(s, 'cases.create', caseInput([workerDraft('赵六', ZHAO, '5000')], { receivedOn: '2026-05-28' }))).id;
    await callApi(s, 'cases.accept', { id: d, acceptedOn: '2026-06-01' });
    const item = (await callApi(s, 'award.get', { caseId: d })).items[0]!;
    await callApi(s, 'award.save', { caseId: d, items: [{ claimItemId: item.claimItemId, awardedFen: 500_000 }], factsFound: '事实', reasoning: '理由' });
    const e = (await callApi(s, 'cases.create', caseInput([workerDraft('赵六', ZHAO, '5000')], { receivedOn: '2026-06-19' }))).id;
    expect((await callApi(s, 'cases.related', { id: e })).find((r) => r.caseId === d)?.alreadyDecided).toEqual([]);
    await holdHearing(s, d, '2026-06-19');
    await callApi(s, 'award.issue', { caseId: d, decidedOn: '2026-06-19' });
    expect((await callApi(s, 'cases.related', { id: e })).find((r) => r.caseId === d)?.alreadyDecided).toEqual([
      '赵六对江西赣建建设集团有限公司的请求已由该案裁决书处理（裁决金额5,000.00元）',
      '赵六对刘德胜的请求已由该案裁决书处理（裁决金额5,000.00元）',
    ]);
  }, 120_000);
});
